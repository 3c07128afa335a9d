import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {glyphSets, pixelsPerCell, type CellRect} from '../../source/render/layout.js';
import {nearestPaletteEntry} from '../../source/render/palette.js';
import {splitCell} from '../../source/render/cell-fit.js';
import {splitQuadrants} from '../../source/render/quadrants.js';
import {Renderer, type RendererOptions} from '../../source/render/renderer.js';
import {paletteBase, VirtualTerminal} from './virtual-terminal.js';

const screenCols = 20;
const screenRows = 12;

/** A frame and where it is drawn: random size and place on a 20x12 screen. */
const placedPicture = fc
	.record({cols: fc.integer({min: 1, max: 12}), rows: fc.integer({min: 1, max: 8})})
	.chain(({cols, rows}) =>
		fc.record({
			col: fc.integer({min: 0, max: screenCols - cols}),
			row: fc.integer({min: 0, max: screenRows - rows}),
			cols: fc.constant(cols),
			rows: fc.constant(rows),
		}),
	);

/** Pixels from a small set of colours half the time, so equal neighbours (spaces, reuse) happen. */
function pixelsFor(picture: CellRect, across: number, frames: number) {
	const length = picture.cols * across * picture.rows * 2 * 3;
	const byte = fc.oneof(fc.constantFrom(0, 7, 128, 255), fc.integer({min: 0, max: 255}));
	const frame = fc.array(byte, {minLength: length, maxLength: length}).map((list) => Uint8Array.from(list));
	return fc.array(frame, {minLength: frames, maxLength: frames});
}

function drawAll(
	options: RendererOptions,
	picture: CellRect,
	frames: Uint8Array[],
	check: (t: VirtualTerminal, frame: Uint8Array) => void,
) {
	const renderer = new Renderer(options);
	const terminal = new VirtualTerminal(screenCols, screenRows);
	const screen = renderer.newScreen(picture);
	for (const frame of frames) {
		terminal.write(renderer.render(frame, screen));
		check(terminal, frame);
	}
	return terminal;
}

function assertOutsideUntouched(terminal: VirtualTerminal, picture: CellRect) {
	for (let row = 0; row < screenRows; row++) {
		for (let col = 0; col < screenCols; col++) {
			const inside =
				col >= picture.col &&
				col < picture.col + picture.cols &&
				row >= picture.row &&
				row < picture.row + picture.rows;
			if (!inside)
				assert.equal(
					terminal.cell(col, row).char,
					'?',
					`cell ${col},${row} outside the picture was drawn on`,
				);
		}
	}
}

const rgb = (frame: Uint8Array, o: number) => (frame[o + 2]! << 16) | (frame[o + 1]! << 8) | frame[o]!;

test('lossless truecolor half-blocks: the screen shows every pixel exactly, frame after frame', () => {
	fc.assert(
		fc.property(
			placedPicture.chain((p) => fc.tuple(fc.constant(p), pixelsFor(p, 1, 4))),
			([picture, frames]) => {
				const terminal = drawAll({threshold: 0}, picture, frames, (t, frame) => {
					for (let y = 0; y < picture.rows * 2; y++) {
						for (let x = 0; x < picture.cols; x++) {
							const shown = t.quarterColour(picture.col + x, picture.row + (y >> 1), (y & 1) * 2);
							assert.equal(shown, rgb(frame, (y * picture.cols + x) * 3), `pixel ${x},${y}`);
						}
					}
					assert.equal(t.synchronizedDepth, 0);
				});
				assertOutsideUntouched(terminal, picture);
			},
		),
		{numRuns: 150},
	);
});

test('256 colours, threshold 0: every pixel shows its nearest palette entry', () => {
	fc.assert(
		fc.property(
			placedPicture.chain((p) => fc.tuple(fc.constant(p), pixelsFor(p, 1, 3))),
			([picture, frames]) => {
				const terminal = drawAll({colorDepth: '256', threshold: 0}, picture, frames, (t, frame) => {
					for (let y = 0; y < picture.rows * 2; y++) {
						for (let x = 0; x < picture.cols; x++) {
							const o = (y * picture.cols + x) * 3;
							const entry = nearestPaletteEntry(frame[o + 2]!, frame[o + 1]!, frame[o]!);
							assert.equal(
								t.quarterColour(picture.col + x, picture.row + (y >> 1), (y & 1) * 2),
								paletteBase + entry,
							);
						}
					}
				});
				assertOutsideUntouched(terminal, picture);
			},
		),
		{numRuns: 80},
	);
});

