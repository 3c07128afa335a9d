import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {splitCell} from '../../source/render/cell-fit.js';

const colour = fc.integer({min: 0, max: 0xffffff});

/** BGR bytes of a 2 x `down` cell from its pixels' colours (0xRRGGBB, row-major). */
function cellBytes(colours: readonly number[]): Uint8Array {
	const bytes = new Uint8Array(colours.length * 3);
	for (const [p, rgb] of colours.entries()) {
		bytes[p * 3] = rgb & 255;
		bytes[p * 3 + 1] = (rgb >>> 8) & 255;
		bytes[p * 3 + 2] = rgb >>> 16;
	}
	return bytes;
}

function squaredError(colours: readonly number[], mask: number, a: number, b: number): number {
	let sum = 0;
	for (const [p, rgb] of colours.entries()) {
		const shown = mask & (1 << p) ? a : b;
		for (const shift of [16, 8, 0]) {
			const d = ((rgb >>> shift) & 255) - ((shown >>> shift) & 255);
			sum += d * d;
		}
	}
	return sum;
}

/** The best two colours over every split (the means of each group), by brute force. */
function bestError(colours: readonly number[]): number {
	let best = Infinity;
	for (let mask = 0; mask < 1 << (colours.length - 1); mask++) {
		let error = 0;
		for (const shift of [16, 8, 0]) {
			for (const inA of [true, false]) {
				const group = colours
					.filter((_, p) => Boolean(mask & (1 << p)) === inA)
					.map((c) => (c >>> shift) & 255);
				if (group.length === 0) continue;
				const mean = group.reduce((x, y) => x + y, 0) / group.length;
				for (const value of group) error += (value - mean) ** 2;
			}
		}
		best = Math.min(best, error);
	}
	return best;
}

function fit(colours: readonly number[]) {
	const out = new Int32Array(3);
	splitCell(cellBytes(colours), 0, 6, colours.length / 2, out);
	return {mask: out[0]!, a: out[1]!, b: out[2]!};
}

for (const down of [3, 4]) {
	const pixels = 2 * down;
	const cells = fc.array(colour, {minLength: pixels, maxLength: pixels});

	test(`2x${down}: a cell of at most two colours is shown exactly, the last pixel in b`, () => {
		fc.assert(
			fc.property(
				colour,
				colour,
				fc.array(fc.boolean(), {minLength: pixels, maxLength: pixels}),
				(x, y, which) => {
					const colours = which.map((first) => (first ? x : y));
					const {mask, a, b} = fit(colours);
					assert.equal(squaredError(colours, mask, a, b), 0);
					assert.equal(mask & (1 << (pixels - 1)), 0);
					if (mask === 0) assert.equal(a, b);
				},
			),
			{numRuns: 2000},
		);
	});

	test(`2x${down}: the fit is never worse than one colour, and close to the best split`, () => {
		let fitted = 0;
		let best = 0;
		fc.assert(
			fc.property(cells, (colours) => {
				const {mask, a, b} = fit(colours);
				const error = squaredError(colours, mask, a, b);
				const single = squaredError(colours, 0, 0, meanColour(colours));
				assert.ok(error <= single + 3 * pixels, `${error} > one colour's ${single}`);
				fitted += error;
				best += bestError(colours);
			}),
			{numRuns: 400},
		);
		// Random cells are the hard case (no edge to find): the fast fit stays within 18% of exhaustive.
		assert.ok(fitted <= best * 1.18, `fit ${fitted} vs best ${best}`);
	});

	test(`2x${down}: two colours with noise are split along their edge`, () => {
		fc.assert(
			fc.property(
				colour,
				colour,
				fc.integer({min: 1, max: (1 << (pixels - 1)) - 1}),
				fc.array(fc.integer({min: -6, max: 6}), {minLength: pixels * 3, maxLength: pixels * 3}),
				(x, y, shape, noise) => {
					fc.pre(Math.max(...[16, 8, 0].map((s) => Math.abs(((x >>> s) & 255) - ((y >>> s) & 255)))) > 40);
					const colours = Array.from({length: pixels}, (_, p) => {
						const base = shape & (1 << p) ? x : y;
						let rgb = 0;
						for (const [i, shift] of [16, 8, 0].entries()) {
							const value = Math.max(0, Math.min(255, ((base >>> shift) & 255) + noise[p * 3 + i]!));
							rgb |= value << shift;
						}
						return rgb;
					});
					assert.equal(fit(colours).mask, shape);
				},
			),
			{numRuns: 1000},
		);
	});
}

function meanColour(colours: readonly number[]): number {
	let rgb = 0;
	for (const shift of [16, 8, 0]) {
		const sum = colours.reduce((total, c) => total + ((c >>> shift) & 255), 0);
		rgb |= Math.floor((2 * sum + colours.length) / (2 * colours.length)) << shift;
	}
	return rgb;
}
