/**
 * The picture renderer: pixels already scaled to the picture's cell box, plus what those cells
 * show now, in; the bytes that make them show the new picture out (the screen state is updated in
 * place). No I/O. It decides which cells to draw: those that moved past the threshold, and under
 * a byte budget those `BudgetChoice` picks, the furthest first (budget.ts); `CellWriter` turns
 * them into the fewest bytes (cell-writer.ts). Truecolor half blocks without a budget, a call's
 * usual picture, take one loop of their own that writes the same bytes (half-truecolor.ts).
 *
 * The hot loop allocates nothing, and the returned view is only valid until the next render.
 */
import {BudgetChoice, passLimit, tierCount, unknownError} from './budget.js';
import {CellWriter, near} from './cell-writer.js';
import {maxBytesPerCell, resetColours} from './escapes.js';
import {splitCell} from './cell-fit.js';
import {glyphGrid, upperHalfMask} from './glyphs.js';
import {drawHalfTruecolor} from './half-truecolor.js';
import {type CellRect, type ColorDepth, type Glyphs, pixelsPerCell} from './layout.js';
import {nearestPaletteEntry, paletteRgb, paletteTable} from './palette.js';
import {splitQuadrants} from './quadrants.js';
import {ScreenState} from './screen-state.js';

export type RendererOptions = {
	readonly colorDepth?: ColorDepth;
	readonly glyphs?: Glyphs;
	/**
	 * Truecolor: a cell whose pixels all moved by at most this many levels (in every channel) is
	 * left alone, and a colour already set that is this close is reused. 0 is lossless. The
	 * default keeps drift below what the eye sees on video. 256 colours: a palette entry the pixel
	 * (or its left neighbour) already shows is kept while it is at most this many levels further
	 * from the pixel than the nearest entry (0: always the nearest).
	 */
	readonly threshold?: number;
};

export const defaultThreshold = 6;

export class Renderer {
	readonly colorDepth: ColorDepth;
	readonly glyphs: Glyphs;
	readonly threshold: number;
	private readonly truecolor: boolean;
	private readonly palette: Uint8Array;
	/** 256 colours: each entry's colour (0xRRGGBB), and how much further a kept entry may be. */
	private readonly entryRgb = new Int32Array(256);
	private readonly paletteMargin: number;
	private readonly writer: CellWriter;
	private readonly budgeted: BudgetChoice;
	/** Pixels a cell shows down (2 for half blocks and quadrants, 3 sextants, 4 octants). */
	private readonly down: number;
	/** Output of splitQuadrants or splitCell: mask, colour a, colour b. */
	private readonly split = new Int32Array(3);
	/** The colours a cell's two groups are shown in (cellColours). */
	private colourA = 0;
	private colourB = 0;
	/** Pixels a cell shows. */
	private readonly perCell: number;
	/** Under a byte budget: each cell's pass (0: not this render), the furthest from the picture first. */
	private chosen: Uint8Array | undefined;
	private limit = Infinity;
	/** What the current pass may fill the frame up to (bytes). */
	private passLimit = Infinity;
	/**
	 * Whether the last render left changes one sees (past the refinement pass's bound) undrawn:
	 * the picture wants another render even if no new frame comes.
	 */
	lagging = false;
	/** The tier of chosen cells the current pass draws. */
	private tier = 0;
	/**
	 * How close a colour already set must be to be reused: the threshold, or more while a budget
	 * leaves cells behind (a coarser picture costs fewer bytes a cell, so more cells fit).
	 */
	private reuse = 0;
	/**
	 * The reuse margin when no budget coarsens it: the threshold, or two thirds of it for sextants
	 * and octants. Their two colours a cell often differ by less than the threshold on skin and
	 * walls, and a pen colour reused within the full threshold flattened that detail: on the
	 * render-glyphs bench's face-like still, sextants kept +2.4 dB over half blocks instead of
	 * +3.2 lossless; at two thirds +3.2 (for 23% more bytes on a whole still; the change
	 * threshold, which decides what a moving picture costs, stays as it is).
	 */
	private readonly fineReuse: number;
	private drawnCells = 0;

