/**
 * Two colours for a cell of 2x3 or 2x4 pixels (sextants, octants): a split of the pixels into two
 * groups whose means leave little squared error, in the space the renderer writes (sRGB levels).
 * Trying all 32 or 128 splits costs too much a frame (all 32 sextant splits took 3.5 times as
 * long, for 0.05 dB), so the split starts on the channel where the pixels spread the most (cut at
 * the middle of its range), takes one round of 2-means (each pixel to the nearer group mean),
 * then moves single pixels while that lowers the error: on media/still.png 0.06 dB from the best
 * split. A cell with at most two distinct colours is always reproduced exactly.
 */

const reds = new Int32Array(8);
const greens = new Int32Array(8);
const blues = new Int32Array(8);
const rounds = 1;

/**
 * Reads the cell whose upper-left pixel is at `offset` in BGR `pixels` (rows `rowBytes` apart),
 * two pixels across and `down` down, and writes [mask of the pixels in colour a (bit row * 2 +
 * col), a, b] into `out`, colours packed 0xRRGGBB. The last (lower-right) pixel is always in b;
 * a equals b when the mask is 0.
 */
export function splitCell(
	pixels: Uint8Array,
	offset: number,
	rowBytes: number,
	down: number,
	out: Int32Array,
): void {
	const count = down * 2;
	let minR = 255;
	let maxR = 0;
	let minG = 255;
	let maxG = 0;
	let minB = 255;
	let maxB = 0;
	for (let row = 0, p = 0; row < down; row++) {
		let at = offset + row * rowBytes;
		for (let col = 0; col < 2; col++, p++, at += 3) {
			const b = pixels[at]!;
			const g = pixels[at + 1]!;
			const r = pixels[at + 2]!;
			blues[p] = b;
			greens[p] = g;
			reds[p] = r;
			if (r < minR) minR = r;
			if (r > maxR) maxR = r;
			if (g < minG) minG = g;
			if (g > maxG) maxG = g;
			if (b < minB) minB = b;
			if (b > maxB) maxB = b;
		}
	}
	const spreadR = maxR - minR;
	const spreadG = maxG - minG;
	const spreadB = maxB - minB;
	if (spreadR === 0 && spreadG === 0 && spreadB === 0) {
		const only = (minR << 16) | (minG << 8) | minB;
		out[0] = 0;
		out[1] = only;
		out[2] = only;
		return;
	}
	// The first cut: above the middle of the widest channel's range.
	const channel = spreadG >= spreadR && spreadG >= spreadB ? greens : spreadR >= spreadB ? reds : blues;
	const middle = channel === greens ? minG + maxG : channel === reds ? minR + maxR : minB + maxB;
	let mask = 0;
	for (let p = 0; p < count; p++) if (2 * channel[p]! > middle) mask |= 1 << p;

	let aR = 0;
	let aG = 0;
	let aB = 0;
	let inA = 0;
	let bR = 0;
	let bG = 0;
	let bB = 0;
	for (let round = 0; ; round++) {
		aR = aG = aB = inA = bR = bG = bB = 0;
		for (let p = 0; p < count; p++) {
			if (mask & (1 << p)) {
				aR += reds[p]!;
				aG += greens[p]!;
				aB += blues[p]!;
				inA++;
			} else {
				bR += reds[p]!;
				bG += greens[p]!;
				bB += blues[p]!;
			}
		}
		if (round === rounds) break;
		// Means scaled by both group sizes, so the comparison stays in integers.
		const inB = count - inA;
		let next = 0;
		for (let p = 0; p < count; p++) {
			const r = reds[p]! * inA * inB;
			const g = greens[p]! * inA * inB;
			const b = blues[p]! * inA * inB;
			const toAR = r - aR * inB;
			const toAG = g - aG * inB;
			const toAB = b - aB * inB;
			const toBR = r - bR * inA;
			const toBG = g - bG * inA;
			const toBB = b - bB * inA;
			if (toAR * toAR + toAG * toAG + toAB * toAB < toBR * toBR + toBG * toBG + toBB * toBB) next |= 1 << p;
		}
		// A group left empty (ties) keeps the split it had.
		const full = (1 << count) - 1;
		if (next === mask || next === 0 || next === full) break;
		mask = next;
	}
	// Moving one pixel to the other group, while that lowers the error: minimising it is
	// maximising |sum A|^2 / |A| + |sum B|^2 / |B| over the channels.
	const totalR = aR + bR;
	const totalG = aG + bG;
	const totalB = aB + bB;
	let score = split(aR, aG, aB, inA, totalR, totalG, totalB, count);
	for (let pass = 0, moved = true; moved && pass < 2; pass++) {
		moved = false;
		for (let p = 0; p < count; p++) {
			const sign = mask & (1 << p) ? -1 : 1;
			const nextR = aR + sign * reds[p]!;
			const nextG = aG + sign * greens[p]!;
			const nextB = aB + sign * blues[p]!;
			const nextIn = inA + sign;
			if (nextIn === 0 || nextIn === count) continue;
			const next = split(nextR, nextG, nextB, nextIn, totalR, totalG, totalB, count);
			if (next > score + 1e-9) {
				score = next;
				mask ^= 1 << p;
				aR = nextR;
				aG = nextG;
				aB = nextB;
				inA = nextIn;
				moved = true;
			}
		}
	}
	finish(mask, aR, aG, aB, inA, totalR - aR, totalG - aG, totalB - aB, count, out);
}

/** The squared-error score of a split (higher is better), from group A's sums and the totals. */
function split(
	aR: number,
	aG: number,
	aB: number,
	inA: number,
	totalR: number,
	totalG: number,
	totalB: number,
	count: number,
): number {
	const restR = totalR - aR;
	const restG = totalG - aG;
	const restB = totalB - aB;
	const a = inA === 0 ? 0 : (aR * aR + aG * aG + aB * aB) / inA;
	return a + (restR * restR + restG * restG + restB * restB) / (count - inA);
}

/** Writes [mask, a, b] with the group means, the last pixel put in b. */
function finish(
	mask: number,
	aR: number,
	aG: number,
	aB: number,
	inA: number,
	bR: number,
	bG: number,
	bB: number,
	count: number,
	out: Int32Array,
): void {
	const inB = count - inA;
	let a = inA === 0 ? 0 : (mean(aR, inA) << 16) | (mean(aG, inA) << 8) | mean(aB, inA);
	let b = inB === 0 ? 0 : (mean(bR, inB) << 16) | (mean(bG, inB) << 8) | mean(bB, inB);
	if (inA === 0) a = b;
	if (inB === 0) b = a;
	if (mask & (1 << (count - 1))) {
		mask ^= (1 << count) - 1;
		const swap = a;
		a = b;
		b = swap;
	}
	out[0] = mask;
	out[1] = a;
	out[2] = b;
	if (mask === 0) out[1] = out[2];
}

function mean(sum: number, count: number): number {
	return Math.floor((2 * sum + count) / (2 * count));
}
