/**
 * Two colours for a 2x2 block of pixels: of the eight ways to split four pixels into two groups,
 * the one whose group means leave the least squared error. A block with at most two distinct
 * colours is always reproduced exactly.
 */

/**
 * Reads the block whose upper-left pixel is at `offset` in BGR `pixels` (rows `rowBytes` apart)
 * and writes [mask of the pixels in colour a (bit 1 upper left, 2 upper right, 4 lower left,
 * 8 lower right), a, b] into `out`, colours packed 0xRRGGBB. The lower-right pixel is always in b;
 * a equals b when the mask is 0.
 */
export function splitQuadrants(pixels: Uint8Array, offset: number, rowBytes: number, out: Int32Array): void {
	const lower = offset + rowBytes;
	const b0 = pixels[offset]!;
	const g0 = pixels[offset + 1]!;
	const r0 = pixels[offset + 2]!;
	const b1 = pixels[offset + 3]!;
	const g1 = pixels[offset + 4]!;
	const r1 = pixels[offset + 5]!;
	const b2 = pixels[lower]!;
	const g2 = pixels[lower + 1]!;
	const r2 = pixels[lower + 2]!;
	const b3 = pixels[lower + 3]!;
	const g3 = pixels[lower + 4]!;
	const r3 = pixels[lower + 5]!;
	const totalR = r0 + r1 + r2 + r3;
	const totalG = g0 + g1 + g2 + g3;
	const totalB = b0 + b1 + b2 + b3;
	// Minimising the squared error is maximising sum(group sum^2 / group size) over channels.
	let bestMask = 0;
	let bestScore = (totalR * totalR + totalG * totalG + totalB * totalB) / 4;
	for (let mask = 1; mask < 8; mask++) {
		const inA = (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
		const aR = (mask & 1 ? r0 : 0) + (mask & 2 ? r1 : 0) + (mask & 4 ? r2 : 0);
		const aG = (mask & 1 ? g0 : 0) + (mask & 2 ? g1 : 0) + (mask & 4 ? g2 : 0);
		const aB = (mask & 1 ? b0 : 0) + (mask & 2 ? b1 : 0) + (mask & 4 ? b2 : 0);
		const restR = totalR - aR;
		const restG = totalG - aG;
		const restB = totalB - aB;
		const score =
			(aR * aR + aG * aG + aB * aB) / inA + (restR * restR + restG * restG + restB * restB) / (4 - inA);
		if (score > bestScore + 1e-9) {
			bestScore = score;
			bestMask = mask;
		}
	}
	const inA = (bestMask & 1) + ((bestMask >> 1) & 1) + ((bestMask >> 2) & 1);
	const aR = (bestMask & 1 ? r0 : 0) + (bestMask & 2 ? r1 : 0) + (bestMask & 4 ? r2 : 0);
	const aG = (bestMask & 1 ? g0 : 0) + (bestMask & 2 ? g1 : 0) + (bestMask & 4 ? g2 : 0);
	const aB = (bestMask & 1 ? b0 : 0) + (bestMask & 2 ? b1 : 0) + (bestMask & 4 ? b2 : 0);
	const rest = 4 - inA;
	const b = (mean(totalR - aR, rest) << 16) | (mean(totalG - aG, rest) << 8) | mean(totalB - aB, rest);
	out[0] = bestMask;
	out[1] = inA === 0 ? b : (mean(aR, inA) << 16) | (mean(aG, inA) << 8) | mean(aB, inA);
	out[2] = b;
}

function mean(sum: number, count: number): number {
	return Math.floor((2 * sum + count) / (2 * count));
}
