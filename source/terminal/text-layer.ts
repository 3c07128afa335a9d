/**
 * A layer of styled text lines (Ink's chrome): each row is written only where this layer owns
 * the cells, and only when its line changed or some of its cells were damaged (a picture above
 * went away). Lines are cut to column spans by ansi-slice, so the text around a picture never
 * touches it.
 */
import {sliceColumns} from './ansi-slice.js';
import {type CellView, cursorTo, Layer, runs} from './compositor.js';

export class TextLayer extends Layer {
	private text = '';
	private lines: string[] = [''];
	private written: Array<string | undefined> = [];
	private changed = false;

	constructor(z = 0) {
		super(z, false);
	}

	get dirty(): boolean {
		return this.changed;
	}

	/** The whole text (lines joined by newlines), as Ink renders it. */
	setText(text: string): void {
		if (text === this.text) return;
		this.text = text;
		this.lines = text.split('\n');
		this.changed = true;
		this.requestPaint();
	}

	forget(): void {
		this.written = [];
		this.changed = true;
	}

	paint(view: CellView): string[] {
		const changed = this.changed;
		this.changed = false;
		const rect = this.rect;
		if (!rect || (!changed && !view.anyDamage)) return [];
		const {cols, owner, damaged} = view;
		let text = '';
		for (let row = rect.row; row < Math.min(view.rows, rect.row + rect.rows); row++) {
			const line = this.lines[row - rect.row] ?? '';
			const lineChanged = this.written[row] !== line;
			const from = Math.max(0, rect.col);
			const to = Math.min(cols, rect.col + rect.cols);
			// A changed line is written wherever it shows; an unchanged one only where damaged.
			const spans = runs(
				row,
				from,
				to,
				cols,
				(i) => owner[i] === this.id && (lineChanged || damaged[i] === 1),
			);
			for (const [start, end] of spans) {
				text += cursorTo(start, row) + sliceColumns(line, start - rect.col, end - rect.col);
			}
			this.written[row] = line;
		}
		return text ? [text] : [];
	}
}
