/**
 * Downgrade (issue 10 point 2): a relay that hangs up when the caller says FTYS, hoping the caller
 * reconnects in the original script's format and calls in the clear. With --secret, --peer-key or
 * a key remembered for the address the caller refuses, with a sentence, and sends no frame; with
 * nothing that asks for authentication the default caller never says FTYS first, so the relay
 * has nothing to hang up on and the call is encrypted anyway. Also the real deadlines and the
 * per-address limit, enforced by a listener with no shortened options (the other suites shorten them).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {test} from 'node:test';
import {dial, type ListenOptions, listenerLimits} from '../../source/session/connect.js';
import type {Call} from '../../source/session/call.js';
import {greetingDeadlines} from '../../source/session/greeting.js';
import {seedMinBytesPerSecond, seedStallMs} from '../../source/session/seed-link.js';
import {ephemeralIdentity} from '../../source/trust/identity.js';
import {tempConfigDir} from '../trust/helpers.js';
import {
	cleanupsAfterFile,
	ended,
	feed,
	feedListener,
	loopbackListener,
	loopbackProxy,
	nextCall,
	nextFrames,
	patternFrame,
	withTimeout,
} from './helpers.js';

const cleanups = cleanupsAfterFile();

/** Passes bytes both ways, except that it hangs up on a caller whose answer to `done` is FTYS/FTY2; counts connections. */
async function downgradingRelay(
	target: number,
): Promise<{port: number; connections: () => number; plaintext: Buffer[]}> {
	const plaintext: Buffer[] = [];
	const answered = new WeakSet<net.Socket>();
	const proxy = await loopbackProxy(
		cleanups,
		target,
		(chunk, {down, up}) => {
			if (!answered.has(down)) {
				answered.add(down);
				if (chunk.subarray(0, 3).toString() === 'FTY') {
					down.destroy();
					up.destroy();
					return undefined;
				}
			}
			plaintext.push(chunk);
			return chunk;
		},
		(chunk) => plaintext.push(chunk),
	);
	return {...proxy, plaintext};
}

async function target(options: ListenOptions = {}) {
	const l = await loopbackListener(cleanups, options);
	cleanups.push(feedListener(l, (i) => patternFrame(16, 12, i)));
	return l;
}

function feeding(call: Call): Call {
	cleanups.push(feed(call, (i) => patternFrame(16, 12, i)));
	return call;
}

test('a relay hanging up on FTYS: --secret, --peer-key and a remembered key refuse, with a sentence, and never fall back', async () => {
	const l = await target({secret: 'blue kettle'});
	const relay = await downgradingRelay(l.port);
	const address = `127.0.0.1:${relay.port}`;
	const configDir = tempConfigDir(cleanups);
	fs.mkdirSync(configDir, {recursive: true, mode: 0o700});
	fs.writeFileSync(path.join(configDir, 'known_peers'), `${address} ${ephemeralIdentity().fingerprint}\n`, {
		mode: 0o600,
	});
	const cases: Array<[string, Parameters<typeof dial>[2], string, RegExp]> = [
		[
			'--secret',
			{secret: 'blue kettle'},
			'not-encrypted',
			/no unencrypted call is made: the original script's format cannot check a secret/,
		],
		['--peer-key', {peerKey: l.fingerprint}, 'not-encrypted', /With --peer-key no unencrypted call is made/],
		[
			'a remembered key',
			{configDir},
			'peer-key-changed',
			/^WARNING: this address was a facetty peer with a remembered key/,
		],
	];
	for (const [what, options, code, sentence] of cases) {
		const before = relay.connections();
		const caller = feeding(dial('127.0.0.1', relay.port, options));
		const end = await ended(caller);
		assert.equal((end.error as {code?: string}).code, code, `${what}: ${end.reason}`);
		assert.match(end.reason, sentence, what);
		assert.equal(caller.protocol, undefined, `${what}: no call in any format`);
		assert.equal(caller.meter.framesIn, 0);
		assert.equal(relay.connections() - before, 1, `${what}: no second connection (no fallback)`);
		if (what === 'a remembered key')
			assert.ok(
				end.reason.includes(`delete its line in ${path.join(configDir, 'known_peers')}.`),
				end.reason,
			);
	}
});

