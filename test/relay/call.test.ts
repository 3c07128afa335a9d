/**
 * Calls by invite code through a real relay on loopback: video both ways, the same check code on
 * both sides, a relay that records every byte finds no JPEG and no plaintext; a wrong code the
 * relay can tell is refused without closing the invite, one only the handshake can tell is refused
 * on both sides with a sentence and ends it.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {codeTag, formatCode, parseCode} from '../../source/invite/code.js';
import {wrongWords} from '../invite/wrong-words.js';
import {invite, join} from '../../source/invite/session.js';
import {RelayError} from '../../source/relay/client.js';
import {recordingProxy, relayForThisFile} from './helpers.js';
import type {Call} from '../../source/session/call.js';
import {ended, feed, nextFrames, ourJpegStart, patternFrame, reached} from '../session/helpers.js';

const address = relayForThisFile();

test('a call by invite code through the relay: video both ways, one check code, nothing readable on the wire', async (t) => {
	const proxy = await recordingProxy(address);
	// Closed even when an assertion fails: a proxy left listening keeps this file's process alive.
	t.after(() => proxy.close());
	const name = 'Zoë from the kitchen';
	const inv = await invite(proxy.address, {name: 'inviter', statsIntervalMs: 200});
	assert.match(inv.text, /^[1-9][0-9]*-[a-z]+-[a-z]+-[a-z]+$/);
	const joiner = await join(proxy.address, inv.text.toUpperCase().replaceAll('-', ' '), {name});
	const inviter = await inv.call;
	await Promise.all([reached(joiner, 'in-call'), reached(inviter, 'in-call')]);
	assert.equal(joiner.security.encrypted, true);
	assert.equal(joiner.security.verifiedBySecret, true);
	assert.equal(inviter.security.sas, joiner.security.sas);
	assert.equal(inviter.peerName, name);
	assert.match(joiner.remoteAddress ?? '', /^via relay 127\.0\.0\.1:/);
	const stops = [
		feed(inviter, (i) => patternFrame(160, 96, i)),
		feed(joiner, (i) => patternFrame(160, 96, i)),
	];
	inviter.sendChat('plaintext-marker-in-chat');
	const [toJoiner, toInviter] = await Promise.all([nextFrames(joiner, 10), nextFrames(inviter, 10)]);
	stops.forEach((stop) => stop());
	assert.equal(toJoiner[0]!.width, 160);
	assert.equal(toInviter[0]!.width, 160);
	joiner.hangUp('bye');
	await Promise.all([ended(joiner), ended(inviter)]);
	const wire = proxy.bytes();
	// Twenty frames crossed (nextFrames above); H.264 makes a test pattern's frames small (about
	// 39 KB in all), so this only checks that the scan below read the call, not its greeting alone.
	assert.ok(wire.length > 10_000, `only ${wire.length} bytes crossed`);
	assert.equal(wire.indexOf(ourJpegStart), -1, 'a JPEG crossed the relay in the clear');
	for (const text of [
		'plaintext-marker-in-chat',
		'inviter',
		'from the kitchen',
		...inv.code.words.filter((w) => w.length >= 4),
		'facetty\n',
	]) {
		assert.equal(wire.indexOf(Buffer.from(text)), -1, `"${text}" crossed the relay readable`);
	}
});

async function refusal(call: Promise<Call> | Call): Promise<string> {
	try {
		const c = await call;
		const end = await ended(c);
		assert.ok(end.error, `the call ended without an error: ${end.reason}`);
		return end.error.message;
	} catch (error) {
		return (error as Error).message;
	}
}

test('a wrong code the relay can tell is refused; the invite stays open, its inviter told, and the right code joins', async () => {
	const inv = await invite(address);
	const tried: number[] = [];
	inv.onWrongCode((count) => tried.push(count));
	const wrong = formatCode({channel: inv.code.channel, words: wrongWords(inv.code.words, false)});
	await assert.rejects(
		join(address, wrong),
		(error: Error) => error instanceof RelayError && /wrong code/.test(error.message),
	);
	const joiner = await join(address, inv.text);
	const inviter = await inv.call;
	await Promise.all([reached(joiner, 'in-call'), reached(inviter, 'in-call')]);
	assert.deepEqual(tried, [1]);
	joiner.hangUp('bye');
	await Promise.all([ended(joiner), ended(inviter)]);
	// Single use: once joined, the code no longer opens it.
	await assert.rejects(join(address, inv.text), /no such invite/);
});

test('a wrong code the relay cannot tell (same tag) is refused by the handshake on both sides', async () => {
	const inv = await invite(address);
	const wrong = formatCode({channel: inv.code.channel, words: wrongWords(inv.code.words, true)});
	const joiner = await join(address, wrong);
	const [joinerSaid, inviterSaid] = await Promise.all([refusal(joiner), refusal(inv.call)]);
	assert.match(joinerSaid, /secret/i);
	assert.match(inviterSaid, /secret/i);
	assert.equal(parseCode(wrong).channel, inv.code.channel);
});

test('a code typed wrong is explained before anything is sent', async () => {
	await assert.rejects(join(address, '42-kettle-violet'), /3 words/);
	await assert.rejects(join(address, '42-kettel-violet-orbit'), /"kettel" is not one of the invite words/);
	await assert.rejects(join(address, 'kettle-violet-orbit-42'), /starts with its number/);
});

/**
 * A relay that terminates TLS both ways: it answers the rendezvous itself, then plays the joiner
 * towards the inviter and the inviter towards the joiner, with a guessed code (it knows the channel
 * and the tag, so it guesses among the words that match the tag).
 */
