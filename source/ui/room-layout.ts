/**
 * Where the room screen puts things: a tile per other member and one for the self view (last),
 * above the chrome's rows at the bottom. Each tile is a label row (name, link state) over its
 * picture. Pure: the terminal's size, the number of others and which of them is in focus in,
 * rectangles out.
 *
 * An even grid while its pictures stay readable; when they would not, one large (the member in
 * focus) and the rest as thumbnails in a strip beside or below it, whichever leaves the large
 * picture bigger (a cell is one pixel across and two down in half blocks, pictures are 4:3). When
 * even thumbnails of the smallest useful size do not fit everyone, the members who came last are
 * left out (never the one in focus) and the status line names them.
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
	/** One per shown other member (in `members` order), then the self view's (if it fits). */
	readonly tiles: readonly RoomTile[];
	/** Which others the tiles show: indexes into the room's others, in the order they came. */
	readonly members: readonly number[];
	/** Others shown (members.length). */
	readonly shown: number;
	readonly self: RoomTile | undefined;
	/** The tile drawn large (one large and others small), or undefined for an even grid. */
	readonly large: number | undefined;
	/** The chrome's rows at the bottom: chat, status line, keys. */
	readonly chrome: CellRect;
};

/** Chat line, status line, keys (or the chat being typed). */
export const roomChromeRows = 3;
/** The smallest picture worth a tile (as the picture layer's minimum region). */
export const minimumTile = {cols: 8, rows: 3};
/**
 * Below this a face in an even grid is hard to make out (20x8 cells is 20x16 pixels in half
 * blocks): the layout shows one large and the others as thumbnails instead.
 */
export const readableTile = {cols: 20, rows: 8};

/** The area of the largest 4:3 picture inside `cols` x `rows` cells (half blocks: 1x2 pixels a cell). */
function pictureArea(cols: number, rows: number): number {
	const width = Math.min(cols, (rows * 2 * 4) / 3);
	return width * ((width * 3) / 4);
}

/** A cell's picture: its rectangle less the label row and the column of space on the right. */
function pictureOf(cell: CellRect): {cols: number; rows: number} {
	return {cols: cell.cols - 1, rows: cell.rows - 1};
}

/** The even grid of `count` tiles in the area with the largest pictures, centred in it. */
function gridFor(count: number, area: CellRect): CellRect[] | undefined {
	let best: {area: number; across: number; down: number} | undefined;
	for (let across = 1; across <= count; across++) {
		const down = Math.ceil(count / across);
		const width = Math.floor(area.cols / across);
		const height = Math.floor(area.rows / down);
		if (width - 1 < minimumTile.cols || height - 1 < minimumTile.rows) continue;
		const size = pictureArea(width - 1, height - 1);
		// Ties go to fewer empty places in the grid.
		const empty = across * down - count;
		if (
			!best ||
			size > best.area + 1e-9 ||
			(Math.abs(size - best.area) < 1e-9 && empty < best.across * best.down - count)
		)
			best = {area: size, across, down};
	}
	if (!best) return undefined;
	const {across, down} = best;
	const width = Math.floor(area.cols / across);
	const height = Math.floor(area.rows / down);
	const left = area.col + Math.floor((area.cols - width * across) / 2);
	const top = area.row + Math.floor((area.rows - height * down) / 2);
	return Array.from({length: count}, (_, i) => ({
		col: left + (i % across) * width,
		row: top + Math.floor(i / across) * height,
		cols: width,
		rows: height,
	}));
}

/**
 * One large cell (first) and `count - 1` thumbnails in a strip on the right or at the bottom:
 * the strip's size that leaves the largest large picture, then the largest thumbnails.
 */
