/** Invite codes: the word list, formatting and reading back as people type, the relay's tag. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {
	CodeError,
	codeSecret,
	codeTag,
	formatCode,
	parseCode,
	randomWords,
	wordsPerCode,
} from '../../source/invite/code.js';
import {inviteWords, wordIndex} from '../../source/invite/words.js';
import {parseCommandLine, UsageError, type Flags} from '../../source/command-line.js';
import {wrongWords} from './wrong-words.js';

test('the word list: 1024 distinct plain words, so three make 2^30 codes', () => {
	assert.equal(inviteWords.length, 1024);
	assert.equal(new Set(inviteWords).size, 1024);
	assert.ok(inviteWords.length ** wordsPerCode >= 2 ** 30);
	for (const word of inviteWords) assert.match(word, /^[a-z]{3,9}$/);
	// No word is another with an s: "bean" and "beans" would be heard as one.
	for (const word of inviteWords) assert.equal(wordIndex(`${word}s`), undefined, word);
	assert.deepEqual([...inviteWords].sort(), inviteWords);
});

test('codes read back the way people type them', () => {
	const words = fc.constantFrom(...inviteWords);
	fc.assert(
		fc.property(
			fc.integer({min: 1, max: 999_999}),
			fc.tuple(words, words, words),
			fc.constantFrom('-', ' ', '.', ' - '),
			(channel, w, sep) => {
				const code = {channel, words: w};
				assert.deepEqual(parseCode(formatCode(code)), code);
				assert.deepEqual(parseCode(`  ${[channel, ...w].join(sep).toUpperCase()} `), code);
			},
		),
	);
	assert.equal(formatCode({channel: 42, words: ['kettle', 'violet', 'orbit']}), '42-kettle-violet-orbit');
	assert.equal(codeSecret(parseCode('42 Kettle Violet Orbit')), '42-kettle-violet-orbit');
});

test('a code that cannot be right says why', () => {
	const cases: Array<[string, RegExp]> = [
		['', /a number and 3 words/],
		['kettle-violet-orbit', /starts with its number/],
		['042-kettle-violet-orbit', /starts with its number/],
		['1000000-kettle-violet-orbit', /starts with its number/],
		['42-kettle-violet', /3 words after its number/],
		['42-kettle-violet-orbit-sun', /3 words after its number/],
		['42-kettle-violet-orbits', /"orbits" is not one of the invite words/],
		['42-kettle-violet-\x1b[31m', /not one of the invite words/],
	];
	for (const [text, expected] of cases) {
		assert.throws(
			() => parseCode(text),
			(e: Error) => e instanceof CodeError && expected.test(e.message),
			text,
		);
		try {
			parseCode(text);
		} catch (error) {
			assert.doesNotMatch((error as Error).message, /\x1b/);
		}
	}
});

test('random words use the whole list; the tag is one byte, spread evenly', () => {
	let n = 0;
	assert.deepEqual(
		randomWords(() => n++),
		['able', 'acorn', 'acre'],
	);
	const counts = new Array<number>(256).fill(0);
	for (let i = 0; i < 25_600; i++) counts[codeTag(randomWords())]!++;
	assert.ok(
		Math.min(...counts) > 40 && Math.max(...counts) < 180,
		`tag counts ${Math.min(...counts)}..${Math.max(...counts)}`,
	);
	// The tag is on the wire: both sides compute it, so its value for a code is fixed across versions
	// (the first byte of SHA-256 over "facetty invite tag v1|<words>"), and the order of the words counts.
	assert.equal(codeTag(['kettle', 'violet', 'orbit']), 37);
	assert.equal(codeTag(['orbit', 'violet', 'kettle']), 182);
});

const flags: Flags = {host: '0.0.0.0', port: 5000, protocol: 'auto', window: false, pace: true, loop: false};

test('command line: relay, invite and join', () => {
	assert.deepEqual(parseCommandLine(['relay'], {...flags, port: 7000}), {
		kind: 'relay',
		host: '0.0.0.0',
		port: 7000,
	});
	const invite = parseCommandLine(['invite'], {...flags, relay: 'relay.example.org:5000'});
	assert.equal(invite.kind, 'invite');
	assert.equal(invite.kind === 'invite' && invite.relay, 'relay.example.org:5000');
	const join = parseCommandLine(['join', '42-kettle-violet-orbit'], flags);
	assert.equal(join.kind === 'join' && join.code, '42-kettle-violet-orbit');
	assert.throws(() => parseCommandLine(['join'], flags), /join needs the invite CODE/);
	assert.throws(() => parseCommandLine(['invite'], {...flags, relay: 'nowhere:0'}), UsageError);
	assert.throws(() => parseCommandLine(['relay'], {...flags, port: 70000}), /--port/);
});

test('the tests can always make a wrong code with the same tag, or another one (it failed one time in fifty)', () => {
	for (let i = 0; i < 300; i++) {
		const words = [0, 1, 2].map(() => inviteWords[Math.floor(Math.random() * inviteWords.length)]!);
		for (const sameTag of [true, false]) {
			const wrong = wrongWords(words, sameTag);
			assert.notDeepEqual(wrong, words);
			assert.equal(codeTag(wrong) === codeTag(words), sameTag);
		}
	}
});
