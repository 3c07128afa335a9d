/**
 * How many bits a second, and how many frames, the sender's codec aims at: it follows what the
 * link between the peers carries, read from the frame acks facetty already gets (send-window.ts)
 * and the round trip of its pings. Pure: the caller passes the clock.
 *
 * An ack that takes longer than the round trip means the frame waited somewhere (a queue at the
 * bottleneck, or the link carrying its bytes): when the median wait of a step passes 50 ms, the
 * target drops to a little under what the acks show was delivered, before the queue grows into
 * latency; while acks come back promptly the target climbs again by a tenth every step (up to
 * half again what was delivered), so a link that frees up is taken back within seconds. A target too small for the picture at 30
 * fps lowers the frame rate too, so each frame keeps enough bits to stay a picture.
 */
export const minTargetKbps = 40;
export const maxTargetKbps = 8000;
/** Where a call starts (as WebRTC does): a narrow link is not flooded while the acks come in. */
export const startTargetKbps = 300;
/** How often the target moves, at most. */
const stepMs = 250;
/** Acks delivered over this long give the measured rate. */
const deliveredWindowMs = 1000;

export type RateSample = {seq: number; at: number; bytes: number};

export class LinkRate {
	targetKbps: number;
	private sent: RateSample[] = [];
	private delivered: Array<{at: number; bytes: number}> = [];
	private waits: number[] = [];
	private roundTripMs: number | undefined;
	private lastStepAt = 0;
	private heldBack = 0;

	constructor(startKbps = startTargetKbps) {
		this.targetKbps = Math.min(maxTargetKbps, Math.max(minTargetKbps, startKbps));
	}

	setRoundTrip(ms: number): void {
		this.roundTripMs = Math.max(0, ms);
	}

	/** A frame went out. */
	onSent(seq: number, bytes: number, now: number): void {
		this.sent.push({seq, at: now, bytes});
		if (this.sent.length > 64) this.sent.shift();
	}

	/** A frame was ready but the send window held it back: the link is full. */
	onHeldBack(): void {
		this.heldBack++;
	}

	onAck(seq: number, now: number): void {
		const index = this.sent.findIndex((frame) => frame.seq === seq);
		if (index < 0) return;
		const frame = this.sent[index]!;
		this.sent = this.sent.slice(index + 1);
		this.delivered.push({at: now, bytes: frame.bytes});
		while (this.delivered.length > 0 && now - this.delivered[0]!.at > deliveredWindowMs)
			this.delivered.shift();
		if (this.roundTripMs !== undefined) this.waits.push(Math.max(0, now - frame.at - this.roundTripMs));
		this.step(now);
	}

	/** Bits a second the acks of the last second show were carried. */
	deliveredKbps(now: number): number {
		let bytes = 0;
		for (const sample of this.delivered) if (now - sample.at <= deliveredWindowMs) bytes += sample.bytes;
		return (bytes * 8) / deliveredWindowMs;
	}

	/** Moves the target at most once a step; also called by the link's tick. */
	step(now: number): void {
		if (now - this.lastStepAt < stepMs) return;
		const waits = this.waits;
		const held = this.heldBack;
		this.waits = [];
		this.heldBack = 0;
		this.lastStepAt = now;
		if (waits.length === 0) return;
		// The median: one keyframe's own carrying time is not a queue.
		const wait = [...waits].sort((a, b) => a - b)[waits.length >> 1]!;
		const delivered = this.deliveredKbps(now);
		// Only a sender that uses its target can be what fills a queue: one that sends far less (a
		// still picture, fewer frames) leaves the target alone, or each wait from elsewhere (the other
		// direction, a busy machine) would cut it to a fraction of the fraction it sends.
		const usingIt = delivered >= 0.5 * this.targetKbps;
		if (usingIt && (wait > 50 || (held > 1 && wait > 30))) {
			this.targetKbps = Math.max(
				minTargetKbps,
				0.85 * Math.min(this.targetKbps, delivered || this.targetKbps),
			);
		} else if (wait < 35 && held === 0) {
			// A sender using less than its target (a still picture) has not shown the link carries
			// more: the target stays within reach of what was delivered, so a sudden change cannot burst.
			const reach = 1.5 * delivered + 100;
			const raised = Math.min(reach, this.targetKbps * 1.1 + 5);
			this.targetKbps = Math.min(maxTargetKbps, Math.max(this.targetKbps, raised));
		}
	}

	/**
	 * Frames a second for a picture of `pixels`: 30 while the target gives each frame about 0.2
	 * bits a pixel (a 128x96 picture: 75 kbit/s), fewer below, never under 10.
	 */
	fps(pixels: number): number {
		return framesPerSecond(this.targetKbps, pixels);
	}
}

/** LinkRate.fps for a target of `targetKbps` (a shared encoder's, encoder-pool.ts). */
export function framesPerSecond(targetKbps: number, pixels: number): number {
	const bitsPerPixel = (targetKbps * 1000) / (Math.max(1, pixels) * 30);
	if (bitsPerPixel >= 0.2) return 30;
	if (bitsPerPixel >= 0.1) return 20;
	if (bitsPerPixel >= 0.05) return 15;
	return 10;
}
