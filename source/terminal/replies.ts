/**
 * Splits what the terminal sends on stdin into the user's input and the terminal's replies to our
 * queries (DA1, DECRQSS, XTGETTCAP, XTVERSION, and CPR when one is expected), so that a reply never
 * types into the chat. Pure and incremental: bytes may arrive in any chunking (over SSH a reply is
 * often split across reads), and the user's keys come out byte for byte as typed.
 *
 * The ambiguity is the escape byte: `ESC` alone is the Esc key, `ESC P` is Alt+Shift+P, `ESC [` is
 * Alt+[ — or the start of a reply. A prefix that could still become a reply is held (`pending()`
 * says so), and the caller's timer releases it with `flush()` when no more bytes come.
 */

const ESC = 0x1b;
const BEL = 0x07;
const ST8 = 0x9c;
const BACKSLASH = 0x5c;

/** Most bytes a DCS reply may hold before it is dropped: a terminal that never ends one must not grow us. */
export const maxReplyBytes = 4096;
/** Most bytes of a `CSI ?` or CPR reply before it is taken for something else. */
const maxCsiBytes = 64;

export type TerminalReply =
	/** Primary device attributes, `CSI ? 1 ; 2 c`: answered by every terminal, after everything before it. */
	| {kind: 'da1'; attributes: number[]; raw: string}
	/** Another private-mode CSI reply (DECRPM `CSI ? … $ y`, kitty keyboard `CSI ? … u`). */
	| {kind: 'csi-private'; params: string; final: string; raw: string}
	/** DECRQSS, `DCS 1 $ r Pt ST` (valid) or `DCS 0 $ r ST` (not understood); `setting` is Pt. */
	| {kind: 'decrqss'; ok: boolean; setting: string; raw: string}
	/** XTGETTCAP, `DCS 1 + r name=value;… ST` (hex encoded) or `DCS 0 + r name ST`. */
	| {kind: 'xtgettcap'; ok: boolean; capabilities: Record<string, string>; raw: string}
	/** XTVERSION, `DCS > | text ST`. */
	| {kind: 'xtversion'; version: string; raw: string}
	/** Cursor position report, `CSI row ; col R`, only while one is expected. */
	| {kind: 'cpr'; row: number; col: number; raw: string};

export type PushResult = {input: Uint8Array; replies: TerminalReply[]};

/** What is being held: nothing, a prefix that may still be a key, or a reply that has begun. */
export type Pending = 'none' | 'ambiguous' | 'reply';

const dcsPrefixes = ['1$r', '0$r', '1+r', '0+r', '>|'];

type State =
	| {at: 'ground'}
	/** Saw ESC. */
	| {at: 'escape'}
	/** Saw ESC [. */
	| {at: 'csi'}
	/** Saw ESC [ ?: a private reply; collecting up to the final byte. */
	| {at: 'csi-private'}
	/** Saw ESC [ digit while a CPR is expected. */
	| {at: 'cpr'}
	/** Saw ESC P and part of a known reply prefix. */
	| {at: 'dcs-prefix'}
	/** Inside a known DCS reply's body. */
	| {at: 'dcs-body'; prefix: string}
	/** ESC inside a DCS body: `\` ends the reply, anything else aborts it (no prefix: after an overflow). */
	| {at: 'dcs-escape'; prefix?: string}
	/** A DCS reply grew past the cap: drop until it ends (or an ESC starts something new). */
	| {at: 'dcs-overflow'};

export class ReplyParser {
	private state: State = {at: 'ground'};
	/** Bytes of the sequence being recognised (from its ESC). */
	private held: number[] = [];
	private cprExpected = 0;
	private input: number[] = [];
	private replies: TerminalReply[] = [];

	/** Count one more CPR reply as expected: only then is `CSI row ; col R` taken out of the input. */
	expectCpr(count = 1): void {
		this.cprExpected += count;
	}

	/**
	 * Expects no more CPRs: the questions were answered by something else (DA1 came back without
	 * them), so a `CSI row ; col R` that comes later is a key (Shift+F3 in some terminals).
	 */
	forgetCpr(): void {
		this.cprExpected = 0;
	}

	pending(): Pending {
		switch (this.state.at) {
			case 'ground':
				return 'none';
			case 'escape':
			case 'csi':
			case 'dcs-prefix':
			case 'cpr':
				return 'ambiguous';
			default:
				return 'reply';
		}
	}

	/**
	 * No more bytes came in time: an ambiguous prefix was the user's keys after all and comes out
	 * as input; a reply cut short is dropped (it must never become input).
	 */
	flush(): PushResult {
		if (this.pending() === 'ambiguous') this.input.push(...this.held);
		this.held = [];
		this.state = {at: 'ground'};
		return this.take();
	}

	push(bytes: Uint8Array): PushResult {
		for (const byte of bytes) this.step(byte);
		return this.take();
	}

	private take(): PushResult {
		const result = {input: Uint8Array.from(this.input), replies: this.replies};
		this.input = [];
		this.replies = [];
		return result;
	}

	private release(): void {
		this.input.push(...this.held);
		this.held = [];
		this.state = {at: 'ground'};
	}

	private begin(byte: number): void {
		this.held = [byte];
		this.state = {at: 'escape'};
	}

