import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {maxReplyBytes, ReplyParser, toHex, type TerminalReply} from '../../source/terminal/replies.js';
import {chunk, concat} from '../protocol/chunking.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const text = (data: Uint8Array) => Buffer.from(data).toString('latin1');

function feed(parser: ReplyParser, pieces: readonly Uint8Array[]) {
	const input: Uint8Array[] = [];
	const replies: TerminalReply[] = [];
	for (const piece of pieces) {
		const result = parser.push(piece);
		input.push(result.input);
		replies.push(...result.replies);
	}
	return {input: text(concat(input)), replies};
}

test('each kind of reply is taken out and parsed', () => {
	const parser = new ReplyParser();
	parser.expectCpr();
	const {input, replies} = feed(parser, [
		bytes(
			'a\x1b[?1;2cb' +
				'\x1bP1$r0;48:2::1:2:3m\x1b\\' +
				'\x1bP0$r\x1b\\' +
				`\x1bP1+r${toHex('RGB')}=${toHex('8/8/8')}\x1b\\` +
				`\x1bP0+r${toHex('RGB')}\x07` +
				'\x1bP>|tmux 3.3a\x1b\\' +
				'\x1b[12;40R' +
				'\x1b[?2026;2$y' +
				'c',
		),
	]);
	assert.equal(input, 'abc');
	assert.deepEqual(
		replies.map(({raw: _raw, ...rest}) => rest),
		[
			{kind: 'da1', attributes: [1, 2]},
			{kind: 'decrqss', ok: true, setting: '0;48:2::1:2:3m'},
			{kind: 'decrqss', ok: false, setting: ''},
			{kind: 'xtgettcap', ok: true, capabilities: {RGB: '8/8/8'}},
			{kind: 'xtgettcap', ok: false, capabilities: {RGB: ''}},
			{kind: 'xtversion', version: 'tmux 3.3a'},
			{kind: 'cpr', row: 12, col: 40},
			{kind: 'csi-private', params: '2026;2$', final: 'y'},
		],
	);
	assert.equal(replies[0]!.raw, '\x1b[?1;2c');
});

test('a CPR is only a reply while one is expected (Shift+F3 is the same bytes)', () => {
	const parser = new ReplyParser();
	assert.equal(text(parser.push(bytes('\x1b[1;2R')).input), '\x1b[1;2R');
	parser.expectCpr();
	assert.equal(text(parser.push(bytes('\x1b[1;2R')).input), '');
	assert.equal(text(parser.push(bytes('\x1b[1;2R')).input), '\x1b[1;2R');
});

test('a lone Esc is held until flushed; Alt+P, Alt+[ and a broken reply prefix come out as typed', () => {
	const parser = new ReplyParser();
	assert.equal(text(parser.push(bytes('\x1b')).input), '');
	assert.equal(parser.pending(), 'ambiguous');
	assert.equal(text(parser.flush().input), '\x1b');
	assert.equal(parser.pending(), 'none');
	assert.equal(text(parser.push(bytes('\x1bPx\x1b[A\x1bP1$x\x1bOA')).input), '\x1bPx\x1b[A\x1bP1$x\x1bOA');
	assert.equal(text(parser.push(bytes('\x1b[')).input), '');
	assert.equal(text(parser.flush().input), '\x1b[');
	assert.equal(text(parser.push(bytes('\x1b\x1b')).input), '\x1b');
	assert.equal(text(parser.flush().input), '\x1b');
});

test('a reply cut short is dropped by flush, never typed', () => {
	const parser = new ReplyParser();
	assert.equal(text(parser.push(bytes('\x1bP>|xterm(3')).input), '');
	assert.equal(parser.pending(), 'reply');
	const flushed = parser.flush();
	assert.equal(text(flushed.input), '');
	assert.deepEqual(flushed.replies, []);
	assert.equal(text(parser.push(bytes('hi')).input), 'hi');
});

test('an unterminated DCS is capped, then dropped with its end; input after it is intact', () => {
	const parser = new ReplyParser();
	const result = parser.push(bytes('\x1bP1$r' + 'x'.repeat(maxReplyBytes * 4)));
	assert.equal(result.input.length, 0);
	assert.equal(parser.pending(), 'reply');
	const after = parser.push(bytes('xxx\x1b\\hello'));
	assert.equal(text(after.input), 'hello');
	assert.deepEqual(after.replies, []);
	// An ESC that does not end the string aborts it, and is itself the start of what follows.
	const aborted = parser.push(bytes('\x1bP1+r5247\x1b[Aok'));
	assert.equal(text(aborted.input), '\x1b[Aok');
});

