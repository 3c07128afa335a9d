/**
 * A model terminal for tests and the benchmark: it replays the bytes the renderer and the surface
 * write (cursor moves, SGR colours, block glyphs, the ?2026/?25/?1049 modes, erases) onto a grid
 * of cells, so a test can look at what a real terminal would show. Anything it does not
 * understand throws, so new escapes cannot slip past the tests unmodelled.
 */
import {maskOfGlyph} from '../../source/render/glyphs.js';
import {pixelsPerCell, type Glyphs} from '../../source/render/layout.js';
import {paletteRgb} from '../../source/render/palette.js';

/** -1 is the terminal's default colour; 0..0xFFFFFF truecolor; palette entries are offset by this. */
export const paletteBase = 0x1000000;
export const defaultColour = -1;

export type Cell = {char: string; fg: number; bg: number};

/**
 * A model terminal that answers questions, as a test double of a real one: CPR (CSI 6n), XTVERSION
 * (CSI > 0 q) and DA1 (CSI c) are answered through `reply`, and `width` says how many columns a
 * character takes (0: dropped, as tmux drops what its libc does not know).
 */
export type Answering = {
	reply: (bytes: string) => void;
	xtversion?: string;
	width?: (codePoint: number) => number;
};

export class VirtualTerminal {
	cells: Cell[];
	col = 0;
	row = 0;
	fg = defaultColour;
	bg = defaultColour;
	cursorVisible = true;
	alternateScreen = false;
	synchronizedDepth = 0;
	synchronizedFrames = 0;
	/** Cells printed or erased since the last `untouch()` (index row * cols + col). */
	readonly touched = new Set<number>();
	/** DA1 questions seen (ESC [ c). */
	deviceAttributeQueries = 0;
	/** Every ?2026 mode change in order, h or l. */
	readonly synchronizedModes: string[] = [];
	private pendingWrap = false;
	private saved = {col: 0, row: 0};
	private readonly decoder = new TextDecoder();

	constructor(
		readonly cols: number,
		readonly rows: number,
		fill: Cell = {char: '?', fg: defaultColour, bg: defaultColour},
		private readonly answering?: Answering,
	) {
		this.cells = Array.from({length: cols * rows}, () => ({...fill}));
	}

	untouch(): void {
		this.touched.clear();
	}

	cell(col: number, row: number): Cell {
		const cell = this.cells[row * this.cols + col];
		if (!cell) throw new RangeError(`no cell ${col},${row}`);
		return cell;
	}

	/** Colour a pixel of a cell shows (quarter 0..3 as in the glyph masks) as 0xRRGGBB or palette/-1 codes. */
	quarterColour(col: number, row: number, quarter: number): number {
		const cell = this.cell(col, row);
		const mask = maskOfGlyph(cell.char);
		if (mask === undefined)
			throw new Error(`cell ${col},${row} shows ${JSON.stringify(cell.char)}, not a block glyph`);
		return (mask >> quarter) & 1 ? cell.fg : cell.bg;
	}

	/**
	 * Colour pixel `pixel` of a cell shows, read as a cell of the `glyphs` set: for half blocks
	 * pixel 0 is the upper half and 1 the lower; otherwise bit `row * 2 + col` of the set's masks.
	 */
	pixelColour(col: number, row: number, glyphs: Glyphs, pixel: number): number {
		const cell = this.cell(col, row);
		const mask = maskOfGlyph(cell.char, glyphs);
		if (mask === undefined)
			throw new Error(`cell ${col},${row} shows ${JSON.stringify(cell.char)}, not a ${glyphs} glyph`);
		const bit = glyphs === 'half' ? pixel * 2 : pixel;
		return (mask >> bit) & 1 ? cell.fg : cell.bg;
	}

