/**
 * Frames from OpenCV's VideoCapture: cameras by index and device paths, and video files and
 * stream URLs when the codec binding is missing (it reads them otherwise: file-reader.ts). Reads
 * and scaling run on libuv's thread pool (the *Async calls), so the event loop stays free.
 */
import fs from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import {makeFrame, type Frame} from '../frame.js';
import {loadOpenCv, OpenCvUnavailableError, type Mat, type OpenCv} from '../opencv.js';
import {centreCrop, resolveTargetSize, type Size} from './fit.js';
import {shrinkArea} from './scale.js';
import {describeSpec, redactUrl} from './spec.js';
import {fileMissing, SourceError, type SourceSpec} from './types.js';

export type CaptureSpec = Extract<SourceSpec, {kind: 'camera' | 'device' | 'url' | 'file'}>;

export type OpenedCapture = {
	readonly size: Size;
	/** The file's or camera's own rate, when it tells one. */
	readonly nativeFps: number | undefined;
};

export async function openOpenCv(): Promise<OpenCv> {
	try {
		return await loadOpenCv();
	} catch (error) {
		if (error instanceof OpenCvUnavailableError) throw new SourceError('opencv-missing', error.message);
		throw error;
	}
}

export class CaptureGrabber {
	private cv: OpenCv | undefined;
	private capture: InstanceType<OpenCv['VideoCapture']> | undefined;
	private target: Size = {width: 1, height: 1};
	private native: Size | undefined;

	constructor(
		readonly spec: CaptureSpec,
		private wanted: Partial<Size>,
		private readonly loop: boolean,
		private readonly urlTimeoutSeconds: number,
	) {}

	async open(): Promise<OpenedCapture> {
		const cv = await openOpenCv();
		this.cv = cv;
		const spec = this.spec;
		if ((spec.kind === 'file' || spec.kind === 'device') && !fs.existsSync(spec.path)) {
			throw spec.kind === 'file'
				? fileMissing(spec.path)
				: new SourceError('device-missing', `No camera device at ${spec.path}.${listVideoDevices()}`);
		}
		if (spec.kind === 'url') await checkUrlAnswers(spec.url, this.urlTimeoutSeconds);
		this.capture = this.construct(cv);
		const first = await this.capture.readAsync().catch(() => undefined);
		if (!first || first.empty) {
			this.close();
			throw openFailure(this.spec);
		}
		const size = {width: first.cols, height: first.rows};
		first.release();
		this.native = size;
		this.target = resolveTargetSize(size, this.wanted);
		if (spec.kind === 'file') this.capture.set(cv.CAP_PROP_POS_FRAMES, 0);
		const fps = this.capture.get(cv.CAP_PROP_FPS);
		return {size, nativeFps: Number.isFinite(fps) && fps > 0 && fps < 1000 ? fps : undefined};
	}

	setSize(wanted: Partial<Size>): void {
		this.wanted = wanted;
		if (this.native) this.target = resolveTargetSize(this.native, wanted);
	}

	/** Reads the next frame, after passing over `skip` frames (to keep a file in real time). */
	async read(skip = 0): Promise<Frame> {
		const capture = this.capture;
		if (!capture) throw new SourceError('vanished', `${describeSpec(this.spec)} is not open.`);
		let mat: Mat | undefined;
		for (let index = 0; index <= skip; index++) {
			mat?.release();
			mat = await capture.readAsync().catch(() => undefined);
			if (!mat || mat.empty) {
				if (this.spec.kind === 'file' && this.loop) {
					await capture.setAsync(this.cv!.CAP_PROP_POS_FRAMES, 0);
					mat = await capture.readAsync().catch(() => undefined);
					if (mat && !mat.empty) continue;
				}
				throw readFailure(this.spec);
			}
		}
		const capturedAt = Date.now();
		try {
			return await matToFrame(this.cv!, mat!, this.target, capturedAt);
		} finally {
			mat!.release();
		}
	}

	close(): void {
		try {
			this.capture?.release();
		} catch {
			// Released already, or the device is gone: nothing left to free.
		}
		this.capture = undefined;
	}

	private construct(cv: OpenCv): InstanceType<OpenCv['VideoCapture']> {
		const spec = this.spec;
		try {
			switch (spec.kind) {
				case 'camera':
					return new cv.VideoCapture(spec.index);
				case 'device':
					return new cv.VideoCapture(spec.path);
				case 'url':
					// OpenCV opens a stream synchronously (and its binding cannot be loaded in a worker
					// thread beside the main one: it crashes), so the open is kept short instead: the
					// host was checked to answer, and FFmpeg gives up on a silent stream after this.
					process.env['OPENCV_FFMPEG_CAPTURE_OPTIONS'] ??= `rw_timeout;${this.urlTimeoutSeconds * 1_000_000}`;
					return new cv.VideoCapture(spec.url, cv.CAP_FFMPEG);
				case 'file':
					return new cv.VideoCapture(spec.path, cv.CAP_FFMPEG);
			}
		} catch {
			// OpenCV throws without a message; the sentence below says what went wrong.
			throw openFailure(this.spec);
		}
	}
}

/** The sentence for a camera, file or stream that cannot be opened. */
export function openFailure(spec: CaptureSpec): SourceError {
	switch (spec.kind) {
		case 'camera':
			return new SourceError(
				'camera-unavailable',
				`Camera ${spec.index} cannot be opened.${listVideoDevices()}`,
			);
		case 'device':
			return new SourceError(
				'camera-unavailable',
				`The camera at ${spec.path} cannot be opened (busy, or not a camera?).`,
			);
		case 'url':
			return new SourceError(
				'url-unreadable',
				`${redactUrl(spec.url)} answers, but no video could be read from it.`,
			);
		case 'file':
			return new SourceError('not-a-video', `${spec.path} is not a video facetty can read.`);
	}
}

