/**
 * Where everything goes on the call screen, from the terminal size and what is open. Pure
 * arithmetic: Ink lays out the chrome from the same numbers, and the video layers draw in the
 * rectangles this returns, so the two never overlap.
 *
 *   row 0:            status line (always)
 *   rows 1..:         video on the left; the panel (chat or help) to its right when the terminal
 *                     is wide enough, else below it, full width
 *   last row:         the key hints (always)
 */
import {layoutPicture, type CellRect} from '../render/layout.js';

export type ScreenLayout = {
	readonly cols: number;
	readonly rows: number;
	readonly statusRow: number;
	readonly hintsRow: number;
	/** The peer's picture; may be empty (0 rows) on a tiny terminal. */
	readonly video: CellRect;
	/** Your own camera, inside the video rectangle (bottom right), when shown and it fits. */
	readonly pip: CellRect | undefined;
	/** Chat or help. */
	readonly panel: CellRect | undefined;
	readonly panelSide: 'right' | 'bottom' | undefined;
};

export type LayoutWants = {
	readonly panel: boolean;
	readonly pip: boolean;
	/** Width / height of your camera's picture (the self view's shape); 4:3 until it is known. */
	readonly selfAspect?: number;
	/**
	 * Rows a panel below the video needs to show all it holds (the help): it grows past its usual
	 * height to that, up to the whole body, so a small terminal shows every key, not the first few.
	 */
	readonly panelRows?: number;
};

/** Terminals at least this wide put the panel beside the video. */
export const sidePanelMinCols = 100;
export const sidePanelCols = 36;
export const bottomPanelRows = 8;

export function screenLayout(cols: number, rows: number, wants: LayoutWants): ScreenLayout {
	cols = Math.max(0, Math.floor(cols));
	rows = Math.max(0, Math.floor(rows));
	const statusRow = 0;
	const hintsRow = Math.max(0, rows - 1);
	const top = Math.min(rows, 1);
	const bodyRows = Math.max(0, rows - 2);
	let video: CellRect = {col: 0, row: top, cols, rows: bodyRows};
	let panel: CellRect | undefined;
	let panelSide: ScreenLayout['panelSide'];
	if (wants.panel && bodyRows > 0) {
		if (cols >= sidePanelMinCols) {
			const width = Math.min(sidePanelCols, Math.floor(cols / 3));
			video = {col: 0, row: top, cols: cols - width, rows: bodyRows};
			panel = {col: cols - width, row: top, cols: width, rows: bodyRows};
			panelSide = 'right';
		} else {
			const usual = Math.min(bottomPanelRows, Math.max(3, Math.floor(bodyRows / 2)));
			const height = Math.min(bodyRows, Math.max(usual, wants.panelRows ?? 0));
			video = {col: 0, row: top, cols, rows: bodyRows - height};
			panel = {col: 0, row: top + bodyRows - height, cols, rows: height};
			panelSide = 'bottom';
		}
	}
	return {
		cols,
		rows,
		statusRow,
		hintsRow,
		video,
		pip: wants.pip ? pipRect(video, wants.selfAspect) : undefined,
		panel,
		panelSide,
	};
}

/**
 * Your picture's shape, a quarter of the video's width and at most half its height, bottom right;
 * none if that leaves it narrower than 16 cells.
 */
export function pipRect(video: CellRect, selfAspect = 4 / 3): CellRect | undefined {
	const box = {
		col: 0,
		row: 0,
		cols: Math.max(16, Math.floor(video.cols / 4)),
		rows: Math.floor(video.rows / 2),
	};
	if (box.cols * 2 > video.cols || box.rows < 4) return undefined;
	const {cols, rows} = layoutPicture({width: selfAspect, height: 1}, box).picture;
	if (cols < 16) return undefined;
	return {col: video.col + video.cols - cols, row: video.row + video.rows - rows, cols, rows};
}

export function contains(outer: CellRect, inner: CellRect): boolean {
	return (
		inner.col >= outer.col &&
		inner.row >= outer.row &&
		inner.col + inner.cols <= outer.col + outer.cols &&
		inner.row + inner.rows <= outer.row + outer.rows
	);
}

export function overlaps(a: CellRect, b: CellRect): boolean {
	return (
		a.cols > 0 &&
		a.rows > 0 &&
		b.cols > 0 &&
		b.rows > 0 &&
		a.col < b.col + b.cols &&
		b.col < a.col + a.cols &&
		a.row < b.row + b.rows &&
		b.row < a.row + a.rows
	);
}
