/**
 * The one place that loads the codec binding (native/codec/codec.c, built at install by
 * scripts/build-codec-binding.mjs against the system's libavcodec). It is optional: without it
 * (no FFmpeg development files at install, or an FFmpeg without libx264 and libvpx) facetty
 * offers no inter-frame codec and sends jpeg444, so loading never throws. The binding also reads
 * video files and streams (libavformat) and scales pictures; without it OpenCV does both.
 */
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {makeFrame, type Frame} from './frame.js';
import {errorMessage} from './text/error-message.js';

export type InterCodec = 'h264' | 'vp9';

type Handle = {readonly __handle: unique symbol};

type Binding = {
	available(): {h264: boolean; vp9: boolean; libavcodec: string};
	openEncoder(
		codec: InterCodec,
		width: number,
		height: number,
		fps: number,
		crf: number,
		maxKbps: number,
		keyint: number,
		preset: string,
		x264Params: string,
	): Handle;
	setRate(encoder: Handle, crf: number, maxKbps: number): void;
	encode(
		encoder: Handle,
		bgr: Buffer,
		forceKeyframe: boolean,
		at: number,
	): {data: Buffer; key: boolean} | null;
	closeEncoder(encoder: Handle): void;
	openDecoder(codec: InterCodec): Handle;
	decode(decoder: Handle, packet: Buffer, width: number, height: number): Buffer | null;
	closeDecoder(decoder: Handle): void;
	scale(bgr: Buffer, width: number, height: number, targetWidth: number, targetHeight: number): Buffer;
} & Partial<ReaderBinding>;

/** The reader: there when libavformat was there at build time (scripts/build-codec-binding.mjs). */
type ReaderBinding = {
	openReader(
		url: string,
		timeoutMicroseconds: number,
	): {handle: Handle; width: number; height: number; fps: number; oneThread: boolean};
	readFrame(
		reader: Handle,
		cropX: number,
		cropY: number,
		cropWidth: number,
		cropHeight: number,
		width: number,
		height: number,
		skip: number,
		loop: boolean,
	): Promise<Buffer | null>;
	/** readFrame's work in the calling thread. */
	readFrameSync(...args: Parameters<ReaderBinding['readFrame']>): Buffer | null;
	rewindReader(reader: Handle): void;
	closeReader(reader: Handle): void;
};

let binding: Binding | null | undefined;
let loadError: string | undefined;

function load(): Binding | null {
	if (binding !== undefined) return binding;
	if (process.env['FACETTY_NO_CODEC']) {
		loadError = 'FACETTY_NO_CODEC is set';
		return (binding = null);
	}
	try {
		// One folder below the package root, both as source/native-codec.ts and dist/native-codec.js.
		const file = fileURLToPath(new URL('../native/codec/build/Release/facetty_codec.node', import.meta.url));
		binding = createRequire(import.meta.url)(file) as Binding;
	} catch (error) {
		loadError = errorMessage(error).split('\n')[0] ?? '';
		binding = null;
	}
	return binding;
}

/** The inter-frame codecs this machine can both encode and decode, best first. */
export function interCodecs(): InterCodec[] {
	const found = load()?.available();
	if (!found) return [];
	return (['h264', 'vp9'] as const).filter((codec) => found[codec]);
}

/** Why there is no codec, for --log and the bench; undefined when there is one. */
export function codecUnavailableReason(): string | undefined {
	load();
	return loadError;
}

export type EncoderSettings = {
	codec: InterCodec;
	width: number;
	height: number;
	/** The frame rate rate control plans for; frames may come slower. */
	fps: number;
	/** Constant rate factor: 0 (lossless) .. 51 (worst) for H.264, 0..63 for VP9. */
	crf: number;
	/** Ceiling of the bitrate, kbit/s (the link's rate). */
	maxKbps: number;
	/** Frames between keyframes when none is asked for: a backstop. */
	keyint: number;
	/** x264's key=value:... options on top of the preset (benches, tests); none by default. */
	x264Params?: string;
};