test('256 colours at the default threshold: sensor noise on a flat area between two entries does not speckle or flicker', () => {
	// A red halfway (for the palette's own choice) between two entries, with noise of 3 levels.
	let base = 95;
	while (nearestPaletteEntry(base + 1, 0, 0) === nearestPaletteEntry(95, 0, 0)) base++;
	let seed = 11;
	const noisy = () => {
		const picture = new Uint8Array(40 * 8 * 3);
		for (let i = 0; i < picture.length; i += 3) {
			seed = (seed * 1103515245 + 12345) >>> 0;
			picture[i + 2] = base - 2 + (seed >>> 29);
		}
		return picture;
	};
	const picture = {col: 0, row: 0, cols: 40, rows: 4};
	const run = (threshold: number) => {
		const renderer = new Renderer({colorDepth: '256', threshold});
		const terminal = new VirtualTerminal(40, 4);
		const screen = renderer.newScreen(picture);
		terminal.write(renderer.render(noisy(), screen));
		let changes = 0;
		for (let y = 0; y < 8; y++)
			for (let x = 1; x < 40; x++)
				if (
					terminal.quarterColour(x, y >> 1, (y & 1) * 2) !==
					terminal.quarterColour(x - 1, y >> 1, (y & 1) * 2)
				)
					changes++;
		// The next frame: the same scene, fresh noise.
		return {changes, again: renderer.render(noisy(), screen).length};
	};
	const nearest = run(0);
	const steady = run(6);
	assert.ok(
		nearest.changes > 40,
		`the scene should speckle with the nearest entry: ${nearest.changes} changes`,
	);
	assert.ok(
		steady.changes * 8 <= nearest.changes,
		`${steady.changes} colour changes along the rows, nearest ${nearest.changes}`,
	);
	assert.ok(
		steady.again * 8 <= nearest.again,
		`the next frame costs ${steady.again} bytes, nearest ${nearest.again}`,
	);
});

test('quadrants: each cell shows its best two-colour split, and two-colour blocks exactly', () => {
	const split = new Int32Array(3);
	fc.assert(
		fc.property(
			placedPicture.chain((p) => fc.tuple(fc.constant(p), pixelsFor(p, 2, 3))),
			fc.constantFrom<RendererOptions['colorDepth']>('truecolor', '256'),
			([picture, frames], colorDepth) => {
				const rowBytes = picture.cols * 6;
				drawAll({glyphs: 'quad', threshold: 0, colorDepth}, picture, frames, (t, frame) => {
					for (let row = 0; row < picture.rows; row++) {
						for (let col = 0; col < picture.cols; col++) {
							const offset = row * 2 * rowBytes + col * 6;
							splitQuadrants(frame, offset, rowBytes, split);
							for (let quarter = 0; quarter < 4; quarter++) {
								let expected = (split[0]! >> quarter) & 1 ? split[1]! : split[2]!;
								if (colorDepth === '256') {
									expected =
										paletteBase +
										nearestPaletteEntry(expected >>> 16, (expected >>> 8) & 255, expected & 255);
								}
								assert.equal(t.quarterColour(picture.col + col, picture.row + row, quarter), expected);
							}
						}
					}
				});
			},
		),
		{numRuns: 80},
	);
	const twoColours = Uint8Array.from([1, 2, 3, 9, 9, 9, 9, 9, 9, 1, 2, 3]);
	splitQuadrants(twoColours, 0, 6, split);
	assert.equal(split[0], 0b0110);
	assert.equal(split[1], 0x090909);
	assert.equal(split[2], 0x030201);
});