	private step(byte: number): void {
		const state = this.state;
		switch (state.at) {
			case 'ground':
				if (byte === ESC) this.begin(byte);
				else this.input.push(byte);
				return;
			case 'escape':
				if (byte === 0x5b) {
					this.held.push(byte);
					this.state = {at: 'csi'};
				} else if (byte === 0x50) {
					this.held.push(byte);
					this.state = {at: 'dcs-prefix'};
				} else if (byte === ESC) {
					// Esc pressed twice (or Alt+Esc): the first one is the user's.
					this.input.push(...this.held);
					this.begin(byte);
				} else {
					this.held.push(byte);
					this.release();
				}
				return;
			case 'csi':
				if (byte === 0x3f) {
					this.held.push(byte);
					this.state = {at: 'csi-private'};
				} else if (this.cprExpected > 0 && byte >= 0x30 && byte <= 0x39) {
					this.held.push(byte);
					this.state = {at: 'cpr'};
				} else this.notAReply(byte);
				return;
			case 'csi-private':
				if (byte >= 0x30 && byte <= 0x3f) this.grow(byte, maxCsiBytes);
				else if (byte >= 0x20 && byte <= 0x2f) this.grow(byte, maxCsiBytes);
				else if (byte >= 0x40 && byte <= 0x7e) {
					this.held.push(byte);
					this.finishPrivate();
				} else this.notAReply(byte);
				return;
			case 'cpr':
				if ((byte >= 0x30 && byte <= 0x39) || byte === 0x3b) this.grow(byte, maxCsiBytes);
				else if (byte === 0x52 && /^\x1b\[\d+;\d+$/.test(latin1(this.held))) {
					this.held.push(byte);
					const [row, col] = latin1(this.held).slice(2, -1).split(';').map(Number);
					this.cprExpected--;
					this.emit({kind: 'cpr', row: row!, col: col!, raw: latin1(this.held)});
				} else this.notAReply(byte);
				return;
			case 'dcs-prefix': {
				const sofar = latin1(this.held.slice(2)) + String.fromCharCode(byte);
				const prefix = dcsPrefixes.find((p) => p.startsWith(sofar));
				if (!prefix) this.notAReply(byte);
				else {
					this.held.push(byte);
					if (prefix === sofar) this.state = {at: 'dcs-body', prefix};
				}
				return;
			}
			case 'dcs-body':
				if (byte === ESC) this.state = {at: 'dcs-escape', prefix: state.prefix};
				else if (byte === BEL || byte === ST8) this.finishDcs(state.prefix, String.fromCharCode(byte));
				else if (this.held.length >= maxReplyBytes) {
					this.held = [];
					this.state = {at: 'dcs-overflow'};
				} else this.held.push(byte);
				return;
			case 'dcs-escape':
				if (byte === BACKSLASH) {
					if (state.prefix === undefined) this.state = {at: 'ground'};
					else this.finishDcs(state.prefix, '\x1b\\');
				} else {
					// An ESC that does not end the string aborts it (as in a terminal's own parser): the
					// broken reply is dropped and the ESC starts whatever comes next.
					this.begin(ESC);
					this.step(byte);
				}
				return;
			case 'dcs-overflow':
				if (byte === BEL || byte === ST8) this.state = {at: 'ground'};
				else if (byte === ESC) this.state = {at: 'dcs-escape'};
				return;
		}
	}

	/** The held prefix plus `byte` turned out to be something else (a key): all of it is input. */
	private notAReply(byte: number): void {
		this.release();
		this.step(byte);
	}

	private grow(byte: number, limit: number): void {
		if (this.held.length >= limit) this.notAReply(byte);
		else this.held.push(byte);
	}

	private emit(reply: TerminalReply): void {
		this.replies.push(reply);
		this.held = [];
		this.state = {at: 'ground'};
	}

	private finishPrivate(): void {
		const raw = latin1(this.held);
		const params = raw.slice(3, -1);
		const final = raw.slice(-1);
		if (final === 'c' && /^[\d;]*$/.test(params)) {
			const attributes = params === '' ? [] : params.split(';').map((part) => Number(part || 0));
			this.emit({kind: 'da1', attributes, raw});
		} else this.emit({kind: 'csi-private', params, final, raw});
	}

	private finishDcs(prefix: string, terminator: string): void {
		const body = latin1(this.held.slice(2 + prefix.length));
		const raw = latin1(this.held) + terminator;
		if (prefix === '>|') this.emit({kind: 'xtversion', version: body, raw});
		else if (prefix.endsWith('$r')) this.emit({kind: 'decrqss', ok: prefix[0] === '1', setting: body, raw});
		else this.emit({kind: 'xtgettcap', ok: prefix[0] === '1', capabilities: decodeCapabilities(body), raw});
	}
}

function latin1(bytes: readonly number[]): string {
	return String.fromCharCode(...bytes);
}

/** `524742=382F382F38;...` (hex names and values) -> {RGB: '8/8/8'}; a name without value maps to ''. */
function decodeCapabilities(body: string): Record<string, string> {
	const capabilities: Record<string, string> = {};
	for (const entry of body.split(';')) {
		if (entry === '') continue;
		const [name, value] = entry.split('=');
		capabilities[fromHex(name!)] = value === undefined ? '' : fromHex(value);
	}
	return capabilities;
}

function fromHex(hex: string): string {
	if (!/^(?:[\da-fA-F]{2})*$/.test(hex)) return '';
	return Buffer.from(hex, 'hex').toString('latin1');
}

/** `text` as the hex XTGETTCAP asks with: `RGB` -> `524742`. */
export function toHex(text: string): string {
	return Buffer.from(text, 'latin1').toString('hex').toUpperCase();
}
