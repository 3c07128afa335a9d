/**
 * The sending half of a v2 link's video: each frame scaled to what the peer shows and encoded at
 * once (H.264 or VP9 4:4:4 when both sides have one, its own encoder or a room's shared one;
 * jpeg444, JPEG or raw otherwise), at a bitrate and frame rate that follow the link
 * (link-rate.ts), with only as many frames unacknowledged as the link carries (send-window.ts),
 * and a keyframe when the peer asks, once per burst of requests (keyframe-limit.ts).
 */
import type {Frame} from '../frame.js';
import {capability, encodeV2, seqAfter, v2MaxCodecPixels, type VideoCodec} from '../protocol/v2.js';
import {crfForQuality, VideoEncoder, type InterCodec} from '../native-codec.js';
import {keyframeIntervalFrames, type PoolMember, type SharedPacket} from './encoder-pool.js';
import {KeyframeLimit} from './keyframe-limit.js';
import {LinkRate} from './link-rate.js';
import type {LinkHost} from './link.js';
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

/** v2 header, video fields and a TLS record's overhead: what a frame costs besides its packet. */
const frameOverheadBytes = 5 + 18 + 29;
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
/** Each inter-frame codec's bit in a hello's capabilities. */
export const codecBit: Record<InterCodec, number> = {h264: capability.h264, vp9: capability.vp9};

export class VideoSender {
	/** What the peer shows our picture at (its show-size), if it said. */
	peerShows: Size | undefined;
	/** The peer's hello capabilities, once it sent them. */
	peerCapabilities: number | undefined;
	private seq = 0;
	private readonly window = new SendWindow();
	private quickestRttMs: number | undefined;
	private encoder: VideoEncoder | undefined;
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

	constructor(
		private readonly host: Pick<LinkHost, 'options'>,
		/** The inter-frame codecs this side may send, best first. */
		private readonly offered: readonly InterCodec[],
	) {
		this.rate = new LinkRate(host.options.startKbps?.());
	}

	/** What this side sends now: h264, vp9, jpeg444, jpeg or raw; null before its first frame. */
	get codec(): string | null {
		return this.sentCodec ?? null;
	}

	/** The bitrate the inter-frame codec aims at now (kbit/s), null while it is not sending one. */
	get targetKbps(): number | null {
		return this.encoder || this.shared ? Math.round(this.rate.targetKbps) : null;
	}

	close(): void {
		this.closed = true;
		this.shared?.leave();
		this.shared = undefined;
		this.encoder?.close();
		this.encoder = undefined;
	}

	/** The quickest round trip lately (pings): the send window and the rate measure against it. */
	setRoundTrip(ms: number): void {
		this.quickestRttMs = Math.max(0, ms);
		this.window.setRoundTrip(ms);
		this.rate.setRoundTrip(ms);
	}

	/** The peer has frame `seq`: its ack came at `now`, held `heldMs` by the peer (held-acks.ts). */
	acked(seq: number, now: number, heldMs = 0): void {
		// A peer is believed about its hold up to a second (facetty holds an ack 200 ms at most).
		const held = Math.min(Math.max(0, heldMs), 1000);
		this.window.acked(seq, now, held);
		this.rate.onAck(seq, now - held);
	}

	/**
	 * The peer asks for a keyframe, having seen up to `lastSeq`: unless a keyframe sent after that
	 * is already on its way, the next frame is one (one burst of requests gets one keyframe).
	 */
	keyframeRequested(lastSeq: number): void {
		if (this.lastKeyframeSeq === undefined || !seqAfter(this.lastKeyframeSeq, lastSeq)) {
			this.keyframeWanted = true;
		}
	}

	/** True when the frames in flight were given up (the peer stopped acking): send again. */
	tick(now: number): boolean {
		const gaveUp = this.window.gaveUp(now);
		this.rate.step(now);
		return gaveUp;
	}

	/** The inter-frame codec both sides have, if any (and unless the user asked for another). */
	private sharedCodec(): InterCodec | undefined {
		const chosen = this.host.options.codec;
		if (chosen === 'raw' || chosen === 'jpeg') return undefined;
		const peer = this.peerCapabilities ?? 0;
		return this.offered.find((codec) => (peer & codecBit[codec]) !== 0 && (!chosen || chosen === codec));
	}

	readyForFrame(): boolean {
		if (this.peerCapabilities === undefined) return false;
		if (this.windowOpen()) return true;
		this.rate.onHeldBack();
		return false;
	}

	/** Whether the window lets a frame go now (readyForFrame's answer, asked without sending one). */
	windowOpen(): boolean {
		const peer = this.peerCapabilities;
		return peer !== undefined && ((peer & capability.frameAck) === 0 || this.window.canSend());
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
}
