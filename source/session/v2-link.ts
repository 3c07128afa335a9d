/**
 * facetty protocol v2 inside a call: hello first, then video scaled to what the peer shows,
 * only as many frames unacknowledged as the link carries without queueing (send-window.ts: a slow
 * link drops frames at the sender instead of queueing seconds of video), ping/pong once a second for the
 * round-trip time and the clock offset that turns the peer's capture times into ours.
 *
 * Video goes as H.264 (or VP9) 4:4:4 when both hellos offer it, each packet one message as soon as
 * it is encoded, at a bitrate and frame rate that follow the link (video-sender.ts); jpeg444 to
 * peers without. The receiver decodes a packet in the turn it arrives and asks for a keyframe
 * (keyframe-request) whenever it cannot show the stream (video-receiver.ts). A new call (the move
 * from relay to direct, a reconnect) is a new link, so it starts by asking too. This file holds the
 * messages: the hello, the rates a peer's messages are held to, ping/pong, chat and goodbye.
 */
import type {Frame} from '../frame.js';
import {ProtocolError} from '../protocol/errors.js';
import {
	allCapabilities,
	capability,
	encodeV2,
	helloAgent,
	V2Parser,
	v2Version,
	type V2Message,
} from '../protocol/v2.js';
import {interCodecs, type InterCodec} from '../native-codec.js';
import type {DirectOffer} from './call-types.js';
import {HeldAcks} from './held-acks.js';
import {TokenBucket} from './keyframe-limit.js';
import type {Link, LinkHost} from './link.js';
import {cleanLine, cleanLines} from '../text/sanitize.js';
import type {Size} from './media.js';
import {VideoReceiver} from './video-receiver.js';
import {codecBit, VideoSender} from './video-sender.js';

const pingIntervalMs = 1000;
/** Capabilities every facetty has; the codecs' bits are added for those this machine has. */
const baseCapabilities = allCapabilities & ~(capability.h264 | capability.vp9);
/** A chat message may span lines (each cleaned); a goodbye reason is one line. */
export const chatLimits = {maxColumns: 500, maxLines: 20, keepSpaces: true} as const;
const maxReasonColumns = 160;

/**
 * How many of each kind of peer message a call handles a second (a burst, then a steady rate).
 * A facetty peer stays far below them (one ping a second, an ack per frame, chat as fast as a
 * person types); a flood beyond is dropped without being acted on, so its cost is only its
 * parsing. Video needs none: one frame is decoded at a time and a newer one replaces the waiting.
 */
export const peerMessageRates = {
	chat: {perSecond: 2, burst: 10},
	ping: {perSecond: 5, burst: 10},
	'show-size': {perSecond: 20, burst: 40},
	'frame-ack': {perSecond: 240, burst: 240},
	'direct-offer': {perSecond: 0.1, burst: 2},
} as const;
type RatedType = keyof typeof peerMessageRates;

export class V2Link implements Link {
	rttMs: number | null = null;
	lastMessageAt: number | undefined;
	private readonly parser = new V2Parser({helloFirst: true});
	private clockSamples: Array<{rtt: number; offset: number}> = [];
	private clockOffset = 0;
	private pingId = 0;
	private lastPingAt = 0;
	private readonly rates = new Map<RatedType, TokenBucket>();
	private saidChatDropped = false;
	/** The inter-frame codecs this side decodes and may send, best first. */
	private readonly offered: readonly InterCodec[];
	private readonly sender: VideoSender;
	private readonly receiver: VideoReceiver;
	private readonly heldAcks: HeldAcks;

	constructor(private readonly host: LinkHost) {
		this.heldAcks = new HeldAcks((bytes) => this.host.write(bytes));
		const wanted = host.options.interCodecs ?? ['h264', 'vp9'];
		this.offered = interCodecs().filter((codec) => wanted.includes(codec));
		this.sender = new VideoSender(host, this.offered);
		this.receiver = new VideoReceiver({
			offered: this.offered,
			peerMaySendInter: () =>
				this.offered.some((codec) => ((this.peerCapabilities ?? 0) & codecBit[codec]) !== 0),
			clockOffset: () => this.clockOffset,
			rttMs: () => this.rttMs,
			write: (bytes) => this.host.write(bytes),
			shown: (frame, latencyMs) => this.host.shown(frame, latencyMs),
		});
	}

