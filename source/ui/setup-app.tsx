/**
 * The setup screen at work: the form drawn by Ink, and beside it a live, mirrored thumbnail of the
 * chosen camera drawn by a picture layer, both layers of one compositor (as on the call screen)
 * so they never draw over each other. The thumbnail's source is opened after the choice has stayed
 * for a moment (thumbnail-state.ts) and is stopped before the setup screen returns, so the camera is
 * free for the call.
 */
import React from 'react';
import type {CellSize, ColorDepth, Glyphs} from '../render/layout.js';
import {areaScaler} from '../render/area-scale.js';
import type {FrameSource, SourceOptions} from '../sources/index.js';
import {Compositor} from '../terminal/compositor.js';
import {PictureLayer} from '../terminal/picture-layer.js';
import {openScreen} from '../terminal/screen.js';
import {TextLayer} from '../terminal/text-layer.js';
import {mountOffscreen} from './ink-mount.js';
import {setupLayout, thumbnailSize} from './setup-layout.js';
import {SetupScreen} from './setup-screen.js';
import {reduceSetup, type SetupAction, type SetupResult, type SetupState} from './setup-state.js';
import {Store} from './store.js';
import {
	initialThumbnail,
	reduceThumbnail,
	thumbnailChoice,
	thumbnailDebounceMs,
	thumbnailView,
	type ThumbnailEffect,
	type ThumbnailEvent,
	type ThumbnailView,
} from './thumbnail-state.js';
import {errorMessage} from '../text/error-message.js';

export type OpenSource = (spec: string, options: SourceOptions) => FrameSource;

export type SetupAppOptions = {
	readonly store: Store<SetupState>;
	readonly input: NodeJS.ReadStream;
	readonly output: NodeJS.WriteStream;
	readonly errorOutput: NodeJS.WritableStream;
	/** Opens the thumbnail's source (sources/index.ts openSource; tests pass their own). */
	readonly openSource: OpenSource;
	readonly colorDepth?: ColorDepth;
	readonly glyphs?: Glyphs;
	readonly debounceMs?: number;
	/** Called with the dispatcher once the screen is up (the camera search feeds it). */
	readonly onDispatch?: (dispatch: (action: SetupAction) => void) => void;
};

export async function runSetupApp(options: SetupAppOptions): Promise<SetupResult> {
	const {output, input, store} = options;
	const terminalSize = (): CellSize => ({cols: output.columns || 80, rows: output.rows || 24});
	let size = terminalSize();
	const screen = openScreen({output, input, errorOutput: options.errorOutput});
	const compositor = new Compositor(screen.sink, size);
	const chrome = compositor.add(new TextLayer(0));
	chrome.setRect({col: 0, row: 0, cols: size.cols, rows: size.rows});
	const picture = compositor.add(
		new PictureLayer({
			z: 1,
			scale: areaScaler(),
			colorDepth: options.colorDepth ?? 'truecolor',
			glyphs: options.glyphs,
			mirror: true,
		}),
	);
	const sizeStore = new Store<CellSize>(size);
	const viewStore = new Store<ThumbnailView>(thumbnailView(initialThumbnail));

	let done = false;
	let resolve: (result: SetupResult) => void = () => undefined;
	const chosen = new Promise<SetupResult>((r) => (resolve = r));

	// --- the picture: shown in its rectangle while the thumbnail has one -----------------------
	const placePicture = () => {
		const showing = viewStore.get().kind === 'picture';
		picture.setRect(showing ? setupLayout(size.cols, size.rows).thumbnail : undefined);
	};
	viewStore.subscribe(placePicture);
	const onChrome = (text: string) => {
		if (!done) chrome.setText(text);
	};

	// --- the thumbnail's source ---------------------------------------------------------------
	let thumbnail = initialThumbnail;
	let timer: NodeJS.Timeout | undefined;
	let source: FrameSource | undefined;
	/** Opening and stopping sources, one after another: a camera is stopped before the next opens. */
	let chain: Promise<void> = Promise.resolve();
	const send = (event: ThumbnailEvent) => {
		const [next, effects] = reduceThumbnail(thumbnail, event);
		thumbnail = next;
		viewStore.set(sameView(viewStore.get(), thumbnailView(next)) ? viewStore.get() : thumbnailView(next));
		for (const effect of effects) perform(effect);
	};
	const current = (generation: number) => thumbnail.shown?.generation === generation;
	const message = (error: unknown) => errorMessage(error);
	function perform(effect: ThumbnailEffect) {
		switch (effect.type) {
			case 'arm':
				clearTimeout(timer);
				timer = setTimeout(() => send({type: 'settled'}), options.debounceMs ?? thumbnailDebounceMs);
				break;
			case 'disarm':
				clearTimeout(timer);
				break;
			case 'close':
				picture.clear();
				chain = chain.then(async () => {
					const old = source;
					source = undefined;
					await old?.stop().catch(() => undefined);
				});
				break;
			case 'open': {
				const {spec, generation} = effect;
				chain = chain.then(async () => {
					if (!current(generation)) return;
					let opened: FrameSource;
					try {
						opened = options.openSource(spec, {
							width: thumbnailSize.cols,
							height: thumbnailSize.rows * 2,
							fps: 15,
							loop: true,
						});
					} catch (error) {
						send({type: 'failed', generation, message: message(error)});
						return;
					}
					source = opened;
					opened.onFrame((next) => {
						if (!done && current(generation)) picture.show(next);
					});
					opened.onError((error) => send({type: 'failed', generation, message: error.message}));
					try {
						await opened.start();
						send({type: 'started', generation});
					} catch (error) {
						send({type: 'failed', generation, message: message(error)});
					}
				});
				break;
			}
		}
	}
	const follow = () => send({type: 'choice', ...thumbnailChoice(store.get())});

	// --- the form ----------------------------------------------------------------------------
	const dispatch = (action: SetupAction) => {
		if (done) return;
		const [next, result] = reduceSetup(store.get(), action);
		store.set(next);
		follow();
		if (result) resolve(result);
	};

	const ink = mountOffscreen(
		<SetupScreen store={store} dispatch={dispatch} size={sizeStore} thumbnail={viewStore} />,
		{size, input, errorOutput: options.errorOutput, onFrame: onChrome},
	);
	const onResize = () => {
		size = terminalSize();
		compositor.resize(size);
		chrome.setRect({col: 0, row: 0, cols: size.cols, rows: size.rows});
		placePicture();
		sizeStore.set(size);
		ink.setSize(size);
	};
	output.on('resize', onResize);

	follow();
	options.onDispatch?.(dispatch);
	try {
		return await chosen;
	} finally {
		send({type: 'end'});
		done = true;
		clearTimeout(timer);
		output.off('resize', onResize);
		ink.unmount();
		compositor.close();
		await chain;
		await source?.stop().catch(() => undefined);
		screen.close();
	}
}

function sameView(a: ThumbnailView, b: ThumbnailView): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}
