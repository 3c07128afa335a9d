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
	/** Width / height of the peer's picture, in a call: the bands it leaves empty can hold your picture. */
	readonly peerAspect?: number;
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
		pip: wants.pip ? pipRect(video, wants.selfAspect, wants.peerAspect) : undefined,
		panel,
		panelSide,
	};
}

/**
 * Your picture's shape, a quarter of the video's width and at most half its height, bottom right;
 * none if that leaves it narrower than 16 cells. When the peer's picture (`peerAspect`, centred in
 * the video) leaves a band empty to its right or below it that holds your picture at that size
 * (or smaller, down to 16 cells), your picture goes there, at the band's bottom right, and covers
 * none of the peer's.
 */
export function pipRect(video: CellRect, selfAspect = 4 / 3, peerAspect?: number): CellRect | undefined {
	const box = {
		col: 0,
		row: 0,
		cols: Math.max(minPipCols, Math.floor(video.cols / 4)),
		rows: Math.floor(video.rows / 2),
	};
	if (box.cols * 2 > video.cols || box.rows < 4) return undefined;
	const usual = layoutPicture({width: selfAspect, height: 1}, box).picture;
	if (usual.cols < minPipCols) return undefined;
	const corner = (band: CellRect, cols: number, rows: number): CellRect => ({
		col: band.col + band.cols - cols,
		row: band.row + band.rows - rows,
		cols,
		rows,
	});
	if (peerAspect !== undefined && peerAspect > 0 && Number.isFinite(peerAspect)) {
		const peer = layoutPicture({width: peerAspect, height: 1}, video).picture;
		const right = {...video, col: peer.col + peer.cols, cols: video.col + video.cols - peer.col - peer.cols};
		const below = {...video, row: peer.row + peer.rows, rows: video.row + video.rows - peer.row - peer.rows};
		for (const band of [right, below]) {
			if (band.cols < minPipCols || band.rows < minPipRows) continue;
			const fits = layoutPicture(
				{width: selfAspect, height: 1},
				{...band, cols: Math.min(band.cols, usual.cols), rows: Math.min(band.rows, usual.rows)},
			).picture;
			if (fits.cols >= minPipCols && fits.rows >= minPipRows) return corner(band, fits.cols, fits.rows);
		}
	}
	return corner(video, usual.cols, usual.rows);
}

/** The self view's least width and height in cells: smaller says nothing. */
const minPipCols = 16;
const minPipRows = 4;

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
