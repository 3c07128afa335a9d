/**
 * The picture renderer: pixels already scaled to the picture's cell box, plus what those cells
 * show now, in; the bytes that make them show the new picture out (the screen state is updated in
 * place). No I/O. Cells that did not change are skipped with the cheapest cursor move, colours
 * already set are reused, and a glyph is flipped (▀ for ▄) when that saves setting a colour.
 *
 * The hot loop allocates nothing: bytes go into one Buffer grown only when the box grows, and
 * the returned view is only valid until the next render.
 */
import {
	csiLength,
	cursorPositionLength,
	maxBytesPerCell,
	putAscii,
	putColours,
	putCsi,
	putCursorPosition,
	resetColours,
} from './escapes.js';
import {fullMask, glyphByteCount, glyphBytes, upperHalfMask} from './glyphs.js';
import {type CellRect, type ColorDepth, type Glyphs, pixelsPerCell} from './layout.js';
import {nearestPaletteEntry, paletteRgb, paletteTable} from './palette.js';
import {splitQuadrants} from './quadrants.js';

export type RendererOptions = {
	readonly colorDepth?: ColorDepth;
	readonly glyphs?: Glyphs;
	/**
	 * Truecolor only: a cell whose pixels all moved by at most this many levels (in every
	 * channel) is left alone, and a colour already set that is this close is reused. 0 is
	 * lossless. The default keeps drift below what the eye sees on video.
	 */
	readonly threshold?: number;
};

export const defaultThreshold = 6;

/**
 * What the picture's cells show: for every cell, the colour each of its pixels appears in
 * (0xRRGGBB in truecolor, a palette index in 256 colours), -1 when not known; and which cells
 * are the picture's to draw at all (`visible`: 0 where something above covers it).
 */
export class ScreenState {
	readonly shown: Int32Array;
	readonly visible: Uint8Array;
	constructor(
		readonly picture: CellRect,
		readonly pixelsPerCell: number,
	) {
		this.shown = new Int32Array(picture.cols * picture.rows * pixelsPerCell).fill(-1);
		this.visible = new Uint8Array(picture.cols * picture.rows).fill(1);
	}

	/** After something else drew over the cells: the next render redraws every one. */
	forget(): void {
		this.shown.fill(-1);
	}

	/** One cell (index in the picture, row-major) shows something unknown: it is drawn again. */
	forgetCell(cell: number): void {
		this.shown.fill(-1, cell * this.pixelsPerCell, (cell + 1) * this.pixelsPerCell);
	}
}

/** Error a cell counts as when what it shows is not known (larger than any colour difference). */
const unknownError = 256;
/** Widest margin a colour is reused within when a budget leaves cells behind. */
const maxCoarseReuse = 24;
/** Lowest error of each tier a budgeted render draws in turn. */
const tiers = [128, 48, 16, 0];

function tierOf(error: number): number {
	let tier = 1;
	while (error < tiers[tier - 1]!) tier++;
	return tier;
}

const CR = 0x0d;
const LF = 0x0a;
const CUF = 0x43; // C
const CUB = 0x44; // D
const CUD = 0x42; // B

function near(a: number, b: number, threshold: number): boolean {
	if (a === b) return true;
	if (threshold === 0 || a < 0 || b < 0) return false;
	const dr = (a >>> 16) - (b >>> 16);
	const dg = ((a >>> 8) & 255) - ((b >>> 8) & 255);
	const db = (a & 255) - (b & 255);
	return (
		dr <= threshold &&
		dr >= -threshold &&
		dg <= threshold &&
		dg >= -threshold &&
		db <= threshold &&
		db >= -threshold
	);
}

function average(a: number, b: number): number {
	const r = ((a >>> 16) + (b >>> 16) + 1) >> 1;
	const g = (((a >>> 8) & 255) + ((b >>> 8) & 255) + 1) >> 1;
	return (r << 16) | (g << 8) | (((a & 255) + (b & 255) + 1) >> 1);
}

