/**
 * Frame-acks held back to travel with this side's next video message (to a peer with the
 * heldAcks capability). Written on their own, the acks doubled the writes of a call both ways:
 * each frame cost the receiver a write and its sender a wake-up and a read, for a 9-byte
 * message. Held, an ack says how long it waited (heldMs), so the sender's measure of the link
 * stays what it was. An ack is held only while this side's own video flows (a message within the
 * last `maxAckHoldMs`) and its window lets the next frame go: a side that sends no video acks at
 * once, as before, so a sender whose receiver only watches never waits on held acks (its window
 * of two frames in flight would), and two sides whose windows are both full never wait on each
 * other's acks.
 */
import {encodeV2} from '../protocol/v2.js';

/** One frame interval at 30 fps and a little slack: a camera's next frame is usually first. */
export const maxAckHoldMs = 40;
/**
 * When neither this side's video nor the peer's next frame comes to take them, held acks go on
 * their own two of this side's frame intervals after they came, and never sooner than this: past
 * the camera's next frame. The timer is cleared by the video message that takes the acks, and Node
 * still wakes the loop at the deadline it last scheduled, which is a timer's whenever it was the
 * nearest as the camera's turn ended (the camera's next frame is set after it). Set for the hold
 * itself (40 ms), it woke each side of a call for nothing 25-30 times a second (strace of `npm
 * run bench -- app`); set past the camera's next frame, that frame's deadline comes first and is
 * the one scheduled.
 */
export const ackBackstopMs = 2 * maxAckHoldMs;
/**
 * The longest interval the backstop follows (a camera at 10 fps): a gap longer than this is a
 * stall, not the camera's pace, and a backstop that long would hold a waiting peer's video.
 */
const longestFrameIntervalMs = 100;
/** More acks than this waiting (a peer sending far faster than we do) go out at once. */
const maxHeldAcks = 8;

export class HeldAcks {
	private held: Array<{seq: number; at: number}> = [];
	private timer: NodeJS.Timeout | undefined;
	private lastVideoAt = -Infinity;
	/** The time between this side's last two video messages (its camera's interval, lately). */
	private videoIntervalMs = 0;

	/** `write` puts acks on the wire on their own, when none went with a video message in time. */
	constructor(private readonly write: (bytes: Buffer) => void) {}

	/**
	 * Frame `seq` arrived at `now` (performance.now()); `videoMayGo`: this side's window lets its
	 * next frame go (else no video will take the ack soon).
	 */
	hold(seq: number, now: number, videoMayGo: boolean): void {
		this.held.push({seq, at: now});
		if (!videoMayGo || this.held.length >= maxHeldAcks || now - this.lastVideoAt > maxAckHoldMs) {
			this.flush(now);
			return;
		}
		this.timer ??= setTimeout(
			() => {
				this.timer = undefined;
				this.flush(performance.now());
			},
			Math.max(ackBackstopMs, 2 * this.videoIntervalMs),
		);
	}

	/** `bytes` (a video message) with every held ack before it, for one write. */
	prependTo(bytes: Buffer, now = performance.now()): Buffer {
		const interval = now - this.lastVideoAt;
		if (interval <= longestFrameIntervalMs) this.videoIntervalMs = interval;
		this.lastVideoAt = now;
		if (this.held.length === 0) return bytes;
		return Buffer.concat([...this.take(now), bytes]);
	}

	close(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.held = [];
	}

	private flush(now: number): void {
		if (this.held.length > 0) this.write(Buffer.concat(this.take(now)));
	}

	private take(now: number): Buffer[] {
		clearTimeout(this.timer);
		this.timer = undefined;
		const acks = this.held.map(({seq, at}) => encodeV2({type: 'frame-ack', seq, heldMs: now - at}));
		this.held = [];
		return acks;
	}
}
