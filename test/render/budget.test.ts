/**
 * The renderer under a byte budget (a picture that fits the link): never over budget, the
 * furthest cells first, and a still picture converges to within the threshold.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {glyphSets, pixelsPerCell, type Glyphs} from '../../source/render/layout.js';
import {Renderer} from '../../source/render/renderer.js';
import {screenPsnr, VirtualTerminal} from './virtual-terminal.js';

const cols = 16;
const rows = 8;
const picture = {col: 2, row: 1, cols, rows};

const frameArb = (glyphs: Glyphs) => {
	const {across, down} = pixelsPerCell(glyphs);
	return fc
		.array(fc.oneof(fc.constantFrom(0, 9, 128, 250), fc.integer({min: 0, max: 255})), {
			minLength: cols * across * rows * down * 3,
			maxLength: cols * across * rows * down * 3,
		})
		.map((list) => Uint8Array.from(list));
};

/** The largest channel difference between what the terminal shows and the frame, over every pixel. */
function worstError(terminal: VirtualTerminal, frame: Uint8Array, quad: boolean): number {
	let worst = 0;
	const across = quad ? 2 : 1;
	const width = cols * across;
	for (let y = 0; y < rows * 2; y++) {
		for (let x = 0; x < width; x++) {
			const quarter = quad ? (x & 1) + 2 * (y & 1) : 2 * (y & 1);
			const rgb = terminal.quarterColour(
				picture.col + Math.floor(x / across),
				picture.row + (y >> 1),
				quarter,
			);
			const o = (y * width + x) * 3;
			worst = Math.max(
				worst,
				Math.abs((rgb >>> 16) - frame[o + 2]!),
				Math.abs(((rgb >>> 8) & 255) - frame[o + 1]!),
				Math.abs((rgb & 255) - frame[o]!),
			);
		}
	}
	return worst;
}

test('property: a budgeted render never writes more than its budget, and what it writes is a valid picture', () => {
	for (const glyphs of glyphSets)
		fc.assert(
			fc.property(
				fc.array(frameArb(glyphs), {minLength: 1, maxLength: 4}),
				fc.integer({min: 0, max: 3000}),
				(frames, budget) => {
					const renderer = new Renderer({threshold: 6, glyphs});
					const screen = renderer.newScreen(picture);
					const terminal = new VirtualTerminal(20, 10);
					for (const frame of frames) {
						const bytes = renderer.render(frame, screen, budget);
						assert.ok(bytes.length <= budget, `${bytes.length} > ${budget}`);
						terminal.write(bytes);
					}
				},
			),
			{numRuns: 150},
		);
});

test('property: a still picture under any budget converges to within the threshold, then costs nothing', () => {
	for (const glyphs of glyphSets) {
		fc.assert(
			fc.property(frameArb(glyphs), fc.integer({min: 60, max: 2000}), (frame, budget) => {
				const threshold = 6;
				const renderer = new Renderer({threshold, glyphs});
				const screen = renderer.newScreen(picture);
				const terminal = new VirtualTerminal(20, 10, {char: ' ', fg: 0, bg: 0});
				let renders = 0;
				for (;;) {
					const bytes = renderer.render(frame, screen, budget);
					terminal.write(bytes);
					if (bytes.length === 0 && !renderer.lagging) break;
					assert.ok(++renders < 500, 'converges');
				}
				const unbudgeted = new Renderer({threshold, glyphs});
				const reference = new VirtualTerminal(20, 10);
				reference.write(unbudgeted.render(frame, unbudgeted.newScreen(picture)));
				if (glyphs === 'half') assert.ok(worstError(terminal, frame, false) <= threshold);
				else
					assert.ok(
						screenPsnr(terminal, picture, frame, glyphs) >= screenPsnr(reference, picture, frame, glyphs) - 1,
						'as close as drawing it whole',
					);
				assert.equal(renderer.render(frame, screen, budget).length, 0);
			}),
			{numRuns: 60},
		);
	}
});

test('under a budget the cells furthest from the picture are drawn first', () => {
	const renderer = new Renderer({threshold: 0});
	const screen = renderer.newScreen(picture);
	const grey = new Uint8Array(cols * rows * 2 * 3).fill(100);
	renderer.render(grey, screen);
	const next = Uint8Array.from(grey);
	// Every cell a little off, one cell far off.
	for (let i = 0; i < next.length; i++) next[i] = 110;
	const far = (3 * 2 * cols + 5) * 3; // upper pixel of cell (5, 3)
	next.set([250, 250, 250], far);
	const terminal = new VirtualTerminal(20, 10);
	const bytes = renderer.render(next, screen, 60);
	terminal.write(bytes);
	assert.ok(bytes.length > 0 && bytes.length <= 60);
	assert.equal(terminal.quarterColour(picture.col + 5, picture.row + 3, 0), 0xfafafa);
	// The rest is refinement (10 levels): it rides on the next frame, not a render of its own.
	assert.ok(!renderer.lagging);
	assert.ok(renderer.render(next, screen, 60).length > 0, 'the next frame refines');
});

test('refinement (changes below the last pass, noise) takes at most about half a budget; changes one sees take all of it', () => {
	const budget = 2000;
	// Every pixel far from its neighbours: each cell needs colours of its own.
	const pattern = (shift: number) =>
		Uint8Array.from({length: cols * rows * 2 * 3}, (_, i) => 20 + ((i * 7919) % 200) + shift);
	for (const [change, most] of [
		[10, 0.6],
		[30, 1],
	] as const) {
		const renderer = new Renderer({threshold: 6});
		const screen = renderer.newScreen(picture);
		const terminal = new VirtualTerminal(20, 10);
		terminal.write(renderer.render(pattern(0), screen));
		const next = pattern(change);
		const bytes = renderer.render(next, screen, budget);
		terminal.write(bytes);
		assert.ok(bytes.length <= most * budget, `a change of ${change}: ${bytes.length} bytes of ${budget}`);
		if (change < 16) assert.ok(bytes.length > 0.3 * budget, 'refinement goes on, with what it may take');
		else assert.ok(bytes.length > 0.8 * budget, 'motion takes the whole budget');
		// Motion left behind asks for a render of its own; refinement waits for the next frame.
		assert.equal(renderer.lagging, change >= 16);
		// A still camera from now on (the same frame again and again): it converges all the same.
		for (let i = 0; i < 20; i++) terminal.write(renderer.render(next, screen, budget));
		assert.ok(worstError(terminal, next, false) <= 6, 'converged');
		assert.equal(renderer.render(next, screen, budget).length, 0);
	}
});

test('cells a budget leaves unchosen keep the render lagging, so a picture with no new frame still converges', () => {
	const renderer = new Renderer({threshold: 6});
	const screen = renderer.newScreen(picture);
	const terminal = new VirtualTerminal(20, 10);
	terminal.write(renderer.render(new Uint8Array(cols * rows * 2 * 3).fill(100), screen));
	// One flat colour: each cell is a glyph in the same pen, far cheaper than the budget's guess
	// of a cell, so the cells chosen fit and the rest are not even tried.
	const next = new Uint8Array(cols * rows * 2 * 3).fill(200);
	let renders = 0;
	do {
		const bytes = renderer.render(next, screen, 500);
		assert.ok(bytes.length <= 500);
		terminal.write(bytes);
		assert.ok(++renders < 50, 'converges');
	} while (renderer.lagging);
	assert.equal(worstError(terminal, next, false), 0);
});
