/**
 * Reading the glass: `tmux capture-pane -e -p -N` of the outer pane, parsed into cells with the
 * colours of their upper and lower half (truecolor or the 256-colour palette, as drawn; a
 * quadrant, sextant or octant cell's halves as the eye averages them).
 */
import {spawn} from 'node:child_process';
import {maskOfGlyph} from '../../source/render/glyphs.js';
import {paletteRgb} from '../../source/render/palette.js';
import type {GlassCell, Rect, Rgb} from './stamp.js';
import {sgrCells, type SgrColours} from '../../test/e2e/tmux.js';

const basic: Rgb[] = [
	[0, 0, 0],
	[205, 0, 0],
	[0, 205, 0],
	[205, 205, 0],
	[0, 0, 238],
	[205, 0, 205],
	[0, 205, 205],
	[229, 229, 229],
	[127, 127, 127],
	[255, 0, 0],
	[0, 255, 0],
	[255, 255, 0],
	[92, 92, 255],
	[255, 0, 255],
	[0, 255, 255],
	[255, 255, 255],
];

function indexed(index: number): Rgb {
	if (index < 16) return basic[index]!;
	const rgb = paletteRgb(index);
	return [rgb >> 16, (rgb >> 8) & 255, rgb & 255];
}

export type Glass = {cells: GlassCell[][]; truecolor: number; indexed: number};

const bits = (mask: number) => {
	let count = 0;
	for (; mask; mask &= mask - 1) count++;
	return count;
};

/**
 * How much of a block glyph's upper and lower half is in the foreground colour (any set:
 * half blocks, quadrants, sextants, octants), undefined for anything else.
 */
function coverage(char: string): {top: number; bottom: number} | undefined {
	const octant = maskOfGlyph(char, 'octant');
	if (octant !== undefined) return {top: bits(octant & 0x0f) / 4, bottom: bits(octant & 0xf0) / 4};
	const sextant = maskOfGlyph(char, 'sextant');
	if (sextant === undefined) return undefined;
	// The middle third is half in each half of the cell.
	const rows = [0, 1, 2].map((row) => bits((sextant >> (2 * row)) & 3) / 2);
	return {top: (2 * rows[0]! + rows[1]!) / 3, bottom: (rows[1]! + 2 * rows[2]!) / 3};
}

function mix(fg: Rgb | undefined, bg: Rgb | undefined, share: number): Rgb | undefined {
	if (share === 1) return fg;
	if (share === 0) return bg;
	if (!fg || !bg) return undefined;
	return [0, 1, 2].map((i) => Math.round(fg[i]! * share + bg[i]! * (1 - share))) as Rgb;
}

/**
 * Parses a capture; counts how many colours were truecolor and how many palette entries. With
 * `rows`, only those lines (the others come back empty): reading a stamp needs two of 48, and a
 * whole capture parsed 30 times a second took a fifth of a core the chain under test needs.
 */
export function parseGlass(text: string, rows?: readonly number[]): Glass {
	const colours: SgrColours = {truecolor: 0, indexed: 0};
	const cells = text.split('\n').map((line, index) => {
		const row: GlassCell[] = [];
		if (rows && !rows.includes(index)) return row;
		colours.fg = colours.bg = undefined;
		for (const {char, fg, bg} of sgrCells(line, colours, indexed)) {
			// Each half of the cell as the eye averages it (for half blocks: exactly its colour).
			const covered = coverage(char);
			if (covered) row.push({top: mix(fg, bg, covered.top), bottom: mix(fg, bg, covered.bottom)});
			else row.push({});
		}
		return row;
	});
	return {cells, truecolor: colours.truecolor, indexed: colours.indexed};
}

const isPicture = (cell: GlassCell | undefined) => Boolean(cell?.top && cell.bottom);

/**
 * Where the picture is: the longest run of picture cells in the first row that has one of at
 * least `minCols`, and as far down as its left edge goes (the self view sits bottom right, so
 * neither measure crosses it).
 */
export function findPicture(cells: GlassCell[][], minCols = 20): Rect | undefined {
	for (let row = 0; row < cells.length; row++) {
		const line = cells[row]!;
		let best = {col: 0, cols: 0};
		let start = -1;
		for (let col = 0; col <= line.length; col++) {
			if (col < line.length && isPicture(line[col])) {
				if (start < 0) start = col;
			} else if (start >= 0) {
				if (col - start > best.cols) best = {col: start, cols: col - start};
				start = -1;
			}
		}
		if (best.cols < minCols) continue;
		let end = row;
		while (end + 1 < cells.length && isPicture(cells[end + 1]![best.col + 1])) end++;
		return {col: best.col, row, cols: best.cols, rows: end - row + 1};
	}
	return undefined;
}

/**
 * Captures through one tmux control-mode client (`tmux -C`): no process started per capture, so
 * reading the glass 30 times a second costs little even on a busy machine. The client asks not
 * to be sent the pane's output (`no-output`) and does not size the window.
 */
export class PaneReader {
	private readonly child;
	private buffer = '';
	private readonly waiting: Array<{resolve: (text: string) => void; reject: (error: Error) => void}> = [];
	private block: string[] | undefined;
	private closed = false;

	constructor(
		socket: string,
		private readonly target: string,
	) {
		this.child = spawn(
			'tmux',
			['-L', socket, '-C', 'attach-session', '-r', '-f', 'no-output,ignore-size', '-t', target],
			{
				stdio: ['pipe', 'pipe', 'ignore'],
			},
		);
		this.child.stdout.setEncoding('utf8');
		this.child.stdout.on('data', (data: string) => this.onData(data));
		this.child.once('exit', () => {
			this.closed = true;
			for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('tmux control client exited'));
		});
		// The attach itself answers with one (empty) block first.
		this.waiting.push({resolve: () => {}, reject: () => {}});
	}

	/**
	 * The pane as `capture-pane -e -p -N` shows it; with `rows`, only the lines from the first to
	 * the last of them (the others come back empty, so line numbers stay the pane's): tmux
	 * formatting the whole 160x48 pane 30 times a second took a fifth of a core.
	 */
	capture(rows?: readonly number[]): Promise<string> {
		if (this.closed) return Promise.reject(new Error('tmux control client exited'));
		const from = rows ? Math.min(...rows) : 0;
		const range = rows ? ` -S ${from} -E ${Math.max(...rows)}` : '';
		return new Promise<string>((resolve, reject) => {
			this.waiting.push({resolve, reject});
			this.child.stdin.write(`capture-pane -e -p -N${range} -t ${this.target}\n`);
		}).then((text) => '\n'.repeat(from) + text);
	}

	close(): void {
		if (!this.closed) this.child.stdin.end();
		this.child.kill();
	}

	private onData(data: string): void {
		this.buffer += data;
		let newline: number;
		while ((newline = this.buffer.indexOf('\n')) >= 0) {
			const line = this.buffer.slice(0, newline);
			this.buffer = this.buffer.slice(newline + 1);
			if (this.block === undefined) {
				if (line.startsWith('%begin ')) this.block = [];
			} else if (line.startsWith('%end ') || line.startsWith('%error ')) {
				const text = this.block.join('\n');
				this.block = undefined;
				const waiter = this.waiting.shift();
				if (line.startsWith('%end ')) waiter?.resolve(text);
				else waiter?.reject(new Error(`tmux: ${text}`));
			} else this.block.push(line);
		}
	}
}
