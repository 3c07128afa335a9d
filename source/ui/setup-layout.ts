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

/** Below this many columns the labels sit above their values: beside them a value would get a few letters. */
export const stackedBelowCols = 27;

/** What a form without a thumbnail wants, in rows, at its width. */
export type FormWants = {
	/** The key hints wrapped to the width: 1 or 2 rows. */
	readonly keyRows: number;
	readonly fields: number;
	/** The index of the active field. */
	readonly active: number;
	/** Rows a field takes: 1, or 2 when its label sits above its value. */
	readonly fieldRows: number;
	/** The active field's hint wrapped to the width (at most hintRows). */
	readonly hintRows: number;
	/** What Enter does, or what is wrong, wrapped to the width (at most statusRows). */
	readonly statusRows: number;
};

/** What such a form shows when the terminal has too few rows for all of it. */
export type FormFit = {
	readonly title: boolean;
	/** Rows of key hints: 2 (wrapped), 1 (a shorter set of keys), or 0. */
	readonly keyRows: number;
	/** The blank row under one row of key hints. */
	readonly gap: boolean;
	readonly hintRows: number;
	/** The blank row above the status. */
	readonly blank: boolean;
	/** The fields shown: a window that keeps the active one in view. */
	readonly firstField: number;
	readonly fieldCount: number;
	readonly statusRows: number;
};

/**
 * Fits the form to `rows`. What Enter does (or what is wrong) is what a person needs most, so it
 * stays whole; the rest goes in this order: the blank rows, the hint's second row, the key
 * hints' second row, the title, the hint, the fields other than the active one (a window scrolls
 * with the cursor), the key hints; on a terminal smaller still, the status is cut.
 */
export function fitForm(rows: number, wants: FormWants): FormFit {
	const fit = {
		title: true,
		keyRows: Math.min(2, wants.keyRows),
		gap: wants.keyRows < 2,
		hintRows: Math.min(hintRows, wants.hintRows),
		blank: true,
		firstField: 0,
		fieldCount: wants.fields,
		statusRows: Math.min(statusRows, wants.statusRows),
	};
	const need = () =>
		Number(fit.title) +
		fit.keyRows +
		Number(fit.gap) +
		fit.fieldCount * wants.fieldRows +
		fit.hintRows +
		Number(fit.blank) +
		fit.statusRows;
	const steps: Array<() => void> = [
		() => (fit.gap = false),
		() => (fit.blank = false),
		() => (fit.hintRows = Math.min(fit.hintRows, 1)),
		() => (fit.keyRows = Math.min(fit.keyRows, 1)),
		() => (fit.title = false),
		() => (fit.hintRows = 0),
		() => {
			fit.fieldCount = 0;
			const room = Math.max(0, rows - need());
			fit.fieldCount = Math.max(1, Math.min(wants.fields, Math.floor(room / wants.fieldRows)));
			fit.firstField = Math.max(
				0,
				Math.min(wants.active - fit.fieldCount + 1, wants.fields - fit.fieldCount),
			);
		},
		() => (fit.keyRows = 0),
		() => (fit.statusRows = Math.min(fit.statusRows, Math.max(1, rows - fit.fieldCount * wants.fieldRows))),
	];
	for (const step of steps) {
		if (need() <= rows) break;
		step();
	}
	return fit;
}