	write(bytes: Uint8Array | string): void {
		const text = typeof bytes === 'string' ? bytes : this.decoder.decode(bytes);
		let i = 0;
		while (i < text.length) {
			const char = text[i]!;
			if (char === '\x1b') {
				i = this.escape(text, i);
			} else if (char === '\r') {
				this.moveTo(0, this.row);
				i++;
			} else if (char === '\n') {
				this.pendingWrap = false;
				if (this.row === this.rows - 1) this.scroll();
				else this.row++;
				i++;
			} else {
				const codePoint = text.codePointAt(i)!;
				if (codePoint < 0x20) throw new Error(`unmodelled control ${codePoint}`);
				const width = this.answering?.width?.(codePoint) ?? 1;
				if (width === 1) this.print(String.fromCodePoint(codePoint));
				else if (width !== 0) throw new Error(`unmodelled width ${width}`);
				i += codePoint > 0xffff ? 2 : 1;
			}
		}
	}

	private print(char: string): void {
		if (this.pendingWrap) {
			this.pendingWrap = false;
			this.col = 0;
			if (this.row === this.rows - 1) this.scroll();
			else this.row++;
		}
		this.cells[this.row * this.cols + this.col] = {char, fg: this.fg, bg: this.bg};
		this.touched.add(this.row * this.cols + this.col);
		if (this.col === this.cols - 1) this.pendingWrap = true;
		else this.col++;
	}

	private scroll(): void {
		this.cells.splice(0, this.cols);
		for (let i = 0; i < this.cols; i++) this.cells.push({char: ' ', fg: defaultColour, bg: this.bg});
	}

	private moveTo(col: number, row: number): void {
		this.pendingWrap = false;
		this.col = Math.max(0, Math.min(this.cols - 1, col));
		this.row = Math.max(0, Math.min(this.rows - 1, row));
	}

	private escape(text: string, at: number): number {
		const next = text[at + 1];
		if (next === '7' || next === '8') {
			if (next === '7') this.saved = {col: this.col, row: this.row};
			else this.moveTo(this.saved.col, this.saved.row);
			return at + 2;
		}
		if (next !== '[') throw new Error(`unmodelled escape ${JSON.stringify(text.slice(at, at + 6))}`);
		const match = /^\x1b\[([?>]?)([0-9;]*)([A-Za-z])/.exec(text.slice(at, at + 64));
		if (!match) throw new Error(`malformed CSI ${JSON.stringify(text.slice(at, at + 12))}`);
		const [whole, privateMarker, parameterText, final] = match as unknown as [string, string, string, string];
		const parameters =
			parameterText === '' ? [] : parameterText.split(';').map((p) => (p === '' ? 0 : Number(p)));
		const n = Math.max(1, parameters[0] ?? 1);
		if (privateMarker === '>' && final === 'q' && this.answering) {
			if (this.answering.xtversion !== undefined)
				this.answering.reply(`\x1bP>|${this.answering.xtversion}\x1b\\`);
		} else if (privateMarker === '?') this.privateMode(parameters, final);
		else if (final === 'n' && parameters[0] === 6 && this.answering)
			this.answering.reply(`\x1b[${this.row + 1};${this.col + 1}R`);
		else if (final === 'H' || final === 'f') this.moveTo((parameters[1] || 1) - 1, (parameters[0] || 1) - 1);
		else if (final === 'C') this.moveTo(this.col + n, this.row);
		else if (final === 'D') this.moveTo(this.col - n, this.row);
		else if (final === 'B') this.moveTo(this.col, this.row + n);
		else if (final === 'A') this.moveTo(this.col, this.row - n);
		else if (final === 'G') this.moveTo(n - 1, this.row);
		else if (final === 'm') this.sgr(parameters);
		else if (final === 'X') this.erase(this.row * this.cols + this.col, Math.min(n, this.cols - this.col));
		else if (final === 'K' && (parameters[0] ?? 0) === 0)
			this.erase(this.row * this.cols + this.col, this.cols - this.col);
		else if (final === 'J' && parameters[0] === 2) this.erase(0, this.cols * this.rows);
		else if (final === 'c' && parameterText === '') {
			this.deviceAttributeQueries++;
			this.answering?.reply('\x1b[?62;22c');
		} else if (final === 's') this.saved = {col: this.col, row: this.row};
		else if (final === 'u') this.moveTo(this.saved.col, this.saved.row);
		else throw new Error(`unmodelled CSI ${JSON.stringify(whole)}`);
		return at + whole.length;
	}

	private erase(from: number, count: number): void {
		for (let i = from; i < from + count; i++) {
			this.cells[i] = {char: ' ', fg: this.fg, bg: this.bg};
			this.touched.add(i);
		}
	}

	private privateMode(parameters: number[], final: string): void {
		const on = final === 'h';
		if (final !== 'h' && final !== 'l') throw new Error(`unmodelled private CSI ${final}`);
		for (const mode of parameters) {
			if (mode === 25) this.cursorVisible = on;
			else if (mode === 1049) {
				this.alternateScreen = on;
				this.erase(0, this.cols * this.rows);
			} else if (mode === 2026) {
				this.synchronizedModes.push(on ? 'h' : 'l');
				this.synchronizedDepth += on ? 1 : -1;
				if (this.synchronizedDepth < 0 || this.synchronizedDepth > 1) throw new Error('unbalanced ?2026');
				if (!on) this.synchronizedFrames++;
			} else throw new Error(`unmodelled private mode ${mode}`);
		}
	}

	private sgr(parameters: number[]): void {
		if (parameters.length === 0) parameters = [0];
		for (let i = 0; i < parameters.length; i++) {
			const p = parameters[i]!;
			if (p === 0) {
				this.fg = defaultColour;
				this.bg = defaultColour;
			} else if (p === 39) this.fg = defaultColour;
			else if (p === 49) this.bg = defaultColour;
			else if (p === 38 || p === 48) {
				let colour: number;
				if (parameters[i + 1] === 2) {
					const [r, g, b] = parameters.slice(i + 2, i + 5);
					if ([r, g, b].some((c) => c === undefined || c > 255)) throw new Error('bad 38;2 colour');
					colour = (r! << 16) | (g! << 8) | b!;
					i += 4;
				} else if (parameters[i + 1] === 5) {
					colour = paletteBase + parameters[i + 2]!;
					i += 2;
				} else throw new Error(`unmodelled colour form ${parameters.join(';')}`);
				if (p === 38) this.fg = colour;
				else this.bg = colour;
			} else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) {
				this.fg = paletteBase + (p >= 90 ? p - 82 : p - 30);
			} else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) {
				this.bg = paletteBase + (p >= 100 ? p - 92 : p - 40);
			} else if (![1, 2, 3, 4, 7, 8, 22, 23, 24, 27, 28].includes(p)) {
				throw new Error(`unmodelled SGR ${p}`);
			}
		}
	}
}

