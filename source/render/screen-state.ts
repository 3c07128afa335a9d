import type {CellRect} from './layout.js';

/**
 * What the picture's cells show: for every cell, the colour each of its pixels appears in
 * (0xRRGGBB in truecolor, a palette index in 256 colours), -1 when not known; and which cells
 * are the picture's to draw at all (`visible`: 0 where something above covers it).
 */
export class ScreenState {
	readonly shown: Int32Array;
	readonly visible: Uint8Array;
	constructor(
		readonly picture: CellRect,
		readonly pixelsPerCell: number,
	) {
		this.shown = new Int32Array(picture.cols * picture.rows * pixelsPerCell).fill(-1);
		this.visible = new Uint8Array(picture.cols * picture.rows).fill(1);
	}

	/** After something else drew over the cells: the next render redraws every one. */
	forget(): void {
		this.shown.fill(-1);
	}

	/** One cell (index in the picture, row-major) shows something unknown: it is drawn again. */
	forgetCell(cell: number): void {
		this.shown.fill(-1, cell * this.pixelsPerCell, (cell + 1) * this.pixelsPerCell);
	}
}
