/** Sources that need no decoding per frame: a still image, and the synthetic test pattern. */
import fs from 'node:fs';
import {makeFrame, type Frame} from '../frame.js';
import type {Mat} from '../opencv.js';
import {matToFrame, openOpenCv, type OpenedCapture} from './capture.js';
import {resolveTargetSize, type Size} from './fit.js';
import {drawTestPattern} from './test-pattern.js';
import {fileMissing, SourceError} from './types.js';

export class ImageGrabber {
	private frame: Frame | undefined;
	private image: Mat | undefined;
	private resizing: Promise<void> | undefined;

	constructor(
		private readonly path: string,
		private wanted: Partial<Size>,
	) {}

	async open(): Promise<OpenedCapture> {
		if (!fs.existsSync(this.path)) throw fileMissing(this.path);
		const cv = await openOpenCv();
		const mat = await cv.imreadAsync(this.path).catch(() => undefined);
		if (!mat || mat.empty)
			throw new SourceError('not-an-image', `${this.path} is not an image OpenCV can read.`);
		const size = {width: mat.cols, height: mat.rows};
		this.image = mat;
		this.frame = await matToFrame(cv, mat, resolveTargetSize(size, this.wanted), Date.now());
		return {size, nativeFps: undefined};
	}

	setSize(wanted: Partial<Size>): void {
		this.wanted = wanted;
		const image = this.image;
		if (!image) return;
		const target = resolveTargetSize({width: image.cols, height: image.rows}, wanted);
		this.resizing = openOpenCv()
			.then((cv) => matToFrame(cv, image, target, Date.now()))
			.then((frame) => {
				if (this.image === image) this.frame = frame;
			});
	}

	// The picture never changes, so every frame shares the decoded bytes; only the time is new.
	async read(): Promise<Frame> {
		await this.resizing;
		const frame = this.frame;
		if (!frame) throw new SourceError('vanished', `${this.path} is not open.`);
		return {...frame, capturedAt: Date.now()};
	}

	close(): void {
		this.frame = undefined;
		this.image?.release();
		this.image = undefined;
	}
}

export class TestPatternGrabber {
	private started = 0;
	private size: Size;
	private static readonly nativeSize = {width: 640, height: 480};

	constructor(wanted: Partial<Size>) {
		this.size = resolveTargetSize(TestPatternGrabber.nativeSize, wanted);
	}

	setSize(wanted: Partial<Size>): void {
		this.size = resolveTargetSize(TestPatternGrabber.nativeSize, wanted);
	}

	async open(): Promise<OpenedCapture> {
		this.started = Date.now();
		return {size: TestPatternGrabber.nativeSize, nativeFps: undefined};
	}

	async read(): Promise<Frame> {
		const now = Date.now();
		const data = drawTestPattern(this.size.width, this.size.height, (now - this.started) / 1000);
		return makeFrame(this.size.width, this.size.height, data, now);
	}

	close(): void {}
}
