/**
 * Where a picture goes inside a box of terminal cells, and how many pixels it is sampled at.
 * Pure arithmetic, so the renderer and the picture layer agree on it and tests can pin it down.
 */

/** How many pixels a cell shows: 1x2 (half blocks), 2x2 (quadrants), 2x3 (sextants), 2x4 (octants). */
export type Glyphs = 'half' | 'quad' | 'sextant' | 'octant';
/** What the command line and config may ask for: a set, or whatever the terminal is found to draw. */
export type GlyphChoice = Glyphs | 'auto';
export const glyphSets: readonly Glyphs[] = ['half', 'quad', 'sextant', 'octant'];
export const glyphChoices: readonly GlyphChoice[] = ['auto', ...glyphSets];
export type ColorDepth = 'truecolor' | '256';

/** A terminal's size, or any area of it, in cells. */
export type CellSize = {readonly cols: number; readonly rows: number};

/** A rectangle of terminal cells, 0-based from the top-left of the screen. */
export type CellRect = {
	readonly col: number;
	readonly row: number;
	readonly cols: number;
	readonly rows: number;
};

export type PictureLayout = {
	/** The cells the picture covers (inside the box, centred). */
	readonly picture: CellRect;
	/** Pixels the frame must be scaled to: each cell shows pixelsAcross x pixelsDown of them. */
	readonly pixelWidth: number;
	readonly pixelHeight: number;
	/**
	 * A size with square pixels at the picture's density across (pixelWidth by the height that
	 * keeps the frame's aspect). A frame already scaled elsewhere (by its source, or by the peer) is
	 * asked for at this size: laid out again it gives the same picture, which a frame of
	 * quadrant or sextant pixels (taller than wide) would not; the layer then scales it to
	 * pixelWidth x pixelHeight.
	 */
	readonly squareWidth: number;
	readonly squareHeight: number;
};

/** Height of a terminal cell divided by its width; 2 is what most fonts are close to. */
export const defaultCellAspect = 2;

export function pixelsPerCell(glyphs: Glyphs): {across: number; down: number} {
	switch (glyphs) {
		case 'half':
			return {across: 1, down: 2};
		case 'quad':
			return {across: 2, down: 2};
		case 'sextant':
			return {across: 2, down: 3};
		case 'octant':
			return {across: 2, down: 4};
	}
}

/**
 * Largest picture with the frame's aspect ratio that fits the box, centred in it. The aspect is
 * kept on screen (cells are cellAspect times taller than wide), not in pixel counts, which is why
 * quadrant pixels come out twice as tall as wide.
 */
export function layoutPicture(
	frame: {readonly width: number; readonly height: number},
	box: CellRect,
	glyphs: Glyphs = 'half',
	cellAspect = defaultCellAspect,
): PictureLayout {
	// Products before the one division: a frame of an odd height fitted to the box is exactly
	// half a row over a whole number of rows, and a quotient rounded first can land below it.
	let cols = box.cols;
	let rows = Math.round((cols * frame.height) / (frame.width * cellAspect));
	rows = Math.max(1, Math.min(box.rows, rows));
	// Across again from the rows chosen: a frame the peer already fitted to the box (it is asked
	// for squareWidth x squareHeight) then lays out at its own width, one pixel a pixel. Taking
	// the whole box width instead stretched a 123-pixel frame over 124 columns, and that second
	// resampling blurred every hard edge (the ssh bench's stamp: 31 dB on the glass, 43 without).
	cols = Math.max(1, Math.min(box.cols, Math.round((rows * frame.width * cellAspect) / frame.height)));
	const picture = {
		col: box.col + Math.floor((box.cols - cols) / 2),
		row: box.row + Math.floor((box.rows - rows) / 2),
		cols,
		rows,
	};
	const {across, down} = pixelsPerCell(glyphs);
	return {
		picture,
		pixelWidth: cols * across,
		pixelHeight: rows * down,
		squareWidth: cols * across,
		squareHeight: Math.max(1, Math.round(rows * cellAspect * across)),
	};
}

/** Parses `COLSxROWS` (e.g. `160x48`); undefined when it is not two positive whole numbers. */
export function parseCellSize(text: string): {cols: number; rows: number} | undefined {
	const match = /^(\d+)x(\d+)$/i.exec(text.trim());
	if (!match) return undefined;
	const cols = Number(match[1]);
	const rows = Number(match[2]);
	return cols > 0 && rows > 0 ? {cols, rows} : undefined;
}
