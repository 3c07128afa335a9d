/**
 * How many video frames may be on their way to the peer at once. Frames are acknowledged on
 * arrival (frame-ack), so each ack tells how long its frame took: the round trip plus the time
 * the link took to carry the frame's bytes (plus any queueing, which only makes it look slower).
 *
 * Two frames in flight always: on a slow link that is what keeps latency low (newer frames
 * replace waiting ones instead of queueing). More, up to a cap, only while the bytes in flight
 * fit what the link carries in one round trip plus one frame interval, the link's rate being
 * read from the quickest frame lately (bytes / (ack delay - round trip)). A far-away peer with
 * room to spare then gets every frame, and a link that is full never gets a third. A peer that
 * holds its acks to send them with its own video (held-acks.ts) says for how long: the hold is
 * taken off each ack's delay, and the longest hold lately is added to the round trip the bytes in
 * flight may fill, since each frame stays in flight that much longer.
 */
export const baseFramesInFlight = 2;
export const maxFramesInFlight = 6;
/** The interval at the frame rate facetty sends at most (30 fps). */
const frameIntervalMs = 1000 / 30;
/** Rate samples are kept this long, so a link that changes is followed. */
const rateWindowMs = 10_000;
/** A peer that promised acks and stopped sending them must not freeze our video forever. */
export const ackGiveUpMs = 3000;

export class SendWindow {
	private inFlight: Array<{seq: number; at: number; bytes: number}> = [];
	/** Bytes per millisecond each acked frame crossed the link at, and how long its ack was held, newest last. */
	private rates: Array<{at: number; rate: number; heldMs: number}> = [];
	private roundTripMs: number | undefined;

	get framesInFlight(): number {
		return this.inFlight.length;
	}

	/** The quickest round trip lately (pings), which ack delays are measured against. */
	setRoundTrip(ms: number): void {
		this.roundTripMs = Math.max(0, ms);
	}

	sent(seq: number, now: number, bytes: number): void {
		this.inFlight.push({seq, at: now, bytes});
	}

	/** The ack of `seq` arrived at `now`, having been held `heldMs` by the peer. */
	acked(seq: number, now: number, heldMs = 0): void {
		const index = this.inFlight.findIndex((frame) => frame.seq === seq);
		if (index < 0) return;
		const frame = this.inFlight[index]!;
		// Frames before it that were never acked are lost to us: they no longer hold a place.
		this.inFlight = this.inFlight.slice(index + 1);
		if (this.roundTripMs === undefined) return;
		const carrying = Math.max(1, now - heldMs - frame.at - this.roundTripMs);
		this.rates.push({at: now, rate: frame.bytes / carrying, heldMs});
		while (this.rates.length > 1 && now - this.rates[0]!.at > rateWindowMs) this.rates.shift();
	}

	/** True when an ack is so late the peer will not send it: the frames in flight are forgotten. */
	gaveUp(now: number): boolean {
		if (this.inFlight.length === 0 || now - this.inFlight[0]!.at <= ackGiveUpMs) return false;
		this.inFlight = [];
		return true;
	}

	canSend(): boolean {
		const count = this.inFlight.length;
		if (count < baseFramesInFlight) return true;
		if (count >= maxFramesInFlight || this.roundTripMs === undefined || this.rates.length === 0) return false;
		let rate = 0;
		let heldMs = 0;
		for (const sample of this.rates) {
			rate = Math.max(rate, sample.rate);
			heldMs = Math.max(heldMs, sample.heldMs);
		}
		let bytesInFlight = 0;
		for (const frame of this.inFlight) bytesInFlight += frame.bytes;
		const nextFrameBytes = this.inFlight.at(-1)!.bytes;
		return bytesInFlight + nextFrameBytes <= rate * (this.roundTripMs + frameIntervalMs + heldMs);
	}
}
