/**
 * Who gets in when unfinished connections are limited, for the listener and the relay alike
 * (docs/protocol.md, "Admission"), and how fast secrets and invite codes may be guessed. Pure:
 * the caller passes the time and, where a coin is thrown, the random source.
 *
 * A crowd of strangers must not be able to fill the unfinished slots and keep them: a limit that
 * only refuses newcomers (OpenSSH's MaxStartups without its random early drop) is exactly what a
 * crowd that redials fills. So a newcomer is refused only when nobody can be dropped for it, and
 * who is dropped is decided by two things a legitimate caller never looks like: coming from a
 * source that already holds more unfinished connections than the newcomer's, and having sent
 * nothing for a while (the stall time; a quarter of it for a source that fills its whole share).
 * A connection whose peer is still sending (completing its handshake) is never dropped, nor one
 * from a lighter source than the newcomer's.
 */

/** An unfinished connection as the rule sees it. */
export type Unfinished<T> = {
	id: T;
	/** net/address.ts sourceKey: an IPv4 address, or an IPv6 /64. */
	source: string;
	/** When it arrived (ms). */
	since: number;
	/** When its peer last sent a byte (ms); `since` if it never did. */
	progressed: number;
};

export type AdmissionLimits = {
	/** Unfinished connections one source may have. */
	perSource: number;
	/** Unfinished connections in all. */
	total: number;
	/** A connection whose peer sent nothing for this long may be dropped for a newcomer. */
	stalledMs: number;
};

export type AdmissionVerdict<T> = {admit: true; drop?: T} | {admit: false; why: 'source' | 'total'};

/**
 * Whether a newcomer from `source` gets in, and whom it replaces. Under the limits: in, nobody
 * dropped. Over its source's share: the longest-stalled of its own source's connections goes,
 * else it is refused. Over the total: the longest-stalled connection of the heaviest source
 * (counting the newcomer with its own), provided that source is at least as heavy as the
 * newcomer's; ties between equally stalled ones are broken at random. Over the total with nobody
 * stalled, a newcomer from a lighter source takes the place of the longest-quiet connection
 * (quiet for a quarter of the stall time) of a source that fills its whole share.
 */
export function admission<T>(
	entries: readonly Unfinished<T>[],
	source: string,
	limits: AdmissionLimits,
	now: number,
	random: () => number = Math.random,
): AdmissionVerdict<T> {
	const counts = new Map<string, number>();
	for (const entry of entries) counts.set(entry.source, (counts.get(entry.source) ?? 0) + 1);
	const mine = (counts.get(source) ?? 0) + 1;
	const overSource = mine > limits.perSource;
	if (!overSource && entries.length < limits.total) return {admit: true};
	const stalled = entries.filter((e) => now - e.progressed >= limits.stalledMs);
	const weight = (e: Unfinished<T>) => counts.get(e.source)! + (e.source === source ? 1 : 0);
	let candidates = overSource
		? stalled.filter((e) => e.source === source)
		: stalled.filter((e) => weight(e) >= mine);
	if (candidates.length === 0 && !overSource) {
		// Nobody stalled yet, as in the first seconds of a crowd that arrived at once: a newcomer
		// from a lighter source may still take the place of a source that fills its whole share,
		// from one of its connections quiet for a quarter of the stall time. Without this, every
		// newcomer was refused until the crowd's connections turned 2 s old together, and again
		// each time they were dropped and redialled together.
		const quietMs = limits.stalledMs / 4;
		candidates = entries.filter(
			(e) => counts.get(e.source)! >= limits.perSource && weight(e) > mine && now - e.progressed >= quietMs,
		);
	}
	if (candidates.length === 0) return {admit: false, why: overSource ? 'source' : 'total'};
	const heaviest = Math.max(...candidates.map(weight));
	const fromHeaviest = candidates.filter((e) => weight(e) === heaviest);
	const oldest = Math.min(...fromHeaviest.map((e) => e.progressed));
	const tied = fromHeaviest.filter((e) => e.progressed === oldest);
	const drop = tied[Math.min(tied.length - 1, Math.floor(random() * tied.length))]!;
	return {admit: true, drop: drop.id};
}

