/**
 * What `preview` and `play` share: a frame source drawn by a picture layer that fills the terminal,
 * until the source ends, the user quits (q, Ctrl+C), or it fails; the terminal is put back on
 * every one of those paths. Resolves to the process exit code.
 */
import type {Frame} from '../frame.js';
import type {FrameSource} from '../sources/types.js';
import {describeSpec} from '../sources/spec.js';
import {
	layoutPicture,
	type CellRect,
	type ColorDepth,
	type GlyphChoice,
	type Glyphs,
} from '../render/layout.js';
import {areaScaler} from '../render/area-scale.js';
import type {Scaler} from '../render/scale.js';
import {decideColorDepth, terminalColorDepth} from './color.js';
import {decideGlyphs, glyphNotice, terminalGlyphs, type GlyphDecision} from './glyph-support.js';
import {Compositor} from './compositor.js';
import {PictureLayer} from './picture-layer.js';
import {listenForQuit} from './restore.js';
import {openScreen, type Screen} from './screen.js';
import {keysOnly} from './terminal-input.js';
import {TextLayer} from './text-layer.js';
import {cleanLine, cutToWidth, displayWidth} from '../text/sanitize.js';
import {errorMessage} from '../text/error-message.js';

export type ShowOptions = {
	/** Or how to find it out (a terminal probe), asked once the source has opened. */
	readonly colorDepth: ColorDepth | (() => Promise<ColorDepth>);
	/** Or how to find it out (terminal/glyph-support.ts), asked with the colours. */
	readonly glyphs: Glyphs | (() => Promise<Glyphs>);
	readonly threshold?: number;
	readonly mirror: boolean;
	/** A fixed box; otherwise the whole terminal, following resizes. */
	readonly size?: {readonly cols: number; readonly rows: number};
	readonly input: NodeJS.ReadStream;
	readonly output: NodeJS.WriteStream;
	readonly errorOutput: NodeJS.WritableStream;
	/** Stop after this many frames drawn (tests, benchmarks). */
	readonly maxFrames?: number;
	readonly scale?: Scaler;
	/** The status line's first word, e.g. "playing" (the source's description follows). */
	readonly title?: string;
	/**
	 * What `auto` chose and why ("sextants: kitty 0.42.1 draws sextants"), said once: beside the
	 * title for the first `noticeMs` of the picture, as the call screen says it in its status line.
	 * Read once the glyphs are known.
	 */
	readonly glyphNotice?: () => string | undefined;
	readonly noticeMs?: number;
};

/** How long play and preview say which glyphs `auto` chose. */
const glyphNoticeMs = 6000;

/** Cell box of a non-terminal output when no size was given. */
export const defaultBox = {cols: 80, rows: 24};

/** Terminals smaller than this show the picture alone, without the status line. */
const statusMinRows = 4;

/**
 * The status line under the picture of a terminal: what is shown, and how to stop (only what
 * works: q needs the keyboard, Ctrl+C always does). Dim, like the call screen's key hints.
 */
export function statusLine(what: string, keys: boolean, cols: number): string {
	const choices = keys ? ['q, Ctrl+C: quit', 'q quit'] : ['Ctrl+C: quit', 'Ctrl+C'];
	const right = choices.find((text) => text.length + 1 <= cols) ?? '';
	const room = cols - right.length - 2;
	// A few letters of the title say nothing: below a dozen columns, only the keys.
	const left = room >= 12 ? cutToWidth(cleanLine(what), room) : '';
	const gap = Math.max(0, cols - 1 - displayWidth(left) - right.length);
	return `\x1b[2m ${left}${' '.repeat(gap)}${right}\x1b[22m`;
}

/**
 * Shows `source` until it ends, the user quits or it fails. The source is opened first and the
 * screen taken only once its first picture came: a source that cannot open, or opens to nothing
 * (an SVG), writes nothing to the output, only its sentence to errorOutput.
 */