async function terminatingRelay(guess: (channel: number, tag: number) => string) {
	const {LineReader, parseRequest, encodeReply} = await import('../../source/relay/rendezvous.js');
	const {acceptOver, callOver} = await import('../../source/session/connect.js');
	const outcomes: string[] = [];
	let inviter: {socket: net.Socket; tag: number} | undefined;
	const server = net.createServer((socket) => {
		const reader = new LineReader();
		socket.on('error', () => undefined);
		socket.on('data', function onData(chunk) {
			const result = reader.push(chunk);
			if (!result || 'error' in result) return;
			socket.off('data', onData);
			socket.pause();
			const request = parseRequest(result.line);
			if ('error' in request) return socket.destroy();
			if (request.kind === 'open') {
				inviter = {socket, tag: request.tag};
				socket.write(encodeReply({kind: 'ok', channel: 7}));
				return;
			}
			const secret = guess(7, inviter!.tag);
			socket.write(encodeReply({kind: 'paired'}));
			inviter!.socket.write(encodeReply({kind: 'paired'}));
			const options = {secret, requireEncryption: true, protocol: 'v2' as const};
			const towardInviter = callOver(inviter!.socket, options);
			const towardJoiner = acceptOver(socket, options);
			for (const [side, call] of [
				['inviter side', towardInviter],
				['joiner side', towardJoiner],
			] as const) {
				call.on('state', (state) => state === 'in-call' && outcomes.push(`${side}: in call`));
				call.once('ended', (end) => outcomes.push(`${side}: ${end.error?.message ?? end.reason}`));
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		address: {host: '127.0.0.1', port: (server.address() as net.AddressInfo).port},
		outcomes,
		close: () => server.close(),
	};
}

test('a relay that terminates TLS both ways with a guessed code cannot complete the call', async () => {
	let real = '';
	const mitm = await terminatingRelay((channel, tag) => {
		// The best it can do: words that match the tag, other than the real ones (which it cannot know).
		const words = wrongWords(parseCode(real).words, true);
		assert.equal(codeTag(words), tag);
		return formatCode({channel, words});
	});
	const inv = await invite(mitm.address);
	real = inv.text;
	const joiner = await join(mitm.address, inv.text);
	const [joinerSaid, inviterSaid] = await Promise.all([refusal(joiner), refusal(inv.call)]);
	assert.match(joinerSaid, /secret/i);
	assert.match(inviterSaid, /secret/i);
	assert.ok(!mitm.outcomes.some((o) => o.includes('in call')), mitm.outcomes.join('; '));
	mitm.close();
});

test('an invite is still joined by its code after a sweep of every channel from 17 addresses', async (t) => {
	const {startRelay} = await import('../../source/relay/server.js');
	const {joinChannel} = await import('../../source/relay/client.js');
	const relay = await startRelay({host: '127.0.0.1', port: 0});
	t.after(() => relay.close());
	const here = {host: '127.0.0.1', port: relay.port};
	const inv = await invite(here);
	const tried: number[] = [];
	inv.onWrongCode((count) => tried.push(count));
	const wrongTag = codeTag(inv.code.words) ^ 0x5a;
	const answers = new Map<string, number>();
	// Each of 17 addresses joins its share of channels 1..999 with a wrong tag, one after another.
	await Promise.all(
		Array.from({length: 17}, async (_, a) => {
			for (let channel = a + 1; channel <= 999; channel += 17) {
				const code = await joinChannel({...here, localAddress: `127.0.9.${a + 1}`}, channel, wrongTag).then(
					() => 'paired',
					(error: RelayError) => error.code,
				);
				answers.set(code, (answers.get(code) ?? 0) + 1);
			}
		}),
	);
	t.diagnostic(`the sweep's answers: ${[...answers].map(([code, n]) => `${code} ${n}`).join(', ')}`);
	assert.equal(answers.get('paired'), undefined);
	const joiner = await join(here, inv.text);
	const inviter = await inv.call;
	await Promise.all([reached(joiner, 'in-call'), reached(inviter, 'in-call')]);
	assert.ok(tried.length <= 1, `the inviter was told of ${tried.length} wrong codes`);
	joiner.hangUp('bye');
	await Promise.all([ended(joiner), ended(inviter)]);
});