/** A colour code from the model as 0xRRGGBB (palette entries looked up). */
export function rgbOf(colour: number): number {
	if (colour < 0) throw new Error('the default colour has no known RGB');
	return colour >= paletteBase ? paletteRgb(colour - paletteBase) : colour;
}

/**
 * PSNR in dB of what `terminal` shows in `picture` against `pixels` (BGR at the picture's pixel
 * size for the glyph set: half blocks one pixel wide, two tall a cell; quad two by two; sextants
 * two by three; octants two by four). `true` is quad, `false` half.
 */
export function screenPsnr(
	terminal: VirtualTerminal,
	picture: {col: number; row: number; cols: number; rows: number},
	pixels: Uint8Array,
	glyphs: Glyphs | boolean = 'half',
): number {
	const set: Glyphs = glyphs === true ? 'quad' : glyphs === false ? 'half' : glyphs;
	const {across, down} = pixelsPerCell(set);
	const width = picture.cols * across;
	const height = picture.rows * down;
	let squared = 0;
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const pixel = (y % down) * across + (x % across);
			const rgb = rgbOf(
				terminal.pixelColour(
					picture.col + Math.floor(x / across),
					picture.row + Math.floor(y / down),
					set,
					pixel,
				),
			);
			const o = (y * width + x) * 3;
			const dr = (rgb >>> 16) - pixels[o + 2]!;
			const dg = ((rgb >>> 8) & 255) - pixels[o + 1]!;
			const db = (rgb & 255) - pixels[o]!;
			squared += dr * dr + dg * dg + db * db;
		}
	}
	const mse = squared / (width * height * 3);
	return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}
