import assert from 'node:assert/strict';
import {test} from 'node:test';
import {findPicture, parseGlass} from '../../bench/glass/glass.js';
import {
	expectedPicture,
	glassPsnr,
	readStamp,
	settleSeconds,
	stampRows,
	type GlassCell,
	type Rgb,
} from '../../bench/glass/stamp.js';
import {nearestPaletteEntry} from '../../source/render/palette.js';

/** Frame n drawn perfectly as half blocks at `col,row` (cols x rows cells), as capture-pane -e shows it. */
function draw(n: number, cols: number, rows: number, palette = false): string {
	const picture = expectedPicture(n, cols, rows * 2);
	const colour = (at: number) => {
		const [r, g, b] = [0, 1, 2].map((k) => Math.round(picture[at + k]!));
		return palette ? `5;${nearestPaletteEntry(r!, g!, b!)}` : `2;${r};${g};${b}`;
	};
	const lines = ['status line'];
	for (let row = 0; row < rows; row++) {
		let line = '';
		for (let col = 0; col < cols; col++) {
			const top = (row * 2 * cols + col) * 3;
			const bottom = ((row * 2 + 1) * cols + col) * 3;
			line += `\x1b[38;${colour(top)};48;${colour(bottom)}m▀`;
		}
		lines.push(line + '\x1b[m   chat');
	}
	return lines.join('\n');
}

test('the stamp reads back from the glass, truecolor or palette, and PSNR of a perfect picture is high', () => {
	for (const n of [0, 1, 4660, 65535]) {
		const glass = parseGlass(draw(n, 124, 46));
		const rect = findPicture(glass.cells);
		assert.deepEqual(rect, {col: 0, row: 1, cols: 124, rows: 46});
		assert.equal(readStamp(glass.cells, rect!), n);
		// A sample parses only the stamp's rows, and reads the same number.
		const rows = stampRows(rect!);
		const few = parseGlass(draw(n, 124, 46), rows).cells;
		assert.equal(few.filter((row) => row.length > 0).length, rows.length);
		assert.equal(readStamp(few, rect!), n);
		assert.ok(glassPsnr(glass.cells, rect!, n)! > 45);
		assert.ok(
			glassPsnr(glass.cells, rect!, n + 20)! < glassPsnr(glass.cells, rect!, n)!,
			'another frame is further',
		);
		const palette = parseGlass(draw(n, 124, 46, true));
		assert.ok(palette.indexed > 0 && palette.truecolor === 0);
		assert.equal(readStamp(palette.cells, rect!), n);
	}
});

test('a picture torn between two frames does not read as either', () => {
	const a = parseGlass(draw(0x00ff, 64, 30)).cells;
	const b = parseGlass(draw(0xff00, 64, 30)).cells;
	// The upper bars from one frame, the inverted bars below from the other.
	const torn: GlassCell[][] = [...a.slice(0, 7), ...b.slice(7)];
	const rect = {col: 0, row: 1, cols: 64, rows: 30};
	assert.equal(readStamp(a, rect), 0x00ff);
	assert.equal(readStamp(torn, rect), undefined);
	const grey: Rgb = [128, 128, 128];
	assert.equal(
		readStamp(
			[[], ...Array.from({length: 30}, () => Array.from({length: 64}, () => ({top: grey, bottom: grey})))],
			rect,
		),
		undefined,
	);
});

test('a still picture converges when the glass stops improving on it, not before', () => {
	const at = (psnrs: number[]) => psnrs.map((psnr, i) => ({seconds: i * 0.25, psnr}));
	// Improving for 1 s, then steady (small noise within the tolerance).
	assert.deepEqual(settleSeconds(at([20, 24, 27, 29, 30, 30.1, 29.9, 30, 30, 30.1, 30])), {
		seconds: 1,
		plateau: 30,
	});
	// A dip after reaching the plateau: converged only after the dip.
	assert.equal(settleSeconds(at([30, 30, 25, 30, 30, 30, 30, 30, 30]))?.seconds, 0.75);
	// Still at the plateau from the first sample on.
	assert.equal(settleSeconds(at([31, 31, 31]))?.seconds, 0);
	assert.equal(settleSeconds([]), undefined);
});

test('the glass reads quadrant, sextant and octant cells as the eye averages their halves', () => {
	const sgr = '\x1b[38;2;200;0;0;48;2;0;0;100m';
	// ▘ (upper left quadrant), 🬂 (BLOCK SEXTANT-12: upper third), octant 1CD00 (BLOCK OCTANT-3).
	const {cells} = parseGlass(`${sgr}▘\u{1fb02}\u{1cd00}`);
	assert.deepEqual(cells[0]![0], {top: [100, 0, 50], bottom: [0, 0, 100]});
	assert.deepEqual(cells[0]![1], {top: [133, 0, 33], bottom: [0, 0, 100]});
	assert.deepEqual(cells[0]![2], {top: [50, 0, 75], bottom: [0, 0, 100]});
});
