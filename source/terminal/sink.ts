/**
 * The one way bytes reach the terminal while a facetty screen is up, for every command (call,
 * demo, setup, preview, play). It decides when the next frame may be written and how many bytes
 * it may spend, from how far the terminal really is rather than how much the pty accepted:
 *
 * - every batch goes out as one write, inside one synchronized-output pair when the output is a
 *   terminal (never nested, none for a pipe or a file);
 * - with a source of terminal replies, each batch is followed by DA1 (`ESC [ c`), which a
 *   terminal (and tmux, and anything through ssh) answers only after drawing all that came
 *   before it. The answers measure two things: the display lag, and the rate the terminal drains
 *   bytes at (bytes answered over the time they took, the best of the last seconds).
 *   - While the terminal keeps up, at most `maxUnanswered` batches wait for their answer beyond
 *     those the round trip itself holds.
 *   - Once it falls behind, a frame may spend what the link drains in the time of the slowest
 *     picture rate worth keeping (`slowestFrameRate`), and the bytes waiting for their answers are
 *     held to what it drains in a round trip plus one batch (bandwidth x round trip, not a count of
 *     batches). The picture on the glass is then about that far behind, however fast or slow the
 *     link.
 *   - Which rate: the link's as the lag tells it, when that is at least twice the rate seen. When
 *     the lag lately grew less with the bytes ahead of a batch than the rate seen says, it is a busy
 *     machine (ssh, sshd and tmux waiting for a core) that holds the answers back, not the link,
 *     and the rate seen is only what was sent.
 *   - A frame spends only what its changes cost, so the picture rate is what the link carries
 *     whole; only a frame heavier than the budget is drawn coarser;
 * - when the terminal never answers the first question (a dumb terminal), batches are paced by
 *   time (at most two a frame's time); a pipe or a file is paced by what it has not yet taken
 *   (writableLength and 'drain').
 *
 * Frames that come while the sink is not ready are not queued: the caller keeps only its latest
 * picture and draws it when `whenReady` calls back (the compositor does this for everyone).
 */

export type SinkOutput = {
	write(data: Uint8Array | string): boolean;
	readonly writableLength?: number;
	readonly isTTY?: boolean;
	once?(event: 'drain', listener: () => void): unknown;
	off?(event: 'drain', listener: () => void): unknown;
};

/** Where the terminal's DA1 answers come from (terminal-input's 'reply' events, filtered). */
export type AnswerSource = {
	/** Calls `listener` once per DA1 answer; returns the unsubscribe. */
	onAnswer(listener: () => void): () => void;
};

export type SinkOptions = {
	/** Wrap each batch in ?2026h/l; default: when the output is a terminal. */
	readonly synchronized?: boolean;
	/** Flow control with the terminal (DA1); without it, pacing by the output's own queue. */
	readonly answers?: AnswerSource;
	/** How long the first DA1 may take before the terminal counts as one that never answers. */
	readonly firstAnswerMs?: number;
	/** The frame rate batches are paced at when nothing answers; default 30. */
	readonly fps?: number;
	/** The slowest picture rate a slow terminal's budget is cut for; default `slowestFrameRate`. */
	readonly budgetFps?: number;
	readonly now?: () => number;
};

export const beginSync = '\x1b[?2026h';
export const endSync = '\x1b[?2026l';
/** Primary device attributes: every terminal answers it, in order with what it draws. */
export const askDeviceAttributes = '\x1b[c';
/** Bytes the output may hold unwritten before frames are skipped (a pipe, a slow pty). */
export const maxQueuedBytes = 256 * 1024;
/** Batches written but not yet answered by the terminal, at most. */
export const maxUnanswered = 2;
/** Most batches in flight however long the round trip. */
export const maxInFlight = 8;
/** Under a budget, a batch below this share of it is not counted against `maxInFlight`. */
const smallBatchShare = 0.25;
/**
 * The slowest picture rate worth keeping over a slow link: below about 15 pictures a second motion
 * stops reading as motion. A frame may spend what the link drains in that time; one whose changes
 * cost less is drawn whole and the next comes sooner (the rate follows the link, up to the
 * camera's). Cut for a rate near the camera's instead, a frame of a moving picture rarely fits:
 * frames are torn and cells fall behind until the picture stands still. 20, not 15: on the glass
 * (npm run bench -- ssh, 1 Mbit/s + 40 ms) a 15th kept PSNR near 30 dB but fell to 11-14
 * pictures a second; a 20th gives 16 a second at 31.4 dB, a 24th 15-17 at 29.7 dB.
 */
