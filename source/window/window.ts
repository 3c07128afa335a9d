/**
 * `--window`: the peer's video also in an OpenCV window at the size it arrives. OpenCV's highgui
 * only updates a window while someone calls waitKey on the thread that made it, so a timer pumps
 * it on the main thread (the binding has no pollKey). Closing the window, or pressing Enter in it
 * (the seed script's key), closes the window but not the call. Without a display, the caller gets
 * one plain sentence and no window.
 */
import type {Frame} from '../frame.js';
import {loadOpenCv, type OpenCv} from '../opencv.js';
import {cleanError} from '../text/sanitize.js';

export type PeerWindowOptions = {
	readonly title?: string;
	/** Told when the window cannot open or was closed. */
	readonly onNotice: (text: string) => void;
	readonly env?: Readonly<Record<string, string | undefined>>;
	readonly platform?: NodeJS.Platform;
	/** Milliseconds between event pumps. */
	readonly pumpMs?: number;
};

export type PeerWindowHandle = {
	show(frame: Frame): void;
	close(): void;
	readonly open: boolean;
	/** Frames drawn in the window so far. */
	readonly shown: number;
};

/** Why there is no display to open a window on, or undefined when there seems to be one. */
export function missingDisplay(
	env: Readonly<Record<string, string | undefined>>,
	platform: NodeJS.Platform,
): string | undefined {
	if (platform === 'darwin' || platform === 'win32') return undefined;
	if (env['DISPLAY'] || env['WAYLAND_DISPLAY']) return undefined;
	return 'No display for --window (DISPLAY is not set, e.g. over SSH): the call goes on in the terminal only.';
}

const enterKeys = new Set([10, 13]);

export async function openPeerWindow(options: PeerWindowOptions): Promise<PeerWindowHandle | undefined> {
	const missing = missingDisplay(options.env ?? process.env, options.platform ?? process.platform);
	if (missing) {
		options.onNotice(missing);
		return undefined;
	}
	let cv: OpenCv;
	try {
		cv = await loadOpenCv();
	} catch (error) {
		options.onNotice(`--window: ${cleanError(error)}`);
		return undefined;
	}
	const title = options.title ?? 'facetty';
	try {
		cv.namedWindow(title, cv.WINDOW_AUTOSIZE);
	} catch (error) {
		// OpenCV's and GTK's words, cleaned: they end up on the call screen.
		options.onNotice(`--window could not open a window: ${cleanError(error)}`);
		return undefined;
	}
	let open = true;
	let shown = 0;
	let pending: Frame | undefined;
	const close = (why?: string) => {
		if (!open) return;
		open = false;
		clearInterval(pump);
		try {
			cv.destroyWindow(title);
			cv.waitKey(1);
		} catch {
			// Already gone.
		}
		if (why) options.onNotice(why);
	};
	const pump = setInterval(() => {
		if (!open) return;
		try {
			if (pending) {
				const frame = pending;
				pending = undefined;
				const mat = new cv.Mat(
					Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength),
					frame.height,
					frame.width,
					cv.CV_8UC3,
				);
				try {
					cv.imshow(title, mat);
				} finally {
					// V8 does not see a Mat's pixels (external memory tracking is off, see opencv.ts), so
					// it would free them late: a Mat for every frame piled up hundreds of MB.
					mat.release();
				}
				shown++;
			}
			const key = cv.waitKey(1);
			if (enterKeys.has(key & 0xff)) return close('Window closed (Enter); the call goes on.');
			if (shown > 0 && cv.getWindowProperty(title, cv.WND_PROP_VISIBLE) < 1)
				close('Window closed; the call goes on.');
		} catch (error) {
			close(`--window stopped: ${cleanError(error)}`);
		}
	}, options.pumpMs ?? 15);
	pump.unref();
	return {
		get open() {
			return open;
		},
		get shown() {
			return shown;
		},
		show(frame: Frame) {
			if (open) pending = {...frame, data: frame.data.slice()};
		},
		close: () => close(),
	};
}