/** The sentence for a camera, file or stream that stops giving pictures. */
export function readFailure(spec: CaptureSpec): SourceError {
	switch (spec.kind) {
		case 'camera':
		case 'device':
			return new SourceError(
				'vanished',
				`${describeSpec(spec)} stopped sending pictures (unplugged or taken by another program?).`,
			);
		case 'url':
			return new SourceError('ended', `The stream at ${redactUrl(spec.url)} ended.`);
		case 'file':
			return new SourceError('ended', `The video ${spec.path} ended.`);
	}
}

/** Crops to the target's aspect, scales with area averaging when shrinking, and copies out the bytes. */
export async function matToFrame(cv: OpenCv, mat: Mat, target: Size, capturedAt: number): Promise<Frame> {
	// Every Mat made here is freed here: V8 does not see their pixels (external memory tracking is
	// off, see opencv.ts), so left to the garbage collector they pile up between its runs.
	const made: Mat[] = [];
	let bgr = mat;
	if (mat.channels === 1) made.push((bgr = await mat.cvtColorAsync(cv.COLOR_GRAY2BGR)));
	else if (mat.channels === 4) made.push((bgr = await mat.cvtColorAsync(cv.COLOR_BGRA2BGR)));
	if (bgr.cols !== target.width || bgr.rows !== target.height) {
		const crop = centreCrop({width: bgr.cols, height: bgr.rows}, target);
		let region = bgr;
		if (crop.width !== bgr.cols || crop.height !== bgr.rows) {
			made.push((region = bgr.getRegion(new cv.Rect(crop.x, crop.y, crop.width, crop.height))));
		}
		const shrinking = target.width * target.height < crop.width * crop.height;
		const interpolation = shrinking ? cv.INTER_AREA : cv.INTER_LINEAR;
		made.push((bgr = await shrinkArea(cv, region, target, interpolation)));
	}
	try {
		// A copy: it outlives the Mat.
		const data = await bgr.getDataAsync();
		return makeFrame(target.width, target.height, data, capturedAt);
	} finally {
		for (const each of made.reverse()) each.release();
	}
}

/** On Linux, names the camera devices that exist, so "camera 0 cannot be opened" says what can. */
export function listVideoDevices(): string {
	let devices: string[];
	try {
		devices = fs
			.readdirSync('/dev')
			.filter((name) => /^video\d+$/.test(name))
			.sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
	} catch {
		return '';
	}
	if (devices.length === 0)
		return ' No camera is connected to this machine; try --camera test, or a video file.';
	return ` Cameras on this machine: ${devices.map((name) => `${name.slice(5)} (/dev/${name})`).join(', ')}.`;
}

/**
 * Fails fast, with a sentence, when a stream does not answer: OpenCV's own open is synchronous and
 * would hold the event loop for as long as FFmpeg waits. HTTP gets a real request and RTSP an
 * OPTIONS, so a server that accepts the connection but never speaks is caught too.
 */
export async function checkUrlAnswers(url: string, timeoutSeconds: number): Promise<void> {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new SourceError('bad-spec', `${redactUrl(url)} is not a valid URL.`);
	}
	const defaultPorts: Record<string, number> = {'http:': 80, 'https:': 443, 'rtsp:': 554, 'rtmp:': 1935};
	const port = parsed.port ? Number(parsed.port) : defaultPorts[parsed.protocol];
	if (!port) return;
	const host = parsed.hostname.replace(/^\[|\]$/g, '');
	const shown = redactUrl(url);
	await new Promise<void>((resolve, reject) => {
		const socket =
			parsed.protocol === 'https:'
				? tls.connect({host, port, servername: host, rejectUnauthorized: false})
				: net.connect({host, port});
		const finish = (error?: SourceError) => {
			clearTimeout(timer);
			socket.destroy();
			if (error) reject(error);
			else resolve();
		};
		const timer = setTimeout(
			() =>
				finish(
					new SourceError('url-unreachable', `${shown} did not answer within ${timeoutSeconds} seconds.`),
				),
			timeoutSeconds * 1000,
		);
		socket.once(parsed.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
			const target = `${parsed.pathname}${parsed.search}`;
			if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
				socket.write(`GET ${target} HTTP/1.0\r\nHost: ${parsed.host}\r\n\r\n`);
			} else if (parsed.protocol === 'rtsp:') {
				socket.write(`OPTIONS ${url} RTSP/1.0\r\nCSeq: 1\r\n\r\n`);
			} else {
				finish();
			}
		});
		socket.once('data', (chunk: Buffer) => {
			const status = /^(?:HTTP|RTSP)\/\d\.\d (\d{3})/.exec(chunk.toString('latin1'))?.[1];
			if (status && Number(status) >= 400) {
				finish(new SourceError('url-unreadable', `${shown} answered with status ${status}.`));
			} else {
				finish();
			}
		});
		socket.once('error', (error: NodeJS.ErrnoException) =>
			finish(
				new SourceError('url-unreachable', `${shown} cannot be reached (${error.code ?? error.message}).`),
			),
		);
		socket.once('end', () =>
			finish(new SourceError('url-unreadable', `${shown} closed the connection without an answer.`)),
		);
	});
}