for (const glyphs of ['sextant', 'octant'] as const) {
	const down = glyphs === 'sextant' ? 3 : 4;
	test(`${glyphs}s: each cell shows its two-colour fit over 2x${down} pixels, in truecolor and 256 colours`, () => {
		const split = new Int32Array(3);
		fc.assert(
			fc.property(
				placedPicture.chain((p) => {
					const length = p.cols * 2 * p.rows * down * 3;
					const byte = fc.oneof(fc.constantFrom(0, 7, 128, 255), fc.integer({min: 0, max: 255}));
					const frame = fc.array(byte, {minLength: length, maxLength: length}).map((l) => Uint8Array.from(l));
					return fc.tuple(fc.constant(p), fc.array(frame, {minLength: 3, maxLength: 3}));
				}),
				fc.constantFrom<RendererOptions['colorDepth']>('truecolor', '256'),
				([picture, frames], colorDepth) => {
					const rowBytes = picture.cols * 6;
					const terminal = drawAll({glyphs, threshold: 0, colorDepth}, picture, frames, (t, frame) => {
						for (let row = 0; row < picture.rows; row++) {
							for (let col = 0; col < picture.cols; col++) {
								splitCell(frame, row * down * rowBytes + col * 6, rowBytes, down, split);
								for (let pixel = 0; pixel < 2 * down; pixel++) {
									let expected = (split[0]! >> pixel) & 1 ? split[1]! : split[2]!;
									if (colorDepth === '256') {
										expected =
											paletteBase +
											nearestPaletteEntry(expected >>> 16, (expected >>> 8) & 255, expected & 255);
									}
									assert.equal(
										t.pixelColour(picture.col + col, picture.row + row, glyphs, pixel),
										expected,
										`cell ${col},${row} pixel ${pixel}`,
									);
								}
							}
						}
					});
					assertOutsideUntouched(terminal, picture);
				},
			),
			{numRuns: 60},
		);
	});
}

test('with a threshold no pixel is ever shown further off than the threshold in any channel', () => {
	const threshold = 6;
	fc.assert(
		fc.property(
			placedPicture.chain((p) => fc.tuple(fc.constant(p), pixelsFor(p, 1, 4))),
			([picture, frames]) => {
				drawAll({threshold}, picture, frames, (t, frame) => {
					for (let y = 0; y < picture.rows * 2; y++) {
						for (let x = 0; x < picture.cols; x++) {
							const shown = t.quarterColour(picture.col + x, picture.row + (y >> 1), (y & 1) * 2);
							const wanted = rgb(frame, (y * picture.cols + x) * 3);
							for (const shift of [0, 8, 16]) {
								const error = Math.abs(((shown >>> shift) & 255) - ((wanted >>> shift) & 255));
								assert.ok(error <= threshold, `pixel ${x},${y} is ${error} levels off`);
							}
						}
					}
				});
			},
		),
		{numRuns: 100},
	);
});

test('at the default threshold, sextants and octants keep a split of five levels that half blocks may flatten', () => {
	// Skin and walls: the two colours of a finer cell often differ by less than the threshold, and
	// flattening them (or reusing a pen colour that far off) threw away what the finer set is for.
	for (const glyphs of ['sextant', 'octant'] as const) {
		const {across, down} = pixelsPerCell(glyphs);
		const picture = {col: 0, row: 0, cols: 6, rows: 2};
		const width = picture.cols * across;
		const frame = new Uint8Array(width * picture.rows * down * 3);
		for (let y = 0; y < picture.rows * down; y++)
			for (let x = 0; x < width; x++)
				frame.fill(y % down < down - 1 ? 120 : 125, (y * width + x) * 3, (y * width + x + 1) * 3);
		const renderer = new Renderer({glyphs});
		const terminal = new VirtualTerminal(screenCols, screenRows);
		terminal.write(renderer.render(frame, renderer.newScreen(picture)));
		for (let row = 0; row < picture.rows; row++)
			for (let col = 0; col < picture.cols; col++) {
				const top = terminal.pixelColour(col, row, glyphs, 0) & 255;
				const bottom = terminal.pixelColour(col, row, glyphs, across * (down - 1)) & 255;
				assert.deepEqual([top, bottom], [120, 125], `${glyphs} cell ${col},${row}`);
			}
	}
});

