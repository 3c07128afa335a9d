/**
 * The call screen at work: a listener or a caller, your camera, the peer's video and yours drawn
 * by terminal surfaces, the chrome drawn by Ink, all through one ScreenWriter so they never draw
 * over each other. State lives in the pure reducer (call-state.ts); this file carries out what it
 * asks (send chat, pause, call again, quit) and feeds it the network's and the camera's events.
 */
import React from 'react';
import {render} from 'ink';
import ansiEscapes from 'ansi-escapes';
import type {Frame} from '../frame.js';
import type {CellRect, ColorDepth, Glyphs} from '../render/layout.js';
import {areaScaler} from '../render/area-scale.js';
import type {Call, CallOptions, PeerKeyChange, ProtocolChoice} from '../session/call.js';
import {dial, listen, type Listener} from '../session/connect.js';
import type {CallStats} from '../session/stats.js';
import {openSource, type FrameSource} from '../sources/index.js';
import {guardTerminal} from '../terminal/restore.js';
import {TerminalSurface} from '../terminal/surface.js';
import {shareableAddresses} from './addresses.js';
import {
	type CallAction,
	type CallScreenState,
	type Effect,
	initialCallState,
	reduceCall,
	type KeyPress,
} from './call-state.js';
import {CallScreen, callScreenLayout, type TerminalSize} from './call-screen.js';
import {cardFrame} from './cards.js';
import {refusalText} from './refusal.js';
import {InkStream, offscreenInkOptions, ScreenWriter} from './screen.js';
import {Store} from './store.js';

export type PeerWindow = {show(frame: Frame): void; close(): void};

export type CallAppOptions = {
	readonly role: 'listen' | 'call';
	readonly host?: string;
	readonly port?: number;
	/** call: HOST:PORT */
	readonly target?: string;
	readonly camera: string;
	readonly name?: string;
	/** --secret, --require-encryption, --peer-key: see CallOptions. */
	readonly secret?: string;
	readonly requireEncryption?: boolean;
	readonly peerKey?: string;
	/** identity.pem and known_peers (the CLI: defaultConfigDir()); none: a throwaway key, no memory. */
	readonly configDir?: string;
	/** Seconds the user has to answer about a changed peer key before it is refused; default 45. */
	readonly keyChangeSeconds?: number;
	readonly protocol?: ProtocolChoice;
	readonly quality?: number;
	readonly stats?: string;
	readonly seconds?: number;
	readonly colorDepth: ColorDepth;
	readonly glyphs?: Glyphs;
	readonly threshold?: number;
	/** Opens the --window; undefined: no window. Returns a notice when it cannot. */
	readonly openWindow?: (notice: (text: string) => void) => Promise<PeerWindow | undefined>;
	readonly input: NodeJS.ReadStream;
	readonly output: NodeJS.WriteStream;
	readonly errorOutput: NodeJS.WritableStream;
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

type Parsed = {host: string; port: number};

function parseTarget(target: string): Parsed {
	const match = /^\[?([^\]]*?)\]?:(\d{1,5})$/.exec(target);
	const port = match ? Number(match[2]) : NaN;
	if (!match || !match[1] || !(port >= 1 && port <= 65535)) throw new Error(`"${target}" is not HOST:PORT`);
	return {host: match[1], port};
}

function endText(reason: string, error?: Error): string {
	return error && error.message !== reason ? `${reason} (${error.message})` : reason;
}

