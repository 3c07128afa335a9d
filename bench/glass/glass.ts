/**
 * Reading the glass: `tmux capture-pane -e -p -N` of the outer pane, parsed into cells with the
 * colours of their upper and lower pixel (truecolor or the 256-colour palette, as drawn).
 */
import {execFile} from 'node:child_process';
import {paletteRgb} from '../../source/render/palette.js';
import type {GlassCell, Rect, Rgb} from './stamp.js';

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

/** Parses a capture; counts how many colours were truecolor and how many palette entries. */
export function parseGlass(text: string): Glass {
	let truecolor = 0;
	let palette = 0;
	const cells = text.split('\n').map((line) => {
		const row: GlassCell[] = [];
		let fg: Rgb | undefined;
		let bg: Rgb | undefined;
		for (const match of line.matchAll(/\x1b\[([0-9;:]*)m|\x1b[^[]|([^\x1b])/gu)) {
			const char = match[2];
			if (char !== undefined) {
				if (char === '▀') row.push({top: fg, bottom: bg});
				else if (char === '▄') row.push({top: bg, bottom: fg});
				else if (char === '█') row.push({top: fg, bottom: fg});
				else if (char === ' ') row.push({top: bg, bottom: bg});
				else row.push({});
				continue;
			}
			if (match[1] === undefined) continue;
			const codes = match[1] === '' ? [0] : match[1].split(/[;:]/).map(Number);
			for (let i = 0; i < codes.length; i++) {
				const code = codes[i]!;
				if (code === 0) fg = bg = undefined;
				else if (code === 39) fg = undefined;
				else if (code === 49) bg = undefined;
				else if ((code === 38 || code === 48) && codes[i + 1] === 2) {
					const rgb: Rgb = [codes[i + 2]!, codes[i + 3]!, codes[i + 4]!];
					if (code === 38) fg = rgb;
					else bg = rgb;
					truecolor++;
					i += 4;
				} else if ((code === 38 || code === 48) && codes[i + 1] === 5) {
					const rgb = indexed(codes[i + 2]!);
					if (code === 38) fg = rgb;
					else bg = rgb;
					palette++;
					i += 2;
				} else if (code >= 30 && code <= 37) fg = basic[code - 30];
				else if (code >= 40 && code <= 47) bg = basic[code - 40];
				else if (code >= 90 && code <= 97) fg = basic[code - 82];
				else if (code >= 100 && code <= 107) bg = basic[code - 92];
			}
		}
		return row;
	});
	return {cells, truecolor, indexed: palette};
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

/** One capture of a tmux pane (its server's socket name, the target pane). */
export function capturePane(socket: string, target: string): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			'tmux',
			['-L', socket, 'capture-pane', '-e', '-p', '-N', '-t', target],
			{maxBuffer: 8 * 1024 * 1024, timeout: 5000},
			(error, stdout) => (error ? reject(error) : resolve(stdout)),
		);
	});
}