export class Renderer {
	readonly colorDepth: ColorDepth;
	readonly glyphs: Glyphs;
	readonly threshold: number;
	private readonly truecolor: boolean;
	private readonly palette: Uint8Array;
	private out = Buffer.alloc(0);
	private at = 0;
	private penFg = -1;
	private penBg = -1;
	private cursorCol = -1;
	private cursorRow = -1;
	/** Output of splitQuadrants: mask, colour a, colour b. */
	private readonly split = new Int32Array(3);
	/** Under a byte budget: 1 for the cells this render may draw (the furthest from the picture). */
	private chosen: Uint8Array | undefined;
	private chosenAll = new Uint8Array(0);
	private errors = new Int16Array(0);
	private limit = Infinity;
	/** Bytes a drawn cell cost on average lately, to guess how many cells a budget buys. */
	private bytesPerCell = 20;
	/** Whether the last render left cells further from the picture than the threshold. */
	lagging = false;
	/** The tier of chosen cells the current pass draws. */
	private tier = 0;
	/**
	 * How close a colour already set must be to be reused: the threshold, or more while a budget
	 * leaves cells behind (a coarser picture costs fewer bytes a cell, so more cells fit).
	 */
	private reuse = 0;
	private drawnCells = 0;

	constructor(options: RendererOptions = {}) {
		this.colorDepth = options.colorDepth ?? 'truecolor';
		this.glyphs = options.glyphs ?? 'half';
		this.truecolor = this.colorDepth === 'truecolor';
		this.threshold = this.truecolor ? Math.max(0, Math.round(options.threshold ?? defaultThreshold)) : 0;
		this.palette = this.truecolor ? new Uint8Array(0) : paletteTable();
	}

