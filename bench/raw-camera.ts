/**
 * A stand-in for a webcam that gives raw pictures (V4L2 YUYV, as most USB cameras do at 640x480):
 * media/clip.mp4's pictures written once as a raw 4:2:0 stream (YUV4MPEG2), which the reader
 * passes on without decoding. The app bench's camera is clip.mp4 itself, whose H.264 decoding at
 * 640x480 a real camera never costs; this one shows what the call costs without that.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {VideoReader} from '../source/native-codec.js';

const clip = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../media/clip.mp4');

/** BT.601 limited range, as a camera gives it: one BGR picture into Y, U and V (4:2:0, centred). */
function toI420(bgr: Buffer, width: number, height: number): Buffer {
	const out = Buffer.alloc((width * height * 3) / 2);
	const uPlane = width * height;
	const vPlane = uPlane + (width * height) / 4;
	for (let i = 0; i < width * height; i++) {
		const [b, g, r] = [bgr[i * 3]!, bgr[i * 3 + 1]!, bgr[i * 3 + 2]!];
		out[i] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
	}
	for (let y = 0; y < height; y += 2) {
		for (let x = 0; x < width; x += 2) {
			let [r, g, b] = [0, 0, 0];
			for (const [dx, dy] of [
				[0, 0],
				[1, 0],
				[0, 1],
				[1, 1],
			] as const) {
				const at = ((y + dy) * width + x + dx) * 3;
				b += bgr[at]! / 4;
				g += bgr[at + 1]! / 4;
				r += bgr[at + 2]! / 4;
			}
			const chroma = (y / 2) * (width / 2) + x / 2;
			out[uPlane + chroma] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
			out[vPlane + chroma] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
		}
	}
	return out;
}

/** Writes clip.mp4's first `frames` pictures to `file` as YUV4MPEG2 at its own size and rate. */
export async function writeRawCamera(file: string, frames: number): Promise<void> {
	const reader = VideoReader.open(`file:${clip}`, 0);
	if (!reader) throw new Error('the raw camera needs the codec binding (npm install builds it)');
	const {width, height} = reader;
	const out = fs.openSync(file, 'w');
	try {
		fs.writeSync(out, `YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
		for (let i = 0; i < frames; i++) {
			const bgr = await reader.read({x: 0, y: 0, width, height}, {width, height}, 0, true);
			if (!bgr) break;
			fs.writeSync(out, 'FRAME\n');
			fs.writeSync(out, toI420(bgr, width, height));
		}
	} finally {
		fs.closeSync(out);
		reader.close();
	}
}
