/**
 * The picture work a call needs, done by OpenCV off the event loop: scaling to what the peer
 * will show (or to the shape the seed format announced), JPEG in and out.
 */
import {makeFrame, type Frame} from '../frame.js';
import {loadOpenCv} from '../opencv.js';

export type Size = {readonly width: number; readonly height: number};

/** Largest size with the frame's aspect that fits in `box`; never larger than the frame itself. */
export function fitWithin(frame: Size, box: Size): Size {
	const scale = Math.min(1, box.width / frame.width, box.height / frame.height);
	return {
		width: Math.max(1, Math.round(frame.width * scale)),
		height: Math.max(1, Math.round(frame.height * scale)),
	};
}

/** Quality that keeps small frames sharp (PSNR >= 35 dB needs ~95 at 128x96) and big ones cheap. */
export function defaultJpegQuality(size: Size): number {
	return size.width * size.height <= 320 * 240 ? 95 : 85;
}

function toMat(cv: Awaited<ReturnType<typeof loadOpenCv>>, frame: Frame) {
	const buffer = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.length);
	return new cv.Mat(buffer, frame.height, frame.width, cv.CV_8UC3);
}

export async function scaleFrame(frame: Frame, size: Size): Promise<Frame> {
	if (frame.width === size.width && frame.height === size.height) return frame;
	const cv = await loadOpenCv();
	const scaled = await toMat(cv, frame).resizeAsync(size.height, size.width, 0, 0, cv.INTER_AREA);
	return makeFrame(size.width, size.height, new Uint8Array(scaled.getData()), frame.capturedAt);
}

export async function encodeJpeg(frame: Frame, quality: number): Promise<Uint8Array> {
	const cv = await loadOpenCv();
	return cv.imencodeAsync('.jpg', toMat(cv, frame), [cv.IMWRITE_JPEG_QUALITY, quality]);
}

/** Undefined when the bytes are not a picture of the size the message claimed. */
export async function decodeJpeg(
	bytes: Uint8Array,
	expected: Size,
	capturedAt: number,
): Promise<Frame | undefined> {
	const cv = await loadOpenCv();
	let mat;
	try {
		mat = await cv.imdecodeAsync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
	} catch {
		return undefined;
	}
	if (mat.empty || mat.cols !== expected.width || mat.rows !== expected.height || mat.channels !== 3)
		return undefined;
	return makeFrame(mat.cols, mat.rows, new Uint8Array(mat.getData()), capturedAt);
}
