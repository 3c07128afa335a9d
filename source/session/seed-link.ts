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
import {ProtocolError} from '../protocol/errors.js';
import type {Role} from './call-types.js';
import type {Link, LinkHost} from './link.js';
import type {Size} from './media.js';
import {scaleFrame} from '../sources/scale.js';

export const firstFrameGraceMs = 1000;
/** A frame in progress that gets no byte for this long ends the call (the format has no keep-alive). */
export const seedStallMs = 5000;
/**
 * Past its first seedStallMs, a frame in progress must have come at this average rate at least: a
 * byte every few seconds (a 4096x2160 frame would take months) is an attack, not a slow link.
 */
export const seedMinBytesPerSecond = 16 * 1024;

export type SeedLinkOptions = {
	/** The shape this side already sent during the greeting (session/greeting.ts). */
	shapeSent?: SeedShape;
	stallMs?: number;
	minBytesPerSecond?: number;
};

export class SeedLink implements Link {
	readonly codec = 'raw';
	readonly rttMs = null;
	private readonly parser = new SeedParser();
	private ourShape: SeedShape | undefined;
	private peerFrameSeen = false;
	private framesSent = 0;
	private pausedUntil = 0;
	private frameStartedAt: number | undefined;
	private frameBytes = 0;
	private lastByteAt = Date.now();

	constructor(
		private readonly host: LinkHost,
		private readonly role: Role,
		private readonly options: SeedLinkOptions = {},
	) {
		this.ourShape = options.shapeSent;
	}

	get peerShape(): Size | undefined {
		const shape = this.parser.shape;
		return shape ? {width: shape.cols, height: shape.rows} : undefined;
	}

	/** Inside a frame, or inside the peer's shape: silence here is a stall, not a pause between frames. */
	get midMessage(): boolean {
		return this.parser.midFrame || !this.parser.shape;
	}

	start(initial: Buffer): void {
		this.sendShapeWhenAllowed();
		if (initial.length > 0) this.receive(initial);
	}

	receive(chunk: Buffer): void {
		const now = Date.now();
		this.lastByteAt = now;
		if (this.midMessage) this.frameBytes += chunk.length;
		for (const event of this.parser.push(chunk)) {
			if (event.type !== 'frame') continue;
			this.frameStartedAt = undefined;
			this.peerFrameSeen = true;
			// Live before the first frame is shown, so whoever takes the call gets that frame too.
			this.noticeInCall();
			// The format carries no capture time: latency cannot be measured, only frames counted.
			this.host.shown(makeFrame(event.cols, event.rows, event.data, Date.now()), undefined);
		}
		if (this.midMessage && this.frameStartedAt === undefined) {
			this.frameStartedAt = now;
			this.frameBytes = 0;
		}
		this.sendShapeWhenAllowed();
		this.noticeInCall();
		this.host.pump();
	}

	/**
	 * The call is live once the peer's first whole frame has arrived: until then the connection is
	 * one of a listener's candidates and holds nothing, so a caller that sends `done1` and stops,
	 * or dribbles a 4096x2160 frame, keeps no one else out. (Our frames flow before that: the
	 * script and facetty's seed caller send theirs only after ours.)
	 */
	private noticeInCall(): void {
		if (this.ourShape && this.peerFrameSeen) this.host.inCall();
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

	/** Why a peer that closes before its first frame did so, as far as can be told. */
	closedEarly(): Error | undefined {
		if (this.peerFrameSeen) return undefined;
		if (this.parser.announced && this.role === 'caller') {
			return new ProtocolError(
				'not-encrypted',
				"the listener is facetty and hung up on a call in the original script's format: it asks for a secret, " +
					'a key or encryption. Call without --protocol seed.',
			);
		}
		return new ProtocolError('bad-handshake', 'the peer hung up before its first frame');
	}

	goodbye(): void {
		// The seed format's only goodbye is closing the connection.
	}

	tick(now: number): void {
		if (this.frameStartedAt !== undefined && this.midMessage) {
			const stallMs = this.options.stallMs ?? seedStallMs;
			const elapsed = now - this.frameStartedAt;
			const floor = this.options.minBytesPerSecond ?? seedMinBytesPerSecond;
			if (now - this.lastByteAt > stallMs) {
				this.host.fail(
					new ProtocolError(
						'timeout',
						`the peer stopped for ${Math.round((now - this.lastByteAt) / 1000)} s in the middle of a frame`,
					),
				);
				return;
			}
			if (elapsed > stallMs && (this.frameBytes * 1000) / elapsed < floor) {
				this.host.fail(
					new ProtocolError(
						'timeout',
						`the peer sent a frame at ${Math.round((this.frameBytes * 1000) / elapsed)} bytes a second, too slow to be a call`,
					),
				);
				return;
			}
		}
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
