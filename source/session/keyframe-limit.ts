/**
 * How often a sender forces a keyframe someone asked for: one encoder per link (v2-link.ts) and
 * one shared by a room's links (encoder-pool.ts) meet the same limit.
 */

/** A burst, then a steady rate. */
export class TokenBucket {
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

/**
 * Keyframes forced by requests: a burst, then one a second. A facetty receiver asks at the start,
 * after a new shown size (which restarts the encoder anyway) and after a packet that did not
 * decode (never on TCP from an honest sender), so only a peer flooding requests meets the limit.
 */
export const forcedKeyframes = {perSecond: 1, burst: 3} as const;

/**
 * A request is answered at most once a round trip, never by two keyframes in a row, and within
 * a budget (forcedKeyframes): a request about a loss after a keyframe can only arrive a round
 * trip after it, so a peer that asks sooner, or on every frame, is flooding. A request held
 * back stays wanted and is answered when allowed.
 */
export class KeyframeLimit {
	private lastKeyframeAt: number | undefined;
	private readonly budget = new TokenBucket(forcedKeyframes);

	mayForce(now: number, roundTripMs: number | undefined): boolean {
		const last = this.lastKeyframeAt;
		const gapMs = Math.max(roundTripMs ?? 0, 1.5 * (1000 / 30));
		if (last !== undefined && now - last < gapMs) return false;
		return this.budget.take(now);
	}

	/** A keyframe went out (forced or not). */
	sent(now: number): void {
		this.lastKeyframeAt = now;
	}
}