/**
 * x264's preset (and options on top) for a picture of `pixels`: the encoder runs on the main
 * thread, one frame at a time, so a bigger picture gets a quicker search. At terminal sizes (up to
 * 320x240) the tiny picture is worth a finer one: subme 7, every partition size and 3 references
 * cut clip.mp4 at 128x96 from 229 to 195 kbit/s at crf 23 (38.9 to 39.3 dB BGR) for about 2 ms
 * a frame of CPU instead of 1.2 (trellis 2 and subme 8 saved 3% more for twice the time). Then
 * subme 5, the diamond search and 4 references: clip.mp4 185 kbit/s at 39.08 dB instead of 198 at
 * 39.08, 1.0 ms a frame instead of 1.3; the face clip 45.7 kbit/s at 42.60 dB instead of 44.9 at
 * 42.83 (subme 5 alone: 199 kbit/s at 38.99 dB on clip.mp4; the 4th reference pays there). Then
 * in 4:4:4 the motion search in the two chroma planes (chroma-me) and trellis were most of the
 * time: without them, the bits and dB bought back by RD mode decision (subme 6), 8 references,
 * every DCT coefficient kept (no-dct-decimate, which trellis-less quantisation needs), a wider
 * inter deadzone and a stronger deblock: at crf 23.2 clip.mp4 at 128x96 189.8 kbit/s at 39.10 dB
 * (was 184.0 at 39.05; 124x93 194.8 at 38.84, was 186.2 at 38.80), the face clip 47.0 at 43.04
 * (45.7 at 42.60), encoding in 1.04 ms a frame of CPU instead of 1.26 (0.46 instead of 0.54 the
 * face; best of 7 alternating runs, thread CPU time, libavcodec directly), about 2 MB more for the
 * references. Alone, chroma-me=0 was 204 kbit/s at 38.84 dB, trellis=0 38.50 dB, subme 4 203 at
 * 38.81; the references past 8 cost more time than they saved.
 * VP9 runs at libvpx's quickest realtime setting at every size.
 */
export function x264For(pixels: number): {preset: string; params: string} {
	if (pixels <= 320 * 240)
		return {
			preset: 'faster',
			params:
				'subme=6:me=dia:partitions=all:ref=8:chroma-me=0:trellis=0:no-dct-decimate=1:deadzone-inter=23:deblock=1,2',
		};
	if (pixels <= 640 * 480) return {preset: 'veryfast', params: ''};
	return {preset: 'ultrafast', params: ''};
}

let encodes = 0;

/** Frames encoded by every VideoEncoder of this process: how tests see that a room shares them. */
export function encodeCount(): number {
	return encodes;
}

export class VideoEncoder {
	readonly settings: Readonly<EncoderSettings>;
	private handle: Handle | undefined;
	private readonly native: Binding;

	constructor(settings: EncoderSettings) {
		const native = load();
		if (!native) throw new Error(`no video codec: ${loadError ?? 'unknown reason'}`);
		this.native = native;
		this.settings = {...settings};
		const {codec, width, height, fps, crf, maxKbps, keyint} = settings;
		const x264 = x264For(width * height);
		const params = [x264.params, settings.x264Params ?? ''].filter(Boolean).join(':');
		this.handle = native.openEncoder(
			codec,
			width,
			height,
			fps,
			crf,
			Math.round(maxKbps),
			keyint,
			x264.preset,
			params,
		);
	}

	setRate(crf: number, maxKbps: number): void {
		if (this.handle) this.native.setRate(this.handle, crf, Math.max(10, Math.round(maxKbps)));
	}

	/** One packet per frame (no lookahead); null only if the encoder held the frame back. */
	encode(frame: Frame, forceKeyframe: boolean): {data: Buffer; key: boolean} | null {
		if (!this.handle) throw new Error('the encoder is closed');
		const pixels = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.length);
		encodes++;
		return this.native.encode(this.handle, pixels, forceKeyframe, frame.capturedAt);
	}

	close(): void {
		if (this.handle) this.native.closeEncoder(this.handle);
		this.handle = undefined;
	}
}

export class VideoDecoder {
	private handle: Handle | undefined;
	private readonly native: Binding;

	constructor(readonly codec: InterCodec) {
		const native = load();
		if (!native) throw new Error(`no video codec: ${loadError ?? 'unknown reason'}`);
		this.native = native;
		this.handle = native.openDecoder(codec);
	}

	/**
	 * The picture in this packet, undefined when the packet gives none; throws on a damaged,
	 * truncated or oversized packet (the caller then asks for a keyframe). After an error the
	 * decoder starts afresh: whatever state the bad packet left half-set cannot spoil the keyframe.
	 */
	decode(packet: Uint8Array, width: number, height: number, capturedAt: number): Frame | undefined {
		if (!this.handle) throw new Error('the decoder is closed');
		const bytes = Buffer.from(packet.buffer, packet.byteOffset, packet.length);
		let pixels: Buffer | null;
		try {
			pixels = this.native.decode(this.handle, bytes, width, height);
		} catch (error) {
			this.native.closeDecoder(this.handle);
			this.handle = this.native.openDecoder(this.codec);
			throw error;
		}
		return pixels ? makeFrame(width, height, pixels, capturedAt) : undefined;
	}

	close(): void {
		if (this.handle) this.native.closeDecoder(this.handle);
		this.handle = undefined;
	}
}

