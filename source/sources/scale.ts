/**
 * Scaling a frame with OpenCV, off the event loop: for what a peer will show (session/), and for
 * the call screen's picture (ui/). INTER_AREA: the average of the pixels each one covers, so a
 * shrunk picture does not shimmer.
 */
import {makeFrame, type Frame} from '../frame.js';
import {loadOpenCv} from '../opencv.js';
import type {Size} from './fit.js';

/** The frame's pixels as a Mat, sharing its memory (no copy). */
export function matOf(cv: Awaited<ReturnType<typeof loadOpenCv>>, frame: Frame) {
	const buffer = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.length);
	return new cv.Mat(buffer, frame.height, frame.width, cv.CV_8UC3);
}

export async function scaleFrame(frame: Frame, size: Size): Promise<Frame> {
	if (frame.width === size.width && frame.height === size.height) return frame;
	const cv = await loadOpenCv();
	const source = matOf(cv, frame);
	const scaled = await source.resizeAsync(size.height, size.width, 0, 0, cv.INTER_AREA);
	const data = new Uint8Array(scaled.getData());
	// V8 does not see the pixels of a Mat (external memory tracking is off, see opencv.ts), so it
	// would collect them late: free them now, or a fast stream piles up hundreds of MB.
	scaled.release();
	source.release();
	return makeFrame(size.width, size.height, data, frame.capturedAt);
}
