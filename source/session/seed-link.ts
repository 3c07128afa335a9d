/**
 * The seed format inside a call, obeying the script's ordering: it reads our shape with one
 * recv(10), so a frame sent before that read would be glued into the shape and break it.
 * As accepter we send frames only after the caller's shape starts arriving (it sends its shape
 * after reading ours); as caller only after the accepter's first frame arrives (it sends frames
 * after reading ours). Every frame has exactly the announced shape: the format cannot change it.
 */
import {makeFrame, type Frame} from '../frame.js';
import {
	encodeSeedFrame,
	encodeSeedShape,
	SeedParser,
	validateSeedShape,
	type SeedShape,
} from '../protocol/seed.js';
import type {Link, LinkHost, Role} from './call.js';
import {scaleFrame, type Size} from './media.js';

export const firstFrameGraceMs = 1000;

export class SeedLink implements Link {
	readonly codec = 'raw';
	readonly rttMs = null;
	private readonly parser = new SeedParser();
	private ourShape: SeedShape | undefined;
	private peerFrameSeen = false;
	private framesSent = 0;
	private pausedUntil = 0;

	constructor(
		private readonly host: LinkHost,
		private readonly role: Role,
	) {}

	get peerShape(): Size | undefined {
		const shape = this.parser.shape;
		return shape ? {width: shape.cols, height: shape.rows} : undefined;
	}

	get midMessage(): boolean {
		return this.parser.midFrame;
	}

	start(initial: Buffer): void {
		this.sendShapeWhenAllowed();
		if (initial.length > 0) this.receive(initial);
	}

	receive(chunk: Buffer): void {
		for (const event of this.parser.push(chunk)) {
			if (event.type !== 'frame') continue;
			this.peerFrameSeen = true;
			// The format carries no capture time: latency cannot be measured, only frames counted.
			this.host.shown(makeFrame(event.cols, event.rows, event.data, Date.now()), undefined);
		}
		this.sendShapeWhenAllowed();
		this.noticeInCall();
		this.host.pump();
	}

	/** Both shapes are on their way: the seed handshake is over. */
	private noticeInCall(): void {
		if (this.ourShape && this.parser.shapeStarted) this.host.inCall();
	}

	readyForFrame(): boolean {
		this.sendShapeWhenAllowed();
		if (!this.ourShape || Date.now() < this.pausedUntil) return false;
		return this.role === 'accepter' ? this.parser.shapeStarted : this.peerFrameSeen;
	}

	async encodeFrame(frame: Frame): Promise<Buffer | undefined> {
		const shape = this.ourShape!;
		const scaled = await scaleFrame(frame, {width: shape.cols, height: shape.rows});
		// The script opens its window on the first frame it shows, which takes a while; frames
		// piling up meanwhile would be mixed by its reader, which trusts one recv() per frame.
		if (++this.framesSent === 1) this.pausedUntil = Date.now() + firstFrameGraceMs;
		return encodeSeedFrame(shape, scaled.data);
	}

	sendChat(): void {
		// The seed format has no chat.
	}

	requestShownSize(): void {
		// The seed format cannot ask the peer for another size.
	}

	goodbye(): void {
		// The seed format's only goodbye is closing the connection.
	}

	tick(): void {
		this.sendShapeWhenAllowed();
		this.host.pump();
	}

	private sendShapeWhenAllowed(): void {
		if (this.ourShape) return;
		// The caller answers the accepter's shape, as the script's initiator does after its recv(10).
		if (this.role === 'caller' && !this.parser.shapeStarted) return;
		const size = this.host.options.seedShape ?? this.host.peekFrame();
		if (!size) return;
		const shape = validateSeedShape(size.height, size.width);
		this.ourShape = shape;
		this.host.write(encodeSeedShape(shape));
		this.noticeInCall();
	}
}