export const slowestFrameRate = 20;
/** How often a terminal that did not answer is asked again. */
export const reprobeMs = 2000;
/** An answer this late counts as lost (a reply garbled on the way): the batch is let go. */
export const lostAnswerMs = 3000;
/** How long the best delivery rate seen stands for what the link drains. */
const rateWindowMs = 2000;
/**
 * Answers of the last this many batches tell whether the link is what holds the picture back: a
 * batch behind more bytes waits longer by those bytes over the link's rate when it is; when the
 * lag does not grow with the bytes ahead (a busy machine: ssh, sshd and tmux waiting for a core),
 * holding bytes back only holds pictures back.
 */
const lagSamples = 48;
/** Spread of the bytes ahead (standard deviation) below which their effect on the lag cannot be told. */
const minimumSpreadBytes = 2048;
/**
 * Standard errors added to the slope of lag over bytes before it is taken for the link's: what
 * the link carries at least, not at best (a 1 Mbit/s link on a busy machine taken for a faster
 * one queues bytes and lag).
 */
const slopeMargin = 2;
/**
 * How many times the drain rate seen the link must carry at least for its own rate to hold the
 * bytes in flight: a link near the rate seen is the bottleneck, whatever noise says.
 */
const linkRateShare = 2;
/** How long the smallest lag seen stands for the quiet round trip. */
const baseLagWindowMs = 30_000;
/** A terminal that drains this much in a frame's time needs no budget (more than a full screen). */
const noLimitBytes = 256 * 1024;
/** Smallest budget a frame gets: enough to keep a still picture refining over a slow link. */
export const minimumBudget = 1024;

type InFlight = {
	readonly bytes: number;
	readonly sentAt: number;
	/** Bytes written before it and not yet answered, as it was written. */
	readonly ahead: number;
	/** Bytes answered, and when the last of them was, as this batch was written. */
	readonly deliveredBefore: number;
	readonly deliveredAt: number;
};

export type FlowMode = 'queue' | 'probing' | 'answered' | 'timed';

export class TerminalSink {
	readonly synchronized: boolean;
	private readonly now: () => number;
	private readonly frameMs: number;
	private readonly budgetFps: number | undefined;
	private mode: FlowMode;
	private readonly inFlight: InFlight[] = [];
	private waiting: Array<() => void> = [];
	private drainHooked = false;
	private timer: NodeJS.Timeout | undefined;
	private probeTimer: NodeJS.Timeout | undefined;
	private unsubscribe: (() => void) | undefined;
	private lastWriteAt = -Infinity;
	private lastProbeAt = -Infinity;
	private lastAnswerAt = -Infinity;
	private closed = false;
	/** Display lag of the last answered batch (write -> DA1 answer), ms. */
	lagMs: number | undefined;
	/** Smallest lag seen lately: the round trip with nothing queued. */
	private baseLagMs = Infinity;
	private readonly recentLags: Array<{at: number; lag: number}> = [];
	private readonly recentRates: Array<{at: number; rate: number}> = [];
	/**
	 * The best drain rates of as long as the quiet round trip is taken from: a batch's own drain
	 * is counted at the best rate seen, never at a rate that only says how little was sent lately
	 * (that would take too much off, the round trip would shrink, fewer bytes would go, the rate
	 * seen would fall further: the picture rate spiralled down on a busy machine).
	 */
	private readonly peakRates: Array<{at: number; rate: number}> = [];
	/** Bytes answered so far, and when the last answer came. */
	private delivered = 0;
	private deliveredAt = -Infinity;
	/** Bytes a second the terminal drains: the best delivery rate of the last two seconds. */
	drainRate: number | undefined;
	/** Byte budget of the next frame; Infinity while the terminal keeps up. */
	private budgetBytes = Infinity;
	/** Bytes of the last batch that asked for an answer. */
	private lastBatchBytes = 0;
	/** Recent answers: the bytes a batch had to wait for (its own and those ahead), and its lag. */
	private readonly lagByBytes: Array<{bytes: number; lag: number}> = [];
	/**
	 * What the link carries at least (bytes a second), from how the lag lately grew with the bytes
	 * ahead (`linkRateFloor`): above the drain rate seen when that is only what was sent.
	 */
	private linkRate = 0;
	/** Bytes and batches written, for benchmarks and stats. */
	readonly written = {bytes: 0, batches: 0};

