/**
 * A man in the middle that terminates TLS on both sides (its own key toward each peer, so each
 * TLS session has its own exporter) and then either forwards the auth messages as they are or
 * runs its own CPace toward each side with a guessed secret. Both peers refuse it unless the
 * guess is the secret; a right guess (an online guess, one per connection) gets through, and
 * then the two screens show different check codes.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import net from 'node:net';
import type tls from 'node:tls';
import {test} from 'node:test';
import {dial, type Listener} from '../../source/session/connect.js';
import {AuthReader, encodeAuth, type AuthKind, type AuthMessage} from '../../source/protocol/auth.js';
import {readExactly, readUntil} from '../../source/session/read.js';
import {authenticate, checkCodeTryLimits} from '../../source/session/secure.js';
import {sasCode, sasCommitment, sasExporter} from '../../source/trust/sas.js';
import {ephemeralIdentity} from '../../source/trust/identity.js';
import {
	cleanupsAfterFile,
	ended,
	feed,
	loopbackListener,
	unlimitedGuesses,
	nextCall,
	nextFrames,
	nextRejection,
	patternFrame,
	reached,
	withTimeout,
} from './helpers.js';
import {splice, startTlsAsAccepter} from '../trust/helpers.js';
import {startTlsAsCaller, tlsConnect} from '../hostile/attacks.js';

const cleanups = cleanupsAfterFile();

type Mitm = {
	port: number;
	/** What the relay's own CPace runs ended with, per side ("ok" or the refusal). */
	outcomes: Array<{caller: string; accepter: string}>;
	close: () => Promise<void>;
};

/**
 * mode 'forward': relays the plaintext inside the two TLS sessions, auth messages included.
 * mode {guess}: answers the caller's auth as an accepter and the listener's as a caller, each
 * with the guess, and splices the two sessions when both succeed.
 */
