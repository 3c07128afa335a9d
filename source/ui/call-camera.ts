/**
 * Your camera on the call screen: the source (opened once, retried every few seconds after it
 * was lost), pause, and the cards sent instead of the picture while paused or lost, so the peer
 * never stares at a frozen frame. Every frame or card goes to `onFrame` (the call and the self
 * view); what the camera is doing goes to `onState` (the reducer).
 */
import type {Frame} from '../frame.js';
import type {Size} from '../sources/fit.js';
import {openSource, type FrameSource} from '../sources/index.js';
import type {CameraState} from './call-state.js';
import {cardFrame} from './cards.js';
import {errorMessage} from '../text/error-message.js';
import {idleReadSize} from '../control/controller.js';

export type CallCameraOptions = {
	readonly spec: string;
	/** Seconds between retries after the camera was lost; default 3. */
	readonly retrySeconds?: number;
	/** `native`: the camera's own size (the frame may be read smaller: sizeFor). */
	readonly onFrame: (frame: Frame, native: Size) => void;
	readonly onState: (camera: CameraState) => void;
	/**
	 * The size the frames after this one are wanted at, given the camera's own (undefined: its own).
	 * Asked after every frame: scaling once, where the frame is read, to what is sent and shown
	 * costs a fraction of scaling a 640x480 picture twice (for the peer and for the self view).
	 */
	readonly sizeFor?: (native: Size) => Size | undefined;
};

/**
 * What a camera's frames are read at (sizeFor): the larger of the size they are sent at and the
 * self view's square pixels; its own size while a call does not know yet (or a caller is in its
 * greeting). `idle` (no call, none on its way): only what the self view shows, idleReadSize without
 * one. An idle listener read 640x480 at 30 fps for nobody: a quarter of a core, waiting.
 */
export function readSize(
	sent: Size | undefined,
	self: {readonly squareWidth: number; readonly squareHeight: number} | undefined,
	idle = false,
): Size | undefined {
	const shown = self && {width: self.squareWidth, height: self.squareHeight};
	if (idle) return shown ?? idleReadSize;
	if (!sent || !shown) return sent;
	return sent.width * sent.height >= shown.width * shown.height ? sent : shown;
}

export class CallCamera {
	private source: FrameSource | undefined;
	private paused = false;
	private lost = false;
	private retryTimer: NodeJS.Timeout | undefined;
	private cardTimer: NodeJS.Timeout | undefined;
	private lastSize = {width: 640, height: 480};
	private stopped = false;

	constructor(private readonly options: CallCameraOptions) {}

	/** Paused or lost: the peer gets cards, not pictures. */
	get showingCard(): boolean {
		return this.paused || this.lost;
	}

	async start(): Promise<void> {
		if (this.stopped) return;
		if (!this.source) {
			let source: FrameSource;
			try {
				source = openSource(this.options.spec, {fps: 30, loop: true});
			} catch (error) {
				this.failed(errorMessage(error));
				return;
			}
			this.source = source;
			source.onFrame((frame) => {
				if (this.stopped) return;
				// Cards are drawn at the camera's own size, whatever size its frames come at.
				const native = source.nativeSize ?? frame;
				this.lastSize = {width: native.width, height: native.height};
				if (this.options.sizeFor) source.setSize(this.options.sizeFor(native));
				if (!this.paused) this.options.onFrame(frame, native);
			});
			source.onError((error) => this.failed(error.message));
		}
		try {
			await this.source.start();
			if (this.stopped) return;
			this.lost = false;
			this.options.onState(this.paused ? {kind: 'paused'} : {kind: 'live'});
			this.updateCards();
		} catch (error) {
			this.failed(errorMessage(error));
		}
	}

	setPaused(paused: boolean): void {
		this.paused = paused;
		this.updateCards();
	}

	/** Sends the card for how things are now (a call just started while paused or lost). */
	sendCard(): void {
		const kind = this.paused ? 'paused' : 'no-camera';
		this.options.onFrame(cardFrame(kind, this.lastSize.width, this.lastSize.height), this.lastSize);
	}

	async stop(): Promise<void> {
		this.stopped = true;
		clearTimeout(this.retryTimer);
		clearInterval(this.cardTimer);
		await this.source?.stop().catch(() => undefined);
	}

	private updateCards(): void {
		if (this.showingCard && !this.cardTimer) {
			this.sendCard();
			this.cardTimer = setInterval(() => this.sendCard(), 500);
		} else if (!this.showingCard && this.cardTimer) {
			clearInterval(this.cardTimer);
			this.cardTimer = undefined;
		}
	}

	private failed(message: string): void {
		if (this.stopped) return;
		this.lost = true;
		this.options.onState({kind: 'lost', message});
		this.updateCards();
		clearTimeout(this.retryTimer);
		this.retryTimer = setTimeout(() => void this.start(), (this.options.retrySeconds ?? 3) * 1000);
	}
}
