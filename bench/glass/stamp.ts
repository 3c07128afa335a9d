/**
 * A camera picture that carries its own frame number, readable back from what a terminal shows.
 *
 * The top fifth of the frame is 16 bars, the frame number's bits (1 white, 0 black); the next
 * fifth the same bits inverted, so a picture torn between two frames (or half refined) reads as
 * invalid instead of as a wrong number. Bars this wide survive JPEG, half-block downsampling and
 * the 256-colour palette. Below them a still background with a disc that moves (a head that
 * nods): part of the picture changes each frame, as with a person in front of a camera.
 *
 * Every frame is a pure function of its number, so the picture that should be on the glass can be
 * recomputed for any number read back (PSNR).
 */

export const stampWidth = 320;
export const stampHeight = 240;
export const stampBits = 16;
/** Fraction of the height each of the two bar bands takes. */
const band = 0.2;

/** Frame `n` as BGR pixels, stampWidth x stampHeight. */
export function stampFrame(n: number): Uint8Array {
	const w = stampWidth;
	const h = stampHeight;
	const out = new Uint8Array(w * h * 3);
	const value = n & 0xffff;
	const discX = w * (0.5 + 0.3 * Math.sin((n * 2 * Math.PI) / 90));
	const discY = h * (0.7 + 0.08 * Math.cos((n * 2 * Math.PI) / 60));
	const radius = h * 0.14;
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			const at = (y * w + x) * 3;
			let r: number;
			let g: number;
			let b: number;
			if (y < h * band * 2) {
				const bit = (value >> (stampBits - 1 - Math.floor((x * stampBits) / w))) & 1;
				const on = y < h * band ? bit : 1 - bit;
				r = g = b = on ? 255 : 0;
			} else if ((x - discX) ** 2 + (y - discY) ** 2 < radius * radius) {
				r = 225;
				g = 180 + Math.round(30 * Math.sin(y / 7));
				b = 140;
			} else {
				r = 40 + Math.round((150 * x) / w);
				g = 70 + Math.round((120 * y) / h);
				b = 150 - Math.round((60 * x) / w);
			}
			out[at] = b;
			out[at + 1] = g;
			out[at + 2] = r;
		}
	}
	return out;
}

export type Rgb = [number, number, number];
/** One cell of the glass: its upper and lower pixel (undefined: not a picture cell). */
export type GlassCell = {top?: Rgb; bottom?: Rgb};
export type Rect = {col: number; row: number; cols: number; rows: number};

const luma = (c: Rgb) => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];

/** Where in `rect` the stamp is read: the pixel rows (two a cell) of the bars and of their inverse. */
const stampPixelRows = (rect: Rect) =>
	[band / 2, band * 1.5].map((fraction) => Math.floor(rect.rows * 2 * fraction));

/** The rows of the glass `readStamp` reads in `rect`: a sample need only parse these. */
export function stampRows(rect: Rect): number[] {
	return stampPixelRows(rect).map((pixelRow) => rect.row + (pixelRow >> 1));
}

/** The frame number shown in `rect` of the glass, or undefined when the bars do not read as one frame. */
export function readStamp(cells: GlassCell[][], rect: Rect): number | undefined {
	const bitsAt = (pixelRow: number) => {
		const row = cells[rect.row + (pixelRow >> 1)];
		let value = 0;
		for (let bit = 0; bit < stampBits; bit++) {
			const cell = row?.[rect.col + Math.floor(((bit + 0.5) * rect.cols) / stampBits)];
			const pixel = pixelRow & 1 ? cell?.bottom : cell?.top;
			if (!pixel) return undefined;
			const level = luma(pixel);
			// Neither black nor white: mid-change or not the stamp at all.
			if (level > 60 && level < 195) return undefined;
			value = (value << 1) | (level >= 128 ? 1 : 0);
		}
		return value;
	};
	const [valueRow, inverseRow] = stampPixelRows(rect) as [number, number];
	const value = bitsAt(valueRow);
	const inverse = bitsAt(inverseRow);
	if (value === undefined || inverse === undefined) return undefined;
	return (value ^ inverse) === 0xffff ? value : undefined;
}

/** Frame `n` area-averaged to `cols` x `rows` pixels, RGB: what a perfect terminal would show. */
export function expectedPicture(n: number, cols: number, rows: number): Float64Array {
	const frame = stampFrame(n);
	const out = new Float64Array(cols * rows * 3);
	for (let y = 0; y < rows; y++) {
		const y0 = (y * stampHeight) / rows;
		const y1 = ((y + 1) * stampHeight) / rows;
		for (let x = 0; x < cols; x++) {
			const x0 = (x * stampWidth) / cols;
			const x1 = ((x + 1) * stampWidth) / cols;
			const sum = [0, 0, 0];
			let weight = 0;
			for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy++) {
				const wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
				for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx++) {
					const wx = Math.min(x1, sx + 1) - Math.max(x0, sx);
					const at = (sy * stampWidth + sx) * 3;
					const k = wx * wy;
					sum[0]! += frame[at + 2]! * k;
					sum[1]! += frame[at + 1]! * k;
					sum[2]! += frame[at]! * k;
					weight += k;
				}
			}
			const to = (y * cols + x) * 3;
			out[to] = sum[0]! / weight;
			out[to + 1] = sum[1]! / weight;
			out[to + 2] = sum[2]! / weight;
		}
	}
	return out;
}

/** PSNR (dB) of the glass in `rect` against frame `n`, skipping the cells in `mask` (the self view). */
export function glassPsnr(cells: GlassCell[][], rect: Rect, n: number, mask?: Rect): number | undefined {
	const expected = expectedPicture(n, rect.cols, rect.rows * 2);
	let sum = 0;
	let count = 0;
	for (let row = 0; row < rect.rows; row++) {
		for (let col = 0; col < rect.cols; col++) {
			const r = rect.row + row;
			const c = rect.col + col;
			if (mask && r >= mask.row && r < mask.row + mask.rows && c >= mask.col && c < mask.col + mask.cols)
				continue;
			const cell = cells[r]?.[c];
			for (const [half, pixel] of [
				[0, cell?.top],
				[1, cell?.bottom],
			] as const) {
				const at = ((row * 2 + half) * rect.cols + col) * 3;
				// A cell that is not a picture cell counts as black: missing is as wrong as it looks.
				const shown = pixel ?? [0, 0, 0];
				for (let k = 0; k < 3; k++) sum += (shown[k]! - expected[at + k]!) ** 2;
				count += 3;
			}
		}
	}
	if (count === 0) return undefined;
	const mse = sum / count;
	return mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse);
}

/** A still picture's quality on the glass over time: seconds since it froze, PSNR against it. */
export type SettleSample = {seconds: number; psnr: number};

/**
 * How long the glass took to converge on a still picture: the plateau is the median PSNR of the
 * last second of samples, and the picture counts as converged from the first sample after which
 * none falls more than `tolerance` dB below it. Undefined without samples.
 */
export function settleSeconds(
	samples: readonly SettleSample[],
	tolerance = 0.3,
): {seconds: number; plateau: number} | undefined {
	const last = samples.at(-1);
	if (!last) return undefined;
	const tail = samples
		.filter((sample) => sample.seconds >= last.seconds - 1)
		.map((sample) => sample.psnr)
		.sort((a, b) => a - b);
	const plateau = tail[Math.floor((tail.length - 1) / 2)]!;
	let from = samples.length;
	while (from > 0 && samples[from - 1]!.psnr >= plateau - tolerance) from--;
	return {seconds: samples[Math.min(from, samples.length - 1)]!.seconds, plateau};
}
