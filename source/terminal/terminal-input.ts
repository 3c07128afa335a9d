import {EventEmitter} from 'node:events';
import {Readable} from 'node:stream';
import {ReplyParser, type TerminalReply} from './replies.js';

/** How long a lone Esc (or Alt+P, Alt+[) waits for the rest of a reply before it counts as a key. */
export const escapeTimeoutMs = 50;
/** How long a reply that has begun may take to end before it is dropped (a slow SSH link splits them). */
export const replyTimeoutMs = 1000;

/** The parts of a terminal's stdin this layer uses (process.stdin when it is a TTY). */
export type TtyInput = NodeJS.EventEmitter & {
	readonly isTTY?: boolean;
	setRawMode?(mode: boolean): unknown;
	ref?(): unknown;
	unref?(): unknown;
	resume(): unknown;
	pause(): unknown;
};

/**
 * What Ink gets as stdin: a TTY-like Readable carrying only the user's keys. Ink's `render` needs
 * `isTTY`, `setRawMode`, `ref`/`unref`, `setEncoding` and `'readable'` + `read()`; the Readable
 * gives the last two, the rest is passed to the real terminal through `TerminalInput`.
 */
export class FilteredStdin extends Readable {
	readonly isTTY = true;
	isRaw = false;

	constructor(private readonly owner: TerminalInput) {
		super();
	}

	override _read(): void {
		// Bytes are pushed as they arrive from the terminal; nothing to pull.
	}

	setRawMode(mode: boolean): this {
		this.isRaw = mode;
		this.owner.setUserRaw(mode);
		return this;
	}

	ref(): this {
		this.owner.ref();
		return this;
	}

	unref(): this {
		this.owner.unref();
		return this;
	}
}

/**
 * The one reader of the terminal's stdin: splits it into the user's keys (on `stream`, for Ink)
 * and the terminal's replies (`'reply'` events, and `query`). Reads only while someone needs it:
 * Ink in raw mode, or a query waiting for its answer; otherwise stdin is left paused, so the
 * process can exit.
 */
export class TerminalInput extends EventEmitter<{reply: [TerminalReply]}> {
	readonly stream: FilteredStdin;
	private readonly parser = new ReplyParser();
	private timer: NodeJS.Timeout | undefined;
	private userRaw = false;
	private readonly waiters: Waiter[] = [];
	private reading = false;
	private referenced = true;
	private closed = false;

	constructor(
		private readonly source: TtyInput,
		private readonly output: {write(data: string): unknown},
		private readonly timing = {escapeMs: escapeTimeoutMs, replyMs: replyTimeoutMs},
	) {
		super();
		this.stream = new FilteredStdin(this);
	}

	/**
	 * Writes `bytes` to the terminal and resolves with the first reply `match` accepts, or
	 * undefined after `timeoutMs` (a terminal that does not answer, a pipe). Replies that arrive
	 * are also emitted as `'reply'`, and none of them reaches `stream`.
	 */
	query(
		bytes: string,
		match: (reply: TerminalReply) => boolean,
		timeoutMs: number,
	): Promise<TerminalReply | undefined> {
		const answer = this.expect(match, timeoutMs);
		if (!this.closed) this.output.write(bytes);
		return answer;
	}

	/**
	 * Waits for a reply without writing anything: for a question the caller writes itself, inside
	 * its own batch of output (a DA1 after a frame, so its answer says the frame was drawn).
	 * Waiters are answered in the order they began, each reply going to the first one that
	 * accepts it: two DA1s in flight get one reply each, oldest first, as the terminal sends them.
	 */
	expect(match: (reply: TerminalReply) => boolean, timeoutMs: number): Promise<TerminalReply | undefined> {
		if (this.closed) return Promise.resolve(undefined);
		return new Promise((resolve) => {
			const waiter: Waiter = {
				match,
				settle: (reply) => {
					clearTimeout(timer);
					const at = this.waiters.indexOf(waiter);
					if (at < 0) return;
					this.waiters.splice(at, 1);
					this.update();
					resolve(reply);
				},
			};
			const timer = setTimeout(() => waiter.settle(undefined), timeoutMs);
			this.waiters.push(waiter);
			this.update();
		});
	}