	/** A state for a picture drawn at `picture` whose cells show nothing known yet. */
	newScreen(picture: CellRect): ScreenState {
		const {across, down} = pixelsPerCell(this.glyphs);
		return new ScreenState(picture, across * down === 2 ? 2 : 4);
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
		const needed = cols * rows * maxBytesPerCell + 64;
		if (this.out.length < needed) this.out = Buffer.allocUnsafe(needed);
		// Anything may have happened to the pen and the cursor between frames (other output, a
		// resize), so each frame starts from knowing neither.
		this.penFg = -1;
		this.penBg = -1;
		this.cursorCol = -1;
		this.cursorRow = -1;
		this.at = 0;
		this.lagging = false;
		this.limit = budget - resetColours.length;
		this.reuse = this.threshold;
		this.chosen = budget === Infinity ? undefined : this.choose(pixels, screen, this.limit);
		if (this.limit < maxBytesPerCell) {
			this.lagging = this.chosen !== undefined && this.chosen.some((tier) => tier > 0);
			return this.out.subarray(0, 0);
		}
		// Under a budget, the worst cells go first: one pass per tier of error, so a cap reached
		// in raster order never starves a far-off cell for a nearly right one above it.
		this.drawnCells = 0;
		for (let tier = this.chosen ? 1 : 0; tier <= (this.chosen ? tiers.length : 0); tier++) {
			this.tier = tier;
			if (this.glyphs === 'quad') this.renderQuad(pixels, screen);
			else this.renderHalf(pixels, screen);
		}
		this.learnCost(this.drawnCells, this.at);
		if (this.at === 0) return this.out.subarray(0, 0);
		this.at = putAscii(this.out, this.at, resetColours);
		return this.out.subarray(0, this.at);
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

	/**
	 * Marks the cells a budget of `limit` bytes should go to: every cell's error (its pixels'
	 * largest difference from what it shows), then the worst first, as many as the recent cost
	 * of a cell says fit. Cells within the threshold are never chosen (the quality floor).
	 */
	private choose(pixels: Uint8Array, screen: ScreenState, limit: number): Uint8Array {
		const {cols, rows} = screen.picture;
		const count = cols * rows;
		if (this.chosenAll.length < count) {
			this.chosenAll = new Uint8Array(count);
			this.errors = new Int16Array(count);
		}
		const chosen = this.chosenAll.subarray(0, count);
		const errors = this.errors;
		const histogram = new Int32Array(unknownError + 1);
		const perCell = screen.pixelsPerCell;
		const quad = this.glyphs === 'quad';
		const rowBytes = cols * (quad ? 6 : 3);
		const shown = screen.shown;
		const visible = screen.visible;
		for (let y = 0, cell = 0; y < rows; y++) {
			for (let x = 0; x < cols; x++, cell++) {
				if (!visible[cell]) {
					errors[cell] = -1;
					continue;
				}
				let worst = 0;
				if (quad) {
					splitQuadrants(pixels, 2 * y * rowBytes + x * 6, rowBytes, this.split);
					const mask = this.split[0]!;
					const a = this.quadColour(this.split[1]!);
					const b = this.quadColour(this.split[2]!);
					for (let p = 0; p < 4; p++) {
						const error = this.distance(mask & (1 << p) ? a : b, shown[cell * 4 + p]!);
						if (error > worst) worst = error;
					}
				} else {
					const offset = 2 * y * rowBytes + x * 3;
					const upper = this.distance(this.colourAt(pixels, offset), shown[cell * perCell]!);
					const lower = this.distance(this.colourAt(pixels, offset + rowBytes), shown[cell * perCell + 1]!);
					worst = Math.max(upper, lower);
				}
				errors[cell] = worst > this.threshold ? worst : -1;
				if (worst > this.threshold) histogram[worst]!++;
			}
		}
		// The error from which on every cell fits the budget, at the recent cost of a cell.
		const affordable = Math.max(1, Math.floor(limit / this.bytesPerCell));
		let cutoff = unknownError + 1;
		let taken = 0;
		while (cutoff > 0 && taken + histogram[cutoff - 1]! <= affordable) taken += histogram[--cutoff]!;
		let extra = cutoff > 0 ? affordable - taken : 0;
		// Cells left behind: coarser colours (reused within a wider margin) for this render.
		if (this.truecolor && cutoff > 0)
			this.reuse = Math.max(this.threshold, Math.min(maxCoarseReuse, cutoff >> 2));
		for (let cell = 0; cell < count; cell++) {
			const error = errors[cell]!;
			let take = error >= cutoff;
			if (!take && error === cutoff - 1 && extra > 0) {
				take = true;
				extra--;
			}
			chosen[cell] = take ? tierOf(error) : 0;
		}
		return chosen;
	}

	/** Under a budget: whether this cell is to be drawn now, and room is left for it. */
	private allowed(cell: number): boolean {
		if (this.chosen![cell] !== this.tier) return false;
		if (this.at + maxBytesPerCell > this.limit) {
			this.lagging = true;
			return false;
		}
		return true;
	}

	private learnCost(cells: number, bytes: number): void {
		if (cells > 0)
			this.bytesPerCell = Math.max(
				4,
				Math.min(maxBytesPerCell, 0.7 * this.bytesPerCell + 0.3 * (bytes / cells)),
			);
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

	private renderHalf(pixels: Uint8Array, screen: ScreenState): void {
		const {col: left, row: top, cols, rows} = screen.picture;
		const shown = screen.shown;
		const threshold = this.threshold;
		const visible = screen.visible;
		const rowBytes = cols * 3;
		for (let y = 0; y < rows; y++) {
			let upperOffset = 2 * y * rowBytes;
			let cell = y * cols * 2;
			for (let x = 0; x < cols; x++, upperOffset += 3, cell += 2) {
				const index = y * cols + x;
				if (!visible[index]) continue;
				const upper = this.colourAt(pixels, upperOffset);
				const lower = this.colourAt(pixels, upperOffset + rowBytes);
				if (near(upper, shown[cell]!, threshold) && near(lower, shown[cell + 1]!, threshold)) continue;
				if (this.chosen && !this.allowed(index)) continue;
				this.drawnCells++;
				this.moveTo(left + x, top + y);
				const mask = this.paint(upper, lower, upperHalfMask);
				shown[cell] = mask & 1 ? this.penFg : this.penBg;
				shown[cell + 1] = mask & 4 ? this.penFg : this.penBg;
				if (x === cols - 1) this.cursorCol = -1;
			}
		}
	}

	private renderQuad(pixels: Uint8Array, screen: ScreenState): void {
		const {col: left, row: top, cols, rows} = screen.picture;
		const shown = screen.shown;
		const threshold = this.threshold;
		const split = this.split;
		const visible = screen.visible;
		const rowBytes = cols * 6;
		for (let y = 0; y < rows; y++) {
			let offset = 2 * y * rowBytes;
			let cell = y * cols * 4;
			for (let x = 0; x < cols; x++, offset += 6, cell += 4) {
				const index = y * cols + x;
				if (!visible[index]) continue;
				splitQuadrants(pixels, offset, rowBytes, split);
				let mask = split[0]!;
				let a = split[1]!;
				let b = split[2]!;
				a = this.quadColour(a);
				b = this.quadColour(b);
				if (
					near(mask & 1 ? a : b, shown[cell]!, threshold) &&
					near(mask & 2 ? a : b, shown[cell + 1]!, threshold) &&
					near(mask & 4 ? a : b, shown[cell + 2]!, threshold) &&
					near(mask & 8 ? a : b, shown[cell + 3]!, threshold)
				) {
					continue;
				}
				if (this.chosen && !this.allowed(index)) continue;
				this.drawnCells++;
				this.moveTo(left + x, top + y);
				mask = this.paint(a, b, mask);
				shown[cell] = mask & 1 ? this.penFg : this.penBg;
				shown[cell + 1] = mask & 2 ? this.penFg : this.penBg;
				shown[cell + 2] = mask & 4 ? this.penFg : this.penBg;
				shown[cell + 3] = mask & 8 ? this.penFg : this.penBg;
				if (x === cols - 1) this.cursorCol = -1;
			}
		}
	}

	/**
	 * Writes one cell at the cursor: colour a on the quarters in aMask, b on the rest. Returns
	 * the glyph's mask (the quarters now in the pen's foreground).
	 */
	private paint(a: number, b: number, aMask: number): number {
		const threshold = this.reuse;
		let mask: number;
		if (aMask === 0 || aMask === fullMask || near(a, b, threshold)) {
			const only = aMask === fullMask ? a : b;
			if (near(this.penBg, a, threshold) && near(this.penBg, b, threshold)) mask = 0;
			else if (near(this.penFg, a, threshold) && near(this.penFg, b, threshold)) mask = fullMask;
			else {
				mask = 0;
				this.setColours(-1, a === b || aMask === 0 || aMask === fullMask ? only : average(a, b));
			}
		} else {
			const keepsA = (near(this.penFg, a, threshold) ? 0 : 1) + (near(this.penBg, b, threshold) ? 0 : 1);
			const flipped = (near(this.penFg, b, threshold) ? 0 : 1) + (near(this.penBg, a, threshold) ? 0 : 1);
			const flip = flipped < keepsA;
			const fg = flip ? b : a;
			const bg = flip ? a : b;
			mask = flip ? fullMask ^ aMask : aMask;
			this.setColours(near(this.penFg, fg, threshold) ? -1 : fg, near(this.penBg, bg, threshold) ? -1 : bg);
		}
		const out = this.out;
		const count = glyphByteCount[mask]!;
		for (let i = 0; i < count; i++) out[this.at + i] = glyphBytes[mask * 3 + i]!;
		this.at += count;
		this.cursorCol++;
		return mask;
	}

	private setColours(fg: number, bg: number): void {
		if (fg < 0 && bg < 0) return;
		this.at = putColours(this.out, this.at, fg, bg, this.truecolor);
		if (fg >= 0) this.penFg = fg;
		if (bg >= 0) this.penBg = bg;
	}

	/** Moves the cursor by whichever of the moves that get there is shortest in bytes. */
	private moveTo(col: number, row: number): void {
		const fromCol = this.cursorCol;
		const fromRow = this.cursorRow;
		if (fromRow === row && fromCol === col) return;
		const out = this.out;
		let at = this.at;
		let best = cursorPositionLength(col, row);
		let how = 0;
		if (fromRow === row && fromCol >= 0) {
			const relative = csiLength(Math.abs(col - fromCol));
			if (relative < best) {
				best = relative;
				how = 1;
			}
			const fromLeft = 1 + (col === 0 ? 0 : csiLength(col));
			if (fromLeft < best) {
				best = fromLeft;
				how = 2;
			}
		} else if (fromRow >= 0 && row > fromRow) {
			const lines = row - fromRow;
			// CR before each LF: right whether or not the tty turns LF into CR LF.
			const newlines = 2 * lines + (col === 0 ? 0 : csiLength(col));
			if (newlines < best) {
				best = newlines;
				how = 3;
			}
			if (fromCol >= 0) {
				const down = csiLength(lines) + (col === fromCol ? 0 : csiLength(Math.abs(col - fromCol)));
				if (down < best) {
					best = down;
					how = 4;
				}
			}
		}
		switch (how) {
			case 0:
				at = putCursorPosition(out, at, col, row);
				break;
			case 1:
				at = putCsi(out, at, Math.abs(col - fromCol), col > fromCol ? CUF : CUB);
				break;
			case 2:
				out[at++] = CR;
				if (col !== 0) at = putCsi(out, at, col, CUF);
				break;
			case 3:
				for (let i = fromRow; i < row; i++) {
					out[at++] = CR;
					out[at++] = LF;
				}
				if (col !== 0) at = putCsi(out, at, col, CUF);
				break;
			default:
				at = putCsi(out, at, row - fromRow, CUD);
				if (col !== fromCol) at = putCsi(out, at, Math.abs(col - fromCol), col > fromCol ? CUF : CUB);
		}
		this.at = at;
		this.cursorCol = col;
		this.cursorRow = row;
	}
}
