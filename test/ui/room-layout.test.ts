/**
 * The room screen's layout, as a table: at 200x60, 80x24 and 40x12, every other member (1..7) and
 * the self view get a tile; tiles stay inside the screen above the chrome, never overlap, and
 * each picture is at least the smallest useful size. Where an even grid's pictures would be too
 * small to read, one (the member in focus) is large and the rest are thumbnails. A terminal too
 * small for everyone leaves the last comers out, never a tile too small.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {minimumTile, readableTile, roomChromeRows, roomLayout} from '../../source/ui/room-layout.js';
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

/** Members (you included) for whom each size shows one large and the others small. */
const largeAt: Record<string, number[]> = {
	'200x60': [],
	'80x24': [7, 8],
	'40x12': [2, 3, 4, 5],
};

for (const size of sizes) {
	const name = `${size.cols}x${size.rows}`;
	test(`${name}: an even grid while faces are readable, else one large and the others small`, () => {
		for (let members = 2; members <= 8; members++) {
			const others = members - 1;
			const layout = roomLayout(size, others);
			const pictures = layout.tiles.map((t) => t.picture);
			if (largeAt[name]!.includes(members)) {
				assert.equal(layout.large, 0, `${members} members: the first is large`);
				const large = pictures[0]!;
				for (const small of pictures.slice(1))
					assert.ok(large.cols * large.rows > small.cols * small.rows, `${members}: large over small`);
			} else {
				assert.equal(layout.large, undefined, `${members} members: an even grid`);
				const sizes = new Set(pictures.map((p) => `${p.cols}x${p.rows}`));
				assert.equal(sizes.size, 1, `${members} members: one size`);
				// The grid is readable, or nothing fits better: then even the focus layout could not hold everyone.
				if (size.cols >= 80)
					assert.ok(pictures[0]!.cols >= readableTile.cols && pictures[0]!.rows >= readableTile.rows);
			}
		}
	});
}

test('the key that cycles focus moves the large place to each member in turn; the places stay the same', () => {
	const size = {cols: 80, rows: 24};
	const first = roomLayout(size, 7, 0);
	const places = (layout: typeof first) =>
		layout.tiles.map((t) => `${t.picture.col},${t.picture.row},${t.picture.cols}x${t.picture.rows}`).sort();
	for (let focus = 0; focus < 7; focus++) {
		const layout = roomLayout(size, 7, focus);
		assert.equal(layout.large, focus);
		assert.deepEqual(layout.members, [0, 1, 2, 3, 4, 5, 6]);
		assert.deepEqual(places(layout), places(first));
		assert.equal(layout.self, layout.tiles[7], 'the self view stays a thumbnail, last');
	}
});

test('members joining and leaving: the layout follows the count, and focus on someone gone falls back', () => {
	const size = {cols: 80, rows: 24};
	assert.equal(roomLayout(size, 5).large, undefined);
	assert.equal(roomLayout(size, 6).large, 0);
	assert.equal(roomLayout(size, 6, 9).large, 5, 'focus past the last member: the last is large');
	assert.equal(roomLayout(size, 0).tiles.length, 1, 'alone: just the self view');
});

test('too few places for everyone: the member in focus is shown though they came last', () => {
	const layout = roomLayout({cols: 30, rows: 12}, 7, 6);
	assert.ok(layout.shown < 7 && layout.shown > 0, `${layout.shown} shown`);
	assert.ok(layout.members.includes(6), JSON.stringify(layout.members));
});

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

test('the self view hidden (v): no place for it, and the others get its room', () => {
	for (const size of [
		{cols: 200, rows: 60},
		{cols: 80, rows: 24},
		{cols: 40, rows: 12},
	]) {
		for (const others of [1, 2, 3, 7]) {
			const shown = roomLayout(size, others);
			const hidden = roomLayout(size, others, 0, false);
			assert.equal(hidden.self, undefined, `${size.cols}x${size.rows}, ${others}`);
			assert.ok(hidden.shown >= shown.shown, `${size.cols}x${size.rows}, ${others}: nobody more left out`);
			const area = (layout: typeof shown) =>
				layout.tiles
					.slice(0, layout.shown)
					.reduce((sum, tile) => sum + tile.picture.cols * tile.picture.rows, 0);
			assert.ok(
				area(hidden) >= area(shown),
				`${size.cols}x${size.rows}, ${others}: the others do not shrink`,
			);
		}
	}
	assert.equal(
		roomLayout({cols: 80, rows: 24}, 0, 0, false).tiles.length,
		0,
		'alone and hidden: nothing to draw',
	);
});
