import assert from 'node:assert/strict';
import {test} from 'node:test';
import {PassThrough} from 'node:stream';
import {setTimeout as sleep} from 'node:timers/promises';
import {render, Text, useInput} from 'ink';
import React from 'react';
import {splitKeys, TerminalInput, terminalInputFor} from '../../source/terminal/terminal-input.js';
import {InkStream, offscreenInkOptions} from '../../source/ui/ink-mount.js';

/** A terminal's stdin as the process sees it: bytes in, raw mode switched by whoever reads it. */
function fakeTtyStdin() {
	const stream = new PassThrough() as PassThrough & {
		isTTY: boolean;
		rawModes: boolean[];
		setRawMode(m: boolean): void;
		ref(): void;
		unref(): void;
	};
	stream.isTTY = true;
	stream.rawModes = [];
	stream.setRawMode = (mode: boolean) => void stream.rawModes.push(mode);
	stream.ref = () => {};
	stream.unref = () => {};
	return stream;
}

function Keys({seen}: {seen: string[]}) {
	useInput((input, key) => {
		seen.push(key.escape ? '<esc>' : key.upArrow ? '<up>' : input);
	});
	return <Text>keys</Text>;
}

test('DA1, DECRQSS and XTVERSION replies split across reads never reach Ink; keys do, a lone Esc after its pause', async () => {
	const stdin = fakeTtyStdin();
	const seen: string[] = [];
	const replies: string[] = [];
	terminalInputFor(stdin).on('reply', (reply) => replies.push(reply.kind));
	const mounted = render(
		<Keys seen={seen} />,
		offscreenInkOptions(
			new InkStream({cols: 40, rows: 5}, () => {}),
			stdin as unknown as NodeJS.ReadStream,
			new PassThrough(),
		),
	);
	const reads = [
		'a',
		'\x1b',
		'[?1;',
		'2',
		'c',
		'b',
		'\x1bP1$r48:2::1:2:3',
		'm\x1b',
		'\\c',
		'\x1bP>|tmux',
		' 3.3a\x1b\\',
		'\x1b[A',
		'd',
	];
	for (const read of reads) {
		stdin.write(read);
		await sleep(15);
	}
	stdin.write('\x1b');
	await sleep(150);
	stdin.write('e');
	await sleep(30);
	mounted.unmount();
	assert.deepEqual(seen, ['a', 'b', 'c', '<up>', 'd', '<esc>', 'e']);
	assert.deepEqual(replies, ['da1', 'decrqss', 'xtversion']);
	assert.equal(stdin.rawModes.at(-1), false, 'raw mode is left off after Ink unmounts');
});

test('query writes its question and resolves with the matching reply, or undefined when none comes', async () => {
	const stdin = fakeTtyStdin();
	const written: string[] = [];
	const input = new TerminalInput(stdin, {write: (data: string) => void written.push(data)});
	const asked = input.query('\x1b[c', (reply) => reply.kind === 'da1', 1000);
	assert.deepEqual(written, ['\x1b[c']);
	assert.equal(stdin.rawModes.at(-1), true, 'raw while a query waits (else the tty would echo the reply)');
	stdin.write('\x1b[?6');
	await sleep(5);
	stdin.write('2;4c');
	const reply = await asked;
	assert.deepEqual(reply && reply.kind === 'da1' && reply.attributes, [62, 4]);
	assert.equal(stdin.rawModes.at(-1), false);
	const silent = await input.query('\x1b[c', () => true, 50);
	assert.equal(silent, undefined);
	input.close();
});

test('two DA1s in flight get one reply each, oldest first (flow control counts frames this way)', async () => {
	const stdin = fakeTtyStdin();
	const input = new TerminalInput(stdin, {write: () => {}});
	const first = input.expect((reply) => reply.kind === 'da1', 1000);
	const second = input.expect((reply) => reply.kind === 'da1', 1000);
	stdin.write('\x1b[?1;2c');
	assert.equal((await first)?.raw, '\x1b[?1;2c');
	stdin.write('\x1b[?62c');
	assert.equal((await second)?.raw, '\x1b[?62c');
	input.close();
});

test('splitKeys: a read of several keys is taken key by key, an escape sequence as one key', () => {
	assert.deepEqual(splitKeys('hello room\r'), [...'hello room', '\r']);
	assert.deepEqual(splitKeys('q'), ['q']);
	assert.deepEqual(splitKeys('a\x1b[A\x1bOPb\x1b'), ['a', '\x1b[A', '\x1bOP', 'b', '\x1b']);
	assert.deepEqual(splitKeys('\x1b[1;5Cx'), ['\x1b[1;5C', 'x']);
	assert.deepEqual(splitKeys('é👍\x03'), ['é', '👍', '\x03']);
	assert.deepEqual(splitKeys(''), []);
});