// --- properties ---------------------------------------------------------------------------------

/** A user's keystroke (bytes) and whether a pause follows it (a lone Esc is only told apart by time). */
type Key = {bytes: string; pause: boolean};

const plainText = fc
	.string({
		unit: fc.constantFrom(...'abcxyzPO[]?0123456789 ;~\t\r\x7f'.split('')),
		minLength: 1,
		maxLength: 6,
	})
	.map((s): Key => ({bytes: s, pause: false}));
const unicodeText = fc
	.string({unit: 'grapheme', minLength: 1, maxLength: 4})
	.filter((s) => !s.includes('\x1b'))
	.map((s): Key => ({bytes: Buffer.from(s).toString('latin1'), pause: false}));
const specialKey = fc.constantFrom<Key>(
	{bytes: '\x1b[A', pause: false},
	{bytes: '\x1b[1;5C', pause: false},
	{bytes: '\x1b[15~', pause: false},
	{bytes: '\x1bOP', pause: false},
	{bytes: '\x1ba', pause: false},
	{bytes: '\x1bp', pause: false},
	{bytes: '\x1b[200~pasted\x1b[201~', pause: false},
	{bytes: '\x1b', pause: true},
	{bytes: '\x1bP', pause: true},
	{bytes: '\x1b[', pause: true},
	{bytes: '\x03', pause: false},
);
const key = fc.oneof(plainText, unicodeText, specialKey);

const reply = fc.oneof(
	fc.constantFrom('\x1b[?1;2c', '\x1b[?62;4;22c', '\x1b[?c', '\x1bP0$r\x1b\\', '\x1bP>|tmux 3.3a\x1b\\'),
	fc.constantFrom('\x1b\\', '\x07', '\x9c').map((end) => `\x1bP1$r48:2::1:2:3m${end}`),
	fc.constantFrom('\x1b\\', '\x07').map((end) => `\x1bP1+r${toHex('RGB')}=${toHex('8/8/8')}${end}`),
);

type Event = {key: Key} | {reply: string};
const events = fc.array(
	fc.oneof(
		key.map((k): Event => ({key: k})),
		reply.map((r): Event => ({reply: r})),
	),
	{
		maxLength: 20,
	},
);

/** Feeds the events as the bytes a terminal would send, cut at `cuts`, flushing at each pause. */
function run(list: readonly Event[], cuts: readonly number[]) {
	// Pauses split the stream into bursts; each burst may be cut anywhere.
	const bursts: string[] = [''];
	for (const event of list) {
		if ('key' in event) {
			bursts[bursts.length - 1] += event.key.bytes;
			if (event.key.pause) bursts.push('');
		} else bursts[bursts.length - 1] += event.reply;
	}
	const parser = new ReplyParser();
	const input: Uint8Array[] = [];
	const replies: string[] = [];
	for (const burst of bursts) {
		for (const piece of chunk(bytes(burst), cuts)) {
			const result = parser.push(piece);
			input.push(result.input);
			replies.push(...result.replies.map((r) => r.raw));
		}
		const result = parser.flush();
		input.push(result.input);
		replies.push(...result.replies.map((r) => r.raw));
	}
	return {input: text(concat(input)), replies};
}

test('property: user keys interleaved with replies come out as exactly the user bytes, replies as sent', () => {
	fc.assert(
		fc.property(events, fc.array(fc.nat(400), {maxLength: 12}), (list, cuts) => {
			const {input, replies} = run(list, cuts);
			const typed = list.map((e) => ('key' in e ? e.key.bytes : '')).join('');
			const sent = list.flatMap((e) => ('reply' in e ? [e.reply] : []));
			assert.equal(input, typed);
			assert.deepEqual(replies, sent);
		}),
		{numRuns: 500},
	);
});

test('property: any chunking of any bytes gives the same input and replies as one read', () => {
	const anyBytes = fc.array(
		fc.oneof(
			fc.uint8Array({maxLength: 8}),
			reply.map((r) => bytes(r)),
			fc.constantFrom(...['\x1b', '\x1bP', '\x1b[', '\x1b[?', '\x1b\\', '\x07'].map(bytes)),
		),
		{maxLength: 16},
	);
	fc.assert(
		fc.property(anyBytes, fc.array(fc.nat(300), {maxLength: 12}), (parts, cuts) => {
			const whole = concat(parts);
			const once = new ReplyParser();
			const expected = once.push(whole);
			const split = feed(new ReplyParser(), chunk(whole, cuts));
			assert.equal(split.input, text(expected.input));
			assert.deepEqual(split.replies, expected.replies);
		}),
		{numRuns: 500},
	);
});
