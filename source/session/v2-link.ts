/**
 * facetty protocol v2 inside a call: hello first, then video scaled to what the peer shows,
 * only as many frames unacknowledged as the link carries without queueing (send-window.ts: a slow
 * link drops frames at the sender instead of queueing seconds of video), ping/pong once a second for the
 * round-trip time and the clock offset that turns the peer's capture times into ours.
 */
import {makeFrame, type Frame} from '../frame.js';
import {ProtocolError} from '../protocol/errors.js';
import {
	allCapabilities,
	capability,
	encodeV2,
	helloAgent,
	V2Parser,
	v2Version,
	type V2Message,
	type VideoCodec,
} from '../protocol/v2.js';
import type {DirectOffer} from './call-types.js';
import type {Link, LinkHost} from './link.js';
import {cleanLine, cleanLines} from '../text/sanitize.js';
import {SendWindow} from './send-window.js';
import {
	decodeJpeg,
	decodeJpeg444,
	defaultJpegQuality,
	encodeJpeg,
	encodeJpeg444,
	fitWithin,
	type Size,
} from './media.js';
import {scaleFrame} from '../sources/scale.js';

const pingIntervalMs = 1000;
/** A chat message may span lines (each cleaned); a goodbye reason is one line. */
export const chatLimits = {maxColumns: 500, maxLines: 20, keepSpaces: true} as const;
const maxReasonColumns = 160;

type Video = Extract<V2Message, {type: 'video'}>;

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

class TokenBucket {
	private tokens: number;
	private last = 0;

	constructor(private readonly rate: {perSecond: number; burst: number}) {
		this.tokens = rate.burst;
	}

	take(now: number): boolean {
		this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.last) / 1000) * this.rate.perSecond);
		this.last = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}

export class V2Link implements Link {
	rttMs: number | null = null;
	lastMessageAt: number | undefined;
	peerShape: Size | undefined;
	private readonly parser = new V2Parser();
	private peerCapabilities: number | undefined;
	private peerShows: Size | undefined;
	private seq = 0;
	private readonly window = new SendWindow();
	private clockSamples: Array<{rtt: number; offset: number}> = [];
	private clockOffset = 0;
	private pingId = 0;
	private lastPingAt = 0;
	private decoding = false;
	private nextVideo: Video | undefined;
	private readonly rates = new Map<RatedType, TokenBucket>();
	private saidChatDropped = false;

	constructor(private readonly host: LinkHost) {}

	/** Whether this message is within its kind's rate (peerMessageRates). */
	private withinRate(type: RatedType): boolean {
		let bucket = this.rates.get(type);
		if (!bucket) {
			bucket = new TokenBucket(peerMessageRates[type]);
			this.rates.set(type, bucket);
		}
		return bucket.take(performance.now());
	}

	get codec(): string {
		return this.host.options.codec ?? 'jpeg';
	}

	get midMessage(): boolean {
		return this.parser.midMessage;
	}

	start(initial: Buffer): void {
		this.host.write(
			encodeV2({
				type: 'hello',
				version: v2Version,
				capabilities: allCapabilities,
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

	readyForFrame(): boolean {
		if (this.peerCapabilities === undefined) return false;
		return (this.peerCapabilities & capability.frameAck) === 0 || this.window.canSend();
	}

	async encodeFrame(frame: Frame): Promise<Buffer | undefined> {
		const target = this.peerShows ? fitWithin(frame, this.peerShows) : frame;
		const scaled = await scaleFrame(frame, target);
		const codec = this.chooseCodec(scaled);
		const quality = this.host.options.quality ?? defaultJpegQuality(scaled);
		const data =
			codec === 'jpeg444'
				? await encodeJpeg444(scaled, quality)
				: codec === 'jpeg'
					? await encodeJpeg(scaled, quality)
					: scaled.data;
		const seq = (this.seq = (this.seq + 1) >>> 0);
		const {width, height} = scaled;
		const message = encodeV2({type: 'video', codec, width, height, seq, capturedAt: frame.capturedAt, data});
		if ((this.peerCapabilities ?? 0) & capability.frameAck) this.window.sent(seq, Date.now(), message.length);
		return message;
	}

	/** Small frames (what a terminal shows) keep full colour with jpeg444; big ones use plain JPEG. */
	private chooseCodec(size: Size): VideoCodec {
		const peer = this.peerCapabilities ?? 0;
		if (this.host.options.codec === 'raw' || (peer & capability.jpeg) === 0) return 'raw';
		const small = size.width * size.height <= 320 * 240;
		return small && (peer & capability.jpeg444) !== 0 ? 'jpeg444' : 'jpeg';
	}

	sendChat(text: string): void {
		this.host.write(encodeV2({type: 'chat', text}));
	}

	sendDirectOffer(offer: DirectOffer): void {
		this.host.write(encodeV2({type: 'direct-offer', ...offer}));
	}

	requestShownSize(size: Size): void {
		const clamp = (n: number) => Math.max(0, Math.min(0xffff, Math.round(n)));
		this.host.write(encodeV2({type: 'show-size', width: clamp(size.width), height: clamp(size.height)}));
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
		if (this.window.gaveUp(now)) this.host.pump();
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
		if (this.peerCapabilities === undefined && message.type !== 'hello') {
			throw new ProtocolError('bad-handshake', `the peer sent ${message.type} before hello`);
		}
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
				this.peerCapabilities = message.capabilities;
				this.host.peerHello(message.agent);
				this.host.inCall();
				this.ping(Date.now());
				this.host.pump();
				break;
			case 'video':
				if ((this.peerCapabilities ?? 0) & capability.frameAck) {
					this.host.write(encodeV2({type: 'frame-ack', seq: message.seq}));
				}
				this.peerShape = {width: message.width, height: message.height};
				this.nextVideo = message;
				void this.decodeNext();
				break;
			case 'show-size':
				this.peerShows = message.width > 0 && message.height > 0 ? message : undefined;
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
				this.window.acked(message.seq, Date.now());
				this.host.pump();
				break;
			case 'direct-offer':
				// Only inside an encrypted, authenticated channel: on plaintext a stranger could steer us.
				if (this.host.options.secret !== undefined) this.host.directOffer(message);
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
		this.window.setRoundTrip(quickest.rtt);
	}

	/** One decode at a time; a frame arriving meanwhile replaces the one waiting. */
	private async decodeNext(): Promise<void> {
		if (this.decoding) return;
		while (this.nextVideo) {
			const video = this.nextVideo;
			this.nextVideo = undefined;
			this.decoding = true;
			const capturedAt = video.capturedAt - this.clockOffset;
			try {
				const frame =
					video.codec === 'raw'
						? makeFrame(video.width, video.height, video.data, capturedAt)
						: video.codec === 'jpeg444'
							? await decodeJpeg444(video.data, video, capturedAt)
							: await decodeJpeg(video.data, video, capturedAt);
				if (frame) this.host.shown(frame, Date.now() - capturedAt);
			} finally {
				this.decoding = false;
			}
		}
	}
}
