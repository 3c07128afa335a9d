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
	beginSynchronized,
	csiLength,
	cursorPositionLength,
	endSynchronized,
	maxBytesPerCell,
	putAscii,
	putColours,
	putCsi,
	putCursorPosition,
	resetColours,
} from './escapes.js';
import {fullMask, glyphByteCount, glyphBytes, upperHalfMask} from './glyphs.js';
import {type CellRect, type ColorDepth, type Glyphs, pixelsPerCell} from './layout.js';
import {nearestPaletteEntry, paletteTable} from './palette.js';
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
 * (0xRRGGBB in truecolor, a palette index in 256 colours), -1 when not known.
 */
export class ScreenState {
	readonly shown: Int32Array;
	constructor(
		readonly picture: CellRect,
		readonly pixelsPerCell: number,
	) {
		this.shown = new Int32Array(picture.cols * picture.rows * pixelsPerCell).fill(-1);
	}

	/** After something else drew over the cells: the next render redraws every one. */
	forget(): void {
		this.shown.fill(-1);
	}
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
	 * pixels); `screen` is updated to match. Empty when nothing needs drawing.
	 */
	render(pixels: Uint8Array, screen: ScreenState): Uint8Array {
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
		this.at = putAscii(this.out, 0, beginSynchronized);
		const start = this.at;
		if (this.glyphs === 'quad') this.renderQuad(pixels, screen);
		else this.renderHalf(pixels, screen);
		if (this.at === start) return this.out.subarray(0, 0);
		this.at = putAscii(this.out, this.at, resetColours);
		this.at = putAscii(this.out, this.at, endSynchronized);
		return this.out.subarray(0, this.at);
	}

	private colourAt(pixels: Uint8Array, offset: number): number {
		const b = pixels[offset]!;
		const g = pixels[offset + 1]!;
		const r = pixels[offset + 2]!;
		const rgb = (r << 16) | (g << 8) | b;
		return this.truecolor ? rgb : this.palette[rgb] || nearestPaletteEntry(r, g, b);
	}

	private renderHalf(pixels: Uint8Array, screen: ScreenState): void {
		const {col: left, row: top, cols, rows} = screen.picture;
		const shown = screen.shown;
		const threshold = this.threshold;
		const rowBytes = cols * 3;
		for (let y = 0; y < rows; y++) {
			let upperOffset = 2 * y * rowBytes;
			let cell = y * cols * 2;
			for (let x = 0; x < cols; x++, upperOffset += 3, cell += 2) {
				const upper = this.colourAt(pixels, upperOffset);
				const lower = this.colourAt(pixels, upperOffset + rowBytes);
				if (near(upper, shown[cell]!, threshold) && near(lower, shown[cell + 1]!, threshold)) continue;
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
		const rowBytes = cols * 6;
		for (let y = 0; y < rows; y++) {
			let offset = 2 * y * rowBytes;
			let cell = y * cols * 4;
			for (let x = 0; x < cols; x++, offset += 6, cell += 4) {
				splitQuadrants(pixels, offset, rowBytes, split);
				let mask = split[0]!;
				let a = split[1]!;
				let b = split[2]!;
				if (!this.truecolor) {
					a = this.palette[a] || nearestPaletteEntry(a >>> 16, (a >>> 8) & 255, a & 255);
					b = this.palette[b] || nearestPaletteEntry(b >>> 16, (b >>> 8) & 255, b & 255);
				}
				if (
					near(mask & 1 ? a : b, shown[cell]!, threshold) &&
					near(mask & 2 ? a : b, shown[cell + 1]!, threshold) &&
					near(mask & 4 ? a : b, shown[cell + 2]!, threshold) &&
					near(mask & 8 ? a : b, shown[cell + 3]!, threshold)
				) {
					continue;
				}
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
		const threshold = this.threshold;
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
