/**
 * A rectangle of the terminal that shows frames. It fits each frame into its region, keeps
 * track of what the cells show so only changes are sent, clears and redraws everything after a
 * resize or invalidate(), and says so plainly when the region is too small for a picture.
 *
 * Standalone (preview, play) it owns the whole screen; inside an Ink UI give it the region Ink
 * leaves free and `keepCursor: true`, so each draw saves and restores Ink's cursor and pen.
 */
import ansiEscapes from 'ansi-escapes';
import type {Frame} from '../frame.js';
import {
	type CellRect,
	type ColorDepth,
	defaultCellAspect,
	type Glyphs,
	layoutPicture,
	type PictureLayout,
} from '../render/layout.js';
import {Renderer, type ScreenState} from '../render/renderer.js';
import type {Scaler} from '../render/scale.js';

export type SurfaceStream = {write(data: Uint8Array | string): boolean};

export type SurfaceOptions = {
	readonly stream: SurfaceStream;
	readonly region: CellRect;
	readonly scale: Scaler;
	readonly colorDepth?: ColorDepth;
	readonly glyphs?: Glyphs;
	/** Truecolor change threshold (see RendererOptions); 0 is lossless. */
	readonly threshold?: number;
	readonly cellAspect?: number;
	/** Show frames mirrored left-right (a preview of your own camera). */
	readonly mirror?: boolean;
	/** Own the alternate screen while open (standalone commands), leaving the shell's text as it was. */
	readonly alternateScreen?: boolean;
	/** Hide the cursor while open. */
	readonly hideCursor?: boolean;
	/** Save and restore the cursor and pen around every write (drawing inside someone else's UI). */
	readonly keepCursor?: boolean;
};

/** Smallest region a picture is drawn in; below it the region says it is too small. */
export const minimumRegion = {cols: 8, rows: 3};

// DECSC/DECRC rather than ansi-escapes' CSI s/u: they also save the pen, and xterm reads CSI s
// as a margin setting when left/right margins are on.
const saveCursor = '\x1b7';
const restoreCursor = '\x1b8';

export class TerminalSurface {
	private region: CellRect;
	private readonly renderer: Renderer;
	private screen: ScreenState | undefined;
	private layout: PictureLayout | undefined;
	private needsClear = true;
	private opened = false;

	constructor(private readonly options: SurfaceOptions) {
		this.region = options.region;
		this.renderer = new Renderer({
			colorDepth: options.colorDepth,
			glyphs: options.glyphs,
			threshold: options.threshold,
		});
	}

	get currentRegion(): CellRect {
		return this.region;
	}

	/** Takes the screen: alternate screen and hidden cursor when asked, region cleared. */
	open(): void {
		if (this.opened) return;
		this.opened = true;
		let text = '';
		if (this.options.alternateScreen) text += ansiEscapes.enterAlternativeScreen;
		if (this.options.hideCursor) text += ansiEscapes.cursorHide;
		if (text) this.options.stream.write(text);
	}

	/** A new rectangle (after a resize, or when the UI around it moved): cleared and redrawn. */
	setRegion(region: CellRect): void {
		const same =
			region.col === this.region.col &&
			region.row === this.region.row &&
			region.cols === this.region.cols &&
			region.rows === this.region.rows;
		this.region = region;
		if (!same) this.invalidate();
	}

	/** Something else drew over the region: the next draw clears it and redraws every cell. */
	invalidate(): void {
		this.needsClear = true;
		this.screen?.forget();
	}

	get tooSmall(): boolean {
		return this.region.cols < minimumRegion.cols || this.region.rows < minimumRegion.rows;
	}

	/** Draws a frame; returns the bytes written (0 when nothing changed). */
	draw(frame: Frame): number {
		if (this.tooSmall) return this.showTooSmall();
		const layout = this.layoutFor(frame);
		const pixels = this.options.scale(
			frame,
			layout.pixelWidth,
			layout.pixelHeight,
			this.options.mirror ?? false,
		);
		const screen = this.screen!;
		const prefix = this.needsClear ? this.clearText() : '';
		this.needsClear = false;
		const body = this.renderer.render(pixels, screen);
		if (body.length === 0 && prefix === '') return 0;
		return this.write(prefix, body);
	}

	/** Puts back what open() changed: colours, cursor, the shell's screen. Safe to call twice. */
	close(): void {
		if (!this.opened) return;
		this.opened = false;
		this.options.stream.write(this.restoreText());
	}

	/** What close() writes, for exit paths that can only write synchronously. */
	restoreText(): string {
		let text = '\x1b[m';
		if (this.options.hideCursor) text += ansiEscapes.cursorShow;
		if (this.options.alternateScreen) text += ansiEscapes.exitAlternativeScreen;
		return text;
	}

	private layoutFor(frame: Frame): PictureLayout {
		const layout = layoutPicture(
			frame,
			this.region,
			this.options.glyphs,
			this.options.cellAspect ?? defaultCellAspect,
		);
		const old = this.layout;
		if (
			!old ||
			!this.screen ||
			old.picture.col !== layout.picture.col ||
			old.picture.row !== layout.picture.row ||
			old.picture.cols !== layout.picture.cols ||
			old.picture.rows !== layout.picture.rows
		) {
			this.layout = layout;
			this.screen = this.renderer.newScreen(layout.picture);
			this.needsClear = true;
			return layout;
		}
		return old;
	}

	/** Blanks the region in the terminal's own background (the letterbox around the picture). */
	private clearText(): string {
		const {col, row, cols, rows} = this.region;
		let text = '\x1b[m';
		for (let y = row; y < row + rows; y++) text += `${ansiEscapes.cursorTo(col, y)}\x1b[${cols}X`;
		return text;
	}

	private showTooSmall(): number {
		if (!this.needsClear) return 0;
		this.needsClear = false;
		this.screen = undefined;
		this.layout = undefined;
		const {col, row, cols, rows} = this.region;
		if (cols < 1 || rows < 1) return 0;
		const message = cols >= 18 ? 'terminal too small' : cols >= 9 ? 'too small' : '!';
		const shown = message.slice(0, cols);
		const at = ansiEscapes.cursorTo(
			col + Math.floor((cols - shown.length) / 2),
			row + Math.floor((rows - 1) / 2),
		);
		return this.write(this.clearText() + at + shown, new Uint8Array(0));
	}

	private write(prefix: string, body: Uint8Array): number {
		const keep = this.options.keepCursor ?? false;
		const head = keep ? saveCursor + prefix : prefix;
		const tail = keep ? restoreCursor : '';
		// A copy: the renderer reuses its buffer next frame, and a stream may still hold this one.
		const bytes = Buffer.concat([Buffer.from(head), body, Buffer.from(tail)]);
		this.options.stream.write(bytes);
		return bytes.length;
	}
}