/**
 * The frame scaled to `size` by the binding, or undefined without it: area averaging (each pixel
 * the mean of those it covers, as OpenCV's INTER_AREA in one step) when shrinking, bilinear when
 * enlarging. Synchronous: at the sizes a call scales (a camera frame to a terminal's picture) it
 * takes well under a millisecond.
 */
export function scaleWithCodec(frame: Frame, size: {width: number; height: number}): Frame | undefined {
	const native = load();
	if (!native) return undefined;
	const pixels = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.length);
	const data = native.scale(pixels, frame.width, frame.height, size.width, size.height);
	return makeFrame(size.width, size.height, data, frame.capturedAt);
}

type Crop = {x: number; y: number; width: number; height: number};
type Size = {width: number; height: number};

function readArguments(crop: Crop, size: Size, skip: number, loop: boolean) {
	return [crop.x, crop.y, crop.width, crop.height, size.width, size.height, skip, loop] as const;
}

function readerBinding(): ReaderBinding | undefined {
	const native = load();
	if (
		!native?.openReader ||
		!native.readFrame ||
		!native.readFrameSync ||
		!native.rewindReader ||
		!native.closeReader
	)
		return undefined;
	const {openReader, readFrame, readFrameSync, rewindReader, closeReader} = native;
	return {openReader, readFrame, readFrameSync, rewindReader, closeReader};
}

/**
 * A video file or stream read through libavformat: each frame decoded, cropped, scaled and
 * converted to BGR, on libuv's thread pool (read) or in the calling thread (readNow). At its own
 * size it is OpenCV's VideoCapture's picture byte for byte; shrunk, the planes are averaged before the conversion (about 45 dB from
 * VideoCapture's picture shrunk with INTER_AREA).
 */
export class VideoReader {
	private handle: Handle | undefined;

	private constructor(
		private readonly native: ReaderBinding,
		opened: ReturnType<ReaderBinding['openReader']>,
	) {
		this.handle = opened.handle;
		this.width = opened.width;
		this.height = opened.height;
		this.fps = opened.fps;
		this.oneThread = opened.oneThread;
	}

	readonly width: number;
	readonly height: number;
	/** The stream's own rate; 0 when it tells none. */
	readonly fps: number;
	/** Its pictures decode on one thread, in a millisecond or two (up to 640x480): cheap enough for readNow. */
	readonly oneThread: boolean;

	/** Whether the binding is there to read with (else OpenCV reads files and streams). */
	static available(): boolean {
		return readerBinding() !== undefined;
	}

	/** Undefined when there is no binding (OpenCV reads instead); throws when `url` cannot be read. */
	static open(url: string, timeoutSeconds: number): VideoReader | undefined {
		const native = readerBinding();
		if (!native) return undefined;
		return new VideoReader(native, native.openReader(url, timeoutSeconds * 1_000_000));
	}

	/** The next picture after passing over `skip`, `crop` of it scaled to `size`; null at the end. */
	read(crop: Crop, size: Size, skip: number, loop: boolean): Promise<Buffer | null> {
		if (!this.handle) return Promise.reject(new Error('the reader is closed'));
		return this.native.readFrame(this.handle, ...readArguments(crop, size, skip, loop));
	}

	/** read's picture, decoded in this thread: for small local files only (a millisecond a frame). */
	readNow(crop: Crop, size: Size, skip: number, loop: boolean): Buffer | null {
		if (!this.handle) throw new Error('the reader is closed');
		return this.native.readFrameSync(this.handle, ...readArguments(crop, size, skip, loop));
	}

	rewind(): void {
		if (this.handle) this.native.rewindReader(this.handle);
	}

	close(): void {
		if (this.handle) this.native.closeReader(this.handle);
		this.handle = undefined;
	}
}

/**
 * --quality's one meaning across codecs: how close the picture stays to the camera's, 1..100.
 * With jpeg444 it is the JPEG quality; for H.264 and VP9 it maps to the constant rate factor that
 * gives about the same PSNR at the sizes a terminal shows, a little under JPEG's at the top, where
 * JPEG spends far more bits for its last dB (90, the default: H.264 crf 23.2, 39.1 dB on
 * clip.mp4 at 128x96 where jpeg444 q90 gives 40-41 at eight times the bits; 75: crf 25.3, about
 * 37.5 with either). The link may still lower it (the bitrate ceiling).
 */
export function crfForQuality(quality: number, codec: InterCodec): number {
	const q = Math.max(1, Math.min(100, quality));
	const h264 = q >= 90 ? 23.2 - (q - 90) : q >= 75 ? 23.2 + (90 - q) * 0.14 : 25.3 + (75 - q) * 0.35;
	const crf = codec === 'h264' ? h264 : h264 * 1.1;
	return Math.round(Math.max(0, Math.min(codec === 'h264' ? 51 : 63, crf)) * 10) / 10;
}
