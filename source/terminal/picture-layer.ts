/**
 * A layer that shows frames: the picture fitted and centred in the layer's rectangle, the
 * letterbox around it blank. It keeps what its cells show (the renderer's ScreenState), draws
 * only cells it owns (the compositor's occlusion) and only what changed, within the frame's byte
 * budget; cells it was held back from stay on its list (`dirty`) until they are drawn.
 */
import type {Frame} from '../frame.js';
import {
	type CellRect,
	type ColorDepth,
	defaultCellAspect,
	type Glyphs,
	layoutPicture,
	type PictureLayout,
} from '../render/layout.js';
import {Renderer} from '../render/renderer.js';
import type {ScreenState} from '../render/screen-state.js';
import type {Scaler} from '../render/scale.js';
import {type CellView, cursorTo, eraseRuns, Layer, runs, sameRect} from './compositor.js';

export type PictureLayerOptions = {
	readonly z: number;
	readonly scale: Scaler;
	readonly colorDepth?: ColorDepth;
	readonly glyphs?: Glyphs;
	/** Truecolor change threshold (see RendererOptions); 0 is lossless. */
	readonly threshold?: number;
	readonly cellAspect?: number;
	/** Show frames mirrored left-right (a preview of your own camera). */
	readonly mirror?: boolean;
};

/** Smallest rectangle a picture is drawn in; below it the layer says it is too small. */
export const minimumRegion = {cols: 8, rows: 3};

export class PictureLayer extends Layer {
	private renderer: Renderer;
	private glyphs: Glyphs | undefined;
	private frame: Frame | undefined;
	private frameChanged = false;
	private screen: ScreenState | undefined;
	private layout: PictureLayout | undefined;
	/** Cells of the rectangle whose blank (letterbox, or the too-small note) is not known to be there. */
	private blankUnknown = true;
	/** The compositor's ownership this layer last followed. */
	private followed = -1;
	/** Frames this layer has drawn (benchmarks). */
	framesDrawn = 0;

	constructor(private readonly options: PictureLayerOptions) {
		super(options.z, true);
		this.glyphs = options.glyphs;
		this.renderer = this.newRenderer();
	}

	private newRenderer(): Renderer {
		return new Renderer({
			colorDepth: this.options.colorDepth,
			glyphs: this.glyphs,
			threshold: this.options.threshold,
		});
	}

	/**
	 * Draws with another glyph set from the next paint: what the cells show is known only in the
	 * old set's pixels, so every cell is drawn again (and the picture's pixel size changes).
	 */
	setGlyphs(glyphs: Glyphs): void {
		if (glyphs === (this.glyphs ?? 'half')) return;
		this.glyphs = glyphs;
		this.renderer = this.newRenderer();
		this.screen = undefined;
		this.layout = undefined;
		this.blankUnknown = true;
		this.frameChanged = true;
		this.requestPaint();
	}

	get dirty(): boolean {
		return (
			this.rect !== undefined && this.frame !== undefined && (this.frameChanged || this.renderer.lagging)
		);
	}

	/** Where the picture goes for frames of `size` in the current rectangle (what a source should deliver). */
	layoutFor(size: {readonly width: number; readonly height: number}): PictureLayout | undefined {
		const rect = this.rect;
		if (!rect || this.tooSmall(rect)) return undefined;
		return layoutPicture(size, rect, this.glyphs, this.options.cellAspect ?? defaultCellAspect);
	}

	/**
	 * The frame to show from now on: drawn on the next paint, which is soon; or, `withNextPaint`,
	 * with the next paint another layer (or the next frame) asks for, and no sooner: whoever defers
	 * a frame makes sure one comes (CallCompositor.showScaledSelf).
	 */
	show(frame: Frame, when: 'soon' | 'withNextPaint' = 'soon'): void {
		this.frame = frame;
		this.frameChanged = true;
		if (when === 'soon') this.requestPaint();
	}

	/** Whether a frame given to `show` is still to be drawn. */
	get frameWaiting(): boolean {
		return this.frameChanged;
	}

	/** Stop showing a picture (the rectangle goes blank). */
	clear(): void {
		this.frame = undefined;
		this.screen = undefined;
		this.layout = undefined;
		this.compositor?.damage(this.rect);
	}

	forget(): void {
		this.screen?.forget();
		this.blankUnknown = true;
	}

	override setRect(rect: CellRect | undefined): void {
		const old = this.rect;
		super.setRect(rect);
		if (!sameRect(old, this.rect)) {
			this.screen = undefined;
			this.layout = undefined;
			this.blankUnknown = true;
		}
	}