	constructor(
		private readonly output: SinkOutput,
		options: SinkOptions = {},
	) {
		this.synchronized = options.synchronized ?? Boolean(output.isTTY);
		this.now = options.now ?? (() => performance.now());
		this.frameMs = 1000 / (options.fps ?? 30);
		this.budgetFps = options.budgetFps;
		this.mode = options.answers ? 'probing' : 'queue';
		if (options.answers) {
			this.unsubscribe = options.answers.onAnswer(() => this.answered());
			this.probeTimer = setTimeout(() => {
				if (this.mode !== 'probing') return;
				this.mode = 'timed';
				this.wake();
			}, options.firstAnswerMs ?? 1000);
			this.probeTimer.unref?.();
		}
	}

	get flowMode(): FlowMode {
		return this.mode;
	}

	/** Batches written whose answer has not come yet. */
	get unanswered(): number {
		return this.inFlight.length;
	}

	/**
	 * Batches that may wait for their answer: two, plus the frames the quiet round trip holds
	 * anyway (over 80 ms at 30 fps, two more), or no frame rate above 2 / round trip would pass.
	 */
	get inFlightLimit(): number {
		// Over a link that limits the picture, the bytes in flight decide (`inFlightBytesLimit`).
		if (this.budgetBytes !== Infinity) return maxInFlight;
		const inTransit = Number.isFinite(this.baseLagMs) ? Math.floor(this.baseLagMs / this.frameMs) : 0;
		return Math.min(maxInFlight, maxUnanswered + inTransit);
	}

	/**
	 * Bytes that may wait for their answer over a link that limits the picture: what it drains in a
	 * quiet round trip (the bytes on their way there and the answers on their way back: the pipe
	 * kept full) and a frame's time (a frame queued), so the picture on the glass stays about a
	 * round trip and a frame behind however fast the link; and at least two batches of the size
	 * frames have lately (one drawn while the next waits), or a round trip shorter than a batch's
	 * drain (a slow terminal close by, a busy machine) would let only one through at a time. The
	 * batches as written, not the budget (a frame's most): frames that cost less queue less.
	 * The rate is the link's as its lag tells it (`linkRate`) when that is `linkRateShare` times the
	 * drain rate seen or more: on a busy machine the lag is not the bytes'.
	 */
	get inFlightBytesLimit(): number {
		if (this.budgetBytes === Infinity || this.drainRate === undefined) return Infinity;
		const roundTrip = Number.isFinite(this.baseLagMs) ? this.baseLagMs : 0;
		const rate = this.linkRate >= linkRateShare * this.drainRate ? this.linkRate : this.drainRate;
		return Math.max(2 * this.lastBatchBytes, (rate * (roundTrip + this.frameMs)) / 1000);
	}

	/**
	 * Batches in flight as the count limit sees them: under a budget, one that cost less than
	 * `smallBatchShare` of a frame's budget is left out (its bytes still count): the self view's
	 * frames come between the peer's, each a batch of its own of a kB or two, and counted whole
	 * they held the peer's picture to four in flight (16 pictures a second where answers come
	 * 100-200 ms late, sink.test.ts; 14-23 on the ssh bench at 5 Mbit/s). Never more than
	 * twice `maxInFlight` in all.
	 */
	private get batchesCounted(): number {
		if (this.budgetBytes === Infinity) return this.inFlight.length;
		const small = this.budgetBytes * smallBatchShare;
		let count = 0;
		for (const batch of this.inFlight) if (batch.bytes >= small) count++;
		return count;
	}

	private get bytesInFlight(): number {
		let bytes = 0;
		for (const batch of this.inFlight) bytes += batch.bytes;
		return bytes;
	}

	/** Whether a frame may be written now. */
	get ready(): boolean {
		if (this.closed) return false;
		if ((this.output.writableLength ?? 0) > maxQueuedBytes) return false;
		if (this.mode === 'probing' || this.mode === 'answered')
			return (
				this.batchesCounted < this.inFlightLimit &&
				this.inFlight.length < 2 * maxInFlight &&
				this.bytesInFlight < this.inFlightBytesLimit
			);
		if (this.mode === 'timed') return this.now() - this.lastWriteAt >= this.frameMs / 2;
		return true;
	}

