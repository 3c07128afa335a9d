/**
 * A live camera for facetty's `--camera http://…`: an HTTP MJPEG stream (multipart/x-mixed-replace)
 * of stamped frames at `fps`, remembering when each frame number left, so the time a picture
 * reaches the glass can be compared with the time it was captured. Also writes the same frames to
 * a video file (for players that take a file, like timg).
 */
import http from 'node:http';
import type net from 'node:net';
import {performance} from 'node:perf_hooks';
import {loadOpenCv} from '../../source/opencv.js';
import {stampFrame, stampHeight, stampWidth} from './stamp.js';

export type StampCamera = {
	url: string;
	/** When frame n was sent (performance.now()). */
	sentAt(n: number): number | undefined;
	/**
	 * A still camera from now on: every frame sent is the last one sent (its number returned),
	 * until `thaw`; frames keep coming at `fps`, as from a camera pointed at a still scene.
	 */
	freeze(): number;
	thaw(): void;
	close(): Promise<void>;
};

export async function startStampCamera(fps = 30): Promise<StampCamera> {
	const cv = await loadOpenCv();
	const boundary = 'facettystamp';
	const clients = new Set<http.ServerResponse>();
	const sent = new Map<number, number>();
	const started = performance.now();
	let next = 0;
	let frozen: number | undefined;
	let timer: NodeJS.Timeout | undefined;

	const tick = () => {
		const now = performance.now();
		const due = Math.floor(((now - started) * fps) / 1000);
		if (due >= next) {
			// Late ticks skip frames, as a camera does: the number always says when it was taken.
			next = due;
			const mat = new cv.Mat(Buffer.from(stampFrame(frozen ?? next)), stampHeight, stampWidth, cv.CV_8UC3);
			const jpeg = cv.imencode('.jpg', mat, [cv.IMWRITE_JPEG_QUALITY, 92]);
			mat.release();
			const head = `--${boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length}\r\n\r\n`;
			for (const client of clients) {
				// Like a camera, a reader that falls behind loses frames instead of queueing them:
				// a frame goes out only once the last one is with the kernel.
				if (client.writableLength > 0) continue;
				client.write(head);
				client.write(jpeg);
				client.write('\r\n');
			}
			if (frozen === undefined) sent.set(next, performance.now());
			sent.delete(next - 3000);
			next++;
		}
		const wait = started + (next * 1000) / fps - performance.now();
		timer = setTimeout(tick, Math.max(1, wait));
	};

	const server = http.createServer((request, response) => {
		response.writeHead(200, {
			'Content-Type': `multipart/x-mixed-replace;boundary=${boundary}`,
			'Cache-Control': 'no-cache',
			Connection: 'close',
		});
		if (request.method === 'HEAD') {
			response.end();
			return;
		}
		(response.socket as net.Socket | null)?.setNoDelay(true);
		clients.add(response);
		response.on('close', () => clients.delete(response));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	tick();
	return {
		url: `http://127.0.0.1:${port}/stamp.mjpg`,
		sentAt: (n) => sent.get(n),
		freeze() {
			frozen = Math.max(0, next - 1);
			return frozen;
		},
		thaw() {
			frozen = undefined;
		},
		close: () =>
			new Promise<void>((resolve) => {
				clearTimeout(timer);
				for (const client of clients) client.destroy();
				server.close(() => resolve());
			}),
	};
}

/** The same stamped frames, 0..count-1, as an MJPEG AVI file at `fps`. */
export async function writeStampVideo(file: string, count: number, fps = 30): Promise<void> {
	const cv = await loadOpenCv();
	const writer = new cv.VideoWriter(
		file,
		cv.VideoWriter.fourcc('MJPG'),
		fps,
		new cv.Size(stampWidth, stampHeight),
		true,
	);
	for (let n = 0; n < count; n++) {
		const mat = new cv.Mat(Buffer.from(stampFrame(n)), stampHeight, stampWidth, cv.CV_8UC3);
		writer.write(mat);
		mat.release();
	}
	writer.release();
}
