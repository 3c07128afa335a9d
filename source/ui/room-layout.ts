/**
 * Where the room screen puts things: a grid of tiles, one per other member and one for the self
 * view (last), above the chrome's rows at the bottom. Each tile is a label row (name, link state)
 * over its picture. Pure: the terminal's size and the number of others in, rectangles out.
 *
 * The grid takes the column count whose tiles fit the largest 4:3 picture (a cell is one pixel
 * across and two down in half blocks). When even the smallest useful tile does not fit everyone,
 * the members who came last are left out of the grid (`hidden`): the status line names them.
 */
import type {CellRect} from '../render/layout.js';

export type RoomTile = {
	/** The name and state row. */
	readonly label: CellRect;
	readonly picture: CellRect;
};

export type RoomLayout = {
	readonly cols: number;
	readonly rows: number;
	/** One per shown other member, in order, then the self view's (if it fits). */
	readonly tiles: readonly RoomTile[];
	/** Others shown in the grid (the first `shown` of them). */
	readonly shown: number;
	readonly self: RoomTile | undefined;
	/** The chrome's rows at the bottom: chat, status line, keys. */
	readonly chrome: CellRect;
};

/** Chat line, status line, keys (or the chat being typed). */
export const roomChromeRows = 3;
/** The smallest picture worth a tile (as the picture layer's minimum region). */
export const minimumTile = {cols: 8, rows: 3};

/** The area of the largest 4:3 picture inside `cols` x `rows` cells (half blocks: 1x2 pixels a cell). */
function pictureArea(cols: number, rows: number): number {
	const width = Math.min(cols, (rows * 2 * 4) / 3);
	return width * ((width * 3) / 4);
}

function gridFor(count: number, cols: number, rows: number): CellRect[] | undefined {
	let best: {area: number; across: number; down: number} | undefined;
	for (let across = 1; across <= count; across++) {
		const down = Math.ceil(count / across);
		const width = Math.floor(cols / across);
		const height = Math.floor(rows / down);
		if (width - 1 < minimumTile.cols || height - 1 < minimumTile.rows) continue;
		const area = pictureArea(width - 1, height - 1);
		// Ties go to fewer empty places in the grid.
		const empty = across * down - count;
		if (
			!best ||
			area > best.area + 1e-9 ||
			(Math.abs(area - best.area) < 1e-9 && empty < best.across * best.down - count)
		)
			best = {area, across, down};
	}
	if (!best) return undefined;
	const width = Math.floor(cols / best.across);
	const height = Math.floor(rows / best.down);
	// The grid is centred: what is left over is split on both sides.
	const left = Math.floor((cols - width * best.across) / 2);
	const top = Math.floor((rows - height * best.down) / 2);
	return Array.from({length: count}, (_, i) => ({
		col: left + (i % best!.across) * width,
		row: top + Math.floor(i / best!.across) * height,
		cols: width,
		rows: height,
	}));
}

export function roomLayout(size: {cols: number; rows: number}, others: number): RoomLayout {
	const cols = Math.max(0, size.cols);
	const rows = Math.max(0, size.rows);
	const chromeRows = Math.min(roomChromeRows, rows);
	const chrome = {col: 0, row: rows - chromeRows, cols, rows: chromeRows};
	const gridRows = rows - chromeRows;
	for (let shown = others; shown >= 0; shown--) {
		for (const withSelf of [true, false]) {
			const count = shown + (withSelf ? 1 : 0);
			if (count === 0) continue;
			const cells = gridFor(count, cols, gridRows);
			if (!cells) continue;
			const tiles = cells.map((cell) => ({
				label: {col: cell.col, row: cell.row, cols: cell.cols, rows: 1},
				// One column of space between tiles, so pictures side by side stay apart.
				picture: {col: cell.col, row: cell.row + 1, cols: Math.max(1, cell.cols - 1), rows: cell.rows - 1},
			}));
			return {cols, rows, tiles, shown, self: withSelf ? tiles[tiles.length - 1] : undefined, chrome};
		}
	}
	return {cols, rows, tiles: [], shown: 0, self: undefined, chrome};
}