	/**
	 * Takes the next `count` cursor position reports out of the input (they are replies to a
	 * question about to be written); `forgetCpr` when the question is over, answered or not.
	 */
	expectCpr(count: number): void {
		this.parser.expectCpr(count);
	}

	forgetCpr(): void {
		this.parser.forgetCpr();
	}

	/** Stops reading and leaves the terminal as it was found (cooked mode). Idempotent. */
	close(): void {
		if (this.closed) return;
		this.closed = true;
		this.userRaw = false;
		for (const waiter of [...this.waiters]) waiter.settle(undefined);
		this.update();
		clearTimeout(this.timer);
		this.stream.push(null);
	}

	/** @internal Ink's raw mode, through FilteredStdin. */
	setUserRaw(mode: boolean): void {
		this.userRaw = mode;
		this.update();
	}

	/** @internal */
	ref(): void {
		this.referenced = true;
		this.source.ref?.();
	}

	/** @internal */
	unref(): void {
		this.referenced = false;
		this.source.unref?.();
	}

	private readonly onData = (data: Buffer | string) => {
		clearTimeout(this.timer);
		this.deliver(this.parser.push(typeof data === 'string' ? Buffer.from(data) : data));
		const pending = this.parser.pending();
		if (pending !== 'none') {
			this.timer = setTimeout(
				() => this.deliver(this.parser.flush()),
				pending === 'ambiguous' ? this.timing.escapeMs : this.timing.replyMs,
			);
			if (!this.referenced) this.timer.unref();
		}
	};

	private deliver({input, replies}: {input: Uint8Array; replies: TerminalReply[]}): void {
		if (input.length > 0 && !this.closed) this.stream.push(Buffer.from(input));
		for (const reply of replies) {
			this.waiters.find((waiter) => waiter.match(reply))?.settle(reply);
			this.emit('reply', reply);
		}
	}

	/** Raw mode and reading follow who needs them: Ink's raw mode, or a query in flight. */
	private update(): void {
		const wanted = !this.closed && (this.userRaw || this.waiters.length > 0);
		if (this.source.isTTY) this.source.setRawMode?.(wanted);
		if (wanted && !this.reading) {
			this.reading = true;
			this.source.on('data', this.onData);
			this.source.resume();
		} else if (!wanted && this.reading) {
			this.reading = false;
			this.source.off('data', this.onData);
			this.source.pause();
		}
	}
}

type Waiter = {match: (reply: TerminalReply) => boolean; settle: (reply: TerminalReply | undefined) => void};

const shared = new WeakMap<object, TerminalInput>();

/**
 * The one TerminalInput of a terminal's stdin (made on first use): every Ink mount and every probe
 * of the same terminal shares it, so there is one reader and one parser state.
 */
export function terminalInputFor(
	source: TtyInput = process.stdin,
	output: {write(data: string): unknown} = process.stdout,
): TerminalInput {
	let input = shared.get(source);
	if (!input) {
		input = new TerminalInput(source, output);
		shared.set(source, input);
	}
	return input;
}

/** What Ink should read keys from: a terminal's input with the replies taken out; anything else as is. */
export function keysOnly(source: NodeJS.ReadStream): NodeJS.ReadStream {
	if (!source.isTTY) return source;
	return terminalInputFor(source).stream as unknown as NodeJS.ReadStream;
}

/**
 * The keys in one read of a terminal's input, in order: one code point each, or one escape
 * sequence (CSI, SS3, or Esc with the key it modifies). A read can hold several keys (typing over
 * ssh, a paste, tmux send-keys), and a key handler that compares whole reads misses them.
 */
export function splitKeys(text: string): string[] {
	return [...text.matchAll(/\x1b(?:\[[0-?]*[ -/]*[@-~]|O.|.)?|[^\x1b]/gsu)].map(([key]) => key);
}
