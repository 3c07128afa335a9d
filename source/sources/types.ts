import type {Frame} from '../frame.js';

/** What a `--camera` spec string names. */
export type SourceSpec =
	| {readonly kind: 'camera'; readonly index: number}
	| {readonly kind: 'device'; readonly path: string}
	| {readonly kind: 'url'; readonly url: string}
	| {readonly kind: 'file'; readonly path: string}
	| {readonly kind: 'image'; readonly path: string}
	| {readonly kind: 'test'};

export type SourceOptions = {
	/** Size of the frames delivered; the picture is centre-cropped to this aspect, then scaled. Default: the source's own size. */
	readonly width?: number;
	readonly height?: number;
	/** Frames per second delivered at most. Files play at their own rate when it is lower. Default 30. */
	readonly fps?: number;
	/** Files start over at their end (default true); false ends the source instead. */
	readonly loop?: boolean;
	/** false: a file is read as fast as it decodes (for benchmarks); default true. */
	readonly paced?: boolean;
	/** Seconds a URL may take to answer before the source gives up. Default 5. */
	readonly urlTimeoutSeconds?: number;
};

export type SourceErrorCode =
	| 'camera-unavailable'
	| 'device-missing'
	| 'file-missing'
	| 'not-a-video'
	| 'not-an-image'
	| 'url-unreachable'
	| 'url-unreadable'
	| 'ended'
	| 'vanished'
	| 'bad-spec'
	| 'opencv-missing';

/** A failure told as one plain sentence (`message`), with a code for programs. */
export class SourceError extends Error {
	override name = 'SourceError';
	constructor(
		readonly code: SourceErrorCode,
		message: string,
	) {
		super(message);
	}
}

/** A camera file or image that is not there: the one sentence for it, in facetty's style. */
export function fileMissing(path: string): SourceError {
	return new SourceError('file-missing', `${path} does not exist.`);
}

export type FrameListener = (frame: Frame) => void;
export type SourceErrorListener = (error: SourceError) => void;

/**
 * A running supply of frames. `start()` opens the source (rejects with a SourceError when it
 * cannot), then frames arrive on `onFrame` listeners at the paced rate, produced off the event
 * loop. A failure after start (camera vanished, stream ended, file ended without loop) stops the
 * source and is told to `onError` listeners once; it is never thrown. `stop()` releases the device;
 * `start()` may be called again after it.
 */
export interface FrameSource {
	readonly spec: SourceSpec;
	/** Human description, e.g. "camera 0", "media/clip.mp4 (640x480, 30 fps)". */
	readonly description: string;
	readonly running: boolean;
	/** Rate frames are delivered at once started (the file's own rate when lower than asked). */
	readonly fps: number;
	/** The source's own picture size once started (before any scaling), else undefined. */
	readonly nativeSize: {readonly width: number; readonly height: number} | undefined;
	start(): Promise<void>;
	stop(): Promise<void>;
	/**
	 * Changes the size of the frames delivered from the next one on (undefined: the source's own
	 * size). Scaling in the source runs on OpenCV's threads, off the event loop, which is why a
	 * display asks for the pixels it shows rather than scaling each frame itself.
	 */
	setSize(size: {readonly width: number; readonly height: number} | undefined): void;
	onFrame(listener: FrameListener): () => void;
	onError(listener: SourceErrorListener): () => void;
}
