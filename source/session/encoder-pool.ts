/**
 * One encoder per picture a room's member sends, not one per member it sends to: the room's
 * links (v2-link.ts) that want the same codec at the same size share an encoder, which scales and
 * encodes each frame once and gives every one of them the same packet. Each link still frames the
 * packet in its own message (its own seq, acks and rate), and each pair's encryption is its own.
 * Without sharing a room of n costs n-1 encodes a frame on every member: 8 members at 200x60
 * got 0.5-1.5 fps from each other on a loaded 2-core machine (bench: room).
 *
 *   const pool = new EncoderPool();                     // one per room, in CallOptions.encoderPool
 *   const member = pool.join('h264', 128, 96);          // a link, for the size its peer shows
 *   const packets = await member.packets(frame, want);  // what this link sends for `frame`
 *   member.leave();                                     // the last one out closes the encoder
 *
 * An inter frame needs every packet before it since the last keyframe, so a link that skipped
 * some (its send window was full) is given those it missed too, up to catchUpPackets; a new one
 * sends from its own encoder until the keyframe it asked the group for.
 */
import type {Frame} from '../frame.js';
import {VideoEncoder, type InterCodec} from '../native-codec.js';
import {scaleFrame} from '../sources/scale.js';
import {KeyframeLimit} from './keyframe-limit.js';
import {framesPerSecond, startTargetKbps} from './link-rate.js';

/** Frames between keyframes nobody asked for: a backstop (10 s at 30 fps). */
export const keyframeIntervalFrames = 300;
/**
 * Packets a link that fell behind may still catch up on (half a second at 30 fps); a link further
 * behind is one the group's frame rate is too much for, and gets its own encoder (v2-link.ts)
 * rather than a keyframe forced on everyone each time.
 */
const catchUpPackets = 15;
/** Frames whose encode (or skip) is remembered, for the links that come to ask for them later. */
const rememberedFrames = 8;

export type SharedPacket = {
	readonly index: number;
	readonly data: Buffer;
	readonly key: boolean;
	readonly width: number;
	readonly height: number;
	readonly capturedAt: number;
};

/** What a link asks with: its own view of the rate and of keyframes. */
export type PacketRequest = {
	/** Constant rate factor (native-codec.ts crfForQuality). */
	crf: number;
	/** The link's ceiling for the codec (kbit/s): its target less the framing's overhead. */
	maxKbps: number;
	/** The link's target (link-rate.ts): the group's frame rate follows its lowest. */
	targetKbps: number;
	/** The link's peer asked for a keyframe. */
	wantKey: boolean;
	roundTripMs: number | undefined;
};

export class EncoderPool {
	private readonly groups = new Map<string, EncoderGroup>();

	join(codec: InterCodec, width: number, height: number): PoolMember {
		const key = `${codec} ${width}x${height}`;
		let group = this.groups.get(key);
		if (!group) {
			group = new EncoderGroup(codec, width, height, () => this.groups.delete(key));
			this.groups.set(key, group);
		}
		return group.add();
	}

	/** How many encoders are open (tests). */
	get size(): number {
		return this.groups.size;
	}
}

export class PoolMember {
	/** The index of the last packet this link sent; undefined until a keyframe. */
	lastIndex: number | undefined;
	targetKbps = startTargetKbps;
	maxKbps = startTargetKbps;
	/** The link uses its own encoder for now (it is far slower than the rest): not in the group's rate. */
	own = false;
	/** When this link last fell more than catchUpPackets behind the group. */
	fellBehindAt: number | undefined;
	private left = false;

	constructor(readonly group: EncoderGroup) {}

	/**
	 * The packets this link sends for `frame`, in order (the last one is `frame`'s); undefined to
	 * skip it (the group skipped it for its frame rate, or the link already sent it); 'own' while
	 * the link cannot join the group's stream before its next keyframe (then one is forced, within
	 * the limit, and the link sends from its own encoder meanwhile rather than nothing).
	 */
	async packets(frame: Frame, request: PacketRequest): Promise<SharedPacket[] | 'own' | undefined> {
		if (this.left) return undefined;
		this.targetKbps = request.targetKbps;
		this.maxKbps = request.maxKbps;
		// A keyframe already encoded that this link has not sent yet answers its request.
		if (request.wantKey && !this.group.keySince(this.lastIndex)) this.group.wantKey(request.roundTripMs);
		const packet = await this.group.packetFor(frame, request.crf);
		if (!packet || this.left) return undefined;
		const last = this.lastIndex;
		if (last !== undefined && packet.index <= last) return undefined;
		let missed = packet.key ? [packet] : this.group.since(last, packet.index);
		if (!missed) {
			if (last !== undefined) this.fellBehindAt = Date.now();
			else this.group.wantKey(request.roundTripMs);
			this.lastIndex = undefined;
			return 'own';
		}
		// A keyframe among them makes those before it needless.
		const key = missed.findLastIndex((p) => p.key);
		if (key > 0) missed = missed.slice(key);
		this.lastIndex = packet.index;
		return missed;
	}

	/** The highest target among the group's other links (0 when alone). */
	othersHighestTarget(): number {
		return this.group.highestTarget(this);
	}

	leave(): void {
		if (this.left) return;
		this.left = true;
		this.group.remove(this);
	}
}

