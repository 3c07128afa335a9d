/**
 * facetty protocol v2 inside a call: hello first, then video scaled to what the peer shows,
 * only as many frames unacknowledged as the link carries without queueing (send-window.ts: a slow
 * link drops frames at the sender instead of queueing seconds of video), ping/pong once a second for the
 * round-trip time and the clock offset that turns the peer's capture times into ours.
 *
 * Video goes as H.264 (or VP9) 4:4:4 when both hellos offer it, each packet one message as soon as
 * it is encoded, at a bitrate and frame rate that follow the link (link-rate.ts); jpeg444 to peers
 * without. The receiver decodes a packet in the turn it arrives and asks for a keyframe
 * (keyframe-request) whenever it cannot show the stream: at the start, after a packet that does not
 * decode, after its shown size changed. A new call (the move from relay to direct, a reconnect)
 * is a new link, so it starts by asking too.
 */
import type {Frame} from '../frame.js';
import {ProtocolError} from '../protocol/errors.js';
import {
	allCapabilities,
	capability,
	encodeV2,
	helloAgent,
	seqAfter,
	V2Parser,
	v2MaxCodecPixels,
	v2Version,
	type V2Message,
	type VideoCodec,
} from '../protocol/v2.js';
import {crfForQuality, interCodecs, VideoEncoder, type InterCodec} from '../native-codec.js';
import type {DirectOffer} from './call-types.js';
import {LinkRate} from './link-rate.js';
import {keyframeIntervalFrames, type PoolMember, type SharedPacket} from './encoder-pool.js';
import {KeyframeLimit, TokenBucket} from './keyframe-limit.js';
import type {Link, LinkHost} from './link.js';
import {cleanLine, cleanLines} from '../text/sanitize.js';
import {SendWindow} from './send-window.js';
import {
	defaultJpegQuality,
	encodeJpeg,
	encodeJpeg444,
	fitPixels,
	fitWithin,
	smallPicturePixels,
	type Size,
} from './media.js';
import {scaleFrame} from '../sources/scale.js';
import {VideoReceiver} from './video-receiver.js';

const pingIntervalMs = 1000;
/** v2 header, video fields and a TLS record's overhead: what a frame costs besides its packet. */
const frameOverheadBytes = 5 + 18 + 29;
/** Capabilities every facetty has; the codecs' bits are added for those this machine has. */
const baseCapabilities = allCapabilities & ~(capability.h264 | capability.vp9);
/**
 * A link shares its room's encoder unless its target is below half the highest of the others'
 * (then the group, which encodes at its lowest member's rate, would hold everyone to this one
 * slow link) or it fell too far behind the group's frames (encoder-pool.ts catchUpPackets); it
 * comes back once its target is at three quarters and it has not fallen behind for a while: the
 * gaps keep it from flapping, each move costing a keyframe.
 */