export async function showSource(source: FrameSource, options: ShowOptions): Promise<number> {
	const {output} = options;
	const interactive = Boolean(output.isTTY);
	const terminalSize = () => ({cols: output.columns, rows: output.rows});
	// On a terminal of its own size, the last row says what plays and how to stop it.
	const withStatus = () => interactive && !options.size && terminalSize().rows >= statusMinRows;
	const wholeScreen = (): CellRect => ({
		col: 0,
		row: 0,
		cols: options.size?.cols ?? (interactive ? output.columns : defaultBox.cols),
		rows: options.size?.rows ?? (interactive ? output.rows : defaultBox.rows),
	});
	const pictureRect = (): CellRect => {
		const whole = wholeScreen();
		return withStatus() ? {...whole, rows: whole.rows - 1} : whole;
	};
	const what = `${options.title ?? 'showing'} ${describeSpec(source.spec)}`;
	let notice: string | undefined;
	let noticeTimer: NodeJS.Timeout | undefined;
	// Frames normally arrive already scaled by the source (see followRegion); this scaler only
	// covers the frames in between, and shapes the source cannot deliver (quadrant pixels).
	const scale = options.scale ?? areaScaler();
	let view: {screen: Screen; compositor: Compositor; picture: PictureLayer; status: TextLayer} | undefined;
	// The sink paces frames to what the terminal (or pipe) takes: a slower reader gets fewer or
	// coarser frames, never a queue of them, so the video stays real-time.
	const openView = (colorDepth: ColorDepth, glyphs: Glyphs) => {
		const screen = openScreen({output, input: options.input, errorOutput: options.errorOutput});
		const compositor = new Compositor(screen.sink, wholeScreen());
		const picture = compositor.add(
			new PictureLayer({
				z: 0,
				scale,
				colorDepth,
				glyphs,
				threshold: options.threshold,
				mirror: options.mirror,
			}),
		);
		const status = compositor.add(new TextLayer(1));
		compositor.onPainted = onPainted;
		view = {screen, compositor, picture, status};
		notice = options.glyphNotice?.();
		if (notice)
			noticeTimer = setTimeout(() => {
				notice = undefined;
				place();
			}, options.noticeMs ?? glyphNoticeMs);
		place();
		return view;
	};
	const place = () => {
		if (!view) return;
		view.picture.setRect(pictureRect());
		const whole = wholeScreen();
		view.status.setRect(withStatus() ? {col: 0, row: whole.rows - 1, cols: whole.cols, rows: 1} : undefined);
		if (withStatus())
			view.status.setText(
				statusLine(notice ? `${what} · ${notice}` : what, Boolean(options.input.isTTY), whole.cols),
			);
	};
	// Ask the source for the pixels the picture shows, so scaling happens in OpenCV on its own
	// threads instead of in JavaScript on every frame: square pixels at the glyphs' density
	// across, so a frame of that size lays out to the same picture (half blocks and octants: the
	// very pixels shown; quadrants and sextants: the layer scales the height).
	let asked = '';
	const followRegion = () => {
		const native = source.nativeSize;
		if (!native || !glyphs) return;
		const layout = layoutPicture(native, pictureRect(), glyphs);
		const wanted = `${layout.squareWidth}x${layout.squareHeight}`;
		if (wanted === asked) return;
		asked = wanted;
		source.setSize({width: layout.squareWidth, height: layout.squareHeight});
	};
	const onResize = () => {
		view?.compositor.resize(wholeScreen());
		place();
		followRegion();
	};
	if (interactive && !options.size) output.on('resize', onResize);

	let finish: (code: number) => void = () => {};
	const finished = new Promise<number>((resolve) => (finish = resolve));
	let failure: string | undefined;
	const stopListening = listenForQuit(keysOnly(options.input), () => finish(0));
	let drawn = 0;
	let received = 0;
	function onPainted() {
		if (view && view.picture.framesDrawn > drawn) {
			drawn = view.picture.framesDrawn;
			if (drawn >= (options.maxFrames ?? Infinity)) finish(0);
		}
	}
	let colorDepth = typeof options.colorDepth === 'function' ? undefined : options.colorDepth;
	let glyphs = typeof options.glyphs === 'function' ? undefined : options.glyphs;
	/** The latest frame that came before the colours were known. */
	let early: Frame | undefined;
	const show = (frame: Frame) => {
		if (colorDepth && glyphs) (view ?? openView(colorDepth, glyphs)).picture.show(frame);
		else early = frame;
	};
	const offFrame = source.onFrame((frame) => {
		received++;
		show(frame);
	});
	const offError = source.onError((error) => {
		if (error.code === 'ended' && received > 0) finish(0);
		else if (error.code === 'ended') {
			// OpenCV opened it but decoded no picture (an SVG, a broken video): not a silent blank.
			failure = `${describeSpec(source.spec)} has no picture OpenCV can decode.`;
			finish(1);
		} else {
			failure = error.message;
			finish(1);
		}
	});
	try {
		await source.start();
		// Only now, with a source that opened, is the terminal asked anything.
		if (typeof options.colorDepth === 'function') colorDepth = await options.colorDepth();
		if (typeof options.glyphs === 'function') glyphs = await options.glyphs();
		if (early) show(early);
		followRegion();
		return await finished;
	} catch (error) {
		failure = errorMessage(error);
		return 1;
	} finally {
		offFrame();
		offError();
		clearTimeout(noticeTimer);
		stopListening();
		output.off('resize', onResize);
		if (view) {
			// The last frame may still wait for its turn: draw it if the output takes it.
			if (view.screen.sink.ready) view.compositor.paint();
			view.compositor.close();
		}
		await source.stop().catch(() => {});
		view?.screen.close();
		if (failure) options.errorOutput.write(`${failure}\n`);
	}
}