	constructor(options: RendererOptions = {}) {
		this.colorDepth = options.colorDepth ?? 'truecolor';
		this.glyphs = options.glyphs ?? 'half';
		this.truecolor = this.colorDepth === 'truecolor';
		const threshold = Math.max(0, Math.round(options.threshold ?? defaultThreshold));
		this.threshold = this.truecolor ? threshold : 0;
		this.paletteMargin = this.truecolor ? 0 : threshold;
		this.palette = this.truecolor ? new Uint8Array(0) : paletteTable();
		if (!this.truecolor) for (let i = 16; i < 256; i++) this.entryRgb[i] = paletteRgb(i);
		this.writer = new CellWriter(this.truecolor, glyphGrid(this.glyphs));
		this.down = pixelsPerCell(this.glyphs).down;
		this.perCell = pixelsPerCell(this.glyphs).across * this.down;
		this.budgeted = new BudgetChoice(this.threshold);
		this.fineReuse = this.down > 2 ? Math.round((this.threshold * 2) / 3) : this.threshold;
	}

	/** A state for a picture drawn at `picture` whose cells show nothing known yet. */
	newScreen(picture: CellRect): ScreenState {
		const {across, down} = pixelsPerCell(this.glyphs);
		return new ScreenState(picture, across * down);
	}

	/**
	 * Bytes that turn what `screen` says is shown into `pixels` (BGR, the picture's size in
	 * pixels); `screen` is updated to match. Empty when nothing needs drawing. Cells not visible
	 * in `screen` are left alone. With a `budget` (bytes), the output never exceeds it: the cells
	 * furthest from the picture are drawn first and the rest wait for a later render (`lagging`),
	 * so a still picture converges and a moving one gets coarser instead of later.
	 */
	render(pixels: Uint8Array, screen: ScreenState, budget = Infinity): Uint8Array {
		const {cols, rows} = screen.picture;
		const {across, down} = pixelsPerCell(this.glyphs);
		const expected = cols * across * rows * down * 3;
		if (pixels.length !== expected) {
			throw new RangeError(
				`a ${cols}x${rows} cell picture needs ${expected} bytes of BGR, got ${pixels.length}`,
			);
		}
		this.writer.begin(cols * rows);
		this.lagging = false;
		this.limit = budget - resetColours.length;
		this.reuse = this.fineReuse;
		this.chosen = undefined;
		if (budget !== Infinity) {
			this.measureErrors(pixels, screen);
			const {chosen, reuse, leftBehind} = this.budgeted.choose(cols * rows, this.limit, this.truecolor);
			this.chosen = chosen;
			this.reuse = reuse > this.threshold ? reuse : this.fineReuse;
			// Cells not chosen wait for a later render, which must come even if no new frame does.
			this.lagging = leftBehind;
		}
		if (this.limit < maxBytesPerCell) {
			this.lagging = this.chosen !== undefined && this.chosen.some((tier) => tier > 0);
			return this.writer.finish();
		}
		// Under a budget, the worst cells go first: one pass per tier of error, so a cap reached
		// in raster order never starves a far-off cell for a nearly right one above it.
		this.drawnCells = 0;
		for (let tier = this.chosen ? 1 : 0; tier <= (this.chosen ? tierCount : 0); tier++) {
			this.tier = tier;
			this.passLimit = passLimit(tier, this.limit);
			if (this.glyphs !== 'half') this.renderGrid(pixels, screen);
			else if (this.truecolor && !this.chosen)
				this.drawnCells += drawHalfTruecolor(pixels, screen, this.writer, this.threshold, this.reuse);
			else this.renderHalf(pixels, screen);
		}
		this.budgeted.learnCost(this.drawnCells, this.writer.at);
		return this.writer.finish();
	}

	/** How far a cell's wanted colour is from what it shows: the largest channel difference. */
	private distance(wanted: number, shown: number): number {
		if (wanted === shown) return 0;
		if (shown < 0) return unknownError;
		const a = this.truecolor ? wanted : paletteRgb(wanted);
		const b = this.truecolor ? shown : paletteRgb(shown);
		return Math.max(
			Math.abs((a >>> 16) - (b >>> 16)),
			Math.abs(((a >>> 8) & 255) - ((b >>> 8) & 255)),
			Math.abs((a & 255) - (b & 255)),
		);
	}

