import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {glyphSets, layoutPicture, parseCellSize} from '../../source/render/layout.js';

test('a 4:3 frame in an 80x24 box is 64x24 cells of 64x48 pixels, centred', () => {
	const layout = layoutPicture({width: 640, height: 480}, {col: 0, row: 0, cols: 80, rows: 24});
	assert.deepEqual(layout, {
		picture: {col: 8, row: 0, cols: 64, rows: 24},
		pixelWidth: 64,
		pixelHeight: 48,
		squareWidth: 64,
		squareHeight: 48,
	});
});

test('a wide box limits by height, a tall one by width; quadrants double the pixels across', () => {
	const tall = layoutPicture({width: 640, height: 480}, {col: 5, row: 3, cols: 40, rows: 100}, 'quad');
	assert.deepEqual(tall, {
		picture: {col: 5, row: 3 + 42, cols: 40, rows: 15},
		pixelWidth: 80,
		pixelHeight: 30,
		squareWidth: 80,
		squareHeight: 60,
	});
});

test('the picture always fits the box, as large as whole rows allow, and keeps the aspect within a cell', () => {
	fc.assert(
		fc.property(
			fc.integer({min: 1, max: 4000}),
			fc.integer({min: 1, max: 4000}),
			fc.integer({min: 1, max: 400}),
			fc.integer({min: 1, max: 200}),
			(width, height, cols, rows) => {
				const {picture} = layoutPicture({width, height}, {col: 2, row: 1, cols, rows});
				assert.ok(picture.col >= 2 && picture.col + picture.cols <= 2 + cols);
				assert.ok(picture.row >= 1 && picture.row + picture.rows <= 1 + rows);
				// As large as whole rows allow: the width follows the rows chosen (so a frame fitted
				// to the box keeps its own width, below), and a row more would not fit.
				const across = (picture.rows + 1) * ((2 * width) / height);
				assert.ok(picture.cols === cols || picture.rows === rows || Math.round(across) > cols);
				if (picture.cols > 1 && picture.rows > 1) {
					const shown = picture.cols / (picture.rows * 2);
					const wanted = width / height;
					assert.ok(Math.abs(shown - wanted) <= wanted / Math.min(picture.cols, picture.rows) + 1e-9);
				}
			},
		),
	);
});

test('a frame the peer fitted to the square size of the box lays out at its own pixels, with half blocks', () => {
	// What the call screen asks a peer for is the box in square pixels; the peer sends its frame
	// fitted into that (session/media.ts fitWithin). Shown at any other width, the frame is
	// resampled a second time, which blurs every hard edge (the ssh bench's 123-pixel stamp over
	// 124 columns: 31 dB on the glass instead of 43).
	const fit = (width: number, height: number, box: {width: number; height: number}) => {
		const scale = Math.min(1, box.width / width, box.height / height);
		return {width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale))};
	};
	assert.deepEqual(
		layoutPicture(fit(320, 240, {width: 124, height: 92}), {col: 0, row: 0, cols: 124, rows: 46}).picture,
		{
			col: 0,
			row: 0,
			cols: 123,
			rows: 46,
		},
	);
	fc.assert(
		fc.property(
			fc.integer({min: 64, max: 4000}),
			fc.integer({min: 64, max: 4000}),
			fc.integer({min: 8, max: 300}),
			fc.integer({min: 3, max: 100}),
			(width, height, cols, rows) => {
				const frame = fit(width, height, {width: cols, height: rows * 2});
				fc.pre(frame.width < width && frame.height >= 2);
				const layout = layoutPicture(frame, {col: 0, row: 0, cols, rows});
				assert.equal(layout.pixelWidth, frame.width);
				// An odd height cannot be a whole number of half-block rows.
				assert.ok(Math.abs(layout.pixelHeight - frame.height) <= 1);
			},
		),
		{numRuns: 2000},
	);
});

test('cell sizes parse as COLSxROWS', () => {
	assert.deepEqual(parseCellSize('160x48'), {cols: 160, rows: 48});
	assert.equal(parseCellSize('0x5'), undefined);
	assert.equal(parseCellSize('160'), undefined);
});

test('a frame scaled to the square size lays out to the same picture, in every glyph set', () => {
	fc.assert(
		fc.property(
			fc.integer({min: 16, max: 4000}),
			fc.integer({min: 16, max: 4000}),
			fc.integer({min: 8, max: 300}),
			fc.integer({min: 3, max: 100}),
			fc.constantFrom(...glyphSets),
			(width, height, cols, rows, glyphs) => {
				const box = {col: 0, row: 0, cols, rows};
				const first = layoutPicture({width, height}, box, glyphs);
				const again = layoutPicture({width: first.squareWidth, height: first.squareHeight}, box, glyphs);
				// As for a frame of half blocks' own pixel size (which, at extreme aspects, rounds to a
				// slightly different picture); never the squashed picture a frame of quadrant or sextant
				// pixels gave (half its rows).
				const half = layoutPicture({width, height}, box, 'half');
				const halfAgain = layoutPicture({width: half.squareWidth, height: half.squareHeight}, box, 'half');
				assert.deepEqual(again.picture, halfAgain.picture);
			},
		),
		{numRuns: 2000},
	);
});
