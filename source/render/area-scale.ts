/**
 * Area-averaging downscale (what OpenCV calls INTER_AREA) in plain JavaScript: every target
 * pixel is the mean of the source area it covers, edge pixels weighted by how much of them is
 * covered. Sources normally deliver frames already at the picture's size (scaled as they are
 * read, or by sources/scale.ts); this one covers mirroring, quadrant pixels and the frames that
 * arrive between a resize and the source catching up.
 */
import type {Frame} from '../frame.js';
import type {Scaler} from './scale.js';

type Taps = {first: Int32Array; count: Int32Array; weights: Float32Array; stride: number};

/** For each target index, the source indices it covers and their weights (summing to 1). */
function taps(source: number, target: number): Taps {
	const scale = source / target;
	const stride = Math.ceil(scale) + 1;
	const first = new Int32Array(target);
	const count = new Int32Array(target);
	const weights = new Float32Array(target * stride);
	for (let t = 0; t < target; t++) {
		const start = t * scale;
		const end = Math.min(source, (t + 1) * scale);
		const from = Math.floor(start);
		first[t] = from;
		let n = 0;
		for (let s = from; s < end && n < stride; s++, n++) {
			const overlap = Math.min(end, s + 1) - Math.max(start, s);
			weights[t * stride + n] = overlap / scale;
		}
		count[t] = n;
	}
	return {first, count, weights, stride};
}

/** Each row of BGR pixels from `from` into `to` right to left. */
function mirrorRows(from: Uint8Array, to: Uint8Array | Float32Array, width: number, height: number): void {
	const rowLength = width * 3;
	for (let y = 0; y < height; y++) {
		const row = y * rowLength;
		for (let x = 0, t = row + rowLength - 3; x < rowLength; x += 3, t -= 3) {
			to[t] = from[row + x]!;
			to[t + 1] = from[row + x + 1]!;
			to[t + 2] = from[row + x + 2]!;
		}
	}
}

/** A scaler that remembers its taps and buffers between frames of the same sizes. */
export function areaScaler(): Scaler {
	let key = '';
	let across: Taps | undefined;
	let down: Taps | undefined;
	let rows = new Float32Array(0);
	let out = new Uint8Array(0);
	return (frame: Frame, width: number, height: number, mirror: boolean): Uint8Array => {
		if (frame.width === width && frame.height === height && !mirror) return frame.data;
		const sizes = `${frame.width}x${frame.height}>${width}x${height}`;
		if (sizes !== key) {
			key = sizes;
			across = taps(frame.width, width);
			down = taps(frame.height, height);
			rows = new Float32Array(width * frame.height * 3);
			out = new Uint8Array(width * height * 3);
		}
		const data = frame.data;
		const h = across!;
		// The self view: a frame the codec already scaled to the picture, only mirrored. Each
		// pixel copied across: through taps of weight 1 the same bytes cost 40 us a frame at 40x30.
		if (frame.width === width && frame.height === height) {
			mirrorRows(data, out, width, height);
			return out;
		}
		// Across first: every source row becomes `width` averaged pixels. A frame already as wide
		// (the peer fitted it to the picture in square pixels; quadrants only halve its height) is
		// taken as it is (mirrored if asked): one tap of weight 1 a pixel gave the same sums at
		// several times the cost.
		if (frame.width === width) {
			if (mirror) mirrorRows(data, rows, width, frame.height);
			else rows.set(data.subarray(0, rows.length));
		} else {
			for (let y = 0; y < frame.height; y++) {
				const sourceRow = y * frame.width * 3;
				const targetRow = y * width * 3;
				for (let x = 0; x < width; x++) {
					let b = 0;
					let g = 0;
					let r = 0;
					let s = sourceRow + h.first[x]! * 3;
					const n = h.count[x]!;
					const w0 = x * h.stride;
					for (let i = 0; i < n; i++, s += 3) {
						const w = h.weights[w0 + i]!;
						b += data[s]! * w;
						g += data[s + 1]! * w;
						r += data[s + 2]! * w;
					}
					const t = targetRow + (mirror ? width - 1 - x : x) * 3;
					rows[t] = b;
					rows[t + 1] = g;
					rows[t + 2] = r;
				}
			}
		}
		const v = down!;
		const rowLength = width * 3;
		for (let y = 0; y < height; y++) {
			const n = v.count[y]!;
			const w0 = y * v.stride;
			const sourceRow = v.first[y]! * rowLength;
			const targetRow = y * rowLength;
			for (let x = 0; x < rowLength; x++) {
				let sum = 0;
				for (let i = 0, s = sourceRow + x; i < n; i++, s += rowLength) sum += rows[s]! * v.weights[w0 + i]!;
				out[targetRow + x] = sum + 0.5;
			}
		}
		return out;
	};
}
