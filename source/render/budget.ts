/**
 * Which cells a frame with a byte budget draws: from each cell's error (how far what it shows is
 * from the picture), the worst first, as many as the recent cost of a cell says fit; each chosen
 * cell gets the pass (tier of error) it is drawn in, so a cap reached in raster order never starves
 * a far-off cell for a nearly right one above it. Cells within the threshold are never chosen
 * (the quality floor). No I/O, no pixels: the renderer measures the errors and writes the cells.
 */
import {maxBytesPerCell} from './escapes.js';

/** Error a cell counts as when what it shows is not known (larger than any colour difference). */
export const unknownError = 256;
/** Widest margin a colour is reused within when a budget leaves cells behind. */
const maxCoarseReuse = 24;
/** Lowest error of each tier a budgeted render draws in turn. */
const tiers = [128, 48, 16, 0];
/**
 * Below this error a change is refinement, not motion: sensor and compression noise, the last
 * levels of a picture converging. The last tier's lower bound.
 */
const refinementError = tiers[2]!;
/**
 * Share of a frame's budget refinement may take. The budget is what the link drains in the time
 * of the slowest picture rate worth keeping, so a frame of changes one sees may slow the picture
 * to that rate; refinement must not: with half of it (about a camera frame's time of the link at
 * that rate) noise never holds the next picture back, and a still picture still converges in a
 * few frames. On the ssh bench's camera (JPEG twice on the way) such cells cost about a third
 * of a moving frame's bytes.
 */
const refinementShare = 0.5;
/** Passes a budgeted render makes, one a tier (tier 0: not chosen). */
export const tierCount = tiers.length;

/**
 * Bytes a frame may have written by the end of pass `tier` of a budget of `limit`: all of it for
 * changes one sees, `refinementShare` of it for the refinement pass (the last), so refinement only
 * fills a frame up to that much.
 */
export function passLimit(tier: number, limit: number): number {
	// At least a cell's worth: under a tiny budget a still picture converges all the same.
	return tier === tierCount ? Math.min(limit, Math.max(maxBytesPerCell, limit * refinementShare)) : limit;
}

function tierOf(error: number): number {
	let tier = 1;
	while (error < tiers[tier - 1]!) tier++;
	return tier;
}

export class BudgetChoice {
	/** Each cell's error, -1 for cells not to draw (hidden, or within the threshold). */
	errors = new Int16Array(0);
	private chosenAll = new Uint8Array(0);
	private readonly histogram = new Int32Array(unknownError + 1);
	/** Bytes a drawn cell cost on average lately, to guess how many cells a budget buys. */
	private bytesPerCell = 20;

	constructor(private readonly threshold: number) {}

	/** A frame of `count` cells starts: `errors` is to be filled, then `choose` called. */
	begin(count: number): Int16Array {
		if (this.errors.length < count) {
			this.errors = new Int16Array(count);
			this.chosenAll = new Uint8Array(count);
		}
		this.histogram.fill(0);
		return this.errors;
	}

	/** Records one cell's error (the largest channel difference of its pixels, or unknownError). */
	set(cell: number, error: number): void {
		const counted = error > this.threshold ? error : -1;
		this.errors[cell] = counted;
		if (counted >= 0) this.histogram[counted]!++;
	}

	/**
	 * Marks the cells `limit` bytes should go to, each with its tier (0: not now), and returns how
	 * close a colour already set must be to be reused: the threshold, or more when cells are left
	 * behind (a coarser picture costs fewer bytes a cell, so more cells fit). Changes one sees may
	 * take all of `limit`; refinement (errors below `refinementError`) only fills the frame up to
	 * `refinementShare` of it. `leftBehind`: changes one sees wait for a later render (refinement
	 * rides on the frames that come anyway: a render of its own would hold the next frame back).
	 */
	choose(
		count: number,
		limit: number,
		truecolor: boolean,
	): {chosen: Uint8Array; reuse: number; leftBehind: boolean} {
		const chosen = this.chosenAll.subarray(0, count);
		const errors = this.errors;
		const histogram = this.histogram;
		// The error from which on every cell fits the budget, at the recent cost of a cell.
		const affordable = Math.max(1, Math.floor(limit / this.bytesPerCell));
		const refinementAffordable = Math.max(1, Math.floor((limit * refinementShare) / this.bytesPerCell));
		const capAt = (error: number) => (error >= refinementError ? affordable : refinementAffordable);
		let cutoff = unknownError + 1;
		let taken = 0;
		while (cutoff > 0 && taken + histogram[cutoff - 1]! <= capAt(cutoff - 1)) taken += histogram[--cutoff]!;
		let extra = cutoff > 0 ? Math.max(0, capAt(cutoff - 1) - taken) : 0;
		const reuse =
			truecolor && cutoff > 0
				? Math.max(this.threshold, Math.min(maxCoarseReuse, cutoff >> 2))
				: this.threshold;
		let leftBehind = false;
		for (let cell = 0; cell < count; cell++) {
			const error = errors[cell]!;
			let take = error >= cutoff;
			if (!take && error === cutoff - 1 && extra > 0) {
				take = true;
				extra--;
			}
			if (!take && error >= refinementError) leftBehind = true;
			chosen[cell] = take ? tierOf(error) : 0;
		}
		return {chosen, reuse, leftBehind};
	}

	/** After a frame: what its drawn cells cost, for the next guess. */
	learnCost(cells: number, bytes: number): void {
		if (cells > 0)
			this.bytesPerCell = Math.max(
				4,
				Math.min(maxBytesPerCell, 0.7 * this.bytesPerCell + 0.3 * (bytes / cells)),
			);
	}
}