	/** The peer's hello capabilities, once it sent them (kept by the sender, which needs them most). */
	private get peerCapabilities(): number | undefined {
		return this.sender.peerCapabilities;
	}

	/** The size of the peer's latest picture. */
	get peerShape(): Size | undefined {
		return this.receiver.peerShape;
	}

	/** Whether this message is within its kind's rate (peerMessageRates). */
	private withinRate(type: RatedType): boolean {
		let bucket = this.rates.get(type);
		if (!bucket) {
			bucket = new TokenBucket(peerMessageRates[type]);
			this.rates.set(type, bucket);
		}
		return bucket.take(performance.now());
	}

	/** What this side sends now: h264, vp9, jpeg444, jpeg or raw; null before its first frame. */
	get codec(): string | null {
		return this.sender.codec;
	}

	/** The bitrate the inter-frame codec aims at now (kbit/s), null while it is not sending one. */
	get targetKbps(): number | null {
		return this.sender.targetKbps;
	}

	close(): void {
		this.heldAcks.close();
		this.sender.close();
		this.receiver.close();
	}

	readyForFrame(): boolean {
		return this.sender.readyForFrame();
	}

	sendSizeFor(native: Size): Size | undefined {
		return this.sender.sendSizeFor(native);
	}

	/** The frame's message, with the acks held for it in front (the Call writes it at once). */
	async encodeFrame(frame: Frame): Promise<Buffer | undefined> {
		const bytes = await this.sender.encodeFrame(frame);
		return bytes && this.heldAcks.prependTo(bytes);
	}

	get midMessage(): boolean {
		return this.parser.midMessage;
	}

	start(initial: Buffer): void {
		this.host.write(
			encodeV2({
				type: 'hello',
				version: v2Version,
				capabilities: this.offered.reduce((bits, codec) => bits | codecBit[codec], baseCapabilities),
				agent: helloAgent(this.host.options.name),
			}),
		);
		const shown = this.host.options.shownSize;
		if (shown) this.requestShownSize(shown);
		if (initial.length > 0) this.receive(initial);
	}

	receive(chunk: Buffer): void {
		for (const message of this.parser.push(chunk)) {
			this.lastMessageAt = Date.now();
			this.handle(message);
		}
	}

	sendChat(text: string): void {
		this.host.write(encodeV2({type: 'chat', text}));
	}

	sendDirectOffer(offer: DirectOffer): void {
		this.host.write(encodeV2({type: 'direct-offer', ...offer}));
	}

	sendRoom(code: number, payload: Buffer): void {
		this.host.write(encodeV2({type: 'room', code, payload}));
	}

	requestShownSize(size: Size): void {
		const clamp = (n: number) => Math.max(0, Math.min(0xffff, Math.round(n)));
		this.host.write(encodeV2({type: 'show-size', width: clamp(size.width), height: clamp(size.height)}));
		// The next picture is of another size: a new stream, which starts at a keyframe.
		if (this.peerCapabilities !== undefined) this.receiver.askForKeyframe(Date.now());
	}

	goodbye(reason: string): void {
		const bytes = Buffer.from(reason, 'utf8')
			.subarray(0, 500)
			.toString('utf8')
			.replace(/\uFFFD+$/, '');
		this.host.write(encodeV2({type: 'goodbye', reason: bytes}));
	}

	tick(now: number): void {
		if (this.peerCapabilities !== undefined && now - this.lastPingAt >= pingIntervalMs) this.ping(now);
		if (this.sender.tick(now)) this.host.pump();
		this.receiver.tick(now);
	}

