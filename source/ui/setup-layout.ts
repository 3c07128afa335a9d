/**
 * Where the setup screen puts the camera's thumbnail, from the terminal size. Pure arithmetic:
 * the Ink view reserves the same rectangle (a label row, then the picture), and the thumbnail's
 * picture layer draws only inside it.
 *
 *   rows 0..2:  title, key hints, a blank row (all one row each, truncated; on a narrow terminal the
 *               key hints wrap over the blank row)
 *   rows 3..:   the form; the thumbnail beside it on the right when the terminal is wide enough,
 *               else below the form (whose fields are then one row each, with the active field's
 *               hint and the status in a fixed number of rows), else none
 */
import type {CellRect} from '../render/layout.js';
import {mostFields} from './setup-state.js';

export const thumbnailSize = {cols: 32, rows: 12};
/** Rows above the form: title, key hints, blank. */
export const formTop = 3;
/** Below the active field when each field is one row: its hint, in at most this many rows. */
export const hintRows = 2;
/** The status (what Enter does, or what is wrong) in at most this many rows, when fields are one row. */
export const statusRows = 3;
/** The form's rows when each field is one row: six fields at most, the active one's hint, a blank, the status. */
export const formRows = mostFields + hintRows + 1 + statusRows;
/** Columns the form keeps beside a thumbnail. */
export const minFormCols = 44;
/** Left and right padding of the screen, and the gap between the form and the thumbnail. */
export const padding = 1;
export const gap = 2;

export type SetupLayout = {
	readonly cols: number;
	readonly rows: number;
	/** Where the thumbnail sits; undefined: hidden (too small a terminal). */
	readonly side: 'right' | 'below' | undefined;
	/** The form's width (all the width within the padding when nothing is beside it). */
	readonly formCols: number;
	/** The row of the thumbnail's label. */
	readonly labelRow: number;
	/** The picture (below the label). */
	readonly thumbnail: CellRect | undefined;
};

export function setupLayout(cols: number, rows: number): SetupLayout {
	cols = Math.max(0, Math.floor(cols));
	rows = Math.max(0, Math.floor(rows));
	const inner = Math.max(0, cols - 2 * padding);
	const t = thumbnailSize;
	if (inner >= minFormCols + gap + t.cols && rows >= formTop + 1 + t.rows) {
		const formCols = inner - gap - t.cols;
		const col = padding + formCols + gap;
		return {
			cols,
			rows,
			side: 'right',
			formCols,
			labelRow: formTop,
			thumbnail: {col, row: formTop + 1, cols: t.cols, rows: t.rows},
		};
	}
	const labelRow = formTop + formRows + 1;
	if (inner >= t.cols && rows >= labelRow + 1 + t.rows) {
		return {
			cols,
			rows,
			side: 'below',
			formCols: inner,
			labelRow,
			thumbnail: {col: padding, row: labelRow + 1, cols: t.cols, rows: t.rows},
		};
	}
	return {cols, rows, side: undefined, formCols: inner, labelRow: 0, thumbnail: undefined};
}
