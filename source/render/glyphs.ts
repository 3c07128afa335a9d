/**
 * Block glyphs by which pixels of the cell they paint in the foreground colour. A cell is a grid
 * two pixels across and 2, 3 or 4 down; bit `row * 2 + col` of a mask is the pixel at (col, row).
 * Quadrants (2x2): bit 1 upper left, 2 upper right, 4 lower left, 8 lower right; half blocks are
 * the quadrant masks 3 (▀) and 12 (▄). Sextants (2x3) and octants (2x4) are the Unicode 13 and 16
 * block mosaics, each pattern drawn by the one character Unicode gives it (see `sextantGlyph`,
 * `octantGlyph`): a terminal that draws these itself joins them with its other block elements.
 */
import type {Glyphs} from './layout.js';

export const quadrantGlyphs: readonly string[] = Array.from(' ▘▝▀▖▌▞▛▗▚▐▜▄▙▟█');

export const upperHalfMask = 3;
export const fullMask = 15;

/**
 * The sextant for a 2x3 mask. U+1FB00 BLOCK SEXTANT-1 on are the 60 patterns in mask order that
 * were not characters already: empty (space), full (█), left column (▌, mask 21) and right column
 * (▐, mask 42) are left out. Unicode 13, "Symbols for Legacy Computing", names BLOCK SEXTANT-n.
 */
export function sextantGlyph(mask: number): string {
	if (mask === 0) return ' ';
	if (mask === 63) return '█';
	if (mask === 21) return '▌';
	if (mask === 42) return '▐';
	return String.fromCodePoint(0x1fb00 + mask - 1 - (mask > 21 ? 1 : 0) - (mask > 42 ? 1 : 0));
}

/**
 * The 26 2x4 patterns Unicode 16 gave no BLOCK OCTANT of their own, each drawn by the character
 * that already was that shape (UnicodeData 16.0; the Symbols for Legacy Computing Supplement
 * chart, U+1CC00–U+1CEBF, lists them under the octants).
 */
const octantsDrawnElsewhere: ReadonlyMap<number, number> = new Map([
	[0x00, 0x20], // SPACE
	[0x01, 0x1cea8], // LEFT HALF UPPER ONE QUARTER BLOCK
	[0x02, 0x1ceab], // RIGHT HALF UPPER ONE QUARTER BLOCK
	[0x03, 0x1fb82], // UPPER ONE QUARTER BLOCK
	[0x05, 0x2598], // QUADRANT UPPER LEFT
	[0x0a, 0x259d], // QUADRANT UPPER RIGHT
	[0x0f, 0x2580], // UPPER HALF BLOCK
	[0x14, 0x1fbe6], // MIDDLE LEFT ONE QUARTER BLOCK
	[0x28, 0x1fbe7], // MIDDLE RIGHT ONE QUARTER BLOCK
	[0x3f, 0x1fb85], // UPPER THREE QUARTERS BLOCK
	[0x40, 0x1cea3], // LEFT HALF LOWER ONE QUARTER BLOCK
	[0x50, 0x2596], // QUADRANT LOWER LEFT
	[0x55, 0x258c], // LEFT HALF BLOCK
	[0x5a, 0x259e], // QUADRANT UPPER RIGHT AND LOWER LEFT
	[0x5f, 0x259b], // QUADRANT UPPER LEFT AND UPPER RIGHT AND LOWER LEFT
	[0x80, 0x1cea0], // RIGHT HALF LOWER ONE QUARTER BLOCK
	[0xa0, 0x2597], // QUADRANT LOWER RIGHT
	[0xa5, 0x259a], // QUADRANT UPPER LEFT AND LOWER RIGHT
	[0xaa, 0x2590], // RIGHT HALF BLOCK
	[0xaf, 0x259c], // QUADRANT UPPER LEFT AND UPPER RIGHT AND LOWER RIGHT
	[0xc0, 0x2582], // LOWER ONE QUARTER BLOCK
	[0xf0, 0x2584], // LOWER HALF BLOCK
	[0xf5, 0x2599], // QUADRANT UPPER LEFT AND LOWER LEFT AND LOWER RIGHT
	[0xfa, 0x259f], // QUADRANT UPPER RIGHT AND LOWER LEFT AND LOWER RIGHT
	[0xfc, 0x2586], // LOWER THREE QUARTERS BLOCK
	[0xff, 0x2588], // FULL BLOCK
]);

/** U+1CD00 BLOCK OCTANT-3 on: the other 230 patterns, in mask order. */
const octantCodePoints: readonly number[] = (() => {
	const points: number[] = [];
	let next = 0x1cd00;
	for (let mask = 0; mask < 256; mask++) points.push(octantsDrawnElsewhere.get(mask) ?? next++);
	return points;
})();

/** The character for a 2x4 mask (octant n is bit n - 1). */
export function octantGlyph(mask: number): string {
	return String.fromCodePoint(octantCodePoints[mask]!);
}

/** One glyph set: its grid, and every mask's glyph as UTF-8 (4-byte slots) for the writer. */
export type GlyphGrid = {
	readonly across: number;
	readonly down: number;
	readonly fullMask: number;
	readonly glyphs: readonly string[];
	readonly bytes: Uint8Array;
	readonly byteCount: Uint8Array;
	readonly maskOf: ReadonlyMap<string, number>;
};

/** Most bytes of one glyph in UTF-8 (the sextants and octants are outside the BMP). */
export const maxGlyphBytes = 4;

function grid(down: number, glyphs: readonly string[]): GlyphGrid {
	const bytes = new Uint8Array(glyphs.length * maxGlyphBytes);
	const byteCount = new Uint8Array(glyphs.length);
	const maskOf = new Map<string, number>();
	for (const [mask, glyph] of glyphs.entries()) {
		const utf8 = Buffer.from(glyph, 'utf8');
		byteCount[mask] = utf8.length;
		bytes.set(utf8, mask * maxGlyphBytes);
		maskOf.set(glyph, mask);
	}
	return {across: 2, down, fullMask: glyphs.length - 1, glyphs, bytes, byteCount, maskOf};
}

const quadGrid = grid(2, quadrantGlyphs);
const sextantGrid = grid(
	3,
	Array.from({length: 64}, (_, mask) => sextantGlyph(mask)),
);
const octantGrid = grid(
	4,
	Array.from({length: 256}, (_, mask) => octantGlyph(mask)),
);

/**
 * The glyph set a renderer writes with. Half blocks are written with the quadrant set (masks 3
 * and 12, flipped as the pen saves bytes), so `half` shares it.
 */
export function glyphGrid(glyphs: Glyphs): GlyphGrid {
	return glyphs === 'sextant' ? sextantGrid : glyphs === 'octant' ? octantGrid : quadGrid;
}

/** The mask a glyph stands for in a set, or undefined for anything that is not one of its glyphs. */
export function maskOfGlyph(glyph: string, glyphs: Glyphs = 'quad'): number | undefined {
	return glyphGrid(glyphs).maskOf.get(glyph);
}
