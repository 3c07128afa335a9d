/**
 * The one place that loads OpenCV. The binding's loader only finds our system-OpenCV build when
 * OPENCV4NODEJS_DISABLE_AUTOBUILD is set, and it prints chatty logs while loading; this module
 * sets the variable, silences the logs (they would land in the middle of the video), and turns a
 * missing binding or a missing system library into one sentence that says what to install.
 */
import type {cv as OpenCvModule} from '../vendor/opencv4nodejs/typings/index.js';
import {cleanLine} from './text/sanitize.js';
import {errorMessage} from './text/error-message.js';

export type OpenCv = typeof OpenCvModule;
export type Mat = InstanceType<OpenCv['Mat']>;

export class OpenCvUnavailableError extends Error {
	override name = 'OpenCvUnavailableError';
}

let loading: Promise<OpenCv> | undefined;

export function loadOpenCv(): Promise<OpenCv> {
	loading ??= loadOnce();
	return loading;
}

async function loadOnce(): Promise<OpenCv> {
	process.env['OPENCV4NODEJS_DISABLE_AUTOBUILD'] = '1';
	// OpenCV's own warnings (GStreamer probing, V4L2 misses) would be drawn over the video; our
	// errors say the same in plain words. OPENCV_LOG_LEVEL=INFO brings them back for debugging
	// (to the --log file while a full-screen view is up, see native-output.ts). FFmpeg's own
	// errors are kept at its level (OPENCV_FFMPEG_LOGLEVEL would silence them) so --log has them.
	process.env['OPENCV_LOG_LEVEL'] ??= 'SILENT';
	// When FFmpeg does write to a terminal (plain mode, stderr a terminal), no colour escapes.
	process.env['AV_LOG_FORCE_NOCOLOR'] ??= '1';
	// The binding tells V8 about every Mat it frees, even from inside a garbage collection, which
	// V8 20 does not allow: it aborts with "Check failed: marking_done_" after a few thousand
	// frames. Without the tracking, V8 simply does not count the pixel buffers of live Mats.
	process.env['OPENCV4NODEJS_DISABLE_EXTERNAL_MEM_TRACKING'] ??= '1';
	try {
		const build = await import('@u4/opencv-build');
		build.Log.silence = true;
	} catch {
		// Only the logs depend on it; the binding itself may still load.
	}
	try {
		// The binding is vendored (see vendor/opencv4nodejs/README.md); this file sits one folder
		// below the package root both as source/opencv.ts and as dist/opencv.js. Its ES module
		// loader shares the @u4/opencv-build instance silenced above (the CommonJS one would not).
		const entry = new URL('../vendor/opencv4nodejs/esm/lib/opencv4nodejs.js', import.meta.url);
		const module = (await import(entry.href)) as {default: OpenCv};
		return module.default;
	} catch (error) {
		throw new OpenCvUnavailableError(explainLoadFailure(error));
	}
}

export function explainLoadFailure(error: unknown): string {
	const detail = errorMessage(error);
	if (/libopencv_\w+\.so/.test(detail)) {
		return (
			'OpenCV is not installed on this system (a libopencv library is missing). ' +
			'Install it (Debian/Ubuntu: sudo apt-get install libopencv-dev; macOS: brew install opencv), then run npm install again.'
		);
	}
	if (/No build found|Cannot find module|opencv4nodejs\.node|Failed to require/i.test(detail)) {
		return (
			'The OpenCV binding is not built. Install the OpenCV development files ' +
			'(Debian/Ubuntu: sudo apt-get install libopencv-dev; macOS: brew install opencv pkg-config), ' +
			'then run npm install (or npm rebuild) in the facetty folder.'
		);
	}
	return `OpenCV could not be loaded: ${cleanLine(detail.split('\n')[0] ?? '', {maxColumns: 300})}`;
}
