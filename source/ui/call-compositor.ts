/**
 * The call screen's layers on the one compositor: Ink's chrome at the bottom covering the whole
 * terminal, the status line over its first row, the peer's video above it, the self view on top.
 * The layout (from the reducer's state, applied when its effects say the layout changed, and on
 * resize) only moves layers; the compositor works out which cells each one now draws.
 *
 * The self view is scaled once (sources/scale.ts: the codec binding's area average, or OpenCV
 * where there is none) to the pixels it shows; the layer only mirrors those few pixels.
 */
import type {Frame} from '../frame.js';
import type {ColorDepth, Glyphs} from '../render/layout.js';
import {areaScaler} from '../render/area-scale.js';
import {bindingScaler, scaleFrame} from '../sources/scale.js';
import {Compositor} from '../terminal/compositor.js';
import type {CellSize} from '../render/layout.js';
import {PictureLayer} from '../terminal/picture-layer.js';
import type {TerminalSink} from '../terminal/sink.js';
import {TextLayer} from '../terminal/text-layer.js';
import type {CallScreenLayout} from './call-screen.js';

/**
 * A frame of the self view waits for the peer's next one, to be drawn in the same batch, when that
 * is expected within this long: about a camera frame's time, so the self view keeps its rate and is
 * at most a frame late. A peer's frame expected later than that (a slow link, no call) does not
 * hold it. No timer waits with it: on these machines a wake-up costs about as much CPU as drawing
 * the self view, and a timer set for each frame woke the process once a frame even when the peer's
 * frame came first and cleared it (Node keeps its clock armed). The next camera frame draws a
 * frame still waiting; `selfBackstopMs` after a wait began, one timer draws it when neither came.
 */
const selfWaitMs = 40;

/** The longest a waiting self view's frame is held when neither picture brings a paint. */
const selfBackstopMs = 250;

/** The peer's frames count as coming at their rate while the last came within this many intervals. */
const peerFlowingIntervals = 2;

/** A longer gap between the peer's frames is a pause, not their rate. */
const peerPauseMs = 250;

export type CallCompositorOptions = {
	readonly colorDepth: ColorDepth;
	readonly glyphs?: Glyphs;
	readonly threshold?: number;
	readonly onPaint?: (bytes: number, ms: number) => void;
};

export class CallCompositor {
	readonly compositor: Compositor;
	readonly chrome: TextLayer;
	readonly status: TextLayer;
	readonly peer: PictureLayer;
	readonly self: PictureLayer;
	private selfFrame: Frame | undefined;
	private scaling = false;
	/** When the peer's last frame came, and the time between its frames lately (ms). */
	private peerAt = -Infinity;
	private peerInterval = Infinity;
	private closed = false;
	/** Draws a self view's frame still waiting when neither picture brought a paint; never per frame. */
	private backstop: NodeJS.Timeout | undefined;

	constructor(sink: TerminalSink, size: CellSize, options: CallCompositorOptions) {
		this.compositor = new Compositor(sink, size, {onPaint: options.onPaint});
		const picture = {colorDepth: options.colorDepth, glyphs: options.glyphs, threshold: options.threshold};
		this.chrome = this.compositor.add(new TextLayer(0));
		this.status = this.compositor.add(new TextLayer(1));
		this.peer = this.compositor.add(new PictureLayer({...picture, z: 1, scale: bindingScaler(areaScaler())}));
		this.self = this.compositor.add(new PictureLayer({...picture, z: 2, scale: areaScaler(), mirror: true}));
		this.chrome.setRect({col: 0, row: 0, cols: size.cols, rows: size.rows});
	}

	/** Puts the layers where the layout says. */
	applyLayout(layout: CallScreenLayout): void {
		this.chrome.setRect({col: 0, row: 0, cols: layout.cols, rows: layout.rows});
		this.peer.setRect(layout.inCall ? layout.video : undefined);
		if (!layout.inCall) this.peer.clear();
		const hadSelf = this.self.rect !== undefined;
		this.self.setRect(layout.pip);
		if (!hadSelf && layout.pip && this.selfFrame) this.showSelf(this.selfFrame);
	}

	/** Both pictures in another glyph set from the next paint (every cell drawn again). */
	setGlyphs(glyphs: Glyphs): void {
		this.peer.setGlyphs(glyphs);
		this.self.setGlyphs(glyphs);
		if (this.selfFrame) this.showSelf(this.selfFrame);
	}

	resize(size: CellSize): void {
		this.compositor.resize(size);
	}

	setChrome(text: string): void {
		this.chrome.setText(text);
	}

	/** The status line (the first row), or none: a screen too small for it, where the chrome says so. */
	setStatus(line: string | undefined): void {
		const {cols} = this.compositor.screenSize;
		this.status.setRect(line === undefined ? undefined : {col: 0, row: 0, cols, rows: 1});
		if (line !== undefined) this.status.setText(line);
	}

	showPeer(frame: Frame): void {
		const now = performance.now();
		const gap = now - this.peerAt;
		// Smoothed, as frames come with the network's jitter; after a pause the next gap starts afresh.
		this.peerInterval =
			gap > peerPauseMs
				? Infinity
				: Number.isFinite(this.peerInterval)
					? 0.75 * this.peerInterval + 0.25 * gap
					: gap;
		this.peerAt = now;
		this.peer.show(frame);
	}

	/**
	 * Whether a self view's frame may wait to go out with the peer's next one: the peer's frames
	 * flow, the next is due within `selfWaitMs` (a quarter of an interval late at most), and no
	 * earlier self view's frame is still waiting (that one waited a whole camera frame already).
	 */
	private selfMayWait(now: number): boolean {
		const flowing =
			Number.isFinite(this.peerInterval) && now - this.peerAt <= peerFlowingIntervals * this.peerInterval;
		if (!this.peer.rect || !flowing || this.self.frameWaiting) return false;
		const wait = this.peerAt + 1.25 * this.peerInterval - now;
		return wait > 0 && wait <= selfWaitMs;
	}

	private showScaledSelf(scaled: Frame): void {
		if (!this.selfMayWait(performance.now())) {
			this.self.show(scaled);
			return;
		}
		this.self.show(scaled, 'withNextPaint');
		this.backstop ??= setTimeout(() => {
			this.backstop = undefined;
			if (!this.closed && this.self.frameWaiting) this.compositor.requestPaint();
		}, selfBackstopMs);
	}

	/** Your own camera's frame (or card): scaled to the self view's pixels (scaleFrame), then shown. */
	showSelf(frame: Frame): void {
		this.selfFrame = frame;
		if (this.scaling || this.closed || !this.self.rect) return;
		const layout = this.self.layoutFor(frame);
		if (!layout) return;
		this.scaling = true;
		scaleFrame(frame, {width: layout.squareWidth, height: layout.squareHeight})
			.then((scaled) => {
				if (!this.closed && this.self.rect) this.showScaledSelf(scaled);
			})
			.catch(() => this.self.show(frame))
			.finally(() => {
				this.scaling = false;
				// A newer frame came while this one was scaled: show that one too.
				if (this.selfFrame !== frame) this.showSelf(this.selfFrame!);
			});
	}

	close(): void {
		this.closed = true;
		clearTimeout(this.backstop);
		this.compositor.close();
	}
}