	paint(view: CellView, budget: number): Array<Uint8Array | string> {
		const rect = this.rect;
		// Another layer's frame paints the screen too: a picture with no new frame, nothing held
		// back, nothing of it damaged and the same cells its own has nothing to draw, so it skips
		// the scaling and the cell-by-cell comparison (30 times a second for the peer's picture
		// under a moving self view).
		const unchanged =
			!this.frameChanged &&
			!this.blankUnknown &&
			this.screen !== undefined &&
			!this.renderer.lagging &&
			!view.anyDamage &&
			view.ownership === this.followed;
		if (unchanged && rect && !this.tooSmall(rect)) return [];
		if (rect && this.frameChanged) this.framesDrawn++;
		this.frameChanged = false;
		if (!rect) return [];
		if (this.tooSmall(rect)) return this.paintTooSmall(view, rect);
		const frame = this.frame;
		if (!frame) return [this.paintBlank(view, rect, undefined)];
		const layout = layoutPicture(frame, rect, this.glyphs, this.options.cellAspect ?? defaultCellAspect);
		if (!this.screen || !this.layout || !sameRect(this.layout.picture, layout.picture)) {
			this.layout = layout;
			this.screen = this.renderer.newScreen(layout.picture);
			this.blankUnknown = true;
			this.followed = -1;
		}
		const screen = this.screen;
		const fresh = this.blankUnknown;
		if (fresh || view.anyDamage || view.ownership !== this.followed) this.followOwnership(view, screen);
		this.followed = view.ownership;
		const blank = fresh || view.anyDamage ? this.paintBlank(view, rect, layout.picture) : '';
		const pixels = this.options.scale(
			frame,
			layout.pixelWidth,
			layout.pixelHeight,
			this.options.mirror ?? false,
		);
		const body = this.renderer.render(pixels, screen, Math.max(0, budget - blank.length));
		// Not a copy: the compositor hands the batch to the sink (which joins it into one write)
		// before this layer renders again.
		return body.length > 0 ? [blank, body] : [blank];
	}

	/** Which picture cells are this layer's to draw now, and which of them lost what they showed. */
	private followOwnership(view: CellView, screen: ScreenState): void {
		const {col, row, cols, rows} = screen.picture;
		const visible = screen.visible;
		for (let y = 0; y < rows; y++) {
			const screenRow = row + y;
			if (screenRow < 0 || screenRow >= view.rows) continue;
			for (let x = 0; x < cols; x++) {
				const screenCol = col + x;
				const cell = y * cols + x;
				const index = screenRow * view.cols + screenCol;
				const mine = screenCol >= 0 && screenCol < view.cols && view.owner[index] === this.id;
				if (mine && (view.damaged[index] === 1 || !visible[cell])) screen.forgetCell(cell);
				visible[cell] = mine ? 1 : 0;
			}
		}
	}

	/** Blanks the cells of the rectangle outside the picture that are this layer's and unknown. */
	private paintBlank(view: CellView, rect: CellRect, picture: CellRect | undefined): string {
		const all = this.blankUnknown;
		this.blankUnknown = false;
		const inPicture = (col: number, row: number) =>
			picture !== undefined &&
			col >= picture.col &&
			col < picture.col + picture.cols &&
			row >= picture.row &&
			row < picture.row + picture.rows;
		let text = '';
		for (let row = Math.max(0, rect.row); row < Math.min(view.rows, rect.row + rect.rows); row++) {
			const spans = runs(
				row,
				Math.max(0, rect.col),
				Math.min(view.cols, rect.col + rect.cols),
				view.cols,
				(i) => view.owner[i] === this.id && (all || view.damaged[i] === 1) && !inPicture(i % view.cols, row),
			);
			text += eraseRuns(row, spans);
		}
		return text;
	}

	private tooSmall(rect: CellRect): boolean {
		return rect.cols < minimumRegion.cols || rect.rows < minimumRegion.rows;
	}

	private paintTooSmall(view: CellView, rect: CellRect): string[] {
		this.screen = undefined;
		this.layout = undefined;
		let text = this.paintBlank(view, rect, undefined);
		if (!text) return [];
		const message = rect.cols >= 18 ? 'terminal too small' : rect.cols >= 9 ? 'too small' : '!';
		const shown = message.slice(0, rect.cols);
		const col = rect.col + Math.floor((rect.cols - shown.length) / 2);
		const row = rect.row + Math.floor((rect.rows - 1) / 2);
		// Only on the note's cells this layer owns: a picture on top (a room's tile over another)
		// keeps its cells, letter by letter.
		const owned = runs(
			row,
			col,
			Math.min(view.cols, col + shown.length),
			view.cols,
			(i) => view.owner[i] === this.id,
		);
		for (const [start, end] of owned) text += cursorTo(start, row) + shown.slice(start - col, end - col);
		return [text];
	}
}