	private ping(now: number): void {
		this.lastPingAt = now;
		this.host.write(encodeV2({type: 'ping', id: ++this.pingId, sentAt: now}));
	}

	private handle(message: V2Message): void {
		if (message.type === 'key-question') {
			if (this.peerCapabilities === undefined) this.host.peerIsAsking();
			return;
		}
		// Before hello nothing else reaches here: the parser refuses it at its header (helloFirst).
		if (message.type in peerMessageRates && !this.withinRate(message.type as RatedType)) {
			if (message.type === 'chat' && !this.saidChatDropped) {
				this.saidChatDropped = true;
				this.host.chat(
					`… (the peer sends more than ${peerMessageRates.chat.perSecond} chat messages a second: the rest are not shown)`,
				);
			}
			return;
		}
		switch (message.type) {
			case 'hello':
				if (message.version < v2Version) {
					throw new ProtocolError(
						'unsupported-version',
						`the peer speaks protocol version ${message.version}`,
					);
				}
				this.sender.peerCapabilities = message.capabilities;
				this.host.peerHello(message.agent);
				this.host.inCall();
				this.ping(Date.now());
				this.receiver.askForKeyframe(Date.now());
				this.host.pump();
				break;
			case 'video': {
				const peer = this.peerCapabilities ?? 0;
				if (peer & capability.heldAcks)
					this.heldAcks.hold(message.seq, performance.now(), this.sender.windowOpen());
				else if (peer & capability.frameAck) this.host.write(encodeV2({type: 'frame-ack', seq: message.seq}));
				this.receiver.receive(message);
				break;
			}
			case 'keyframe-request':
				this.sender.keyframeRequested(message.lastSeq);
				break;
			case 'show-size':
				this.sender.peerShows = message.width > 0 && message.height > 0 ? message : undefined;
				break;
			case 'chat': {
				// The peer's words, never its escape sequences: cleaned here, where they arrive.
				const text = cleanLines(message.text, chatLimits);
				if (text !== '') this.host.chat(text);
				break;
			}
			case 'ping': {
				const receivedAt = Date.now();
				this.host.write(
					encodeV2({
						type: 'pong',
						id: message.id,
						pingSentAt: message.sentAt,
						receivedAt,
						sentAt: Date.now(),
					}),
				);
				break;
			}
			case 'pong':
				this.onPong(message, Date.now());
				break;
			case 'goodbye': {
				// "hung up" is what a peer says when its user quits; anything else is a reason worth showing.
				const reason = cleanLine(message.reason, {maxColumns: maxReasonColumns});
				this.host.ended(
					!reason || /^hung up$/i.test(reason) ? 'the peer hung up' : `the peer hung up (${reason})`,
				);
				break;
			}
			case 'frame-ack':
				this.sender.acked(message.seq, Date.now(), message.heldMs ?? 0);
				this.host.pump();
				break;
			case 'direct-offer':
				// Only inside an encrypted, authenticated channel: on plaintext a stranger could steer us.
				if (this.host.options.secret !== undefined) this.host.directOffer(message);
				break;
			case 'room':
				// Only between a room's members, who proved the room's code to each other (CPace).
				if (this.host.options.secret !== undefined) this.host.room?.(message.code, message.payload);
				break;
			case 'unknown':
				break;
		}
	}

	private onPong(pong: Extract<V2Message, {type: 'pong'}>, now: number): void {
		const rtt = now - pong.pingSentAt - (pong.sentAt - pong.receivedAt);
		const offset = (pong.receivedAt - pong.pingSentAt + (pong.sentAt - now)) / 2;
		this.rttMs = Math.max(0, rtt);
		this.clockSamples = [...this.clockSamples.slice(-7), {rtt, offset}];
		// The least-delayed exchange is the least skewed by queueing.
		const quickest = this.clockSamples.reduce((best, s) => (s.rtt < best.rtt ? s : best));
		this.clockOffset = quickest.offset;
		this.sender.setRoundTrip(quickest.rtt);
	}
}