test('an unchanged frame costs nothing, one changed cell costs a move, a colour and a glyph', () => {
	const renderer = new Renderer({threshold: 0});
	const picture = {col: 3, row: 2, cols: 4, rows: 1};
	const screen = renderer.newScreen(picture);
	const frame = new Uint8Array(4 * 2 * 3).fill(50);
	assert.ok(renderer.render(frame, screen).length > 0);
	assert.equal(renderer.render(frame, screen).length, 0);
	frame.set([1, 2, 3], 2 * 3); // upper pixel of the third cell
	const bytes = Buffer.from(renderer.render(frame, screen)).toString();
	// Synchronized output is the sink's (one pair a batch), not the renderer's.
	assert.equal(bytes, '\x1b[3;6H\x1b[38;2;3;2;1;48;2;50;50;50m▀\x1b[m');
});

test('a cell in a new place after a resize is drawn whatever the old screen held', () => {
	const renderer = new Renderer({threshold: 0});
	const terminal = new VirtualTerminal(screenCols, screenRows);
	const first = renderer.newScreen({col: 0, row: 0, cols: 6, rows: 3});
	terminal.write(renderer.render(new Uint8Array(6 * 6 * 3).fill(200), first));
	const moved = {col: 2, row: 1, cols: 5, rows: 2};
	const second = renderer.newScreen(moved);
	terminal.write(renderer.render(new Uint8Array(5 * 4 * 3).fill(200), second));
	for (let row = 1; row < 3; row++) {
		for (let col = 2; col < 7; col++) assert.equal(terminal.quarterColour(col, row, 0), 0xc8c8c8);
	}
	second.forget();
	assert.ok(
		renderer.render(new Uint8Array(5 * 4 * 3).fill(200), second).length > 0,
		'forget() makes it redraw',
	);
});

test('the frame size must match the picture', () => {
	const renderer = new Renderer();
	assert.throws(
		() => renderer.render(new Uint8Array(5), renderer.newScreen({col: 0, row: 0, cols: 2, rows: 2})),
		RangeError,
	);
});

test('replayed cell by cell, the terminal shows exactly the picture the renderer believes it shows, in every set', () => {
	for (const glyphs of glyphSets) {
		const {across, down} = pixelsPerCell(glyphs);
		fc.assert(
			fc.property(
				placedPicture.chain((p) => {
					const length = p.cols * across * p.rows * down * 3;
					const byte = fc.oneof(fc.constantFrom(0, 7, 128, 255), fc.integer({min: 0, max: 255}));
					const frame = fc.array(byte, {minLength: length, maxLength: length}).map((l) => Uint8Array.from(l));
					return fc.tuple(fc.constant(p), fc.array(frame, {minLength: 1, maxLength: 4}));
				}),
				fc.constantFrom<RendererOptions['colorDepth']>('truecolor', '256'),
				fc.constantFrom(0, 6, 20),
				fc.option(fc.integer({min: 0, max: 4000}), {nil: undefined}),
				([picture, frames], colorDepth, threshold, budget) => {
					const renderer = new Renderer({glyphs, colorDepth, threshold});
					const terminal = new VirtualTerminal(screenCols, screenRows);
					const screen = renderer.newScreen(picture);
					for (const frame of frames) {
						terminal.write(renderer.render(frame, screen, budget));
						for (let cell = 0; cell < picture.cols * picture.rows; cell++) {
							const col = picture.col + (cell % picture.cols);
							const row = picture.row + Math.floor(cell / picture.cols);
							for (let pixel = 0; pixel < across * down; pixel++) {
								const believed = screen.shown[cell * across * down + pixel]!;
								if (believed < 0) continue;
								const shown = terminal.pixelColour(col, row, glyphs, pixel);
								assert.equal(shown, colorDepth === '256' ? paletteBase + believed : believed);
							}
						}
					}
				},
			),
			{numRuns: 40},
		);
	}
});
