/**
 * The truecolor half-block loop (half-truecolor.ts, what Renderer.render runs for truecolor half
 * blocks without a budget) against the straightforward way: every cell compared with `near` and
 * written through `CellWriter.cell`. The bytes and what the screen is left showing must be the
 * same, frame after frame, from any screen before (colours known or not, cells covered or not).
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {CellWriter, near} from '../../source/render/cell-writer.js';
import {putTruecolours} from '../../source/render/escapes.js';
import {glyphGrid, upperHalfMask} from '../../source/render/glyphs.js';
import type {CellRect} from '../../source/render/layout.js';
import {Renderer} from '../../source/render/renderer.js';
import {ScreenState} from '../../source/render/screen-state.js';

/** Renderer.render's bytes for truecolor half blocks, cell by cell through CellWriter.cell. */
function reference(pixels: Uint8Array, screen: ScreenState, threshold: number): Buffer {
	const {col: left, row: top, cols, rows} = screen.picture;
	const {shown, visible} = screen;
	const writer = new CellWriter(true, glyphGrid('half'));
	writer.begin(cols * rows);
	const colour = (o: number) => (pixels[o + 2]! << 16) | (pixels[o + 1]! << 8) | pixels[o]!;
	for (let y = 0; y < rows; y++) {
		for (let x = 0; x < cols; x++) {
			const index = y * cols + x;
			if (!visible[index]) continue;
			const upper = colour((2 * y * cols + x) * 3);
			const lower = colour(((2 * y + 1) * cols + x) * 3);
			const at = index * 2;
			if (near(upper, shown[at]!, threshold) && near(lower, shown[at + 1]!, threshold)) continue;
			const mask = writer.cell(left + x, top + y, upper, lower, upperHalfMask, threshold, x === cols - 1);
			shown[at] = mask & 1 ? writer.penFg : writer.penBg;
			shown[at + 1] = mask & 4 ? writer.penFg : writer.penBg;
		}
	}
	return Buffer.from(writer.finish());
}

const picture: fc.Arbitrary<CellRect> = fc.record({
	col: fc.integer({min: 0, max: 30}),
	row: fc.integer({min: 0, max: 30}),
	cols: fc.integer({min: 1, max: 14}),
	rows: fc.integer({min: 1, max: 6}),
});

/**
 * A channel near a few levels, so that colours differ by about the threshold (either side of it),
 * cells of one colour and pens worth reusing turn up; now and then any level.
 */
const channel = fc.oneof(
	fc
		.tuple(fc.constantFrom(0, 40, 128, 250), fc.integer({min: -9, max: 9}))
		.map(([base, delta]) => Math.max(0, Math.min(255, base + delta))),
	fc.integer({min: 0, max: 255}),
);
const colour = fc.tuple(channel, channel, channel).map(([r, g, b]) => (r << 16) | (g << 8) | b);

const scene = picture.chain((rect) => {
	const pixels = rect.cols * rect.rows * 2;
	const frame = fc
		.array(channel, {minLength: pixels * 3, maxLength: pixels * 3})
		.map((list) => Uint8Array.from(list));
	return fc.record({
		picture: fc.constant(rect),
		threshold: fc.oneof(fc.integer({min: 0, max: 12}), fc.constantFrom(255, 300, 70_000)),
		before: fc.array(fc.oneof(fc.constant(-1), colour), {minLength: pixels, maxLength: pixels}),
		visible: fc.array(fc.oneof(fc.constant(1), fc.constant(1), fc.constant(0)), {
			minLength: pixels / 2,
			maxLength: pixels / 2,
		}),
		frames: fc.array(frame, {minLength: 1, maxLength: 4}),
	});
});

test('truecolor half blocks: the same bytes and screen as cell by cell through CellWriter.cell', () => {
	fc.assert(
		fc.property(scene, ({picture, threshold, before, visible, frames}) => {
			const renderer = new Renderer({threshold});
			const screen = renderer.newScreen(picture);
			const expected = new ScreenState(picture, 2);
			for (const state of [screen, expected]) {
				state.shown.set(before);
				state.visible.set(visible);
			}
			for (const [i, frame] of frames.entries()) {
				const bytes = Buffer.from(renderer.render(frame, screen));
				const wanted = reference(frame, expected, threshold);
				assert.equal(bytes.toString('latin1'), wanted.toString('latin1'), `frame ${i}`);
				assert.deepEqual(screen.shown, expected.shown, `what the screen shows after frame ${i}`);
			}
		}),
		{numRuns: 400},
	);
});

test('truecolor SGR: 38;2;r;g;b and 48;2;r;g;b in decimal, either left out', () => {
	const sgr = (rgb: number) => `2;${rgb >>> 16};${(rgb >>> 8) & 255};${rgb & 255}`;
	const out = Buffer.alloc(64);
	fc.assert(
		fc.property(
			fc.oneof(fc.constant(-1), fc.integer({min: 0, max: 0xffffff})),
			fc.oneof(fc.constant(-1), fc.integer({min: 0, max: 0xffffff})),
			(fg, bg) => {
				fc.pre(fg >= 0 || bg >= 0);
				const end = putTruecolours(out, 3, fg, bg);
				const parts = [...(fg >= 0 ? [`38;${sgr(fg)}`] : []), ...(bg >= 0 ? [`48;${sgr(bg)}`] : [])];
				assert.equal(out.subarray(3, end).toString('latin1'), `\x1b[${parts.join(';')}m`);
			},
		),
		{numRuns: 2000},
	);
	for (let n = 0; n < 256; n++) {
		const end = putTruecolours(out, 0, n * 0x010101, -1);
		assert.equal(out.subarray(0, end).toString('latin1'), `\x1b[38;2;${n};${n};${n}m`);
	}
});