	/** Every visible cell's error (its pixels' largest difference from what it shows), for the budget. */
	private measureErrors(pixels: Uint8Array, screen: ScreenState): void {
		const {cols, rows} = screen.picture;
		const budgeted = this.budgeted;
		const errors = budgeted.begin(cols * rows);
		const perCell = screen.pixelsPerCell;
		const half = this.glyphs === 'half';
		const down = this.down;
		const rowBytes = cols * (half ? 3 : 6);
		const shown = screen.shown;
		const visible = screen.visible;
		for (let y = 0, cell = 0; y < rows; y++) {
			for (let x = 0; x < cols; x++, cell++) {
				if (!visible[cell]) {
					errors[cell] = -1;
					continue;
				}
				let worst = 0;
				if (half) {
					const offset = 2 * y * rowBytes + x * 3;
					const at = cell * perCell;
					const left = x > 0 ? at - 2 : -1;
					const wantedUpper = this.wantedAt(pixels, offset, shown[at]!, left < 0 ? -1 : shown[left]!);
					const wantedLower = this.wantedAt(
						pixels,
						offset + rowBytes,
						shown[at + 1]!,
						left < 0 ? -1 : shown[left + 1]!,
					);
					const upper = this.distance(wantedUpper, shown[at]!);
					const lower = this.distance(wantedLower, shown[at + 1]!);
					worst = Math.max(upper, lower);
				} else {
					this.fit(pixels, down * y * rowBytes + x * 6, rowBytes);
					const mask = this.split[0]!;
					this.cellColours(shown, cell * perCell, x > 0);
					const a = this.colourA;
					const b = this.colourB;
					for (let p = 0; p < perCell; p++) {
						const error = this.distance(mask & (1 << p) ? a : b, shown[cell * perCell + p]!);
						if (error > worst) worst = error;
					}
				}
				budgeted.set(cell, worst);
			}
		}
	}

	/** Under a budget: whether this cell is to be drawn now, and room is left for it. */
	private allowed(cell: number): boolean {
		if (this.chosen![cell] !== this.tier) return false;
		if (this.writer.at + maxBytesPerCell > this.passLimit) {
			// Changes one sees left behind need a render of their own; refinement waits for the
			// next frame (a render of its own, between a camera's frames, would hold the next back).
			if (this.tier < tierCount) this.lagging = true;
			return false;
		}
		return true;
	}

	private colourAt(pixels: Uint8Array, offset: number): number {
		const b = pixels[offset]!;
		const g = pixels[offset + 1]!;
		const r = pixels[offset + 2]!;
		const rgb = (r << 16) | (g << 8) | b;
		return this.truecolor ? rgb : this.palette[rgb] || nearestPaletteEntry(r, g, b);
	}

	private quadColour(rgb: number): number {
		if (this.truecolor) return rgb;
		return this.palette[rgb] || nearestPaletteEntry(rgb >>> 16, (rgb >>> 8) & 255, rgb & 255);
	}

	/**
	 * 256 colours: the entry to show for `rgb`, whose nearest is `nearest`: the entry the pixel
	 * shows now (`shown`), else its left neighbour's (`left`), while that one is within the margin
	 * of the nearest. Nearest alone speckles: a flat area's sensor noise, or an edge's mixed
	 * pixels, near the middle of two entries flipped between them from pixel to pixel and frame
	 * to frame (each flip a colour change, and a cell redrawn every frame).
	 */
	private stick(rgb: number, nearest: number, shown: number, left: number): number {
		const margin = this.paletteMargin;
		if (margin === 0 || (shown === nearest && shown >= 0)) return nearest;
		const limit = this.levelsFrom(rgb, nearest) + margin;
		if (shown >= 16 && this.levelsFrom(rgb, shown) <= limit) return shown;
		if (left >= 16 && left !== shown && this.levelsFrom(rgb, left) <= limit) return left;
		return nearest;
	}

	/** The largest channel difference between a colour and a palette entry. */
	private levelsFrom(rgb: number, entry: number): number {
		const other = this.entryRgb[entry]!;
		return Math.max(
			Math.abs((rgb >>> 16) - (other >>> 16)),
			Math.abs(((rgb >>> 8) & 255) - ((other >>> 8) & 255)),
			Math.abs((rgb & 255) - (other & 255)),
		);
	}

	/** A half-block pixel's colour to show: truecolor as it is, a palette entry kept steady. */
	private wantedAt(pixels: Uint8Array, offset: number, shown: number, left: number): number {
		const wanted = this.colourAt(pixels, offset);
		if (this.truecolor || this.paletteMargin === 0) return wanted;
		const rgb = (pixels[offset + 2]! << 16) | (pixels[offset + 1]! << 8) | pixels[offset]!;
		return this.stick(rgb, wanted, shown, left);
	}

