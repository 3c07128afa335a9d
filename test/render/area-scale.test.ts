import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {areaScaler} from '../../source/render/area-scale.js';

/** Straight from the definition: overlap-weighted mean over the covered source rectangle. */
function reference(
	data: Uint8Array,
	width: number,
	height: number,
	toWidth: number,
	toHeight: number,
): number[] {
	const out: number[] = [];
	const sx = width / toWidth;
	const sy = height / toHeight;
	for (let y = 0; y < toHeight; y++) {
		for (let x = 0; x < toWidth; x++) {
			for (let c = 0; c < 3; c++) {
				let sum = 0;
				for (let j = 0; j < height; j++) {
					const oy = Math.max(0, Math.min(j + 1, (y + 1) * sy) - Math.max(j, y * sy));
					for (let i = 0; i < width && oy > 0; i++) {
						const ox = Math.max(0, Math.min(i + 1, (x + 1) * sx) - Math.max(i, x * sx));
						sum += ox * oy * data[(j * width + i) * 3 + c]!;
					}
				}
				out.push(sum / (sx * sy));
			}
		}
	}
	return out;
}

test('each pixel is the area-weighted mean of what it covers (within rounding), mirrored when asked', () => {
	fc.assert(
		fc.property(
			fc.integer({min: 1, max: 17}),
			fc.integer({min: 1, max: 13}),
			fc.integer({min: 1, max: 17}),
			fc.integer({min: 1, max: 13}),
			fc.boolean(),
			fc.integer(),
			(width, height, a, b, mirror, seed) => {
				const toWidth = Math.min(width, a);
				const toHeight = Math.min(height, b);
				const data = new Uint8Array(width * height * 3).map((_, i) => (seed * 31 + i * 97) % 256);
				const scaled = areaScaler()({width, height, data, capturedAt: 0}, toWidth, toHeight, mirror);
				const expected = reference(data, width, height, toWidth, toHeight);
				for (let y = 0; y < toHeight; y++) {
					for (let x = 0; x < toWidth; x++) {
						for (let c = 0; c < 3; c++) {
							const shownX = mirror ? toWidth - 1 - x : x;
							const got = scaled[(y * toWidth + shownX) * 3 + c]!;
							assert.ok(Math.abs(got - expected[(y * toWidth + x) * 3 + c]!) <= 0.51, `pixel ${x},${y}`);
						}
					}
				}
			},
		),
		{numRuns: 200},
	);
});

test('mirrored at its own width, each row is the unmirrored one right to left, byte for byte', () => {
	fc.assert(
		fc.property(
			fc.integer({min: 1, max: 17}),
			fc.integer({min: 1, max: 13}),
			fc.integer({min: 1, max: 13}),
			fc.uint8Array({minLength: 17 * 13 * 3, maxLength: 17 * 13 * 3}),
			(width, height, toHeight, bytes) => {
				const frame = {width, height, data: bytes.subarray(0, width * height * 3), capturedAt: 0};
				for (const rows of [height, Math.min(height, toHeight)]) {
					const straight = Uint8Array.from(areaScaler()(frame, width, rows, false));
					const mirrored = areaScaler()(frame, width, rows, true);
					for (let y = 0; y < rows; y++)
						for (let x = 0; x < width; x++)
							for (let c = 0; c < 3; c++)
								assert.equal(
									mirrored[(y * width + width - 1 - x) * 3 + c],
									straight[(y * width + x) * 3 + c],
									`pixel ${x},${y} of ${width}x${rows}`,
								);
				}
			},
		),
		{numRuns: 200},
	);
});
