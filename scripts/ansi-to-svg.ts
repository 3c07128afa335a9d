/**
 * Turns a terminal capture (`tmux capture-pane -e -p`: text with SGR colour escapes) into an SVG
 * picture of the screen, so the readme can show what facetty really drew. Half-block cells become
 * two coloured rectangles, other characters text. Usage:
 *   tmux capture-pane -e -p -N -t SESSION > shot.ansi
 *   node --import tsx scripts/ansi-to-svg.ts shot.ansi [COLUMNS] > shot.svg
 */
import fs from 'node:fs';

const cellWidth = 8;
const cellHeight = 16;
const defaultForeground = '#d0d0d0';
const defaultBackground = '#101010';

function xterm256(index: number): string {
	const basic = [
		'#000000',
		'#cd0000',
		'#00cd00',
		'#cdcd00',
		'#0000ee',
		'#cd00cd',
		'#00cdcd',
		'#e5e5e5',
		'#7f7f7f',
		'#ff0000',
		'#00ff00',
		'#ffff00',
		'#5c5cff',
		'#ff00ff',
		'#00ffff',
		'#ffffff',
	];
	if (index < 16) return basic[index]!;
	if (index < 232) {
		const levels = [0, 95, 135, 175, 215, 255];
		const n = index - 16;
		return rgb(levels[Math.floor(n / 36)]!, levels[Math.floor(n / 6) % 6]!, levels[n % 6]!);
	}
	const grey = 8 + (index - 232) * 10;
	return rgb(grey, grey, grey);
}

function rgb(red: number, green: number, blue: number): string {
	return `#${[red, green, blue].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}

type Cell = {char: string; fg: string; bg: string; bold: boolean};

export function parseCapture(text: string): Cell[][] {
	const rows: Cell[][] = [];
	let fg = defaultForeground;
	let bg = defaultBackground;
	let bold = false;
	for (const line of text.replace(/\n$/, '').split('\n')) {
		const row: Cell[] = [];
		const pattern = /\x1b\[([\d;]*)m|\x1b\[[\d;?]*[A-Za-z]|([^\x1b])/gu;
		for (const match of line.matchAll(pattern)) {
			if (match[2] !== undefined) {
				row.push({char: match[2], fg, bg, bold});
				continue;
			}
			if (match[1] === undefined) continue;
			const codes = match[1] === '' ? [0] : match[1].split(';').map(Number);
			for (let index = 0; index < codes.length; index++) {
				const code = codes[index]!;
				if (code === 0) [fg, bg, bold] = [defaultForeground, defaultBackground, false];
				else if (code === 1) bold = true;
				else if (code === 22) bold = false;
				else if (code === 39) fg = defaultForeground;
				else if (code === 49) bg = defaultBackground;
				else if ((code === 38 || code === 48) && codes[index + 1] === 2) {
					const colour = rgb(codes[index + 2]!, codes[index + 3]!, codes[index + 4]!);
					if (code === 38) fg = colour;
					else bg = colour;
					index += 4;
				} else if ((code === 38 || code === 48) && codes[index + 1] === 5) {
					const colour = xterm256(codes[index + 2]!);
					if (code === 38) fg = colour;
					else bg = colour;
					index += 2;
				} else if (code >= 30 && code <= 37) fg = xterm256(code - 30);
				else if (code >= 40 && code <= 47) bg = xterm256(code - 40);
				else if (code >= 90 && code <= 97) fg = xterm256(code - 82);
				else if (code >= 100 && code <= 107) bg = xterm256(code - 92);
			}
		}
		rows.push(row);
	}
	return rows;
}

function escapeXml(text: string): string {
	return text.replace(/[<>&"]/g, (char) => ({'<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;'})[char]!);
}

export function captureToSvg(text: string, columns?: number): string {
	const rows = parseCapture(text);
	const width = columns ?? Math.max(...rows.map((row) => row.length));
	const parts: string[] = [];
	// Runs of one colour become one rectangle: a video frame is mostly such runs.
	const rect = (x: number, y: number, cells: number, half: 'top' | 'bottom' | 'full', colour: string) => {
		const top = y * cellHeight + (half === 'bottom' ? cellHeight / 2 : 0);
		const height = half === 'full' ? cellHeight : cellHeight / 2;
		parts.push(
			`<rect x="${x * cellWidth}" y="${top}" width="${cells * cellWidth}" height="${height}" fill="${colour}"/>`,
		);
	};
	rows.forEach((row, y) => {
		const upper: string[] = [];
		const lower: string[] = [];
		for (let x = 0; x < width; x++) {
			const cell = row[x];
			if (!cell) {
				upper.push(defaultBackground);
				lower.push(defaultBackground);
			} else if (cell.char === '▀') {
				upper.push(cell.fg);
				lower.push(cell.bg);
			} else if (cell.char === '▄') {
				upper.push(cell.bg);
				lower.push(cell.fg);
			} else if (cell.char === '█') {
				upper.push(cell.fg);
				lower.push(cell.fg);
			} else {
				upper.push(cell.bg);
				lower.push(cell.bg);
			}
		}
		for (const [half, colours] of [
			['top', upper],
			['bottom', lower],
		] as const) {
			let start = 0;
			for (let x = 1; x <= width; x++) {
				if (x === width || colours[x] !== colours[start]) {
					if (colours[start] !== defaultBackground) rect(start, y, x - start, half, colours[start]!);
					start = x;
				}
			}
		}
		row.forEach((cell, x) => {
			if (cell.char.trim() === '' || '▀▄█'.includes(cell.char)) return;
			parts.push(
				`<text x="${x * cellWidth}" y="${y * cellHeight + 12}" fill="${cell.fg}"${cell.bold ? ' font-weight="bold"' : ''}>${escapeXml(cell.char)}</text>`,
			);
		});
	});
	const pixelWidth = width * cellWidth;
	const pixelHeight = rows.length * cellHeight;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${pixelWidth}" height="${pixelHeight}" viewBox="0 0 ${pixelWidth} ${pixelHeight}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="13" shape-rendering="crispEdges">`,
		`<rect width="100%" height="100%" fill="${defaultBackground}"/>`,
		...parts,
		'</svg>',
		'',
	].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const input = fs.readFileSync(process.argv[2] ?? 0, 'utf8');
	process.stdout.write(captureToSvg(input, process.argv[3] ? Number(process.argv[3]) : undefined));
}
