/**
 * Block glyphs by which quarters of the cell they paint in the foreground colour: bit 1 upper
 * left, 2 upper right, 4 lower left, 8 lower right. Half-blocks are the masks 3 (▀) and 12 (▄).
 */
export const quadrantGlyphs: readonly string[] = Array.from(' ▘▝▀▖▌▞▛▗▚▐▜▄▙▟█');

export const upperHalfMask = 3;
export const fullMask = 15;

/** UTF-8 of each glyph, 3 bytes a slot (the space uses 1), and how many are used. */
export const glyphBytes = new Uint8Array(16 * 3);
export const glyphByteCount = new Uint8Array(16);
for (const [mask, glyph] of quadrantGlyphs.entries()) {
	const bytes = Buffer.from(glyph, 'utf8');
	glyphByteCount[mask] = bytes.length;
	glyphBytes.set(bytes, mask * 3);
}

/** The mask a glyph stands for, or undefined for anything that is not one of the block glyphs. */
export function maskOfGlyph(glyph: string): number | undefined {
	const mask = quadrantGlyphs.indexOf(glyph);
	return mask < 0 ? undefined : mask;
}
