/**
 * A synthetic camera that needs no file: smooth colour gradients (banding shows at once), colour
 * bars, a ball that moves, and a moving bar, so motion, edges and fine gradients are all on
 * screen. Pure: the same (size, time) always gives the same picture.
 */
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
	const ballRadiusSquared = ballRadius * ballRadius;
	const sweepX = Math.floor(((seconds * 0.25) % 1) * width);
	const phase = seconds * 0.4;
	const bars = [
		[192, 192, 192],
		[0, 192, 192],
		[192, 192, 0],
		[0, 192, 0],
		[192, 0, 192],
		[0, 0, 192],
		[192, 0, 0],
	] as const;
	let offset = 0;
	for (let y = 0; y < height; y++) {
		const v = y / Math.max(1, height - 1);
		const dy = y - ballY;
		for (let x = 0; x < width; x++) {
			let blue: number;
			let green: number;
			let red: number;
			const u = x / Math.max(1, width - 1);
			if (y >= barsTop) {
				const bar = bars[Math.min(bars.length - 1, Math.floor(u * bars.length))]!;
				[blue, green, red] = bar;
			} else {
				red = 255 * (0.5 + 0.5 * Math.sin(6.283 * (u + phase * 0.3)));
				green = 255 * v;
				blue = 255 * (0.5 + 0.5 * Math.cos(6.283 * (u * 0.5 + v * 0.5 - phase * 0.2)));
				const dx = x - ballX;
				if (dx * dx + dy * dy <= ballRadiusSquared) {
					red = 250;
					green = 220;
					blue = 40;
				}
			}
			if (x >= sweepX && x < sweepX + Math.max(1, width >> 6)) {
				red = 255;
				green = 255;
				blue = 255;
			}
			data[offset++] = blue;
			data[offset++] = green;
			data[offset++] = red;
		}
	}
	return data;
}
