/**
 * The receiving half of a v2 link's video: each packet decoded in the turn it arrives, pictures
 * shown in seq order, and a keyframe asked for whenever the stream cannot be shown (at the start,
 * after a packet that does not decode, after the shown size changed), once per loss: the request
 * names the newest seq seen, and the sender answers each loss once. JPEG and raw frames stand
 * alone: one is decoded at a time and a newer one replaces the one waiting.
 */
import {makeFrame, type Frame} from '../frame.js';
import {encodeV2, seqAfter, v2MaxCodecPixels, type V2Message} from '../protocol/v2.js';
import {VideoDecoder, type InterCodec} from '../native-codec.js';
import {decodeJpeg, decodeJpeg444, type Size} from './media.js';

export type Video = Extract<V2Message, {type: 'video'}>;

export type ReceiverHost = {
	/** The inter-frame codecs this side decodes. */
	readonly offered: readonly InterCodec[];
	/** Whether the peer may send one of them (an older peer would skip a request anyway). */
	peerMaySendInter(): boolean;
	/** The peer's clock minus ours, from the pings: turns its capture times into ours. */
	clockOffset(): number;
	rttMs(): number | null;
	write(bytes: Buffer): void;
	shown(frame: Frame, latencyMs: number): void;
};

export class VideoReceiver {
	/** The size of the peer's latest picture. */
	peerShape: Size | undefined;
	/** The newest video seq seen (what a keyframe request names). */
	private lastVideoSeq = 0;
	private lastShownSeq: number | undefined;
	private decoder: VideoDecoder | undefined;
	private waitingForKeyframe = true;
	private askedForKeyframeAt: number | undefined;
	private sawVideo = false;
	private decoding = false;
	private nextVideo: Video | undefined;
	private closed = false;

	constructor(private readonly host: ReceiverHost) {}

	receive(video: Video): void {
		this.peerShape = {width: video.width, height: video.height};
		this.lastVideoSeq = video.seq;
		if (video.codec === 'h264' || video.codec === 'vp9') {
			this.decodeInter(video, video.codec);
		} else {
			this.nextVideo = video;
			void this.decodeNext();
		}
	}

	/** Asks the peer for a keyframe now. */
	askForKeyframe(now: number): void {
		if (!this.host.peerMaySendInter()) return;
		this.askedForKeyframeAt = now;
		this.host.write(encodeV2({type: 'keyframe-request', lastSeq: this.lastVideoSeq}));
	}

	/** A request answered by nothing (the peer sends nothing new, or JPEG for now): ask again. */
	tick(now: number): void {
		if (
			this.decoder &&
			this.waitingForKeyframe &&
			this.askedForKeyframeAt !== undefined &&
			now - this.askedForKeyframeAt > this.keyframePatienceMs()
		) {
			this.askForKeyframe(now);
		}
	}

	close(): void {
		this.closed = true;
		this.decoder?.close();
		this.decoder = undefined;
	}

	/**
	 * Every packet in order, in the turn it arrives. Until a keyframe, inter frames are dropped
	 * unread; a packet that does not decode (or a codec this side does not offer, or a picture
	 * larger than the codec's limit) ends in a keyframe request, never in a wrong picture.
	 */
	private decodeInter(video: Video, codec: InterCodec): void {
		const now = Date.now();
		if (this.closed) return;
		const firstVideo = !this.sawVideo;
		this.sawVideo = true;
		if (!this.host.offered.includes(codec) || video.width * video.height > v2MaxCodecPixels) {
			this.lostStream(now, false);
			return;
		}
		if (this.decoder?.codec !== codec) {
			this.decoder?.close();
			this.decoder = new VideoDecoder(codec);
			this.waitingForKeyframe = true;
		}
		if (this.waitingForKeyframe && !video.keyframe) {
			// The stream began without us (the keyframe that answered our first request never came
			// here): that request is spent.
			this.lostStream(now, firstVideo);
			return;
		}
		let frame: Frame | undefined;
		try {
			frame = this.decoder.decode(
				video.data,
				video.width,
				video.height,
				video.capturedAt - this.host.clockOffset(),
			);
		} catch {
			// Asked at once even with a request out: this packet may have been its answer, and the
			// request names this seq, so the sender answers it once.
			this.lostStream(now, true);
			return;
		}
		if (!frame) return;
		this.waitingForKeyframe = false;
		this.askedForKeyframeAt = undefined;
		this.show(frame, video.seq);
	}

	/**
	 * Waits for a keyframe, asking for one unless a request is still on its way (the sender
	 * answers each loss once: keyframe-request names the newest seq seen).
	 */
	private lostStream(now: number, spent: boolean): void {
		this.waitingForKeyframe = true;
		const asked = this.askedForKeyframeAt;
		const stale = asked !== undefined && now - asked > this.keyframePatienceMs();
		if (asked === undefined || spent || stale) this.askForKeyframe(now);
	}

	/** How long a keyframe request may take to be answered: a round trip and a few frames. */
	private keyframePatienceMs(): number {
		return Math.max(250, 2 * (this.host.rttMs() ?? 100) + 100);
	}

	/** Pictures in seq order: a slow JPEG decode never shows over a newer picture. */
	private show(frame: Frame, seq: number): void {
		if (this.lastShownSeq !== undefined && !seqAfter(seq, this.lastShownSeq)) return;
		this.lastShownSeq = seq;
		this.host.shown(frame, Date.now() - frame.capturedAt);
	}

	/** One decode at a time; a frame arriving meanwhile replaces the one waiting. */
	private async decodeNext(): Promise<void> {
		if (this.decoding) return;
		while (this.nextVideo) {
			const video = this.nextVideo;
			this.nextVideo = undefined;
			this.decoding = true;
			const capturedAt = video.capturedAt - this.host.clockOffset();
			try {
				const frame =
					video.codec === 'raw'
						? makeFrame(video.width, video.height, video.data, capturedAt)
						: video.codec === 'jpeg444'
							? await decodeJpeg444(video.data, video, capturedAt)
							: await decodeJpeg(video.data, video, capturedAt);
				if (frame) this.show(frame, video.seq);
			} finally {
				this.decoding = false;
			}
		}
	}
}
