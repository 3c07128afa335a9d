/**
 * The one impure step of drawing: area-averaging a frame down to the picture's pixel size (and
 * mirroring it for a preview) with OpenCV. Kept apart so everything else about rendering is
 * plain arithmetic that tests can run without OpenCV.
 */
import type {Frame} from '../frame.js';
import {loadOpenCv} from '../opencv.js';

/** Frame -> packed BGR of exactly width x height, mirrored left-right when asked. */
export type Scaler = (frame: Frame, width: number, height: number, mirror: boolean) => Uint8Array;

export async function openCvScaler(): Promise<Scaler> {
	const cv = await loadOpenCv();
	return (frame, width, height, mirror) => {
		if (frame.width === width && frame.height === height && !mirror) return frame.data;
		const data = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength);
		let mat = new cv.Mat(data, frame.height, frame.width, cv.CV_8UC3);
		// INTER_AREA averages every source pixel a target pixel covers: no aliasing shimmer on
		// fine detail, which nearest-pixel (what most terminal players do) shows at once.
		if (frame.width !== width || frame.height !== height)
			mat = mat.resize(height, width, 0, 0, cv.INTER_AREA);
		if (mirror) mat = mat.flip(1);
		return mat.getData();
	};
}
