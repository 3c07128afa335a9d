/**
 * The picture's escape writer: cells in, the fewest bytes that draw them out. It keeps the pen
 * (colours set) and the cursor of one frame's bytes, reuses a colour already set when it is close
 * enough, flips a glyph (▀ for ▄) when that saves setting a colour, and moves the cursor by the
 * cheapest sequence. Which cells to write, and in which order, is the renderer's business.
 *
 * Bytes go into one Buffer grown only when the box grows; a frame's view is only valid until the
 * next frame starts.
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
import {glyphGrid, maxGlyphBytes, type GlyphGrid} from './glyphs.js';

const CR = 0x0d;
const LF = 0x0a;
const CUF = 0x43; // C
const CUB = 0x44; // D
const CUD = 0x42; // B

/** Whether two colours (0xRRGGBB, or palette indexes with threshold 0) are within `threshold` in every channel. */
export function near(a: number, b: number, threshold: number): boolean {
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

export class CellWriter {
	/** Bytes of the frame so far. */
	at = 0;
	/** Colours the terminal's pen holds now (-1: not known). */
	penFg = -1;
	penBg = -1;
	/**
	 * The frame's bytes so far, and where the cursor stands (-1: not known). Public for the
	 * truecolor half-block loop (half-truecolor.ts), which writes its cells itself.
	 */
	out = Buffer.alloc(0);
	cursorCol = -1;
	cursorRow = -1;

	private readonly fullMask: number;

	/** `grid`: the glyph set cells are written with (the quadrants, for half blocks too). */
	constructor(
		private readonly truecolor: boolean,
		readonly grid: GlyphGrid = glyphGrid('quad'),
	) {
		this.fullMask = grid.fullMask;
	}

	/**
	 * Starts a frame of at most `cells` cells. Anything may have happened to the pen and the
	 * cursor between frames (other output, a resize), so each frame starts from knowing neither.
	 */
	begin(cells: number): void {
		const needed = cells * maxBytesPerCell + 64;
		if (this.out.length < needed) this.out = Buffer.allocUnsafe(needed);
		this.penFg = -1;
		this.penBg = -1;
		this.cursorCol = -1;
		this.cursorRow = -1;
		this.at = 0;
	}

	/** The frame's bytes, with the colours reset after them; empty when nothing was written. */
	finish(): Uint8Array {
		if (this.at === 0) return this.out.subarray(0, 0);
		this.at = putAscii(this.out, this.at, resetColours);
		return this.out.subarray(0, this.at);
	}

	/**
	 * Writes one cell at (col, row): colour a on the pixels in aMask, b on the rest; a colour
	 * within `reuse` of one the pen holds is taken as that one. Returns the glyph's mask (the
	 * pixels now in the pen's foreground). `lastCol`: the cell is the row's last, after which
	 * where the cursor stands depends on the terminal (pending wrap).
	 */
	cell(
		col: number,
		row: number,
		a: number,
		b: number,
		aMask: number,
		reuse: number,
		lastCol: boolean,
	): number {
		this.moveTo(col, row);
		const mask = this.paint(a, b, aMask, reuse);
		if (lastCol) this.cursorCol = -1;
		return mask;
	}

	private paint(a: number, b: number, aMask: number, threshold: number): number {
		let mask: number;
		const fullMask = this.fullMask;
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
		const count = this.grid.byteCount[mask]!;
		const bytes = this.grid.bytes;
		for (let i = 0; i < count; i++) out[this.at + i] = bytes[mask * maxGlyphBytes + i]!;
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
	moveTo(col: number, row: number): void {
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
