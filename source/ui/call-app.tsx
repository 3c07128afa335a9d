/**
 * The call screen at work: the parts each in their own module, wired here. State lives in the
 * pure reducer (call-state.ts); its effects are what this file carries out: send chat, pause,
 * call again, answer the key question, quit, and change the layout (the only way the layout
 * changes, besides a resize).
 *
 * - call-compositor.ts: the screen (chrome, peer video, self view as layers of one compositor)
 * - call-camera.ts: your camera (source, retry, pause, cards)
 * - control/controller.ts: the call (dial, listen, its events as actions, the changed-key question)
 * - ink-mount.ts: Ink drawing the chrome off screen
 */
import React from 'react';
import type {Frame} from '../frame.js';
import {pixelsPerCell, type CellSize, type ColorDepth, type Glyphs} from '../render/layout.js';
import {defaultPort, listenFailure} from '../net/address.js';
import type {CallStats} from '../session/stats.js';
import {openScreen} from '../terminal/screen.js';
import type {AnswerSource} from '../terminal/sink.js';
import {CallCamera, readSize} from './call-camera.js';
import {CallCompositor} from './call-compositor.js';
import {CallController, type CallSetup} from '../control/controller.js';
import {
	type CallAction,
	type CallScreenState,
	type Effect,
	initialCallState,
	reduceCall,
	type KeyPress,
} from './call-state.js';
import {CallScreen, callScreenLayout, statusLine} from './call-screen.js';
import {mountOffscreen} from './ink-mount.js';
import {Store} from './store.js';

export type PeerWindow = {show(frame: Frame): void; close(): void};

export type CallAppOptions = CallSetup & {
	readonly camera: string;
	readonly seconds?: number;
	readonly colorDepth: ColorDepth;
	/** Said once in the status line: why the picture is in 256 colours (terminal/color.ts colorNotice). */
	readonly colorNotice?: string;
	/** Said once in the status line: which glyphs `auto` chose and why (terminal/glyph-support.ts). */
	readonly glyphNotice?: string;
	readonly glyphs?: Glyphs;
	readonly threshold?: number;
	/** Opens the --window; undefined: no window. Returns a notice when it cannot. */
	readonly openWindow?: (notice: (text: string) => void) => Promise<PeerWindow | undefined>;
	readonly input: NodeJS.ReadStream;
	readonly output: NodeJS.WriteStream;
	readonly errorOutput: NodeJS.WritableStream;
	/** The terminal's DA1 answers (flow control); the input must then be without them. */
	readonly answers?: AnswerSource;
	/** Called once the app listens (tests, demo). */
	readonly onListening?: (port: number) => void;
	/** Seconds between camera retries after it was lost. */
	readonly cameraRetrySeconds?: number;
	/** Measures for benchmarks. */
	readonly meter?: AppMeter;
	/** Every stats report of the call (benchmarks, tests). */
	readonly onStats?: (stats: CallStats) => void;
};

export type AppMeter = {renderMs: number; videoDraws: number; peerFramesDrawn: number};