	private renderHalf(pixels: Uint8Array, screen: ScreenState): void {
		const {col: left, row: top, cols, rows} = screen.picture;
		const {chosen, tier} = this;
		const shown = screen.shown;
		const threshold = this.threshold;
		const visible = screen.visible;
		const writer = this.writer;
		const rowBytes = cols * 3;
		for (let y = 0; y < rows; y++) {
			let upperOffset = 2 * y * rowBytes;
			let cell = y * cols * 2;
			for (let x = 0; x < cols; x++, upperOffset += 3, cell += 2) {
				const index = y * cols + x;
				if (!visible[index]) continue;
				// Under a budget a pass draws its tier's cells only: the others are not looked at.
				if (chosen && chosen[index] !== tier) continue;
				const leftCell = x > 0 ? cell - 2 : -1;
				const upper = this.wantedAt(pixels, upperOffset, shown[cell]!, leftCell < 0 ? -1 : shown[leftCell]!);
				const lower = this.wantedAt(
					pixels,
					upperOffset + rowBytes,
					shown[cell + 1]!,
					leftCell < 0 ? -1 : shown[leftCell + 1]!,
				);
				if (near(upper, shown[cell]!, threshold) && near(lower, shown[cell + 1]!, threshold)) continue;
				if (this.chosen && !this.allowed(index)) continue;
				this.drawnCells++;
				const mask = writer.cell(left + x, top + y, upper, lower, upperHalfMask, this.reuse, x === cols - 1);
				shown[cell] = mask & 1 ? writer.penFg : writer.penBg;
				shown[cell + 1] = mask & 4 ? writer.penFg : writer.penBg;
			}
		}
	}

	/** Two colours for the cell at `offset`, into `split`: exhaustive for quadrants, fast for finer grids. */
	private fit(pixels: Uint8Array, offset: number, rowBytes: number): void {
		if (this.down === 2) splitQuadrants(pixels, offset, rowBytes, this.split);
		else splitCell(pixels, offset, rowBytes, this.down, this.split);
	}

	/**
	 * The two colours of the cell just fitted (`split`) as shown: truecolor as fitted; in 256
	 * colours each kept steady against what the cell (at a pixel of its group) and its left
	 * neighbour show. Into colourA and colourB.
	 */
	private cellColours(shown: Int32Array, at: number, hasLeft: boolean): void {
		const split = this.split;
		const a = this.quadColour(split[1]!);
		const b = this.quadColour(split[2]!);
		if (this.truecolor || this.paletteMargin === 0) {
			this.colourA = a;
			this.colourB = b;
			return;
		}
		const mask = split[0]!;
		// A pixel of each group: a's lowest, and the last (always b's).
		const pa = mask === 0 ? 0 : 31 - Math.clz32(mask & -mask);
		const pb = this.perCell - 1;
		const left = at - this.perCell;
		this.colourA = this.stick(split[1]!, a, shown[at + pa]!, hasLeft ? shown[left + pa]! : -1);
		this.colourB = this.stick(split[2]!, b, shown[at + pb]!, hasLeft ? shown[left + pb]! : -1);
	}

	/** Quadrants, sextants, octants: two colours a cell over its grid of pixels. */
	private renderGrid(pixels: Uint8Array, screen: ScreenState): void {
		const {col: left, row: top, cols, rows} = screen.picture;
		const {chosen, tier} = this;
		const shown = screen.shown;
		const threshold = this.threshold;
		const split = this.split;
		const visible = screen.visible;
		const writer = this.writer;
		const rowBytes = cols * 6;
		const perCell = screen.pixelsPerCell;
		const down = this.down;
		for (let y = 0; y < rows; y++) {
			let offset = down * y * rowBytes;
			let cell = y * cols * perCell;
			for (let x = 0; x < cols; x++, offset += 6, cell += perCell) {
				const index = y * cols + x;
				if (!visible[index]) continue;
				// Under a budget a pass draws its tier's cells only: the others are not fitted (a pass
				// a tier, each fitting every cell, was most of a budgeted render's time).
				if (chosen && chosen[index] !== tier) continue;
				this.fit(pixels, offset, rowBytes);
				this.cellColours(shown, cell, x > 0);
				const a = this.colourA;
				const b = this.colourB;
				let mask = split[0]!;
				let same = true;
				for (let p = 0; p < perCell && same; p++)
					same = near(mask & (1 << p) ? a : b, shown[cell + p]!, threshold);
				if (same) continue;
				if (this.chosen && !this.allowed(index)) continue;
				this.drawnCells++;
				mask = writer.cell(left + x, top + y, a, b, mask, this.reuse, x === cols - 1);
				for (let p = 0; p < perCell; p++) shown[cell + p] = mask & (1 << p) ? writer.penFg : writer.penBg;
			}
		}
	}
}
