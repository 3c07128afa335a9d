/**
 * When a room's pair whose call dropped links again, and when it gives up: the pauses, the
 * patience with a member gone silent, and the silence each pair's next call allows. Timers are
 * kept here too (one pending attempt and one grace per member), so a member removed or a room
 * left clears them in one place. Room (room.ts) does the linking; this only decides when.
 */
import {defaultTimeouts} from '../session/call.js';

/**
 * A pair whose call dropped while both members stayed links again after these pauses, one attempt
 * each; when all fail the member is dropped from this side's room. Both ends of a pair wait the
 * same pauses, so they meet at the relay.
 */
export const relinkDelaysMs = [250, 500, 1000, 2000] as const;
/** How long one attempt waits at the relay for the other end. */
export const relinkWaitMs = 5000;
/**
 * A member whose pair's call fell silent (defaultTimeouts.memberSilenceMs) and is not back in it
 * this long after is gone from this side's room (its grid, count and check code): one that froze
 * or lost its network sends no FIN, and the relay may not see its control connection fail for
 * long. A live member whose side fell silent too (or got our goodbye) is back by then on an idle
 * machine. The pair still links again as any dropped pair does, so a member that was only stalled
 * (a loaded machine stops a process for seconds) comes back into the room when it answers.
 */
export const silentGraceMs = 4000;
/**
 * A member gone silent whose pair's attempts all failed is tried again after this pause, each time
 * waiting relinkWaitMs for it, until defaultTimeouts.lostMemberMs or the relay's `left`: a wait
 * longer than the pause, so a member that wakes meets one of these waits with its first attempt.
 */
export const lostRelinkPauseMs = 2000;
/** A pair in its call this long has all its attempts back. */
export const relinkSteadyMs = 30_000;

type Slot = {
	/** Attempts to link again since the pair was last steady. */
	attempts: number;
	/** The pending attempt. */
	timer: NodeJS.Timeout | undefined;
	/** When the pair's call was last up. */
	inCallAt: number | undefined;
	/** Why the pair first dropped: the sentence when it is given up. */
	reason?: string;
	/** Takes the member out of the room if it is not back in its call in time (silentGraceMs). */
	grace?: NodeJS.Timeout;
	/** When its pair's call fell silent, until it is back in a call (see lostRelinkPauseMs). */
	silentSince?: number;
};

export class PairRelinks {
	private readonly slots = new Map<number, Slot>();
	/**
	 * Per member whose pair's call fell silent: the silence its pair's next calls allow, doubled
	 * each time up to idleMs. A member that answers again was stalled (on a loaded machine processes
	 * stop for seconds), and is then taken for gone once or twice, not every few seconds.
	 */
	private readonly silenceMs = new Map<number, number>();

	/** Whether member `id`'s pair is linking again (its call dropped), not for the first time. */
	again(id: number): boolean {
		return this.slots.has(id);
	}

	/**
	 * The pair's call dropped: the pause before its next attempt (counted), or undefined when it
	 * is to be given up, with the sentence why. `silent`: the call fell silent, not closed.
	 */
	dropped(
		id: number,
		reason: string,
		silent: boolean,
		now = Date.now(),
	): {delayMs: number} | {giveUp: string} {
		const slot = this.slots.get(id) ?? {attempts: 0, timer: undefined, inCallAt: undefined};
		this.slots.set(id, slot);
		if (slot.inCallAt !== undefined && now - slot.inCallAt >= relinkSteadyMs) {
			slot.attempts = 0;
			slot.reason = undefined;
		}
		slot.inCallAt = undefined;
		if (silent) slot.silentSince ??= now;
		// A silent member is the relay's to drop (`left`), within its memberSilenceMs: tried until then.
		const patient = slot.silentSince !== undefined && now - slot.silentSince < defaultTimeouts.lostMemberMs;
		const delayMs = relinkDelaysMs[slot.attempts] ?? (patient ? lostRelinkPauseMs : undefined);
		if (delayMs === undefined) return {giveUp: `${slot.reason ?? reason}; it could not be reached again`};
		slot.attempts++;
		slot.reason ??= reason;
		return {delayMs};
	}

	/**
	 * The relay refused the pair's link (its limit on a pair's links, or the member is gone): it
	 * says so again every time, so a silent member's pair stops being patient with it.
	 */
	refused(id: number): void {
		const slot = this.slots.get(id);
		if (slot) slot.silentSince = undefined;
	}

	/** Runs `attempt` after the pause (the one pending attempt of the pair). */
	schedule(id: number, delayMs: number, attempt: () => void): void {
		const slot = this.slots.get(id);
		if (!slot) return;
		clearTimeout(slot.timer);
		slot.timer = setTimeout(attempt, delayMs);
	}

	/** Runs `gone` once silentGraceMs after the pair fell silent, unless it is in its call by then. */
	graceFor(id: number, gone: () => void): void {
		const slot = this.slots.get(id);
		if (!slot || slot.grace) return;
		slot.grace = setTimeout(() => {
			slot.grace = undefined;
			gone();
		}, silentGraceMs);
	}

	/** The pair's call is up: patience and grace are over, its attempts count from here. */
	inCall(id: number, now = Date.now()): void {
		const slot = this.slots.get(id);
		if (!slot) return;
		slot.inCallAt = now;
		slot.silentSince = undefined;
		clearTimeout(slot.grace);
		slot.grace = undefined;
	}

	/** The pair's call fell silent after allowing `allowedMs`: its next calls allow twice as long. */
	fellSilent(id: number, allowedMs: number): void {
		this.silenceMs.set(id, Math.min(2 * allowedMs, Math.max(allowedMs, defaultTimeouts.idleMs)));
	}

	/** The silence the pair's next call allows, if it fell silent before. */
	silenceFor(id: number): number | undefined {
		return this.silenceMs.get(id);
	}

	forget(id: number): void {
		const slot = this.slots.get(id);
		clearTimeout(slot?.timer);
		clearTimeout(slot?.grace);
		this.slots.delete(id);
		this.silenceMs.delete(id);
	}

	clear(): void {
		for (const id of [...this.slots.keys()]) this.forget(id);
		this.silenceMs.clear();
	}
}
