/**
 * The setup screen at work: the form drawn by Ink, and beside it a live, mirrored thumbnail of the
 * chosen camera drawn by a terminal surface, both through one ScreenWriter (as on the call screen)
 * so they never draw over each other. The thumbnail's source is opened after the choice has stayed
 * for a moment (thumbnail-state.ts) and is stopped before the setup screen returns, so the camera is
 * free for the call.
 */
import React from 'react';
import {render} from 'ink';
import ansiEscapes from 'ansi-escapes';
import type {Frame} from '../frame.js';
import type {CellRect, ColorDepth} from '../render/layout.js';
import {areaScaler} from '../render/area-scale.js';
import type {FrameSource, SourceOptions} from '../sources/index.js';
import {guardTerminal} from '../terminal/restore.js';
import {TerminalSurface} from '../terminal/surface.js';
import {InkStream, offscreenInkOptions, ScreenWriter} from './screen.js';
import {setupLayout, thumbnailSize} from './setup-layout.js';
import {SetupScreen, type TerminalSize} from './setup-screen.js';
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

export type OpenSource = (spec: string, options: SourceOptions) => FrameSource;

export type SetupAppOptions = {
	readonly store: Store<SetupState>;
	readonly input: NodeJS.ReadStream;
	readonly output: NodeJS.WriteStream;
	readonly errorOutput: NodeJS.WritableStream;
	/** Opens the thumbnail's source (sources/index.ts openSource; tests pass their own). */
	readonly openSource: OpenSource;
	readonly colorDepth?: ColorDepth;
	readonly debounceMs?: number;
	/** Called with the dispatcher once the screen is up (the camera search feeds it). */
	readonly onDispatch?: (dispatch: (action: SetupAction) => void) => void;
};

export async function runSetupApp(options: SetupAppOptions): Promise<SetupResult> {
	const {output, input, store} = options;
	const terminalSize = (): TerminalSize => ({cols: output.columns || 80, rows: output.rows || 24});
	let size = terminalSize();
	const screen = new ScreenWriter(output, size);
	const surface = new TerminalSurface({
		stream: screen.surfaceStream,
		region: {col: 0, row: 0, cols: 0, rows: 0},
		scale: areaScaler(),
		colorDepth: options.colorDepth ?? 'truecolor',
		mirror: true,
		keepCursor: true,
	});
	const sizeStore = new Store<TerminalSize>(size);
	const viewStore = new Store<ThumbnailView>(thumbnailView(initialThumbnail));

	const restoreText = '\x1b[m' + ansiEscapes.cursorShow + ansiEscapes.exitAlternativeScreen;
	output.write(ansiEscapes.enterAlternativeScreen + ansiEscapes.cursorHide + ansiEscapes.eraseScreen);
	const unguard = guardTerminal(() => output.write(restoreText), options.errorOutput);

	let done = false;
	let resolve: (result: SetupResult) => void = () => undefined;
	const chosen = new Promise<SetupResult>((r) => (resolve = r));

	// --- the picture ------------------------------------------------------------------------
	let frame: Frame | undefined;
	let dirty = false;
	let scheduled = false;
	/** The hole the chrome leaves for the picture, as last handed to the screen writer. */
	let hole: CellRect | undefined;
	const paint = () => {
		scheduled = false;
		if (done || !hole || !frame || !dirty || screen.congested) return;
		dirty = false;
		const shown = frame;
		screen.transaction(() => surface.draw(shown));
	};
	const schedulePaint = () => {
		if (scheduled || done) return;
		scheduled = true;
		setImmediate(paint);
	};

	const onChrome = (text: string) => {
		if (done) return;
		const view = viewStore.get();
		const rect = setupLayout(size.cols, size.rows).thumbnail;
		const next = view.kind === 'picture' ? rect : undefined;
		screen.transaction(() => {
			if (hole && !sameRect(hole, next)) {
				// The picture goes: blank it, for Ink's shorter lines do not cover it.
				const old = hole;
				let clear = '\x1b7\x1b[m';
				for (let y = old.row; y < old.row + old.rows; y++)
					clear += `${ansiEscapes.cursorTo(old.col, y)}\x1b[${old.cols}X`;
				screen.surfaceStream.write(clear + '\x1b8');
			}
			if (!sameRect(hole, next)) {
				hole = next;
				screen.setHoles(next ? [next] : []);
				if (next) {
					surface.setRegion(next);
					surface.invalidate();
					dirty = Boolean(frame);
				}
			}
			screen.setChrome(text);
		});
		schedulePaint();
	};
	const inkStream = new InkStream(size, onChrome);

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
	const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
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
				frame = undefined;
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
						if (done || !current(generation)) return;
						frame = next;
						dirty = true;
						schedulePaint();
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

	const ink = render(
		<SetupScreen store={store} dispatch={dispatch} size={sizeStore} thumbnail={viewStore} />,
		offscreenInkOptions(inkStream, input, options.errorOutput),
	);
	const onResize = () => {
		size = terminalSize();
		screen.resize(size);
		surface.invalidate();
		dirty = Boolean(frame);
		sizeStore.set(size);
		inkStream.setSize(size);
		schedulePaint();
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
		await chain;
		await source?.stop().catch(() => undefined);
		unguard();
	}
}

function sameRect(a: CellRect | undefined, b: CellRect | undefined): boolean {
	if (!a || !b) return a === b;
	return a.col === b.col && a.row === b.row && a.cols === b.cols && a.rows === b.rows;
}

function sameView(a: ThumbnailView, b: ThumbnailView): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}