	/** Calls back once, when the sink is ready again (or at once on the next turn if it is). */
	whenReady(callback: () => void): void {
		if (this.closed) return;
		this.waiting.push(callback);
		if (this.ready) {
			setImmediate(() => this.wake());
			return;
		}
		if ((this.output.writableLength ?? 0) > maxQueuedBytes && !this.drainHooked && this.output.once) {
			this.drainHooked = true;
			this.output.once('drain', this.onDrain);
		}
		if ((this.mode === 'answered' || this.mode === 'probing') && !this.timer && this.inFlight.length > 0) {
			const wait = Math.max(0, this.inFlight[0]!.sentAt + lostAnswerMs - this.now());
			this.timer = setTimeout(() => {
				this.timer = undefined;
				const oldest = this.inFlight[0];
				if (oldest && this.now() - oldest.sentAt >= lostAnswerMs) this.inFlight.shift();
				this.wake();
			}, wait);
		}
		if (this.mode === 'timed' && !this.timer) {
			const wait = Math.max(0, this.frameMs / 2 - (this.now() - this.lastWriteAt));
			this.timer = setTimeout(() => {
				this.timer = undefined;
				this.wake();
			}, wait);
		}
	}

	/**
	 * Bytes the next frame may spend: the drain rate times a frame's time once the terminal has
	 * been seen falling behind, else no limit (a fast terminal gets every cell every frame).
	 */
	get budget(): number {
		return this.budgetBytes;
	}

	/** Writes one batch (chrome and video of one moment); returns the bytes written. */
	write(parts: ReadonlyArray<Uint8Array | string>): number {
		if (this.closed) return 0;
		const chunks = parts
			.filter((part) => part.length > 0)
			.map((part) => (typeof part === 'string' ? Buffer.from(part) : part));
		if (chunks.length === 0) return 0;
		if (this.synchronized) {
			chunks.unshift(Buffer.from(beginSync));
			chunks.push(Buffer.from(endSync));
		}
		const sentAt = this.now();
		const asking = this.mode === 'probing' || this.mode === 'answered';
		// A terminal taken for one that never answers is asked again now and then: it may only
		// have been slow to answer the first time (a busy start, a slow link).
		const askingAgain = this.mode === 'timed' && sentAt - this.lastProbeAt >= reprobeMs;
		if (asking || askingAgain) chunks.push(Buffer.from(askDeviceAttributes));
		if (askingAgain) this.lastProbeAt = sentAt;
		const bytes = Buffer.concat(chunks);
		this.output.write(bytes);
		this.lastWriteAt = sentAt;
		this.written.bytes += bytes.length;
		this.written.batches++;
		if (asking) {
			this.lastBatchBytes = bytes.length;
			const deliveredAt = Number.isFinite(this.deliveredAt) ? this.deliveredAt : sentAt;
			this.inFlight.push({
				bytes: bytes.length,
				sentAt,
				ahead: this.bytesInFlight,
				deliveredBefore: this.delivered,
				deliveredAt,
			});
		}
		return bytes.length;
	}

	/** Writes outside any batch and any flow control: taking and giving back the screen. */
	writeRaw(text: string): void {
		this.output.write(text);
	}

	close(): void {
		this.closed = true;
		this.unsubscribe?.();
		clearTimeout(this.timer);
		clearTimeout(this.probeTimer);
		if (this.drainHooked) this.output.off?.('drain', this.onDrain);
		this.waiting = [];
	}

	private readonly onDrain = () => {
		this.drainHooked = false;
		this.wake();
	};

	private wake(): void {
		if (this.closed || !this.ready) {
			if (!this.closed && this.waiting.length > 0) {
				// Still not ready: wait for what will make it so.
				const pending = this.waiting;
				this.waiting = [];
				for (const callback of pending) this.whenReady(callback);
			}
			return;
		}
		const pending = this.waiting;
		this.waiting = [];
		for (const callback of pending) callback();
	}

