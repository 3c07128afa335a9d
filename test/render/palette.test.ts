import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {nearestPaletteEntry, oklab, paletteRgb} from '../../source/render/palette.js';

function distance(a: number, b: number): number {
	const x = [0, 0, 0];
	const y = [0, 0, 0];
	oklab(a >>> 16, (a >>> 8) & 255, a & 255, x);
	oklab(b >>> 16, (b >>> 8) & 255, b & 255, y);
	return Math.hypot(x[0]! - y[0]!, x[1]! - y[1]!, x[2]! - y[2]!);
}

test('palette colours map to themselves and the themed 16 are never chosen', () => {
	for (let entry = 16; entry < 256; entry++) {
		const rgb = paletteRgb(entry);
		const chosen = nearestPaletteEntry(rgb >>> 16, (rgb >>> 8) & 255, rgb & 255);
		assert.ok(chosen >= 16);
		assert.equal(paletteRgb(chosen), rgb, `entry ${entry}`);
	}
	assert.equal(nearestPaletteEntry(0, 0, 0), 16);
	assert.equal(nearestPaletteEntry(255, 255, 255), 231);
});

test('the chosen entry is the nearest in OKLab, and greys stay grey', () => {
	fc.assert(
		fc.property(
			fc.integer({min: 0, max: 255}),
			fc.integer({min: 0, max: 255}),
			fc.integer({min: 0, max: 255}),
			(r, g, b) => {
				const colour = (r << 16) | (g << 8) | b;
				let best = Infinity;
				for (let entry = 16; entry < 256; entry++) best = Math.min(best, distance(colour, paletteRgb(entry)));
				const chosen = distance(colour, paletteRgb(nearestPaletteEntry(r, g, b)));
				assert.ok(chosen <= best + 1e-12, `chose ${chosen}, best ${best}`);
			},
		),
		{numRuns: 300},
	);
	const grey = paletteRgb(nearestPaletteEntry(100, 100, 100));
	assert.equal(grey >>> 16, grey & 255);
});