/** What play and preview take from their callers for the terminal side; defaults filled below. */
export type TerminalDisplayOptions = {
	/** Force the picture box, in cells; default the whole terminal (80x24 when not a terminal). */
	readonly size?: {readonly cols: number; readonly rows: number};
	/** Default: detected (terminal/color.ts). */
	readonly color?: ColorDepth;
	/** Default: auto (terminal/glyph-support.ts). */
	readonly glyphs?: GlyphChoice;
	/** The config's glyphs, taken when there is no flag. */
	readonly configuredGlyphs?: GlyphChoice;
	/** Truecolor change threshold in levels; 0 is lossless. */
	readonly threshold?: number;
	readonly maxFrames?: number;
	readonly input?: NodeJS.ReadStream;
	readonly output?: NodeJS.WriteStream;
	readonly errorOutput?: NodeJS.WritableStream;
	readonly env?: Readonly<Record<string, string | undefined>>;
};

/** showSource with the process's own terminal and environment where the caller gave none. */
export async function showOnTerminal(
	source: FrameSource,
	options: TerminalDisplayOptions,
	mirror: boolean,
	title?: string,
): Promise<number> {
	// A caller's own streams or environment (tests): decided from those alone, nothing asked.
	const colorDepth =
		options.env || options.output
			? decideColorDepth(options.color, options.env ?? process.env).depth
			: async () => (await terminalColorDepth(options.color)).depth;
	let decision: GlyphDecision | undefined;
	const glyphs =
		options.env || options.output
			? (decision = decideGlyphs(options.glyphs, options.configuredGlyphs, options.env ?? process.env)).glyphs
			: async () => (decision = await terminalGlyphs(options.glyphs, options.configuredGlyphs)).glyphs;
	return showSource(source, {
		colorDepth,
		glyphs,
		threshold: options.threshold,
		mirror,
		size: options.size,
		input: options.input ?? process.stdin,
		output: options.output ?? process.stdout,
		errorOutput: options.errorOutput ?? process.stderr,
		maxFrames: options.maxFrames,
		title,
		glyphNotice: () => decision && glyphNotice(decision),
	});
}
