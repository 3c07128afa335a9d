/**
 * The one way bytes reach the terminal while a facetty screen is up, for every command (call,
 * demo, setup, preview, play). It decides when the next frame may be written and how many bytes
 * it may spend, from how far the terminal really is rather than how much the pty accepted:
 *
 * - every batch goes out as one write, inside one synchronized-output pair when the output is a
 *   terminal (never nested, none for a pipe or a file);
 * - with a source of terminal replies, each batch is followed by DA1 (`ESC [ c`), which a
 *   terminal (and tmux, and anything through ssh) answers only after drawing all that came
 *   before it; at most `maxUnanswered` batches beyond what the round trip itself holds wait for
 *   their answer, so the picture on the glass is never more than that behind. The answers measure the display lag and the rate the
 *   terminal drains bytes at, which sets each frame's byte budget (a picture that fits the link);
 * - when the terminal never answers the first question (a dumb terminal), batches are paced by
 *   time (at most two a frame's time); a pipe or a file is paced by what it has not yet taken (writableLength and 'drain').
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
	/**
	 * The frame rate a slow terminal's budget is cut for; default: 30 when the link carries
	 * `fullFrameBytes` that often, down to 16 on slower ones (fewer, fuller pictures beat many
	 * half-drawn ones).
	 */
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
/** Bytes a frame should get before the budget's frame rate goes above its floor. */
export const fullFrameBytes = 16 * 1024;
const budgetFpsRange = {min: 16, max: 30};
/** How often a terminal that did not answer is asked again. */
export const reprobeMs = 2000;
/** An answer this late counts as lost (a reply garbled on the way): the batch is let go. */
export const lostAnswerMs = 3000;
/** The answers the drain rate is measured over. */
const rateWindowMs = 1000;
/** How long the smallest lag seen stands for the quiet round trip. */
const baseLagWindowMs = 30_000;
/** A terminal that drains this much in two frames' time needs no budget. */
const noLimitBytes = 1024 * 1024;
/** Smallest budget a frame gets: enough to keep a still picture refining over a slow link. */
export const minimumBudget = 1024;

type InFlight = {readonly bytes: number; readonly sentAt: number};

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
	private readonly recentDraws: Array<{at: number; bytes: number; busy: number}> = [];
	/** Bytes a second the terminal drained while it had work queued. */
	drainRate: number | undefined;
	/** Byte budget of the next frame; Infinity while the terminal keeps up. */
	private budgetBytes = Infinity;
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
		const inTransit = Number.isFinite(this.baseLagMs) ? Math.floor(this.baseLagMs / this.frameMs) : 0;
		return Math.min(maxInFlight, maxUnanswered + inTransit);
	}

	/** Whether a frame may be written now. */
	get ready(): boolean {
		if (this.closed) return false;
		if ((this.output.writableLength ?? 0) > maxQueuedBytes) return false;
		if (this.mode === 'probing' || this.mode === 'answered') return this.inFlight.length < this.inFlightLimit;
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
		if (asking) this.inFlight.push({bytes: bytes.length, sentAt});
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
		// The quiet round trip drifts (a route changes): let the floor rise slowly.
		// The quiet round trip: the smallest lag of the last few seconds (a route may change).
		this.recentLags.push({at: now, lag});
		while (this.recentLags.length > 0 && now - this.recentLags[0]!.at > baseLagWindowMs)
			this.recentLags.shift();
		this.baseLagMs = Math.min(...this.recentLags.map((entry) => entry.lag));
		// Time the terminal spent drawing this batch: from when it could start on it (arrived, a
		// quiet round trip after it was written, and the one before it drawn) to its answer.
		const busyFrom = Math.max(batch.sentAt + this.baseLagMs, this.lastAnswerAt);
		this.lastAnswerAt = now;
		const busy = now - busyFrom;
		// The drain rate: bytes over the time the terminal was busy, summed over the last second, so
		// answers that arrive bunched together (one long, the next ones instant) still add up right.
		this.recentDraws.push({at: now, bytes: batch.bytes, busy: Math.max(0, busy)});
		while (this.recentDraws.length > 0 && now - this.recentDraws[0]!.at > rateWindowMs)
			this.recentDraws.shift();
		const busyMs = this.recentDraws.reduce((sum, draw) => sum + draw.busy, 0);
		const drawn = this.recentDraws.reduce((sum, draw) => sum + draw.bytes, 0);
		if (busyMs >= 5) this.drainRate = (drawn * 1000) / busyMs;
		// Waiting behind earlier batches: the lag less the round trip and this batch's own drawing.
		const drawing = this.drainRate ? (batch.bytes * 1000) / this.drainRate : 0;
		this.adjustBudget(lag - this.baseLagMs - drawing, drawing);
		this.wake();
	}

	/**
	 * Bytes that wait behind earlier batches for more than half a frame, or a batch that takes
	 * longer than a frame to draw, mean the link is full: frames then get a little less than it
	 * drains in a frame's time (much less when far behind).
	 * While nothing waits, the budget creeps up to twice that (a faster link shows as a higher
	 * drain rate), and a terminal that drains a megabyte in two frames' time gets no limit.
	 */
	private adjustBudget(waitingMs: number, drawingMs: number): void {
		const rate = this.drainRate;
		if (rate === undefined) return;
		const fps =
			this.budgetFps ?? Math.max(budgetFpsRange.min, Math.min(budgetFpsRange.max, rate / fullFrameBytes));
		const fits = Math.max(minimumBudget, rate / fps);
		if (waitingMs > 2 * this.frameMs) this.budgetBytes = Math.max(minimumBudget, fits / 2);
		else if (waitingMs > this.frameMs / 2 || drawingMs > 1000 / fps)
			this.budgetBytes = Math.max(minimumBudget, fits * 0.8);
		else if (this.budgetBytes !== Infinity) {
			this.budgetBytes = 2 * fits >= noLimitBytes ? Infinity : Math.min(this.budgetBytes * 1.1, 2 * fits);
		}
	}
}
