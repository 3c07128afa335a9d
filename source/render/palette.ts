/**
 * Mapping 24-bit colours onto the xterm 256-colour palette. The naive way (round each channel to
 * the 6-level cube) ignores the 24 greys and picks by RGB distance, which the eye does not share;
 * here every colour goes to the entry nearest in OKLab, remembered in a table of all 2^24 colours
 * (a coarser table errs near black, where OKLab moves fastest).
 */

const cubeLevels = [0, 95, 135, 175, 215, 255] as const;

/** RGB of palette entry i, packed 0xRRGGBB. Entries 0-15 are themed by the terminal, so never chosen. */
export function paletteRgb(index: number): number {
	if (index >= 232) {
		const grey = 8 + (index - 232) * 10;
		return (grey << 16) | (grey << 8) | grey;
	}
	if (index >= 16) {
		const n = index - 16;
		return (
			(cubeLevels[Math.floor(n / 36)]! << 16) | (cubeLevels[Math.floor(n / 6) % 6]! << 8) | cubeLevels[n % 6]!
		);
	}
	throw new RangeError(`palette entry ${index} is the terminal's own themed colour`);
}

function linear(channel: number): number {
	const c = channel / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** OKLab (Björn Ottosson's) of an sRGB colour, written into out[0..2]. */
export function oklab(r: number, g: number, b: number, out: Float64Array | number[], at = 0): void {
	const lr = linear(r);
	const lg = linear(g);
	const lb = linear(b);
	const l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
	const m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
	const s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
	out[at] = 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s;
	out[at + 1] = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s;
	out[at + 2] = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s;
}

const firstChosen = 16;
const entries = 256 - firstChosen;

function nearestEntry(lab: Float64Array, paletteLab: Float64Array): number {
	let best = 0;
	let bestDistance = Infinity;
	for (let i = 0; i < entries; i++) {
		const dl = lab[0]! - paletteLab[i * 3]!;
		const da = lab[1]! - paletteLab[i * 3 + 1]!;
		const db = lab[2]! - paletteLab[i * 3 + 2]!;
		const distance = dl * dl + da * da + db * db;
		if (distance < bestDistance) {
			bestDistance = distance;
			best = i;
		}
	}
	return best + firstChosen;
}

let paletteLab: Float64Array | undefined;
let table: Uint8Array | undefined;
const scratchLab = new Float64Array(3);

/**
 * The lookup table, indexed by 0xRRGGBB: the nearest entry, or 0 while not yet worked out. It is
 * filled as colours turn up (video reuses the same few thousand), so no colour pays the 240
 * distances twice and startup pays nothing.
 */
export function paletteTable(): Uint8Array {
	table ??= new Uint8Array(1 << 24);
	return table;
}

export function nearestPaletteEntry(r: number, g: number, b: number): number {
	const lookup = paletteTable();
	const rgb = (r << 16) | (g << 8) | b;
	const known = lookup[rgb]!;
	if (known !== 0) return known;
	return (lookup[rgb] = workOutNearest(r, g, b));
}

function workOutNearest(r: number, g: number, b: number): number {
	if (!paletteLab) {
		paletteLab = new Float64Array(entries * 3);
		for (let i = 0; i < entries; i++) {
			const rgb = paletteRgb(i + firstChosen);
			oklab(rgb >> 16, (rgb >> 8) & 255, rgb & 255, paletteLab, i * 3);
		}
	}
	oklab(r, g, b, scratchLab);
	return nearestEntry(scratchLab, paletteLab);
}
