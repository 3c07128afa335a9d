/**
 * Frames from video files and streams through the codec binding's libavformat reader, the one
 * OpenCV's VideoCapture used for them too (CAP_FFMPEG): the same pictures (a shrunk one within
 * about 45 dB: its planes are averaged before they are converted, a quarter less CPU a frame),
 * without loading OpenCV and its libraries (about 90 MB resident). Streams, and files with
 * pictures larger than 640x480, are decoded on libuv's thread pool, so the event loop stays free;
 * a smaller local file's picture (a millisecond's work) is decoded in the event loop's own turn.
 * Handing each picture to a pool thread and back woke two threads a frame: on this project's
 * virtual machines each wake-up from idle is charged about 0.2 ms of CPU, and the pool thread
 * decoded with cold caches (clip.mp4 paced at 30 fps, shrunk to 124x93: 2.2 ms of CPU a frame
 * through the pool, 1.8-2.1 in the loop's turn).
 */
import fs from 'node:fs';
import {makeFrame, type Frame} from '../frame.js';
import {VideoReader} from '../native-codec.js';
import {checkUrlAnswers, openFailure, readFailure, type OpenedCapture} from './capture.js';
import {centreCrop, resolveTargetSize, type Size} from './fit.js';
import {fileMissing, type SourceSpec} from './types.js';

export type ReadableSpec = Extract<SourceSpec, {kind: 'url' | 'file'}>;

export class FileReaderGrabber {
	private reader: VideoReader | undefined;
	private target: Size = {width: 1, height: 1};
	private native: Size | undefined;

	/** Undefined without the codec binding: OpenCV reads the source instead. */
	static create(
		spec: ReadableSpec,
		wanted: Partial<Size>,
		loop: boolean,
		urlTimeoutSeconds: number,
	): FileReaderGrabber | undefined {
		return VideoReader.available() ? new FileReaderGrabber(spec, wanted, loop, urlTimeoutSeconds) : undefined;
	}

	private constructor(
		readonly spec: ReadableSpec,
		private wanted: Partial<Size>,
		private readonly loop: boolean,
		private readonly urlTimeoutSeconds: number,
	) {}

	async open(): Promise<OpenedCapture> {
		const spec = this.spec;
		if (spec.kind === 'file' && !fs.existsSync(spec.path)) throw fileMissing(spec.path);
		if (spec.kind === 'url') await checkUrlAnswers(spec.url, this.urlTimeoutSeconds);
		let reader: VideoReader | undefined;
		try {
			// file: keeps a name such as "concat:a|b" or "subfile:..." a file's name, not a protocol.
			reader =
				spec.kind === 'file'
					? VideoReader.open(`file:${spec.path}`, 0)
					: VideoReader.open(spec.url, this.urlTimeoutSeconds);
		} catch {
			// FFmpeg's own words ("Invalid data found when processing input") say less than ours.
			throw openFailure(spec);
		}
		if (!reader) throw openFailure(spec);
		this.reader = reader;
		const size = {width: reader.width, height: reader.height};
		// A first picture, as a camera's open does: a file whose video does not decode fails here.
		const first = await reader.read({x: 0, y: 0, ...size}, size, 0, false).catch(() => null);
		if (!first) {
			this.close();
			throw openFailure(spec);
		}
		if (spec.kind === 'file') reader.rewind();
		this.native = size;
		this.target = resolveTargetSize(size, this.wanted);
		const fps = reader.fps;
		return {size, nativeFps: Number.isFinite(fps) && fps > 0 && fps < 1000 ? fps : undefined};
	}

	setSize(wanted: Partial<Size>): void {
		this.wanted = wanted;
		if (this.native) this.target = resolveTargetSize(this.native, wanted);
	}

	async read(skip = 0): Promise<Frame> {
		const reader = this.reader;
		if (!reader || !this.native) throw readFailure(this.spec);
		const target = this.target;
		const crop = centreCrop(this.native, target);
		const loop = this.spec.kind === 'file' && this.loop;
		const inTurn = this.spec.kind === 'file' && reader.oneThread;
		const data = inTurn
			? readNowOrNull(reader, crop, target, skip, loop)
			: await reader.read(crop, target, skip, loop).catch(() => null);
		if (!data) throw readFailure(this.spec);
		return makeFrame(target.width, target.height, data, Date.now());
	}

	close(): void {
		this.reader?.close();
		this.reader = undefined;
	}
}

function readNowOrNull(reader: VideoReader, ...args: Parameters<VideoReader['readNow']>): Buffer | null {
	try {
		return reader.readNow(...args);
	} catch {
		return null;
	}
}