async function startMitm(target: number, mode: 'forward' | {guess: string}): Promise<Mitm> {
	const sockets = new Set<net.Socket>();
	const outcomes: Mitm['outcomes'] = [];
	const server = net.createServer({pauseOnConnect: true}, (down) => {
		sockets.add(down);
		down.on('error', () => undefined);
		void (async () => {
			const asAccepter = ephemeralIdentity();
			const asCaller = ephemeralIdentity();
			const towardCaller = await startTlsAsAccepter(down, asAccepter);
			sockets.add(towardCaller);
			const {socket: towardAccepter, raw: up} = await tlsConnect(target, asCaller);
			sockets.add(up);
			sockets.add(towardAccepter);
			if (mode === 'forward') {
				splice(towardCaller, towardAccepter, Buffer.alloc(0), Buffer.alloc(0));
				return;
			}
			const run = (socket: tls.TLSSocket, role: 'caller' | 'accepter') =>
				authenticate(socket, role, role === 'caller' ? asCaller : asAccepter, mode.guess, 5000).then(
					(channel) => ({ok: true as const, channel}),
					(error: Error) => ({ok: false as const, reason: error.message}),
				);
			const [withCaller, withAccepter] = await Promise.all([
				run(towardCaller, 'accepter'),
				run(towardAccepter, 'caller'),
			]);
			outcomes.push({
				caller: withCaller.ok ? 'ok' : withCaller.reason,
				accepter: withAccepter.ok ? 'ok' : withAccepter.reason,
			});
			if (!withCaller.ok || !withAccepter.ok) {
				towardCaller.destroy();
				towardAccepter.destroy();
				return;
			}
			splice(towardCaller, towardAccepter, withCaller.channel.rest, withAccepter.channel.rest);
		})().catch(() => down.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const mitm: Mitm = {
		port: (server.address() as net.AddressInfo).port,
		outcomes,
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
	cleanups.push(mitm.close);
	return mitm;
}

const secret = 'kettle violet orbit';

const secretListener = () =>
	loopbackListener(cleanups, {handshakeTimeoutMs: 4000, secret, guessLimiter: unlimitedGuesses()});

/** Dials through the relay; resolves with how each side ended (or the two calls, if it went through). */
async function attempt(
	l: Listener,
	port: number,
): Promise<{callerReason?: string; accepterReason?: string; callerCode?: string; accepterCode?: string}> {
	let callEvents = 0;
	const onCall = () => callEvents++;
	l.on('call', onCall);
	const refused = nextRejection(l);
	const caller = dial('127.0.0.1', port, {codec: 'raw', secret});
	let reachedCall = false;
	caller.on('state', (s) => (reachedCall ||= s === 'in-call'));
	const end = await ended(caller);
	const rejection = await refused;
	l.off('call', onCall);
	assert.equal(callEvents, 0, 'the listener never reported a call');
	assert.equal(reachedCall, false, 'the caller never reached the call');
	assert.equal(caller.meter.framesIn, 0);
	return {
		callerReason: end.reason,
		callerCode: (end.error as {code?: string}).code,
		accepterReason: rejection.message,
		accepterCode: rejection.code,
	};
}

test('a TLS-terminating relay that forwards the auth messages: both sides refuse, even with the right secret on both', async () => {
	const l = await secretListener();
	const mitm = await startMitm(l.port, 'forward');
	const result = await attempt(l, mitm.port);
	assert.equal(result.callerCode, 'secret-mismatch', result.callerReason);
	assert.equal(result.accepterCode, 'secret-mismatch', result.accepterReason);
	assert.match(result.callerReason ?? '', /the secret does not match/);
	assert.match(result.accepterReason ?? '', /the secret does not match/);
});

test('a TLS-terminating relay running CPace with a wrong guess toward each side: refused by both', async () => {
	const l = await secretListener();
	for (const guess of ['kettle violet orbiT', 'kettle violet', 'hunter2']) {
		const mitm = await startMitm(l.port, {guess});
		const result = await attempt(l, mitm.port);
		assert.equal(result.callerCode, 'secret-mismatch', `${guess}: ${result.callerReason}`);
		assert.equal(result.accepterCode, 'secret-mismatch', `${guess}: ${result.accepterReason}`);
		assert.match(result.callerReason ?? '', /the secret does not match/, guess);
		assert.match(result.accepterReason ?? '', /the secret does not match/, guess);
		// The relay learns only that this one guess was wrong: its own runs failed too.
		await withTimeout(
			(async () => {
				while (mitm.outcomes.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
			})(),
			5000,
			"the relay's own outcome",
		);
		assert.deepEqual(
			mitm.outcomes.map((o) => [/does not match/.test(o.caller), /does not match/.test(o.accepter)]),
			[[true, true]],
			guess,
		);
		await mitm.close();
	}
});

test('a relay whose guess is the secret gets through (an online guess); the check codes then differ', async () => {
	const l = await secretListener();
	const mitm = await startMitm(l.port, {guess: secret});
	const accepted = nextCall(l);
	const caller = dial('127.0.0.1', mitm.port, {codec: 'raw', secret});
	cleanups.push(() => caller.hangUp());
	const accepter = await accepted;
	const stop = feed(accepter, (i) => patternFrame(8, 8, i));
	cleanups.push(stop);
	await nextFrames(caller, 2);
	assert.deepEqual(mitm.outcomes, [{caller: 'ok', accepter: 'ok'}]);
	assert.equal(caller.security.verifiedBySecret, true);
	assert.notEqual(caller.security.sas, accepter.security.sas, 'the check codes show the relay');
	stop();
	caller.hangUp();
	await ended(accepter);
});

/** Reads one auth message of `kind` from a paused TLS socket (after `initial`). */
async function readMessage(socket: tls.TLSSocket, kind: AuthKind, initial: Buffer, ms = 5000) {
	const reader = new AuthReader(kind);
	const first = initial.length > 0 ? reader.push(initial) : undefined;
	return first ?? readUntil(socket, (chunk) => reader.push(chunk), ms, 'an auth message');
}

function bytesOf(message: AuthMessage): Uint8Array {
	if (message.type === 'commit') return message.hash;
	if (message.type === 'nonce') return message.nonce;
	throw new Error(`not a nonce message: ${message.type}`);
}

/**
 * The middle-man of issue 17 case 5, as strong as the commitment lets it be: it plays the
 * accepter to the caller and sends its nonce, learns the caller's (so the caller's code is now
 * fixed and known to it), then opens accepter sessions to the real listener, several at once and
 * again and again, each with its own TLS session and its own committed nonce, looking for one
 * whose code equals the caller's, until the caller gives up.
 */
async function grind(target: number, parallel: number) {
	const sockets = new Set<net.Socket>();
	const tally = {sessions: 0, tries: 0, matches: 0, callerCode: '', triesAt: [] as number[]};
	let stop = false;
	let startedAt = 0;
	const server = net.createServer({pauseOnConnect: true}, (down) => {
		sockets.add(down);
		down.on('error', () => undefined);
		void (async () => {
			const towardCaller = await startTlsAsAccepter(down);
			sockets.add(towardCaller);
			const offer = await readMessage(towardCaller, 'offer', Buffer.alloc(0));
			await readMessage(towardCaller, 'commit', offer.rest);
			const ourNonce = crypto.randomBytes(32);
			towardCaller.write(
				Buffer.concat([encodeAuth({type: 'offer'}), encodeAuth({type: 'nonce', nonce: ourNonce})]),
			);
			const opening = await readMessage(towardCaller, 'nonce', Buffer.alloc(0));
			tally.callerCode = sasCode(sasExporter(towardCaller), bytesOf(opening.message), ourNonce);
			startedAt = Date.now();
			// The caller now waits for a hello; each loop is one accepter session after another.
			towardCaller.on('close', () => (stop = true));
			towardCaller.resume();
			const loop = async () => {
				while (!stop) {
					tally.sessions++;
					const attempt = await tlsConnect(target).catch(() => undefined);
					if (!attempt) continue;
					sockets.add(attempt.raw);
					const {socket} = attempt;
					const nonce = crypto.randomBytes(32);
					socket.write(
						Buffer.concat([
							encodeAuth({type: 'offer'}),
							encodeAuth({type: 'commit', hash: sasCommitment(nonce)}),
						]),
					);
					try {
						const theirOffer = await readMessage(socket, 'offer', Buffer.alloc(0));
						const theirs = await readMessage(socket, 'nonce', theirOffer.rest);
						if (stop) break;
						tally.tries++;
						tally.triesAt.push(Date.now() - startedAt);
						if (sasCode(sasExporter(socket), nonce, bytesOf(theirs.message)) === tally.callerCode) {
							tally.matches++;
						}
					} catch {
						// Refused or timed out by the listener: not a try.
					}
					socket.destroy();
					attempt.raw.destroy();
					sockets.delete(attempt.raw);
				}
			};
			await Promise.all(Array.from({length: parallel}, loop));
		})().catch(() => down.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const close = () =>
		new Promise<void>((resolve) => {
			stop = true;
			for (const socket of sockets) socket.destroy();
			server.close(() => resolve());
		});
	cleanups.push(close);
	return {port: (server.address() as net.AddressInfo).port, tally, close};
}

test('a middle-man grinding for equal check codes gets a handful of 1-in-a-million tries per call, and no match', async (t) => {
	const l = await loopbackListener(cleanups, {handshakeTimeoutMs: 5000});
	const mitm = await grind(l.port, 8);
	const started = Date.now();
	const caller = dial('127.0.0.1', mitm.port, {codec: 'raw', handshakeTimeoutMs: 5000});
	const end = await ended(caller);
	const waited = Date.now() - started;
	await mitm.close();
	t.diagnostic(
		`caller waited ${waited} ms; middle-man opened ${mitm.tally.sessions} sessions, ` +
			`reached ${mitm.tally.tries} accepter codes (at ${mitm.tally.triesAt.join(', ')} ms), ${mitm.tally.matches} equal`,
	);
	assert.notEqual(
		mitm.tally.callerCode,
		'',
		'the middle-man reached the point where the caller code is fixed',
	);
	assert.match(end.reason, /hello|did not|handshake|seconds|within/, end.reason);
	assert.equal(mitm.tally.matches, 0);
	// The listener's try budget for one source: 4 at once, then one a second over the caller's wait.
	const {burst, intervalMs} = checkCodeTryLimits.perSource;
	assert.ok(
		mitm.tally.tries <= burst + Math.ceil(waited / intervalMs) + 1,
		`${mitm.tally.tries} tries in ${waited} ms`,
	);
	assert.ok(mitm.tally.tries >= burst, 'the middle-man did get its first tries');
});

test('an honest caller after the grinding still gets through: calls that start give their try back', async () => {
	const l = await loopbackListener(cleanups, {handshakeTimeoutMs: 4000});
	for (let i = 0; i < checkCodeTryLimits.perSource.burst * 2; i++) {
		const accepted = nextCall(l);
		const caller = dial('127.0.0.1', l.port, {codec: 'raw'});
		const accepter = await accepted;
		assert.equal(caller.security.sas, accepter.security.sas);
		assert.match(caller.security.sas ?? '', /^\d{3} \d{3}$/);
		caller.hangUp();
		await ended(accepter);
	}
});

test('tries spent from one address do not hold up a caller from another', async () => {
	const l = await loopbackListener(cleanups, {handshakeTimeoutMs: 4000});
	const spend = async () => {
		const raw = net.connect({port: l.port, host: '127.0.0.1', localAddress: '127.0.0.2'});
		raw.on('error', () => undefined);
		raw.pause();
		await new Promise((resolve) => raw.once('connect', resolve));
		await readExactly(raw, 4, 5000);
		const socket = await startTlsAsCaller(raw);
		const nonce = crypto.randomBytes(32);
		socket.write(
			Buffer.concat([encodeAuth({type: 'offer'}), encodeAuth({type: 'commit', hash: sasCommitment(nonce)})]),
		);
		const got = await readMessage(socket, 'offer', Buffer.alloc(0), 1500)
			.then((offer) => readMessage(socket, 'nonce', offer.rest, 1500))
			.then(
				() => true,
				() => false,
			);
		socket.destroy();
		raw.destroy();
		return got;
	};
	// From 127.0.0.2, 4 at once (as many unfinished as admission lets one address have) get their
	// nonce; 4 more then wait in line for a try each, a second apart.
	const burst = checkCodeTryLimits.perSource.burst;
	assert.deepEqual(await Promise.all(Array.from({length: burst}, spend)), Array<boolean>(burst).fill(true));
	const waiting = Promise.all(Array.from({length: burst}, spend));
	await new Promise((resolve) => setTimeout(resolve, 100));
	const accepted = nextCall(l);
	const started = Date.now();
	const caller = dial('127.0.0.1', l.port, {codec: 'raw'});
	const accepter = await accepted;
	await reached(caller, 'in-call');
	assert.ok(Date.now() - started < 2000, `the caller from 127.0.0.1 got in after ${Date.now() - started} ms`);
	assert.equal(caller.security.sas, accepter.security.sas);
	caller.hangUp();
	await ended(accepter);
	await waiting;
});
