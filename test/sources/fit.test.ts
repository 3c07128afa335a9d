import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {centreCrop, resolveTargetSize} from '../../source/sources/fit.js';

test('centre crop keeps the wanted aspect and stays inside the picture', () => {
	fc.assert(
		fc.property(
			fc.integer({min: 1, max: 4000}),
			fc.integer({min: 1, max: 4000}),
			fc.integer({min: 1, max: 2000}),
			fc.integer({min: 1, max: 2000}),
			(fromWidth, fromHeight, toWidth, toHeight) => {
				const crop = centreCrop({width: fromWidth, height: fromHeight}, {width: toWidth, height: toHeight});
				assert.ok(crop.x >= 0 && crop.y >= 0 && crop.width >= 1 && crop.height >= 1);
				assert.ok(crop.x + crop.width <= fromWidth && crop.y + crop.height <= fromHeight);
				// Either the full width or the full height is kept: nothing is cropped needlessly.
				assert.ok(crop.width === fromWidth || crop.height === fromHeight);
				// Centred to within a pixel.
				assert.ok(Math.abs(fromWidth - crop.width - 2 * crop.x) <= 1);
				assert.ok(Math.abs(fromHeight - crop.height - 2 * crop.y) <= 1);
			},
		),
	);
});

test('a 16:9 camera cropped for a 4:3 shape loses its sides', () => {
	assert.deepEqual(centreCrop({width: 1280, height: 720}, {width: 640, height: 480}), {
		x: 160,
		y: 0,
		width: 960,
		height: 720,
	});
});

test('one dimension asked keeps the aspect', () => {
	assert.deepEqual(resolveTargetSize({width: 640, height: 480}, {width: 320}), {width: 320, height: 240});
	assert.deepEqual(resolveTargetSize({width: 640, height: 480}, {height: 96}), {width: 128, height: 96});
	assert.deepEqual(resolveTargetSize({width: 640, height: 480}, {}), {width: 640, height: 480});
	assert.deepEqual(resolveTargetSize({width: 640, height: 480}, {width: 160, height: 96}), {
		width: 160,
		height: 96,
	});
});