test('a relay hanging up on FTYS cannot downgrade a default caller: it never says FTYS first, and the call is encrypted', async () => {
	const l = await target();
	const relay = await downgradingRelay(l.port);
	const accepted = nextCall(l);
	const caller = feeding(dial('127.0.0.1', relay.port, {codec: 'raw'}));
	const accepter = await accepted;
	await nextFrames(caller, 2);
	assert.equal(caller.protocol, 'v2');
	assert.equal(caller.security.encrypted, true);
	assert.equal(accepter.security.encrypted, true);
	assert.equal(caller.security.sas, accepter.security.sas);
	caller.hangUp();
	await ended(accepter);
	// The relay saw the greeting and the two shape messages, then only TLS records.
	const seen = Buffer.concat(relay.plaintext).toString('latin1');
	assert.match(seen.slice(0, 40), /done.*\d+ \d+ F/s);
	assert.equal(seen.includes('facetty'), false, 'no hello in the clear');
});

/** Milliseconds from now until `socket` is closed by the other side (or reset). */
function closedAfter(socket: net.Socket): Promise<number> {
	const start = Date.now();
	socket.on('error', () => {});
	// Reading, or the other side's close is never seen.
	socket.resume();
	return new Promise((resolve) => socket.once('close', () => resolve(Date.now() - start)));
}

test('the real deadlines and limits hold in a listener with no shortened options', async () => {
	assert.ok(greetingDeadlines.greetingMs <= 5000, 'a silent connection is cut within 5 s');
	assert.ok(greetingDeadlines.secureMs <= 5000, 'TLS and auth together within 5 s');
	assert.equal(seedStallMs, 5000, 'a seed sender stopped mid-frame for 5 s is dropped');
	assert.ok(seedMinBytesPerSecond >= 1024);
	assert.ok(
		listenerLimits.perSource >= 2 && listenerLimits.perSource <= 6,
		'a few unfinished connections per address',
	);
	const l = await loopbackListener(cleanups);
	const connect = () => {
		const socket = net.connect(l.port, '127.0.0.1');
		cleanups.push(() => socket.destroy());
		return socket;
	};
	// As many silent connections as one address may hold: each is cut at the greeting deadline.
	const silent = Array.from({length: listenerLimits.perSource - 1}, () => closedAfter(connect()));
	// A seed caller that answers, sends its shape, a frame and part of the next, then stops: cut at
	// the stall limit (before its first frame, the greeting's deadline would cut it instead).
	const seed = connect();
	const seedClosed = closedAfter(seed);
	let greeted = false;
	seed.on('data', (chunk: Buffer) => {
		if (greeted || !chunk.toString('latin1').startsWith('done')) return;
		greeted = true;
		seed.write('done');
		// A whole 64x48 frame (the call is live), then the start of the next one.
		const frame = Buffer.concat([Buffer.from('1/'), Buffer.alloc(64 * 48 * 3)]);
		setTimeout(() => seed.write(Buffer.concat([Buffer.from('48 64'), frame, frame.subarray(0, 4000)])), 100);
	});
	await new Promise((resolve) => setTimeout(resolve, 300));
	// One connection more from the same address is refused at once.
	const extra = await closedAfter(connect());
	assert.ok(extra < 1000, `the connection over the per-address limit closed after ${extra} ms`);
	for (const after of await withTimeout(Promise.all(silent), 15_000, 'the silent connections to be cut')) {
		assert.ok(
			after >= greetingDeadlines.greetingMs - 500 && after <= greetingDeadlines.greetingMs + 1500,
			`a silent connection was cut after ${after} ms (deadline ${greetingDeadlines.greetingMs} ms)`,
		);
	}
	const stalled = await withTimeout(seedClosed, 15_000, 'the stalled seed caller to be cut');
	assert.ok(greeted, 'the listener greeted the seed caller');
	assert.ok(
		stalled >= seedStallMs && stalled <= seedStallMs + 3000,
		`the seed caller stopped mid-frame was cut after ${stalled} ms (stall limit ${seedStallMs} ms)`,
	);
});
