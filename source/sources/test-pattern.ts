/**
 * A synthetic camera that needs no file: smooth colour gradients (banding shows at once), colour
 * bars, a ball that moves, and a moving bar, so motion, edges and fine gradients are all on
 * screen. Pure: the same (size, time) always gives the same picture.
 */
const bars = [
	[192, 192, 192],
	[0, 192, 192],
	[192, 192, 0],
	[0, 192, 0],
	[192, 0, 192],
	[0, 0, 192],
	[192, 0, 0],
] as const;

export function drawTestPattern(
	width: number,
	height: number,
	seconds: number,
	into?: Uint8Array,
): Uint8Array {
	const data = into ?? new Uint8Array(width * height * 3);
	const barsTop = Math.floor(height * 0.75);
	const ballX = width * (0.5 + 0.35 * Math.sin(seconds * 1.3));
	const ballY = height * (0.4 + 0.25 * Math.cos(seconds * 0.9));
	const ballRadius = Math.max(2, Math.min(width, height) * 0.12);
	const sweepX = Math.floor(((seconds * 0.25) % 1) * width);
	const sweepEnd = sweepX + Math.max(1, width >> 6);
	const phase = seconds * 0.4;
	// Red varies along x only and blue along x+y only: a table each keeps this to a few
	// operations a pixel, so a 640x480 frame costs about a millisecond of the event loop.
	const redByColumn = new Uint8Array(width);
	for (let x = 0; x < width; x++) {
		const u = x / Math.max(1, width - 1);
		redByColumn[x] = Math.round(255 * (0.5 + 0.5 * Math.sin(6.283 * (u + phase * 0.3))));
	}
	const blueByDiagonal = new Uint8Array(width + height);
	for (let index = 0; index < width + height; index++) {
		const x = Math.min(index, width - 1);
		const y = index - x;
		const u = x / Math.max(1, width - 1);
		const v = y / Math.max(1, height - 1);
		blueByDiagonal[index] = Math.round(
			255 * (0.5 + 0.5 * Math.cos(6.283 * (u * 0.5 + v * 0.5 - phase * 0.2))),
		);
	}
	const blueAt = (x: number, y: number) => {
		// Interpolates the diagonal table on the (u+v) it was built for, whatever the aspect.
		const along = (x / Math.max(1, width - 1) + y / Math.max(1, height - 1)) / 2;
		return blueByDiagonal[Math.min(width + height - 1, Math.round(along * (width + height - 1)))]!;
	};
	let offset = 0;
	for (let y = 0; y < height; y++) {
		const green = Math.round((255 * y) / Math.max(1, height - 1));
		const dy = y - ballY;
		const halfChord = ballRadius * ballRadius - dy * dy;
		const ballFrom = halfChord >= 0 ? ballX - Math.sqrt(halfChord) : Infinity;
		const ballTo = halfChord >= 0 ? ballX + Math.sqrt(halfChord) : -Infinity;
		for (let x = 0; x < width; x++) {
			if (x >= sweepX && x < sweepEnd) {
				data[offset++] = 255;
				data[offset++] = 255;
				data[offset++] = 255;
			} else if (y >= barsTop) {
				const bar = bars[Math.min(bars.length - 1, Math.floor((x * bars.length) / width))]!;
				data[offset++] = bar[0];
				data[offset++] = bar[1];
				data[offset++] = bar[2];
			} else if (x >= ballFrom && x <= ballTo) {
				data[offset++] = 40;
				data[offset++] = 220;
				data[offset++] = 250;
			} else {
				data[offset++] = blueAt(x, y);
				data[offset++] = green;
				data[offset++] = redByColumn[x]!;
			}
		}
	}
	return data;
}
