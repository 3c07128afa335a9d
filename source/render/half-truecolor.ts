/**
 * Truecolor half blocks without a byte budget, the call's usual picture, in one loop: the same
 * cells chosen and the same bytes written as the renderer's general path (each cell through
 * `CellWriter.cell`), without its per-pixel palette branches and per-cell calls: on 300 frames of
 * the clip at 123x46 cells (nearly every cell changes every frame), 0.18-0.26 ms of CPU a frame
 * against 0.29-0.49 ms (1-1.5% of a core at 30 frames a second).
 */
import type {CellWriter} from './cell-writer.js';
import {putTruecolours} from './escapes.js';
import {fullMask, maxGlyphBytes, upperHalfMask} from './glyphs.js';
import type {ScreenState} from './screen-state.js';

const lowerHalfMask = fullMask ^ upperHalfMask;

/**
 * Negative when a colour is further than `threshold` from another in some channel, given the
 * channels' differences; else 0 or more. One OR of the six bounds, not six branches: whether a
 * pixel of video moved past the threshold is a coin toss the CPU's branch predictor loses. A colour
 * not known (-1) has 65535 for its red channel, so it is never near a real one, as in
 * cell-writer's `near` (the threshold is 255 at most).
 */
function apart(dr: number, dg: number, db: number, threshold: number): number {
	return (
		(dr + threshold) |
		(threshold - dr) |
		(dg + threshold) |
		(threshold - dg) |
		(db + threshold) |
		(threshold - db)
	);
}

/**
 * Draws the visible cells of `screen` whose pixels (BGR, one a cell across and two down) moved
 * past `threshold`, through `writer` (begun for this frame), reusing a colour the pen holds
 * within `reuse`; `screen` is updated. Returns how many cells were drawn.
 */
export function drawHalfTruecolor(
	pixels: Uint8Array,
	screen: ScreenState,
	writer: CellWriter,
	threshold: number,
	reuse: number,
): number {
	// Channels differ by 255 at most: a larger threshold is 255, which keeps -1 never near.
	threshold = Math.min(threshold, 255);
	reuse = Math.min(reuse, 255);
	const {col: left, row: top, cols, rows} = screen.picture;
	const shown = screen.shown;
	const visible = screen.visible;
	const glyphBytes = writer.grid.bytes;
	const glyphCount = writer.grid.byteCount;
	const rowBytes = cols * 3;
	const out = writer.out;
	let at = writer.at;
	let penFg = writer.penFg;
	let penBg = writer.penBg;
	// The pens' channels (of -1 too: see `apart`).
	let fgRed = penFg >>> 16;
	let fgGreen = (penFg >>> 8) & 255;
	let fgBlue = penFg & 255;
	let bgRed = penBg >>> 16;
	let bgGreen = (penBg >>> 8) & 255;
	let bgBlue = penBg & 255;
	let drawn = 0;
	for (let y = 0; y < rows; y++) {
		const row = top + y;
		let offset = 2 * y * rowBytes;
		let cell = y * cols * 2;
		let index = y * cols;
		for (let x = 0; x < cols; x++, offset += 3, cell += 2, index++) {
			if (visible[index] === 0) continue;
			const upperBlue = pixels[offset]!;
			const upperGreen = pixels[offset + 1]!;
			const upperRed = pixels[offset + 2]!;
			const lowerBlue = pixels[offset + rowBytes]!;
			const lowerGreen = pixels[offset + rowBytes + 1]!;
			const lowerRed = pixels[offset + rowBytes + 2]!;
			const shownUpper = shown[cell]!;
			const shownLower = shown[cell + 1]!;
			const upperApart = apart(
				upperRed - (shownUpper >>> 16),
				upperGreen - ((shownUpper >>> 8) & 255),
				upperBlue - (shownUpper & 255),
				threshold,
			);
			const lowerApart = apart(
				lowerRed - (shownLower >>> 16),
				lowerGreen - ((shownLower >>> 8) & 255),
				lowerBlue - (shownLower & 255),
				threshold,
			);
			if ((upperApart | lowerApart) >= 0) continue;
			drawn++;
			const col = left + x;
			if (writer.cursorRow !== row || writer.cursorCol !== col) {
				writer.at = at;
				writer.moveTo(col, row);
				at = writer.at;
			}
			const upper = (upperRed << 16) | (upperGreen << 8) | upperBlue;
			const lower = (lowerRed << 16) | (lowerGreen << 8) | lowerBlue;
			const fgUpper = apart(upperRed - fgRed, upperGreen - fgGreen, upperBlue - fgBlue, reuse) >= 0;
			const fgLower = apart(lowerRed - fgRed, lowerGreen - fgGreen, lowerBlue - fgBlue, reuse) >= 0;
			const bgUpper = apart(upperRed - bgRed, upperGreen - bgGreen, upperBlue - bgBlue, reuse) >= 0;
			const bgLower = apart(lowerRed - bgRed, lowerGreen - bgGreen, lowerBlue - bgBlue, reuse) >= 0;
			let mask: number;
			let fg = -1;
			let bg = -1;
			if (apart(upperRed - lowerRed, upperGreen - lowerGreen, upperBlue - lowerBlue, reuse) >= 0) {
				// One colour for the cell: a space in the background, or a full block in the foreground.
				if (bgUpper && bgLower) mask = 0;
				else if (fgUpper && fgLower) mask = fullMask;
				else {
					mask = 0;
					bg =
						upper === lower
							? lower
							: (((upperRed + lowerRed + 1) >> 1) << 16) |
								(((upperGreen + lowerGreen + 1) >> 1) << 8) |
								((upperBlue + lowerBlue + 1) >> 1);
				}
			} else if ((fgLower ? 0 : 1) + (bgUpper ? 0 : 1) < (fgUpper ? 0 : 1) + (bgLower ? 0 : 1)) {
				// Flipped (▄, the lower pixel in the foreground) sets fewer colours.
				mask = lowerHalfMask;
				if (!fgLower) fg = lower;
				if (!bgUpper) bg = upper;
			} else {
				mask = upperHalfMask;
				if (!fgUpper) fg = upper;
				if (!bgLower) bg = lower;
			}
			if (fg >= 0 || bg >= 0) {
				at = putTruecolours(out, at, fg, bg);
				if (fg >= 0) {
					penFg = fg;
					fgRed = fg >>> 16;
					fgGreen = (fg >>> 8) & 255;
					fgBlue = fg & 255;
				}
				if (bg >= 0) {
					penBg = bg;
					bgRed = bg >>> 16;
					bgGreen = (bg >>> 8) & 255;
					bgBlue = bg & 255;
				}
			}
			const from = mask * maxGlyphBytes;
			const count = glyphCount[mask]!;
			out[at] = glyphBytes[from]!;
			if (count > 1) {
				out[at + 1] = glyphBytes[from + 1]!;
				out[at + 2] = glyphBytes[from + 2]!;
			}
			at += count;
			// After the row's last cell where the cursor stands depends on the terminal (pending wrap).
			writer.cursorCol = x === cols - 1 ? -1 : col + 1;
			shown[cell] = mask & 1 ? penFg : penBg;
			shown[cell + 1] = mask & 4 ? penFg : penBg;
		}
	}
	writer.at = at;
	writer.penFg = penFg;
	writer.penBg = penBg;
	return drawn;
}