export async function runCallApp(options: CallAppOptions): Promise<number> {
	const {output, input} = options;
	const terminalSize = (): CellSize => ({cols: output.columns || 80, rows: output.rows || 24});
	let size = terminalSize();
	const screen = openScreen({output, input, errorOutput: options.errorOutput, answers: options.answers});
	const {sink} = screen;
	const meter = options.meter;
	const view = new CallCompositor(sink, size, {
		colorDepth: options.colorDepth,
		glyphs: options.glyphs,
		threshold: options.threshold,
		onPaint: meter
			? (_bytes, ms) => {
					meter.renderMs += ms;
					meter.videoDraws++;
					meter.peerFramesDrawn = view.peer.framesDrawn;
				}
			: undefined,
	});
	const store = new Store<CallScreenState>({
		// A call by invite code works once: the screen does not offer to make it again.
		...initialCallState(options.role, options.camera, options.target, {
			singleUse: options.connect !== undefined,
		}),
		notice: [options.glyphNotice, options.colorNotice].filter(Boolean).join('; ') || undefined,
	});
	const sizeStore = new Store<CellSize>(size);

	let finish: (code: number) => void = () => undefined;
	let stopTimer: NodeJS.Timeout | undefined;
	const finished = new Promise<number>((resolve) => (finish = resolve));
	let done = false;
	let peerWindow: PeerWindow | undefined;

	const dispatch = (action: CallAction) => {
		if (done) return;
		const [next, effects] = reduceCall(store.get(), action);
		store.set(next);
		for (const effect of effects) perform(effect);
	};

	const connection = new CallController({
		...options,
		screenLagMs: () => sink.lagMs,
		dispatch,
		onFrame: (frame) => {
			dispatch({type: 'peer-size', width: frame.width, height: frame.height});
			view.showPeer(frame);
			peerWindow?.show(frame);
		},
		onCallStarted: () => {
			if (camera.showingCard) camera.sendCard();
			// --seconds is the call's length, from the first call's start, as in the plain status line
			// (calls/plain.ts): a slow handshake does not use it up.
			if (options.seconds && !stopTimer) stopTimer = setTimeout(() => finish(0), options.seconds * 1000);
		},
	});
	const camera = new CallCamera({
		spec: options.camera,
		retrySeconds: options.cameraRetrySeconds,
		onFrame: (frame, native) => {
			connection.sendFrame(frame, native);
			// The camera's own shape, not the frame's: the frame is read at the size the layout gives
			// the self view, which would otherwise feed back into that layout.
			dispatch({type: 'self-size', width: native.width, height: native.height});
			view.showSelf(frame);
		},
		onState: (state) => dispatch({type: 'camera', camera: state}),
		sizeFor: (native) =>
			readSize(connection.sendSizeFor(native), view.self.layoutFor(native), connection.idle),
	});

	/** The layout from the state and the terminal's size, onto the screen and to the peer. */
	const applyLayout = () => {
		const layout = callScreenLayout(store.get(), size);
		view.applyLayout(layout);
		// Square pixels at the glyphs' density across: a frame of that size lays out to the same
		// picture (layout.ts squareWidth), and the layer scales it to the glyphs' grid.
		const {across} = pixelsPerCell(options.glyphs ?? 'half');
		connection.showAt(
			peerWindow
				? {width: 0, height: 0}
				: {width: layout.video.cols * across, height: layout.video.rows * 2 * across},
		);
	};

	function perform(effect: Effect) {
		switch (effect.type) {
			case 'quit':
				finish(0);
				break;
			case 'send-chat':
				connection.sendChat(effect.text);
				break;
			case 'pause':
				camera.setPaused(effect.paused);
				break;
			case 'redial':
				connection.dial();
				break;
			case 'layout-changed':
				applyLayout();
				break;
			case 'hang-up':
				connection.hangUp();
				break;
			case 'answer-key-change':
				connection.settleKeyChange(effect.accept);
				break;
		}
	}

	// The status line is a layer of its own, drawn from every state; Ink draws the rest, only
	// when what it shows changed (not on each second's stats).
	const showStatus = () => {
		if (!done) view.setStatus(statusLine(store.get(), size));
	};
	const unsubscribeStatus = store.subscribe(showStatus);
	showStatus();
	const onKey = (key: KeyPress) => dispatch({type: 'key', key});
	const ink = mountOffscreen(<CallScreen store={store} size={sizeStore} onKey={onKey} status={false} />, {
		size,
		input,
		errorOutput: options.errorOutput,
		onFrame: (text) => {
			if (!done) view.setChrome(text);
		},
	});
	applyLayout();

	const onResize = () => {
		size = terminalSize();
		view.resize(size);
		sizeStore.set(size);
		ink.setSize(size);
		applyLayout();
		showStatus();
	};
	output.on('resize', onResize);

	void camera.start();
	if (options.openWindow) {
		void options
			.openWindow((text) => dispatch({type: 'notice', text}))
			.then((window) => {
				if (done) window?.close();
				else {
					peerWindow = window;
					applyLayout();
				}
			});
	}
	let code = 0;
	let failure: string | undefined;
	try {
		if (options.role === 'listen') {
			await connection.listen().catch((error: unknown) => {
				code = 1;
				finish(1);
				failure = listenFailure(error, options.host, options.port ?? defaultPort);
			});
		} else connection.dial();
		code = await finished;
	} finally {
		done = true;
		clearTimeout(stopTimer);
		output.off('resize', onResize);
		unsubscribeStatus();
		await connection.close();
		peerWindow?.close();
		ink.unmount();
		view.close();
		await camera.stop();
		screen.close();
		if (failure) options.errorOutput.write(`facetty: ${failure}\n`);
	}
	return code;
}
