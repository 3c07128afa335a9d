/**
 * The picture work a call needs, done by OpenCV off the event loop: JPEG in and out (scaling to
 * what the peer will show is sources/scale.ts, shared with the call screen).
 */
import {makeFrame, type Frame} from '../frame.js';
import {loadOpenCv} from '../opencv.js';
import {jpegHeader} from '../protocol/jpeg.js';
import type {Size} from '../sources/fit.js';
import {matOf} from '../sources/scale.js';

export type {Size};

/**
 * Largest size with the frame's aspect that fits in `box`; never larger than the frame itself
 * (what is sent), unless `enlarge` (what a display shows).
 */
export function fitWithin(frame: Size, box: Size, enlarge = false): Size {
	const scale = Math.min(enlarge ? Infinity : 1, box.width / frame.width, box.height / frame.height);
	return {
		width: Math.max(1, Math.round(frame.width * scale)),
		height: Math.max(1, Math.round(frame.height * scale)),
	};
}

/**
 * Pictures up to this many pixels (320x240) are small: sent as jpeg444 at quality 90 to a peer
 * without an inter-frame codec (~40 dB at 128x96); bigger ones as plain JPEG at 85, cheaper to
 * make. (A peer with a codec gets it at every size: v2-link.ts.)
 */
export const smallPicturePixels = 320 * 240;

/** Quality that keeps small frames sharp (with jpeg444, ~40 dB at 128x96) and big ones cheap. */
export function defaultJpegQuality(size: Size): number {
	return size.width * size.height <= smallPicturePixels ? 90 : 85;
}

/** Largest size with the aspect of `size` that has at most `pixels` pixels (never larger). */
export function fitPixels(size: Size, pixels: number): Size {
	const scale = Math.min(1, Math.sqrt(pixels / (size.width * size.height)));
	return {
		width: Math.max(1, Math.floor(size.width * scale)),
		height: Math.max(1, Math.floor(size.height * scale)),
	};
}

export async function encodeJpeg(frame: Frame, quality: number): Promise<Uint8Array> {
	const cv = await loadOpenCv();
	const mat = matOf(cv, frame);
	try {
		return await cv.imencodeAsync('.jpg', mat, [cv.IMWRITE_JPEG_QUALITY, quality]);
	} finally {
		mat.release();
	}
}

/** Undefined when the bytes are not a picture of the size the message claimed. */
export async function decodeJpeg(
	bytes: Uint8Array,
	expected: Size,
	capturedAt: number,
): Promise<Frame | undefined> {
	const header = jpegHeader(bytes);
	if (
		!header ||
		header.width !== expected.width ||
		header.height !== expected.height ||
		header.components !== 3
	)
		return undefined;
	const cv = await loadOpenCv();
	let mat;
	try {
		mat = await cv.imdecodeAsync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
	} catch {
		return undefined;
	}
	try {
		if (mat.empty || mat.cols !== expected.width || mat.rows !== expected.height || mat.channels !== 3)
			return undefined;
		return makeFrame(mat.cols, mat.rows, new Uint8Array(mat.getData()), capturedAt);
	} finally {
		mat.release();
	}
}

/**
 * Greyscale JPEGs of Y, Cr and Cb: baseline JPEG halves colour resolution, which on a 128x96
 * frame caps PSNR near 28 dB at any quality; three full-resolution planes reach ~40 dB at q90
 * in about 6 KB.
 */
export async function encodeJpeg444(frame: Frame, quality: number): Promise<Uint8Array> {
	const cv = await loadOpenCv();
	const source = matOf(cv, frame);
	const ycrcb = await source.cvtColorAsync(cv.COLOR_BGR2YCrCb);
	const planes = ycrcb.splitChannels();
	try {
		const parts: Buffer[] = [];
		for (const plane of planes) {
			const jpeg = await cv.imencodeAsync('.jpg', plane, [cv.IMWRITE_JPEG_QUALITY, quality]);
			const length = Buffer.alloc(4);
			length.writeUInt32BE(jpeg.length, 0);
			parts.push(length, jpeg);
		}
		return Buffer.concat(parts);
	} finally {
		for (const mat of [source, ycrcb, ...planes]) mat.release();
	}
}

export async function decodeJpeg444(
	bytes: Uint8Array,
	expected: Size,
	capturedAt: number,
): Promise<Frame | undefined> {
	const cv = await loadOpenCv();
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
	const planes = [];
	let at = 0;
	try {
		for (let k = 0; k < 3; k++) {
			if (at + 4 > buffer.length) return undefined;
			const length = buffer.readUInt32BE(at);
			if (at + 4 + length > buffer.length) return undefined;
			const header = jpegHeader(buffer.subarray(at + 4, at + 4 + length));
			if (!header || header.width !== expected.width || header.height !== expected.height) return undefined;
			const plane = await cv.imdecodeAsync(buffer.subarray(at + 4, at + 4 + length), cv.IMREAD_GRAYSCALE);
			if (plane.empty || plane.cols !== expected.width || plane.rows !== expected.height) return undefined;
			planes.push(plane);
			at += 4 + length;
		}
		const merged = new cv.Mat(planes);
		const bgr = await merged.cvtColorAsync(cv.COLOR_YCrCb2BGR);
		const frame = makeFrame(bgr.cols, bgr.rows, new Uint8Array(bgr.getData()), capturedAt);
		merged.release();
		bgr.release();
		return frame;
	} catch {
		return undefined;
	} finally {
		for (const plane of planes) plane.release();
	}
}