export type GuessLimits = {
	/** Wrong guesses in a row a source may make without waiting (a typo retried at once). */
	freeFailures: number;
	/** The next wrong one costs this wait before the source's next guess; each further one doubles it. */
	baseMs: number;
	/** The longest wait one source is given. */
	maxMs: number;
	/** Guesses in all, sustained, per second... */
	perSecond: number;
	/** ...and how many may come at once after a quiet spell. */
	burst: number;
	/** A source that guessed nothing for this long starts afresh. */
	forgetMs: number;
	/** Sources remembered at most (the oldest are forgotten first): memory stays bounded. */
	maxSources: number;
};

export const defaultGuessLimits: GuessLimits = {
	freeFailures: 1,
	baseMs: 1000,
	maxMs: 15 * 60_000,
	perSecond: 1,
	burst: 4,
	forgetMs: 60 * 60_000,
	maxSources: 10_000,
};

type SourceRecord = {failures: number; last: number; inFlight: boolean};

export type GuessVerdict = {ok: true} | {ok: false; why: 'source' | 'overall'; waitMs: number};

/**
 * Online guessing of a secret (the listener's --secret) or of an invite code's tag (the relay):
 * each source waits exponentially longer after each wrong guess and has one guess in flight at
 * a time; all sources together get `perSecond` guesses (a token bucket of `burst`). A guess is
 * taken before its answer is known (`take`), and settled when it is (`settle`): an attacker that
 * hangs up once it can tell the answer still paid for its guess.
 */
export class GuessLimiter {
	private readonly sources = new Map<string, SourceRecord>();
	private tokens: number;
	private refilled: number;

	constructor(
		readonly limits: GuessLimits = defaultGuessLimits,
		now = 0,
	) {
		this.tokens = limits.burst;
		this.refilled = now;
	}

	/** May `source` guess now? Nothing is taken. */
	check(source: string, now: number): GuessVerdict {
		const record = this.record(source, now);
		if (record) {
			if (record.inFlight) return {ok: false, why: 'source', waitMs: this.limits.baseMs};
			const wait = this.waitAfter(record) - (now - record.last);
			if (wait > 0) return {ok: false, why: 'source', waitMs: wait};
		}
		this.refill(now);
		if (this.tokens < 1)
			return {
				ok: false,
				why: 'overall',
				waitMs: Math.ceil(((1 - this.tokens) * 1000) / this.limits.perSecond),
			};
		return {ok: true};
	}

	/** Takes a guess for `source` if allowed; `settle` must follow. */
	take(source: string, now: number): GuessVerdict {
		const verdict = this.check(source, now);
		if (!verdict.ok) return verdict;
		this.tokens -= 1;
		const record = this.record(source, now) ?? {failures: 0, last: now, inFlight: false};
		record.inFlight = true;
		record.last = now;
		this.sources.delete(source);
		this.sources.set(source, record);
		while (this.sources.size > this.limits.maxSources) this.sources.delete(this.sources.keys().next().value!);
		return verdict;
	}

	/** The answer to `source`'s guess: right clears its record, wrong lengthens its wait. */
	settle(source: string, right: boolean, now: number): void {
		const record = this.sources.get(source);
		if (!record) return;
		if (right) {
			this.sources.delete(source);
			return;
		}
		record.inFlight = false;
		record.failures++;
		record.last = now;
	}

	/** How long `source` has to wait after its last wrong guess (0 if it has none). */
	private waitAfter(record: SourceRecord): number {
		const paid = record.failures - this.limits.freeFailures;
		if (paid < 1) return 0;
		return Math.min(this.limits.maxMs, this.limits.baseMs * 2 ** Math.min(30, paid - 1));
	}

	private record(source: string, now: number): SourceRecord | undefined {
		const record = this.sources.get(source);
		if (record && !record.inFlight && now - record.last >= this.limits.forgetMs) {
			this.sources.delete(source);
			return undefined;
		}
		return record;
	}

	private refill(now: number): void {
		const elapsed = Math.max(0, now - this.refilled);
		this.tokens = Math.min(this.limits.burst, this.tokens + (elapsed * this.limits.perSecond) / 1000);
		this.refilled = now;
	}
}

/** "4 s", "3 min": a wait as a log line or a refusal says it. */
export function waitText(ms: number): string {
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