class EncoderGroup {
	private readonly members = new Set<PoolMember>();
	private encoder: VideoEncoder | undefined;
	private readonly frames = new Map<Frame, Promise<SharedPacket | undefined>>();
	private recent: SharedPacket[] = [];
	private index = 0;
	private lastEncodeAt = 0;
	private lastCapturedAt = -Infinity;
	private wanted = false;
	private wantedRoundTripMs: number | undefined;
	private readonly limit = new KeyframeLimit();
	/** Encodes go one at a time, in the order the frames were first asked for. */
	private queue: Promise<unknown> = Promise.resolve();
	private closed = false;

	constructor(
		readonly codec: InterCodec,
		readonly width: number,
		readonly height: number,
		private readonly onClose: () => void,
	) {}

	add(): PoolMember {
		const member = new PoolMember(this);
		this.members.add(member);
		return member;
	}

	remove(member: PoolMember): void {
		this.members.delete(member);
		if (this.members.size > 0) return;
		this.closed = true;
		this.encoder?.close();
		this.encoder = undefined;
		this.frames.clear();
		this.recent = [];
		this.onClose();
	}

	wantKey(roundTripMs: number | undefined): void {
		this.wanted = true;
		this.wantedRoundTripMs = Math.max(this.wantedRoundTripMs ?? 0, roundTripMs ?? 0);
	}

	highestTarget(except: PoolMember): number {
		let highest = 0;
		for (const member of this.members) if (member !== except) highest = Math.max(highest, member.targetKbps);
		return highest;
	}

	/** Whether a keyframe after `last` is still kept (the next packets a link sends begin at it). */
	keySince(last: number | undefined): boolean {
		return this.recent.some((p) => p.key && (last === undefined || p.index > last));
	}

	/** The packets after `last` up to `index`, or undefined when some are no longer kept. */
	since(last: number | undefined, index: number): SharedPacket[] | undefined {
		if (last === undefined) return undefined;
		const missed = this.recent.filter((p) => p.index > last && p.index <= index);
		return missed.length === index - last ? missed : undefined;
	}

	packetFor(frame: Frame, crf: number): Promise<SharedPacket | undefined> {
		let packet = this.frames.get(frame);
		if (!packet) {
			packet = this.encodeNext(frame, crf);
			this.frames.set(frame, packet);
			if (this.frames.size > rememberedFrames) this.frames.delete(this.frames.keys().next().value!);
		}
		return packet;
	}

	/**
	 * The group's rate is its slowest link's: a link far slower than the rest has its own encoder
	 * instead (v2-link.ts), so this lowest is never far below the others'.
	 */
	private lowest(): {targetKbps: number; maxKbps: number} {
		let targetKbps = Infinity;
		let maxKbps = Infinity;
		for (const member of this.members) {
			if (member.own) continue;
			targetKbps = Math.min(targetKbps, member.targetKbps);
			maxKbps = Math.min(maxKbps, member.maxKbps);
		}
		return {targetKbps, maxKbps};
	}

	private encodeNext(frame: Frame, crf: number): Promise<SharedPacket | undefined> {
		// A link long busy may ask for a frame forgotten here: never encoded after a newer one.
		if (frame.capturedAt < this.lastCapturedAt) return Promise.resolve(undefined);
		this.lastCapturedAt = frame.capturedAt;
		const now = Date.now();
		const {targetKbps, maxKbps} = this.lowest();
		// As a link alone does (v2-link.ts): fewer frames on a narrow link, a wanted keyframe at once.
		const fps = framesPerSecond(targetKbps, this.width * this.height);
		const early = now - this.lastEncodeAt < 1000 / fps - 1000 / 60;
		if (fps < 30 && !this.wanted && early) return Promise.resolve(undefined);
		this.lastEncodeAt = now;
		const scaled = scaleFrame(frame, {width: this.width, height: this.height});
		const packet = this.queue.then(async () => this.encode(await scaled, crf, maxKbps));
		this.queue = packet.catch(() => undefined);
		return packet;
	}

	private encode(frame: Frame, crf: number, maxKbps: number): SharedPacket | undefined {
		if (this.closed) return undefined;
		const fresh = !this.encoder;
		if (!this.encoder) {
			this.encoder = new VideoEncoder({
				codec: this.codec,
				width: this.width,
				height: this.height,
				fps: 30,
				crf,
				maxKbps,
				keyint: keyframeIntervalFrames,
			});
		} else if (
			this.codec === 'h264' ||
			Math.abs(maxKbps - this.encoder.settings.maxKbps) > this.encoder.settings.maxKbps / 4
		) {
			// libvpx restarts (with a keyframe) on a new rate: it gets only changes of a quarter or more.
			this.encoder.setRate(crf, maxKbps);
		}
		const now = Date.now();
		const force = fresh || (this.wanted && this.limit.mayForce(now, this.wantedRoundTripMs));
		const out = this.encoder.encode(frame, force);
		if (!out) return undefined;
		if (out.key) {
			this.wanted = false;
			this.wantedRoundTripMs = undefined;
			this.limit.sent(now);
		}
		const packet: SharedPacket = {
			index: ++this.index,
			data: out.data,
			key: out.key,
			width: frame.width,
			height: frame.height,
			capturedAt: frame.capturedAt,
		};
		this.recent.push(packet);
		if (this.recent.length > catchUpPackets) this.recent.shift();
		return packet;
	}
}
