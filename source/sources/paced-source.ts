/**
 * Turns a grabber (something that can open, read one frame, close) into a FrameSource that
 * delivers frames at a steady rate. A file plays in real time at its own rate: when asked for
 * fewer frames a second than it has, frames are passed over rather than played slower.
 */
import type {Frame} from '../frame.js';
import type {OpenedCapture} from './capture.js';
import type {Size} from './fit.js';
import type {FrameListener, FrameSource, SourceErrorListener, SourceSpec} from './types.js';
import {SourceError} from './types.js';
import {errorMessage} from '../text/error-message.js';

export type Grabber = {
	open(): Promise<OpenedCapture>;
	setSize(size: Partial<Size>): void;
	read(skip: number): Promise<Frame>;
	close(): void;
};

export type PacedSourceOptions = {
	readonly fps: number;
	/** false: deliver each frame as soon as the previous one is read (benchmarks). */
	readonly paced: boolean;
	/** Files only: the stream has a rate of its own that playback must keep. */
	readonly followsNativeRate: boolean;
	/**
	 * A live stream (a URL): each read waits for the stream's next frame, so the stream sets the
	 * pace and frames are never slept on. Paced on top, a stream that got ahead during a stall
	 * (frames queued in the socket) stayed that far ahead for good: one frame read per interval
	 * never drained the queue (the ssh bench's camera: 0.5-0.9 s behind for a whole run).
	 */
	readonly live?: boolean;
};

/** Frames a live stream may come ahead of the rate asked for (its jitter) before any is passed over. */
const liveSlackFrames = 3;

export class PacedSource implements FrameSource {
	private readonly frameListeners = new Set<FrameListener>();
	private readonly errorListeners = new Set<SourceErrorListener>();
	private loop: Promise<void> | undefined;
	private wakeUp: (() => void) | undefined;
	private sleepTimer: NodeJS.Timeout | undefined;
	private isRunning = false;
	private deliveredFps: number;
	private opened: OpenedCapture | undefined;
	private name: string;

	constructor(
		readonly spec: SourceSpec,
		description: string,
		private readonly grabber: Grabber,
		private readonly options: PacedSourceOptions,
	) {
		this.name = description;
		this.deliveredFps = options.fps;
	}

	get description(): string {
		return this.name;
	}

	get running(): boolean {
		return this.isRunning;
	}

	get fps(): number {
		return this.deliveredFps;
	}

	get nativeSize(): Size | undefined {
		return this.opened?.size;
	}

	setSize(size: Size | undefined): void {
		this.grabber.setSize(size ?? {});
	}

	async start(): Promise<void> {
		if (this.isRunning) return;
		let opened: OpenedCapture;
		try {
			opened = await this.grabber.open();
		} catch (error) {
			this.grabber.close();
			throw error;
		}
		this.opened = opened;
		const native = opened.nativeFps;
		this.deliveredFps =
			native && this.options.followsNativeRate ? Math.min(native, this.options.fps) : this.options.fps;
		const rate = native ? `, ${Math.round(native * 100) / 100} fps` : '';
		this.name = `${this.baseName()} (${opened.size.width}x${opened.size.height}${rate})`;
		this.isRunning = true;
		const sourceFramesPerTick = native && this.options.followsNativeRate ? native / this.deliveredFps : 1;
		this.loop = this.run(sourceFramesPerTick);
	}

	async stop(): Promise<void> {
		this.isRunning = false;
		if (this.sleepTimer) clearTimeout(this.sleepTimer);
		this.wakeUp?.();
		await this.loop;
		this.loop = undefined;
	}

	onFrame(listener: FrameListener): () => void {
		this.frameListeners.add(listener);
		return () => this.frameListeners.delete(listener);
	}

	onError(listener: SourceErrorListener): () => void {
		this.errorListeners.add(listener);
		return () => this.errorListeners.delete(listener);
	}

	private baseName(): string {
		return this.name.replace(/ \(\d+x\d+(, [\d.]+ fps)?\)$/, '');
	}

	private async run(sourceFramesPerTick: number): Promise<void> {
		const interval = 1000 / this.deliveredFps;
		let due = performance.now();
		let owed = 0;
		let credit = liveSlackFrames;
		let creditAt = performance.now();
		try {
			while (this.isRunning) {
				owed += sourceFramesPerTick;
				const take = Math.max(1, Math.floor(owed + 1e-9));
				owed -= take;
				const frame = await this.grabber.read(take - 1);
				if (!this.isRunning) break;
				if (this.options.live && this.options.paced) {
					// At most the rate asked for, with a few frames of slack for a stream's jitter: a queue
					// of frames read back to back is passed over but for those few, so it drains at the
					// speed of reading. (Half an interval apart as the test instead lost a frame in 15 of
					// a jittery 30 fps stream.)
					const now = performance.now();
					credit = Math.min(liveSlackFrames, credit + (now - creditAt) / interval);
					creditAt = now;
					if (credit >= 1) {
						credit--;
						this.deliver(frame);
					}
					continue;
				}
				this.deliver(frame);
				if (!this.options.paced) {
					// Let timers and I/O run between frames even when nothing waits.
					await new Promise<void>((resolve) => setImmediate(resolve));
					continue;
				}
				due += interval;
				const now = performance.now();
				// Behind by more than a frame (a slow read, a stalled machine): start the clock again
				// rather than rush out a burst of frames to catch up.
				if (now - due > interval) due = now;
				await this.sleep(due - now);
			}
		} catch (error) {
			if (this.isRunning) {
				this.isRunning = false;
				const failure =
					error instanceof SourceError
						? error
						: new SourceError('vanished', `${this.baseName()} failed: ${errorMessage(error)}`);
				for (const listener of this.errorListeners) listener(failure);
			}
		} finally {
			this.grabber.close();
		}
	}

	private deliver(frame: Frame): void {
		for (const listener of this.frameListeners) listener(frame);
	}

	private sleep(milliseconds: number): Promise<void> {
		if (milliseconds <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			this.wakeUp = resolve;
			this.sleepTimer = setTimeout(resolve, milliseconds);
		});
	}
}