export async function runCallApp(options: CallAppOptions): Promise<number> {
	const {output, input} = options;
	const terminalSize = (): TerminalSize => ({cols: output.columns || 80, rows: output.rows || 24});
	let size = terminalSize();
	const screen = new ScreenWriter(output, size);
	const meter = options.meter;
	const surfaceOptions = {
		stream: screen.surfaceStream,
		region: {col: 0, row: 0, cols: 0, rows: 0},
		colorDepth: options.colorDepth,
		glyphs: options.glyphs,
		threshold: options.threshold,
		keepCursor: true,
	};
	const peerSurface = new TerminalSurface({...surfaceOptions, scale: areaScaler()});
	const pipSurface = new TerminalSurface({...surfaceOptions, scale: areaScaler(), mirror: true});
	const store = new Store<CallScreenState>(initialCallState(options.role, options.camera, options.target));
	const sizeStore = new Store<TerminalSize>(size);

	const restoreText = '\x1b[m' + ansiEscapes.cursorShow + ansiEscapes.exitAlternativeScreen;
	output.write(ansiEscapes.enterAlternativeScreen + ansiEscapes.cursorHide + ansiEscapes.eraseScreen);
	const unguard = guardTerminal(() => output.write(restoreText), options.errorOutput);

	let finish: (code: number) => void = () => undefined;
	const finished = new Promise<number>((resolve) => (finish = resolve));
	let done = false;

	// --- video ------------------------------------------------------------------------------
	let peerFrame: Frame | undefined;
	let ownFrame: Frame | undefined;
	let peerDirty = false;
	let ownDirty = false;
	let scheduled = false;
	let waitingForDrain = false;
	let layout = callScreenLayout(store.get(), size);

	const paintVideo = () => {
		scheduled = false;
		if (done) return;
		if (screen.congested) {
			if (!waitingForDrain) {
				waitingForDrain = true;
				output.once('drain', () => {
					waitingForDrain = false;
					schedulePaint();
				});
			}
			return;
		}
		const started = performance.now();
		screen.transaction(() => {
			let peerWrote = 0;
			if (layout.inCall && peerFrame && peerDirty) {
				peerWrote = peerSurface.draw(peerFrame);
				peerDirty = false;
				if (meter) meter.peerFramesDrawn++;
			}
			if (layout.pip && ownFrame && (ownDirty || peerWrote > 0)) {
				// The peer's surface may have drawn over the picture-in-picture: draw it whole again.
				if (peerWrote > 0) pipSurface.invalidate();
				pipSurface.draw(ownFrame);
				ownDirty = false;
			}
		});
		if (meter) {
			meter.renderMs += performance.now() - started;
			meter.videoDraws++;
		}
	};
	const schedulePaint = () => {
		if (scheduled || done) return;
		scheduled = true;
		setImmediate(paintVideo);
	};
	const redrawVideo = () => {
		peerSurface.invalidate();
		pipSurface.invalidate();
		peerDirty = Boolean(peerFrame);
		ownDirty = Boolean(ownFrame);
		schedulePaint();
	};

	// --- chrome -----------------------------------------------------------------------------
	let lastShown: {width: number; height: number} | undefined;
	const applyLayout = () => {
		const next = callScreenLayout(store.get(), size);
		const zero: CellRect = {col: 0, row: 0, cols: 0, rows: 0};
		screen.setHoles(next.holes);
		peerSurface.setRegion(next.inCall ? next.video : zero);
		pipSurface.setRegion(next.pip ?? zero);
		const changed =
			JSON.stringify(next.holes) !== JSON.stringify(layout.holes) || next.inCall !== layout.inCall;
		layout = next;
		if (changed) redrawVideo();
		askForSize();
	};
	const onChrome = (text: string) => {
		if (done) return;
		const started = performance.now();
		applyLayout();
		screen.setChrome(text);
		if (meter) meter.renderMs += performance.now() - started;
	};
	const inkStream = new InkStream(size, onChrome);

	// --- state ------------------------------------------------------------------------------
	const dispatch = (action: CallAction) => {
		const [next, effects] = reduceCall(store.get(), action);
		store.set(next);
		for (const effect of effects) perform(effect);
	};

	// --- window -----------------------------------------------------------------------------
	let peerWindow: PeerWindow | undefined;
	const wantsFullSize = () => peerWindow !== undefined;

	// --- the call ---------------------------------------------------------------------------
	let call: Call | undefined;
	let listener: Listener | undefined;
	// A known peer with another key: the call screen asks; y accepts, anything else (or silence) refuses.
	let answerKeyChange: ((accept: boolean) => void) | undefined;
	let keyChangeTimer: NodeJS.Timeout | undefined;
	const settleKeyChange = (accept: boolean) => {
		clearTimeout(keyChangeTimer);
		const answer = answerKeyChange;
		answerKeyChange = undefined;
		answer?.(accept);
	};
	const confirmPeerKeyChange = (change: PeerKeyChange) =>
		new Promise<boolean>((resolve) => {
			settleKeyChange(false);
			if (done) return resolve(false);
			answerKeyChange = resolve;
			dispatch({type: 'key-change', change});
			keyChangeTimer = setTimeout(
				() => dispatch({type: 'key-change-timeout'}),
				(options.keyChangeSeconds ?? 45) * 1000,
			);
		});
	const callOptions: CallOptions = {
		protocol: options.protocol ?? 'auto',
		quality: options.quality,
		statsFile: options.stats,
		name: options.name,
		secret: options.secret,
		requireEncryption: options.requireEncryption,
		peerKey: options.peerKey,
		configDir: options.configDir,
		confirmPeerKeyChange,
	};

	function askForSize() {
		if (!call || call.protocol !== 'v2' || call.state !== 'in-call') return;
		const glyphsDown = 2;
		const glyphsAcross = options.glyphs === 'quad' ? 2 : 1;
		const wanted = wantsFullSize()
			? {width: 0, height: 0}
			: {width: layout.video.cols * glyphsAcross, height: layout.video.rows * glyphsDown};
		if (lastShown && lastShown.width === wanted.width && lastShown.height === wanted.height) return;
		lastShown = wanted;
		call.requestShownSize(wanted.width, wanted.height);
	}

	// A listener also shows its picture to callers still in their greeting (the seed format
	// announces its size before the call is live).
	const sendOwn = (frame: Frame) => {
		if (listener) listener.sendFrame(frame);
		else call?.sendFrame(frame);
	};

	const attach = (next: Call, address?: string) => {
		call = next;
		lastShown = undefined;
		peerFrame = undefined;
		next.on('error', () => undefined);
		next.on('state', (state) => {
			if (state === 'ended' || call !== next) return;
			if (state === 'in-call') {
				dispatch({
					type: 'call-started',
					protocol: next.protocol,
					address: next.remoteAddress ?? address,
					name: next.peerName,
					security: next.security,
				});
				askForSize();
				if (pausedOrLost()) sendCard();
			} else dispatch({type: 'call-state', state});
		});
		next.on('frame', (frame) => {
			if (call !== next) return;
			peerFrame = frame;
			peerDirty = true;
			peerWindow?.show(frame);
			schedulePaint();
		});
		next.on('chat', (text) => dispatch({type: 'chat-received', text}));
		next.on('security', (security) => {
			if (call === next) dispatch({type: 'security', security});
		});
		next.on('stats', (stats) => {
			options.onStats?.(stats);
			if (call === next && stats.state !== 'ended') dispatch({type: 'stats', stats, security: next.security});
		});
		next.once('ended', ({reason, error}) => {
			if (call !== next) return;
			call = undefined;
			peerFrame = undefined;
			settleKeyChange(false);
			dispatch({type: 'call-ended', reason: endText(reason, error), failed: Boolean(error)});
		});
	};

	const startDial = () => {
		if (!options.target || done) return;
		const {host, port} = parseTarget(options.target);
		dispatch({type: 'dialing', target: options.target});
		attach(dial(host, port, callOptions), options.target);
	};

	// --- the camera -------------------------------------------------------------------------
	let source: FrameSource | undefined;
	let paused = false;
	let cameraLost = false;
	let retryTimer: NodeJS.Timeout | undefined;
	let cardTimer: NodeJS.Timeout | undefined;
	let lastCameraSize = {width: 640, height: 480};
	const pausedOrLost = () => paused || cameraLost;
	const sendCard = () => {
		const card = cardFrame(paused ? 'paused' : 'no-camera', lastCameraSize.width, lastCameraSize.height);
		sendOwn(card);
		ownFrame = card;
		ownDirty = true;
		schedulePaint();
	};
	const updateCards = () => {
		if (pausedOrLost() && !cardTimer) {
			sendCard();
			cardTimer = setInterval(sendCard, 500);
		} else if (!pausedOrLost() && cardTimer) {
			clearInterval(cardTimer);
			cardTimer = undefined;
		}
	};
	const cameraFailed = (message: string) => {
		cameraLost = true;
		dispatch({type: 'camera', camera: {kind: 'lost', message}});
		updateCards();
		clearTimeout(retryTimer);
		retryTimer = setTimeout(() => void startCamera(), (options.cameraRetrySeconds ?? 3) * 1000);
	};
	const startCamera = async () => {
		if (done) return;
		if (!source) {
			try {
				source = openSource(options.camera, {fps: 30, loop: true});
			} catch (error) {
				cameraFailed(error instanceof Error ? error.message : String(error));
				return;
			}
			source.onFrame((frame) => {
				if (done) return;
				lastCameraSize = {width: frame.width, height: frame.height};
				if (paused) return;
				sendOwn(frame);
				ownFrame = frame;
				ownDirty = true;
				schedulePaint();
			});
			source.onError((error) => cameraFailed(error.message));
		}
		try {
			await source.start();
			if (done) return;
			cameraLost = false;
			dispatch({type: 'camera', camera: paused ? {kind: 'paused'} : {kind: 'live'}});
			updateCards();
		} catch (error) {
			cameraFailed(error instanceof Error ? error.message : String(error));
		}
	};

	// --- effects ----------------------------------------------------------------------------
	function perform(effect: Effect) {
		switch (effect.type) {
			case 'quit':
				finish(0);
				break;
			case 'send-chat':
				call?.sendChat(effect.text);
				break;
			case 'pause':
				paused = effect.paused;
				updateCards();
				if (!paused && !cameraLost) ownDirty = true;
				break;
			case 'redial':
				if (!call) startDial();
				break;
			case 'layout-changed':
				break;
			case 'hang-up':
				call?.hangUp('hung up');
				break;
			case 'answer-key-change':
				settleKeyChange(effect.accept);
				break;
		}
	}

	const onKey = (key: KeyPress) => dispatch({type: 'key', key});

	// --- start ------------------------------------------------------------------------------
	const ink = render(
		<CallScreen store={store} size={sizeStore} onKey={onKey} />,
		offscreenInkOptions(inkStream, input, options.errorOutput),
	);

	const onResize = () => {
		size = terminalSize();
		screen.resize(size);
		sizeStore.set(size);
		inkStream.setSize(size);
		redrawVideo();
	};
	output.on('resize', onResize);

	let stopTimer: NodeJS.Timeout | undefined;
	if (options.seconds) stopTimer = setTimeout(() => finish(0), options.seconds * 1000);

	void startCamera();
	if (options.openWindow) {
		void options
			.openWindow((text) => dispatch({type: 'notice', text}))
			.then((window) => {
				if (done) window?.close();
				else {
					peerWindow = window;
					lastShown = undefined;
					askForSize();
				}
			});
	}
	let code = 0;
	let failure: string | undefined;
	try {
		if (options.role === 'listen') {
			try {
				listener = await listen({...callOptions, host: options.host, port: options.port ?? 5000});
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				code = 1;
				finish(1);
				failure = `could not listen on port ${options.port ?? 5000}: ${message}`;
			}
			if (listener) {
				const active = listener;
				dispatch({
					type: 'listening',
					addresses: shareableAddresses(options.host),
					port: active.port,
					warnings: active.warnings,
				});
				options.onListening?.(active.port);
				active.on('call', (next) => attach(next));
				active.on('warning', (text) => dispatch({type: 'warning', text}));
				active.on('rejected', (error, address) => {
					if (!done) dispatch({type: 'notice', text: refusalText(error, address)});
				});
			}
		} else {
			startDial();
		}
		code = await finished;
	} finally {
		done = true;
		clearTimeout(stopTimer);
		clearTimeout(retryTimer);
		clearInterval(cardTimer);
		settleKeyChange(false);
		output.off('resize', onResize);
		call?.hangUp('hung up');
		await listener?.close('hung up');
		peerWindow?.close();
		ink.unmount();
		await source?.stop().catch(() => undefined);
		unguard();
		if (failure) options.errorOutput.write(`facetty: ${failure}\n`);
	}
	return code;
}
