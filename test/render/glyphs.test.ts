import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	glyphGrid,
	maskOfGlyph,
	octantGlyph,
	quadrantGlyphs,
	sextantGlyph,
} from '../../source/render/glyphs.js';

/** `BLOCK SEXTANT-1346` / `BLOCK OCTANT-2357`: the cells named, as a mask (cell n is bit n - 1). */
function maskOfName(name: string): number {
	const digits = /-(\d+)$/.exec(name)![1]!;
	let mask = 0;
	for (const digit of digits) mask |= 1 << (Number(digit) - 1);
	return mask;
}

const hex = (glyph: string) => glyph.codePointAt(0)!.toString(16).toUpperCase();

test('sextants: code points as UnicodeData 13 names them', () => {
	// Rows of UnicodeData.txt (Symbols for Legacy Computing), at the ends and around the gaps.
	const rows: Array<[number, string]> = [
		[0x1fb00, 'BLOCK SEXTANT-1'],
		[0x1fb01, 'BLOCK SEXTANT-2'],
		[0x1fb02, 'BLOCK SEXTANT-12'],
		[0x1fb13, 'BLOCK SEXTANT-35'],
		[0x1fb14, 'BLOCK SEXTANT-235'],
		[0x1fb27, 'BLOCK SEXTANT-146'],
		[0x1fb28, 'BLOCK SEXTANT-1246'],
		[0x1fb3b, 'BLOCK SEXTANT-23456'],
	];
	for (const [codePoint, name] of rows)
		assert.equal(hex(sextantGlyph(maskOfName(name))), hex(String.fromCodePoint(codePoint)), name);
	assert.equal(sextantGlyph(0), ' ');
	assert.equal(sextantGlyph(0b010101), '▌');
	assert.equal(sextantGlyph(0b101010), '▐');
	assert.equal(sextantGlyph(63), '█');
	const all = Array.from({length: 64}, (_, mask) => sextantGlyph(mask));
	assert.equal(new Set(all).size, 64);
	const mosaics = all.map((glyph) => glyph.codePointAt(0)!).filter((point) => point >= 0x1fb00);
	assert.deepEqual(
		mosaics,
		Array.from({length: 60}, (_, i) => 0x1fb00 + i),
	);
});

test('octants: code points as UnicodeData 16 names them, the 26 older shapes by their own characters', () => {
	const rows: Array<[number, string]> = [
		[0x1cd00, 'BLOCK OCTANT-3'],
		[0x1cd01, 'BLOCK OCTANT-23'],
		[0x1cd0d, 'BLOCK OCTANT-135'],
		[0x1cd20, 'BLOCK OCTANT-146'],
		[0x1cd36, 'BLOCK OCTANT-17'],
		[0x1cd49, 'BLOCK OCTANT-2357'],
		[0x1cd94, 'BLOCK OCTANT-2368'],
		[0x1cddb, 'BLOCK OCTANT-15678'],
		[0x1cde5, 'BLOCK OCTANT-2345678'],
	];
	for (const [codePoint, name] of rows)
		assert.equal(hex(octantGlyph(maskOfName(name))), hex(String.fromCodePoint(codePoint)), name);
	const older: Array<[string, number]> = [
		['\u{1cea8}', 0b00000001], // LEFT HALF UPPER ONE QUARTER BLOCK
		['\u{1ceab}', 0b00000010], // RIGHT HALF UPPER ONE QUARTER BLOCK
		['\u{1cea3}', 0b01000000], // LEFT HALF LOWER ONE QUARTER BLOCK
		['\u{1cea0}', 0b10000000], // RIGHT HALF LOWER ONE QUARTER BLOCK
		['\u{1fb82}', 0b00000011], // UPPER ONE QUARTER BLOCK
		['\u{1fb85}', 0b00111111], // UPPER THREE QUARTERS BLOCK
		['\u{1fbe6}', 0b00010100], // MIDDLE LEFT ONE QUARTER BLOCK
		['\u{1fbe7}', 0b00101000], // MIDDLE RIGHT ONE QUARTER BLOCK
		['▂', 0b11000000],
		['▆', 0b11111100],
	];
	for (const [glyph, mask] of older) assert.equal(hex(octantGlyph(mask)), hex(glyph));
	// Every quadrant shape (space, halves, full block included) is drawn by its quadrant glyph.
	for (const [quad, glyph] of quadrantGlyphs.entries()) {
		let mask = 0;
		if (quad & 1) mask |= 0b00000101;
		if (quad & 2) mask |= 0b00001010;
		if (quad & 4) mask |= 0b01010000;
		if (quad & 8) mask |= 0b10100000;
		assert.equal(octantGlyph(mask), glyph, `quadrant mask ${quad}`);
	}
	const all = Array.from({length: 256}, (_, mask) => octantGlyph(mask));
	assert.equal(new Set(all).size, 256);
	const octants = all
		.map((glyph) => glyph.codePointAt(0)!)
		.filter((point) => point >= 0x1cd00 && point < 0x1ce00);
	assert.deepEqual(
		octants,
		Array.from({length: 230}, (_, i) => 0x1cd00 + i),
	);
});

test('each set reads its own glyphs back to their masks, as UTF-8 of at most 4 bytes', () => {
	for (const glyphs of ['quad', 'sextant', 'octant'] as const) {
		const grid = glyphGrid(glyphs);
		assert.equal(grid.glyphs.length, 1 << (grid.across * grid.down));
		for (const [mask, glyph] of grid.glyphs.entries()) {
			assert.equal(maskOfGlyph(glyph, glyphs), mask);
			const utf8 = Buffer.from(glyph, 'utf8');
			assert.deepEqual(Buffer.from(grid.bytes.subarray(mask * 4, mask * 4 + grid.byteCount[mask]!)), utf8);
		}
	}
	assert.equal(maskOfGlyph('▀', 'sextant'), undefined);
	assert.equal(maskOfGlyph('x', 'octant'), undefined);
});
