/**
 * The relay server on loopback: exact forwarding both ways, backpressure against a reader that
 * stops, expiry, single use, the per-address limits, and garbage, silence and early bytes refused
 * with a reply line while the relay goes on pairing others.
 */
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import net from 'node:net';
import {test} from 'node:test';
import {
	joinChannel,
	openChannel,
	RelayError,
	type Paired,
	type RelayAddress,
} from '../../source/relay/client.js';
import {startRelay, type RelayLimits} from '../../source/relay/server.js';
import {defaultRelayLimits} from '../../source/relay/limits.js';

async function relayWith(limits: Partial<RelayLimits> = {}) {
	const relay = await startRelay({host: '127.0.0.1', port: 0, limits});
	return {relay, address: {host: '127.0.0.1', port: relay.port}};
}

/** Everything a socket receives until it closes. */
function collect(socket: net.Socket): Promise<Buffer> {
	const parts: Buffer[] = [];
	socket.on('data', (chunk) => parts.push(chunk));
	socket.resume();
	return new Promise((resolve) => socket.once('close', () => resolve(Buffer.concat(parts))));
}

/** A raw connection that sends bytes and returns whatever the relay answers before it closes. */
async function raw(port: number, bytes: Buffer | undefined, localAddress?: string): Promise<string> {
	const socket = net.connect({host: '127.0.0.1', port, localAddress});
	socket.on('error', () => undefined);
	const answer = collect(socket);
	if (bytes) socket.write(bytes);
	return (await answer).toString('latin1');
}

async function pair(address: RelayAddress): Promise<[Paired, Paired]> {
	const invitation = await openChannel(address, 0x2a);
	const joined = await joinChannel(address, invitation.channel, 0x2a);
	return [await invitation.paired, joined];
}

test("a pair gets each other's bytes, exactly, both ways, and the call ends for both", async () => {
	const {relay, address} = await relayWith();
	const [a, b] = await pair(address);
	const toB = randomBytes(3_000_000);
	const toA = randomBytes(2_000_000);
	const [gotA, gotB] = [collect(a.socket), collect(b.socket)];
	a.socket.end(toB);
	b.socket.end(toA);
	assert.ok((await gotB).equals(toB));
	assert.ok((await gotA).equals(toA));
	const stats = relay.stats();
	assert.equal(stats.callsPaired, 1);
	assert.equal(stats.callsEnded, 1);
	assert.equal(stats.bytesRelayed, 5_000_000);
	await relay.close();
});