	private answered(): void {
		if (this.mode === 'timed') {
			// A terminal that was only slow to answer the first time (a busy start): flow control after all.
			this.mode = 'answered';
			this.inFlight.length = 0;
			this.wake();
			return;
		}
		const batch = this.inFlight.shift();
		if (!batch) return;
		clearTimeout(this.timer);
		this.timer = undefined;
		const now = this.now();
		if (this.mode === 'probing') {
			this.mode = 'answered';
			clearTimeout(this.probeTimer);
		}
		const lag = now - batch.sentAt;
		this.lagMs = lag;
		// The delivery rate: the bytes answered since this batch was written over the time since the
		// answer before it, so answers that arrive bunched (one late, the next ones at once) or a
		// jittery round trip still add up right; the best of the last seconds is what the link
		// drains (a terminal sent less than it could take shows a lower rate, never a higher one).
		this.delivered += batch.bytes;
		this.deliveredAt = now;
		const interval = now - batch.deliveredAt;
		if (interval > 0) {
			this.recentRates.push({at: now, rate: ((this.delivered - batch.deliveredBefore) * 1000) / interval});
			while (this.recentRates.length > 0 && now - this.recentRates[0]!.at > rateWindowMs)
				this.recentRates.shift();
			this.drainRate = Math.max(...this.recentRates.map((entry) => entry.rate));
			this.peakRates.push({at: now, rate: this.drainRate});
			while (this.peakRates.length > 0 && now - this.peakRates[0]!.at > baseLagWindowMs)
				this.peakRates.shift();
		}
		// The quiet round trip: the smallest lag of the last seconds (a route may change), less the
		// time the batch's own bytes took to drain. Left in, a link kept busy with frames of a
		// budget's size would never show its round trip (each lag a round trip and a batch), and
		// the bytes let in flight would grow by a batch, and the queue with them. Counted at the best
		// rate seen (see peakRates); a lone batch's rate is its bytes over its whole lag, so when
		// that says its bytes took more than half the lag, drain and round trip cannot be told
		// apart: the lag counts whole.
		const peak = Math.max(0, ...this.peakRates.map((entry) => entry.rate));
		const ownDrainMs = peak > 0 ? (batch.bytes * 1000) / peak : 0;
		const withoutOwn = ownDrainMs < lag / 2 ? lag - ownDrainMs : lag;
		this.recentLags.push({at: now, lag: withoutOwn});
		while (this.recentLags.length > 0 && now - this.recentLags[0]!.at > baseLagWindowMs)
			this.recentLags.shift();
		this.baseLagMs = Math.min(...this.recentLags.map((entry) => entry.lag));
		this.adjustBudget(withoutOwn - this.baseLagMs);
		this.lagByBytes.push({bytes: batch.ahead + batch.bytes, lag});
		if (this.lagByBytes.length > lagSamples) this.lagByBytes.shift();
		this.linkRate = linkRateFloor(this.lagByBytes);
		this.wake();
	}

	/**
	 * Once the terminal has been seen falling behind (batches waiting behind earlier ones for
	 * more than a frame), each frame may spend what the link drains in the time of the slowest
	 * picture rate worth keeping, while `inFlightBytesLimit` keeps the queue short: a frame that
	 * needs less is written whole, and the next goes once it has drained. Bytes not spent on one
	 * frame (a still picture) leave room for the next ones in flight.
	 * A terminal that drains more than a full screen in a frame's time gets no limit.
	 */
	private adjustBudget(waitingMs: number): void {
		const rate = this.drainRate;
		if (rate === undefined) return;
		if (this.budgetBytes === Infinity && waitingMs <= this.frameMs) return;
		const fits = rate / (this.budgetFps ?? slowestFrameRate);
		this.budgetBytes = fits >= noLimitBytes ? Infinity : Math.max(minimumBudget, fits);
	}
}

/**
 * What a link carries at least (bytes a second), from answers that waited behind more or fewer
 * bytes: the least-squares slope of lag over bytes (ms a byte) plus `slopeMargin` standard errors
 * is the link's time a byte at most. Infinity when even that is not above zero (the lag does not
 * grow with the bytes: a busy machine, not the link); 0 while it cannot be told (too few answers,
 * bytes ahead that hardly varied).
 */
export function linkRateFloor(samples: ReadonlyArray<{bytes: number; lag: number}>): number {
	const count = samples.length;
	if (count < lagSamples / 2) return 0;
	let meanBytes = 0;
	let meanLag = 0;
	for (const sample of samples) {
		meanBytes += sample.bytes;
		meanLag += sample.lag;
	}
	meanBytes /= count;
	meanLag /= count;
	let covariance = 0;
	let variance = 0;
	for (const sample of samples) {
		covariance += (sample.bytes - meanBytes) * (sample.lag - meanLag);
		variance += (sample.bytes - meanBytes) ** 2;
	}
	if (variance / count < minimumSpreadBytes ** 2) return 0;
	const msPerByte = covariance / variance;
	let residuals = 0;
	for (const sample of samples)
		residuals += (sample.lag - meanLag - msPerByte * (sample.bytes - meanBytes)) ** 2;
	const standardError = Math.sqrt(residuals / (count - 2) / variance);
	const most = msPerByte + slopeMargin * standardError;
	return most <= 0 ? Infinity : 1000 / most;
}
