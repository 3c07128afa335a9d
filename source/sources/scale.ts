/**
 * Scaling a frame: for what a peer will show (session/), and for the call screen's picture (ui/),
 * there at once, in the same turn (bindingScaler).
 * INTER_AREA: the average of the pixels each one covers, so a shrunk picture does not shimmer.
 * The codec binding does it when there is one; OpenCV (off the event loop) when there is not.
 */
import {makeFrame, type Frame} from '../frame.js';
import {scaleWithCodec} from '../native-codec.js';
import {loadOpenCv, type Mat, type OpenCv} from '../opencv.js';
import type {Scaler} from '../render/scale.js';
import type {Size} from './fit.js';

/** The frame's pixels as a Mat, sharing its memory (no copy). */
export function matOf(cv: Awaited<ReturnType<typeof loadOpenCv>>, frame: Frame) {
	const buffer = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.length);
	return new cv.Mat(buffer, frame.height, frame.width, cv.CV_8UC3);
}

/**
 * INTER_AREA shrinking in two steps: first by the largest whole factor (OpenCV's fast path, which
 * only averages k x k blocks), then the rest of the way from a picture a few times smaller. OpenCV's
 * general area path weighs every source pixel by a table: 640x480 to 124x93 took 1.3-2.1 ms of CPU a
 * frame, the two steps 0.7-0.8 ms, for the same box average within a pixel's fraction. The first
 * step drops the few rows and columns (fewer than the factor) past a whole multiple, centred.
 * The result is always a new Mat the caller releases; `mat` is not released.
 */
export async function shrinkArea(cv: OpenCv, mat: Mat, size: Size, interpolation: number): Promise<Mat> {
	const factor = Math.min(Math.floor(mat.cols / size.width), Math.floor(mat.rows / size.height));
	if (interpolation !== cv.INTER_AREA || factor < 2) {
		return mat.resizeAsync(size.height, size.width, 0, 0, interpolation);
	}
	const width = Math.floor(mat.cols / factor);
	const height = Math.floor(mat.rows / factor);
	let region: Mat | undefined;
	if (width * factor !== mat.cols || height * factor !== mat.rows) {
		const x = Math.floor((mat.cols - width * factor) / 2);
		const y = Math.floor((mat.rows - height * factor) / 2);
		region = mat.getRegion(new cv.Rect(x, y, width * factor, height * factor));
	}
	let step: Mat;
	try {
		step = await (region ?? mat).resizeAsync(height, width, 0, 0, cv.INTER_AREA);
	} finally {
		region?.release();
	}
	if (width === size.width && height === size.height) return step;
	try {
		return await step.resizeAsync(size.height, size.width, 0, 0, cv.INTER_AREA);
	} finally {
		step.release();
	}
}

/**
 * The frame at `size`: through the codec binding when there is one (the same area average, and
 * OpenCV, with its 90 MB of libraries, is not loaded for it), else through OpenCV.
 */
export async function scaleFrame(frame: Frame, size: Size): Promise<Frame> {
	if (frame.width === size.width && frame.height === size.height) return frame;
	const byCodec = scaleWithCodec(frame, size);
	if (byCodec) return byCodec;
	const cv = await loadOpenCv();
	const source = matOf(cv, frame);
	const scaled = await shrinkArea(cv, source, size, cv.INTER_AREA);
	const data = new Uint8Array(scaled.getData());
	// V8 does not see the pixels of a Mat (external memory tracking is off, see opencv.ts), so it
	// would collect them late: free them now, or a fast stream piles up hundreds of MB.
	scaled.release();
	source.release();
	return makeFrame(size.width, size.height, data, frame.capturedAt);
}

/**
 * A picture layer's scaler (render/scale.ts) that scales in the binding (area-averaged when it
 * shrinks, as `fallback`, render/area-scale.ts, does in JavaScript; bilinear where it grows) and
 * leaves the rest to `fallback`: mirrored frames (the self view, already its size), frames of the
 * picture's own size, and every one when the binding is missing. With quadrant glyphs the peer's
 * picture comes in square pixels at twice the rows the grid shows, and a pixel narrower or wider
 * than it (245x184 for 246x92 at 160x48): scaling it took JavaScript 6 % of a core in a call (npm
 * run bench -- app with FACETTY_BENCH_GLYPHS=quad, --cpu-prof).
 */
export function bindingScaler(fallback: Scaler): Scaler {
	return (frame, width, height, mirror) => {
		if (mirror || (width === frame.width && height === frame.height))
			return fallback(frame, width, height, mirror);
		return scaleWithCodec(frame, {width, height})?.data ?? fallback(frame, width, height, mirror);
	};
}