test('a reader that stops reading slows its peer down instead of filling the relay', async () => {
	const {relay, address} = await relayWith();
	const [writer, reader] = await pair(address);
	reader.socket.pause();
	const block = randomBytes(1 << 20);
	let offered = 0;
	// Write for a second as fast as the socket takes it.
	const until = Date.now() + 1000;
	while (Date.now() < until && offered < 200 * block.length) {
		if (writer.socket.write(block)) offered += block.length;
		else {
			offered += block.length;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}
	await new Promise((resolve) => setTimeout(resolve, 300));
	const relayed = relay.stats().bytesRelayed;
	// Kernel buffers on both loopback hops hold a few MB; the relay holds one high-water mark.
	assert.ok(relayed < 24 * 1024 * 1024, `${relayed} bytes relayed to a reader that reads nothing`);
	assert.ok(writer.socket.writableLength > 0, 'the writer was never held back');
	// Reading again: every byte still arrives, in order.
	const got = collect(reader.socket);
	writer.socket.end();
	const all = await got;
	assert.equal(all.length, offered);
	await relay.close();
});

test('an invite nobody joins expires; one that was used or left is gone', async () => {
	const {relay, address} = await relayWith({channelTtlMs: 200});
	const idle = await openChannel(address, 1);
	await assert.rejects(idle.paired, (e: Error) => e instanceof RelayError && e.code === 'expired');
	await assert.rejects(
		joinChannel(address, idle.channel, 1),
		(e: Error) => e instanceof RelayError && e.code === 'no-channel',
	);
	const left = await openChannel(address, 2);
	left.close();
	await new Promise((resolve) => setTimeout(resolve, 100));
	await assert.rejects(joinChannel(address, left.channel, 2), /no such invite/);
	const [a] = await pair(address);
	a.socket.destroy();
	assert.equal(relay.stats().channelsWaiting, 0);
	await relay.close();
});

test('per-address limits: open invites and connections a minute', async () => {
	const {relay, address} = await relayWith({channelsPerAddress: 2, connectionsPerMinute: 4});
	const first = await openChannel(address, 1);
	const second = await openChannel(address, 1);
	await assert.rejects(openChannel(address, 1), (e: Error) => e instanceof RelayError && e.code === 'limit');
	await assert.rejects(openChannel(address, 1), (e: Error) => e instanceof RelayError && e.code === 'limit');
	// The fifth connection this minute is refused before it may say anything.
	assert.match(await raw(relay.port, undefined), /^err limit /);
	// Another address is not held back by this one.
	const other = await raw(relay.port, Buffer.from('FTYR1 join 1 00\n'), '127.0.0.2');
	assert.match(other, /^err (no-channel|wrong-code) /);
	first.close();
	second.close();
	await relay.close();
});

test('garbage, silence and bytes before pairing are refused with a line, and others still pair', async () => {
	const {relay, address} = await relayWith({requestTimeoutMs: 300});
	assert.match(await raw(relay.port, Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n')), /^err bad-request /);
	assert.match(await raw(relay.port, randomBytes(4096)), /^err bad-request /);
	assert.match(
		await raw(relay.port, Buffer.from('FTYR1 open 2a\ndone')),
		/^err bad-request .*before pairing/,
	);
	assert.match(
		await raw(relay.port, Buffer.from(`FTYR1 ${'A'.repeat(1000)}`)),
		/^err bad-request .*longer than/,
	);
	// A facetty caller's greeting answer (no newline) is refused at once, not after the timeout.
	assert.match(await raw(relay.port, Buffer.from('done')), /^err bad-request .*other than FTYR1\n$/);
	assert.match(await raw(relay.port, undefined), /^err bad-request no request in time/);
	// An owner that speaks before anyone joined loses its channel.
	const socket = net.connect({host: '127.0.0.1', port: relay.port});
	socket.on('error', () => undefined);
	socket.write('FTYR1 open 04\n');
	const said = collect(socket);
	await new Promise((resolve) => setTimeout(resolve, 100));
	socket.write('hello');
	assert.match((await said).toString(), /^ok \d+\nerr bad-request bytes before pairing\n$/);
	const [a, b] = await pair(address);
	const got = collect(b.socket);
	a.socket.end('still pairing');
	assert.equal((await got).toString(), 'still pairing');
	await relay.close();
});

test('a wrong tag is refused without closing the invite; its opener is told; counts, never content', async () => {
	const lines: string[] = [];
	const relay = await startRelay({host: '127.0.0.1', port: 0, log: (l) => lines.push(l)});
	const address = {host: '127.0.0.1', port: relay.port};
	const told: number[] = [];
	const invitation = await openChannel(address, 0x10, undefined, (count) => told.push(count));
	await assert.rejects(
		joinChannel({...address, localAddress: '127.0.0.2'}, invitation.channel, 0x11),
		(e: Error) => e instanceof RelayError && e.code === 'wrong-code' && /wrong code/.test(e.message),
	);
	const joined = joinChannel(address, invitation.channel, 0x10);
	const [a, b] = await Promise.all([invitation.paired, joined]);
	assert.deepEqual(told, [1]);
	a.socket.destroy();
	b.socket.destroy();
	assert.equal(relay.stats().wrongCodes, 1);
	assert.match(relay.summary(), /refused: wrong-code 1/);
	assert.doesNotMatch(relay.summary(), /127\.0\.0\.1/);
	await relay.close();
});

test('an invite that took wrongCodesPerChannel wrong codes is closed, and its opener told why', async () => {
	const {relay, address} = await relayWith({wrongCodesPerChannel: 3});
	const invitation = await openChannel(address, 0x10);
	for (let i = 0; i < 3; i++) {
		await assert.rejects(
			joinChannel({...address, localAddress: `127.0.0.${i + 2}`}, invitation.channel, 0x20 + i),
			/wrong code/,
		);
	}
	await assert.rejects(invitation.paired, /wrong codes were tried on this invite until the relay closed it/);
	await relay.close();
});

test('wrong codes cost their source growing waits, before any channel is looked at', async () => {
	const {relay, address} = await relayWith();
	const invitation = await openChannel(address, 0x10);
	const stranger = {...address, localAddress: '127.0.0.9'};
	// Three wrong tries in a row are free (typos, an expired invite); the fourth waits.
	for (let i = 0; i < 4; i++)
		await assert.rejects(joinChannel(stranger, invitation.channel, 0x20 + i), /wrong code/);
	await assert.rejects(
		joinChannel(stranger, invitation.channel, 0x10),
		(e: Error) => e instanceof RelayError && e.code === 'limit',
	);
	// The right code from elsewhere still pairs.
	const [a, b] = await Promise.all([invitation.paired, joinChannel(address, invitation.channel, 0x10)]);
	a.socket.destroy();
	b.socket.destroy();
	await relay.close();
});

test('a call in which nothing moves is closed after the idle time', async () => {
	const {relay, address} = await relayWith({idleCallMs: 300});
	const [a, b] = await pair(address);
	await Promise.all([collect(a.socket), collect(b.socket)]);
	assert.equal(relay.stats().callsActive, 0);
	await relay.close();
});

/** `n` channels opened from `localAddress`, each waiting. */
async function openFrom(address: {host: string; port: number}, localAddress: string, n: number) {
	return Promise.all(Array.from({length: n}, () => openChannel({...address, localAddress}, 0x01)));
}

test('the relay-wide cap: a crowd of waiting invites gives way to newcomers, heaviest source first; paired calls are never dropped', async (t) => {
	const {relay, address} = await relayWith({maxConnections: 24, channelsPerAddress: 8});
	t.after(() => relay.close());
	// Three addresses fill the relay with 8 waiting invites each.
	const crowd = (
		await Promise.all(['127.0.4.1', '127.0.4.2', '127.0.4.3'].map((a) => openFrom(address, a, 8)))
	).flat();
	const outcomes: string[] = crowd.map(() => 'waiting');
	crowd.forEach((invitation, i) =>
		invitation.paired.then(
			() => (outcomes[i] = 'paired'),
			(error: RelayError) => (outcomes[i] = error.code),
		),
	);
	await new Promise((resolve) => setTimeout(resolve, 2100)); // the crowd is stalled now
	// An inviter and its joiner from two other addresses get in, each in place of a crowd invite.
	const invitation = await openChannel({...address, localAddress: '127.0.5.1'}, 0x2a);
	const joined = await joinChannel({...address, localAddress: '127.0.5.2'}, invitation.channel, 0x2a);
	const paired = await invitation.paired;
	const got = collect(joined.socket);
	await new Promise((resolve) => setTimeout(resolve, 200));
	assert.equal(outcomes.filter((o) => o === 'full').length, 2, outcomes.join(' '));
	// Full of paired calls and light sources only: the next is refused with a sentence.
	for (let i = 1; i <= 11; i++) {
		const opened = await openChannel({...address, localAddress: `127.0.6.${i}`}, 0x2a);
		await joinChannel({...address, localAddress: `127.0.8.${i}`}, opened.channel, 0x2a);
	}
	assert.deepEqual(
		outcomes.filter((o) => o !== 'full'),
		[],
		'every crowd invite gave way, and no pair did',
	);
	assert.equal(relay.stats().callsActive, 12);
	assert.match(
		await raw(relay.port, Buffer.from('FTYR1 open 01\n'), '127.0.7.1'),
		/^err full the relay is full/,
	);
	// The first pair still carries bytes.
	paired.socket.end('still paired');
	assert.equal((await got).toString(), 'still paired');
	await relay.close();
});

test('with no limits given, the defaults hold: 8 open invites an address, 60 connections a minute', async () => {
	const relay = await startRelay({host: '127.0.0.1', port: 0});
	const address = {host: '127.0.0.1', port: relay.port};
	const limit = (e: Error) => e instanceof RelayError && e.code === 'limit';
	const open = [];
	for (let i = 0; i < defaultRelayLimits.channelsPerAddress; i++) open.push(await openChannel(address, 1));
	await assert.rejects(openChannel(address, 1), limit);
	// Those were 9 connections this minute; the rest up to 60 are answered, the 61st refused unheard.
	for (let i = defaultRelayLimits.channelsPerAddress + 1; i < defaultRelayLimits.connectionsPerMinute; i++) {
		// A request the relay does not understand: answered, and not a wrong code (those cost waits).
		assert.match(
			await raw(relay.port, Buffer.from('FTYR1 bogus\n')),
			/^err bad-request /,
			`connection ${i + 1}`,
		);
	}
	assert.match(await raw(relay.port, undefined), /^err limit /);
	assert.match(
		await raw(relay.port, Buffer.from('FTYR1 join 1 00\n'), '127.0.0.2'),
		/^err (no-channel|wrong-code) /,
	);
	assert.deepEqual(
		[defaultRelayLimits.channelsPerAddress, defaultRelayLimits.connectionsPerMinute],
		[8, 60],
		'the readme and the relay help name these numbers',
	);
	for (const invite of open) invite.close();
	await relay.close();
});
