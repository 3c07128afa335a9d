/**
 * The room screen's grid, as a table: at 200x60, 80x24 and 40x12, every other member (1..7) and
 * the self view get a tile; tiles stay inside the screen above the chrome, never overlap, and
 * each picture is at least the smallest useful size. A terminal too small for everyone leaves the
 * last comers out, never a tile too small.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {minimumTile, roomChromeRows, roomLayout} from '../../source/ui/room-layout.js';
import type {CellRect} from '../../source/render/layout.js';

function overlaps(a: CellRect, b: CellRect): boolean {
	return a.col < b.col + b.cols && b.col < a.col + a.cols && a.row < b.row + b.rows && b.row < a.row + a.rows;
}

const sizes = [
	{cols: 200, rows: 60},
	{cols: 80, rows: 24},
	{cols: 40, rows: 12},
];

for (const size of sizes) {
	test(`${size.cols}x${size.rows}: 1 to 7 others and the self view all fit, apart, inside`, () => {
		for (let others = 0; others <= 7; others++) {
			const layout = roomLayout(size, others);
			assert.equal(layout.shown, others, `${others} others`);
			assert.ok(layout.self, `self view with ${others} others`);
			assert.equal(layout.tiles.length, others + 1);
			assert.deepEqual(layout.chrome, {
				col: 0,
				row: size.rows - roomChromeRows,
				cols: size.cols,
				rows: roomChromeRows,
			});
			const rects = layout.tiles.flatMap((t) => [t.label, t.picture]);
			for (const tile of layout.tiles) {
				assert.ok(tile.picture.cols >= minimumTile.cols && tile.picture.rows >= minimumTile.rows);
				assert.equal(tile.label.row + 1, tile.picture.row, 'the label sits right above its picture');
			}
			for (const rect of rects) {
				assert.ok(rect.col >= 0 && rect.row >= 0);
				assert.ok(rect.col + rect.cols <= size.cols && rect.row + rect.rows <= size.rows - roomChromeRows);
			}
			for (let i = 0; i < rects.length; i++)
				for (let j = i + 1; j < rects.length; j++)
					assert.ok(!overlaps(rects[i]!, rects[j]!), `${others}: ${i} and ${j}`);
		}
	});
}

test('one other at 200x60 gets a big picture; the grid grows columns as members come', () => {
	const one = roomLayout({cols: 200, rows: 60}, 1);
	assert.ok(one.tiles[0]!.picture.cols >= 90, JSON.stringify(one.tiles[0]));
	const seven = roomLayout({cols: 200, rows: 60}, 7);
	const across = new Set(seven.tiles.map((t) => t.picture.row)).size;
	assert.ok(across >= 2 && across <= 4, `${across} rows of tiles`);
});

test('too small for everyone: the last comers are left out, then the self view, then nothing; never a crash', () => {
	const tiny = roomLayout({cols: 20, rows: 10}, 7);
	assert.ok(tiny.shown < 7);
	for (const tile of tiny.tiles) assert.ok(tile.picture.cols >= minimumTile.cols);
	assert.deepEqual(roomLayout({cols: 5, rows: 2}, 3).tiles, []);
	assert.deepEqual(roomLayout({cols: 0, rows: 0}, 3).tiles, []);
});