function focusFor(count: number, area: CellRect): CellRect[] | undefined {
	let best: {large: number; small: number; cells: CellRect[]} | undefined;
	const consider = (large: CellRect, strip: CellRect) => {
		const thumbs = count > 1 ? gridFor(count - 1, strip) : [];
		const big = pictureOf(large);
		if (!thumbs || big.cols < minimumTile.cols || big.rows < minimumTile.rows) return;
		const largeArea = Math.floor(pictureArea(big.cols, big.rows));
		const small = thumbs[0] ? pictureArea(pictureOf(thumbs[0]).cols, pictureOf(thumbs[0]).rows) : 0;
		if (largeArea < small) return;
		if (!best || largeArea > best.large || (largeArea === best.large && small > best.small))
			best = {large: largeArea, small, cells: [large, ...thumbs]};
	};
	const {col, row, cols, rows} = area;
	for (let width = minimumTile.cols + 1; width <= Math.floor(cols / 2); width++)
		consider({col, row, cols: cols - width, rows}, {col: col + cols - width, row, cols: width, rows});
	for (let height = minimumTile.rows + 1; height <= Math.floor(rows / 2); height++)
		consider({col, row, cols, rows: rows - height}, {col, row: row + rows - height, cols, rows: height});
	return best?.cells;
}

function readable(cells: readonly CellRect[]): boolean {
	return cells.every((cell) => {
		const picture = pictureOf(cell);
		return picture.cols >= readableTile.cols && picture.rows >= readableTile.rows;
	});
}

/** Which others are shown when only `shown` fit: the first comers, and always the one in focus. */
function membersShown(shown: number, focus: number): number[] {
	const members = Array.from({length: shown}, (_, i) => i);
	if (shown > 0 && focus >= shown) members[shown - 1] = focus;
	return members;
}

/**
 * The room screen's places for `others` members and the self view in `size`; `focus` (an index
 * into the others) is the one drawn large when the layout is one large and others small. Without
 * `selfView` (the member hid it with v) the others share its place too.
 */
export function roomLayout(
	size: {cols: number; rows: number},
	others: number,
	focus = 0,
	selfView = true,
): RoomLayout {
	const cols = Math.max(0, size.cols);
	const rows = Math.max(0, size.rows);
	const chromeRows = Math.min(roomChromeRows, rows);
	const chrome = {col: 0, row: rows - chromeRows, cols, rows: chromeRows};
	const area = {col: 0, row: 0, cols, rows: rows - chromeRows};
	const focused = others > 0 ? Math.min(Math.max(0, Math.floor(focus)), others - 1) : 0;
	const place = (shown: number, withSelf: boolean, cells: CellRect[], large: boolean): RoomLayout => {
		const members = membersShown(shown, focused);
		const tiles = cells.map((cell) => ({
			label: {col: cell.col, row: cell.row, cols: cell.cols, rows: 1},
			// One column of space after each picture, so pictures side by side stay apart.
			picture: {col: cell.col, row: cell.row + 1, cols: Math.max(1, cell.cols - 1), rows: cell.rows - 1},
		}));
		// focusFor puts the large cell first: it goes to the member in focus, the rest keep their order.
		let largeTile: number | undefined;
		if (large) {
			const at = members.indexOf(focused);
			const [big, ...rest] = tiles;
			tiles.splice(0, tiles.length, ...rest.slice(0, at), big!, ...rest.slice(at));
			largeTile = at;
		}
		const self = withSelf ? tiles[tiles.length - 1] : undefined;
		return {cols, rows, tiles, members, shown, self, large: largeTile, chrome};
	};
	for (let shown = others; shown >= 0; shown--) {
		for (const withSelf of selfView ? [true, false] : [false]) {
			const count = shown + (withSelf ? 1 : 0);
			if (count === 0) continue;
			const grid = gridFor(count, area);
			// An even grid while its faces are readable (or when there is nobody else to make large).
			if (grid && (readable(grid) || shown === 0)) return place(shown, withSelf, grid, false);
			const focusCells = shown > 0 ? focusFor(count, area) : undefined;
			if (focusCells) return place(shown, withSelf, focusCells, true);
			if (grid) return place(shown, withSelf, grid, false);
		}
	}
	return {cols, rows, tiles: [], members: [], shown: 0, self: undefined, large: undefined, chrome};
}