const ownEncoderBelow = 0.5;
const sharedEncoderFrom = 0.75;
const ownAfterFallingBehindMs = 5000;
const codecBit: Record<InterCodec, number> = {h264: capability.h264, vp9: capability.vp9};

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
	private readonly parser = new V2Parser();
	private peerCapabilities: number | undefined;
	private peerShows: Size | undefined;
	private seq = 0;
	private readonly window = new SendWindow();
	private clockSamples: Array<{rtt: number; offset: number}> = [];
	private clockOffset = 0;
	private quickestRttMs: number | undefined;
	private pingId = 0;
	private lastPingAt = 0;
	private readonly rates = new Map<RatedType, TokenBucket>();
	private saidChatDropped = false;
	/** The inter-frame codecs this side decodes and may send, best first. */
	private readonly offered: readonly InterCodec[];
	private encoder: VideoEncoder | undefined;
	private readonly receiver: VideoReceiver;
	private readonly rate: LinkRate;
	private sentCodec: VideoCodec | undefined;
	private keyframeWanted = false;
	private lastKeyframeSeq: number | undefined;
	private readonly keyframeLimit = new KeyframeLimit();
	/** The room's shared encoder this link uses (CallOptions.encoderPool), if any. */
	private shared: PoolMember | undefined;
	/** A link far slower than the rest of its group has its own encoder (ownEncoderBelow). */
	private ownEncoder = false;
	private lastFrameAt = 0;
	private closed = false;

	constructor(private readonly host: LinkHost) {
		this.rate = new LinkRate(host.options.startKbps?.());
		const wanted = host.options.interCodecs ?? ['h264', 'vp9'];
		this.offered = interCodecs().filter((codec) => wanted.includes(codec));
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
		return this.sentCodec ?? null;
	}

	/** The bitrate the inter-frame codec aims at now (kbit/s), null while it is not sending one. */
	get targetKbps(): number | null {
		return this.encoder || this.shared ? Math.round(this.rate.targetKbps) : null;
	}

	/** The inter-frame codec both sides have, if any (and unless the user asked for another). */
	private sharedCodec(): InterCodec | undefined {
		const chosen = this.host.options.codec;
		if (chosen === 'raw' || chosen === 'jpeg') return undefined;
		const peer = this.peerCapabilities ?? 0;
		return this.offered.find((codec) => (peer & codecBit[codec]) !== 0 && (!chosen || chosen === codec));
	}

	close(): void {
		this.closed = true;
		this.shared?.leave();
		this.shared = undefined;
		this.encoder?.close();
		this.encoder = undefined;
		this.receiver.close();
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

	readyForFrame(): boolean {
		if (this.peerCapabilities === undefined) return false;
		if ((this.peerCapabilities & capability.frameAck) === 0 || this.window.canSend()) return true;
		this.rate.onHeldBack();
		return false;
	}

	sendSizeFor(native: Size): Size | undefined {
		return this.peerShows ? fitWithin(native, this.peerShows) : undefined;
	}

	async encodeFrame(frame: Frame): Promise<Buffer | undefined> {
		let box: Size = this.peerShows ? fitWithin(frame, this.peerShows) : frame;
		const codec = this.chooseCodec(box);
		// A picture past what a receiver's decoder takes (a window's full size of a big camera)
		// goes a little smaller, as the codec still, which the window scales.
		if (codec === 'h264' || codec === 'vp9') box = fitPixels(box, v2MaxCodecPixels);
		const now = Date.now();
		const member = codec === 'h264' || codec === 'vp9' ? this.memberFor(codec, box) : undefined;
		if (member) {
			const shared = await this.sendShared(member, codec as InterCodec, frame, box);
			if (shared !== 'own') return shared;
		}
		if (codec === 'h264' || codec === 'vp9') {
			// A narrow link gets fewer frames, each still a picture (link-rate.ts); a keyframe someone
			// waits for goes at once.
			// (Half a camera interval of slack: frames come with jitter, and one that comes a little
			// early must not cost a whole interval.)
			const fps = this.rate.fps(box.width * box.height);
			const early = now - this.lastFrameAt < 1000 / fps - 1000 / 60;
			if (fps < 30 && !this.keyframeWanted && early) return undefined;
		}
		const scaled = await scaleFrame(frame, box);
		const quality = this.host.options.quality ?? defaultJpegQuality(scaled);
		let data: Uint8Array;
		let keyframe: boolean | undefined;
		if (codec === 'h264' || codec === 'vp9') {
			if (this.closed) return undefined;
			const packet = this.encodeInter(codec, scaled, quality);
			if (!packet) return undefined;
			({data, key: keyframe} = packet);
		} else {
			this.encoder?.close();
			this.encoder = undefined;
			this.shared?.leave();
			this.shared = undefined;
			data =
				codec === 'jpeg444'
					? await encodeJpeg444(scaled, quality)
					: codec === 'jpeg'
						? await encodeJpeg(scaled, quality)
						: scaled.data;
		}
		this.lastFrameAt = now;
		return this.videoMessage(codec, scaled, frame.capturedAt, data, keyframe);
	}

	/** One video message with this link's next seq, counted by its send window and rate. */
	private videoMessage(
		codec: VideoCodec,
		size: Size,
		capturedAt: number,
		data: Uint8Array,
		keyframe: boolean | undefined,
	): Buffer {
		const seq = (this.seq = (this.seq + 1) >>> 0);
		if (keyframe) this.lastKeyframeSeq = seq;
		this.sentCodec = codec;
		const {width, height} = size;
		const message = encodeV2({type: 'video', codec, width, height, seq, capturedAt, data, keyframe});
		if ((this.peerCapabilities ?? 0) & capability.frameAck) {
			this.window.sent(seq, Date.now(), message.length);
			this.rate.onSent(seq, message.length, Date.now());
		}
		return message;
	}

	/**
	 * The pool's member for this codec and size, joining (or moving to) its group; undefined
	 * without a pool, or while this link is far slower than the rest (ownEncoderBelow).
	 */
	private memberFor(codec: InterCodec, box: Size): PoolMember | undefined {
		const pool = this.host.options.encoderPool;
		if (!pool) return undefined;
		let member = this.shared;
		const group = member?.group;
		if (!member || group!.codec !== codec || group!.width !== box.width || group!.height !== box.height) {
			member?.leave();
			member = this.shared = pool.join(codec, box.width, box.height);
			member.targetKbps = this.rate.targetKbps;
		}
		const others = member.othersHighestTarget();
		const target = this.rate.targetKbps;
		const behind =
			member.fellBehindAt !== undefined && Date.now() - member.fellBehindAt < ownAfterFallingBehindMs;
		if (!this.ownEncoder && (behind || target < ownEncoderBelow * others)) {
			this.ownEncoder = true;
		} else if (this.ownEncoder && !behind && target >= sharedEncoderFrom * others) {
			this.ownEncoder = false;
			// Its own encoder's stream ends here; the group's begins at its next keyframe.
			member.lastIndex = undefined;
		}
		member.targetKbps = target;
		member.own = this.ownEncoder;
		return this.ownEncoder ? undefined : member;
	}

	/**
	 * The group's packets for `frame` (with any this link missed), each in this link's own
	 * message; 'own' while the link waits for the group's keyframe (its own encoder sends).
	 */
	private async sendShared(
		member: PoolMember,
		codec: InterCodec,
		frame: Frame,
		box: Size,
	): Promise<Buffer | 'own' | undefined> {
		const quality = this.host.options.quality ?? defaultJpegQuality(box);
		const overheadKbps = (frameOverheadBytes * 8 * 30) / 1000;
		const packets: SharedPacket[] | 'own' | undefined = await member.packets(frame, {
			crf: crfForQuality(quality, codec),
			maxKbps: Math.max(20, this.rate.targetKbps - overheadKbps),
			targetKbps: this.rate.targetKbps,
			wantKey: this.keyframeWanted,
			roundTripMs: this.quickestRttMs,
		});
		if (this.closed || this.shared !== member) return undefined;
		if (packets === 'own' || !packets) return packets;
		// The group's stream took over (it starts at a keyframe): the link's own encoder is done.
		this.encoder?.close();
		this.encoder = undefined;
		if (packets.some((p) => p.key)) this.keyframeWanted = false;
		this.lastFrameAt = Date.now();
		const messages = packets.map((p) => this.videoMessage(codec, p, p.capturedAt, p.data, p.key));
		return messages.length === 1 ? messages[0] : Buffer.concat(messages);
	}

	/** One packet, from an encoder of this codec and size (a new one starts with a keyframe). */
	private encodeInter(codec: InterCodec, frame: Frame, quality: number): {data: Buffer; key: boolean} | null {
		const crf = crfForQuality(quality, codec);
		const overheadKbps = (frameOverheadBytes * 8 * 30) / 1000;
		const maxKbps = Math.max(20, this.rate.targetKbps - overheadKbps);
		let encoder = this.encoder;
		const fresh =
			!encoder ||
			encoder.settings.codec !== codec ||
			encoder.settings.width !== frame.width ||
			encoder.settings.height !== frame.height;
		if (fresh) {
			encoder?.close();
			encoder = this.encoder = new VideoEncoder({
				codec,
				width: frame.width,
				height: frame.height,
				fps: 30,
				crf,
				maxKbps,
				keyint: keyframeIntervalFrames,
			});
		} else if (
			codec === 'h264' ||
			Math.abs(maxKbps - encoder!.settings.maxKbps) > encoder!.settings.maxKbps / 4
		) {
			// libvpx restarts (with a keyframe) on a new rate: it gets only changes of a quarter or more.
			encoder!.setRate(crf, maxKbps);
		}
		const packet = encoder!.encode(frame, fresh || this.mayForceKeyframe(Date.now()));
		if (packet?.key) {
			this.keyframeWanted = false;
			this.keyframeLimit.sent(Date.now());
		}
		return packet;
	}

	/** A wanted keyframe, within the flood limit (keyframe-limit.ts). */
	private mayForceKeyframe(now: number): boolean {
		return this.keyframeWanted && this.keyframeLimit.mayForce(now, this.quickestRttMs);
	}

	/**
	 * An inter-frame codec whenever both sides have one, at every size (bench: codec, a 400x300
	 * picture: sent whole at 540 kbit/s it is 36.7 dB where 300x225 scaled up at the receiver is 32.3
	 * at 330 and 33.3 at 660); otherwise small frames keep full colour with jpeg444, big ones use
	 * plain JPEG.
	 */
	private chooseCodec(size: Size): VideoCodec {
		const peer = this.peerCapabilities ?? 0;
		if (this.host.options.codec === 'raw' || (peer & capability.jpeg) === 0) return 'raw';
		const inter = this.sharedCodec();
		if (inter && size.width >= 2 && size.height >= 2) return inter;
		const small = size.width * size.height <= smallPicturePixels;
		return small && (peer & capability.jpeg444) !== 0 ? 'jpeg444' : 'jpeg';
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
		if (this.window.gaveUp(now)) this.host.pump();
		this.rate.step(now);
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
				this.receiver.askForKeyframe(Date.now());
				this.host.pump();
				break;
			case 'video':
				if ((this.peerCapabilities ?? 0) & capability.frameAck) {
					this.host.write(encodeV2({type: 'frame-ack', seq: message.seq}));
				}
				this.receiver.receive(message);
				break;
			case 'keyframe-request':
				// Unless a keyframe sent after the newest frame the peer had is already on its way:
				// one burst of requests gets one keyframe.
				if (this.lastKeyframeSeq === undefined || !seqAfter(this.lastKeyframeSeq, message.lastSeq)) {
					this.keyframeWanted = true;
				}
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
				this.rate.onAck(message.seq, Date.now());
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
		this.quickestRttMs = Math.max(0, quickest.rtt);
		this.window.setRoundTrip(quickest.rtt);
		this.rate.setRoundTrip(quickest.rtt);
	}
}
