/**
 * A man in the middle that terminates TLS on both sides (its own key toward each peer, so each
 * TLS session has its own exporter) and then either forwards the auth messages as they are or
 * runs its own CPace toward each side with a guessed secret. Both peers refuse it unless the
 * guess is the secret; a right guess (an online guess, one per connection) gets through, and
 * then the two screens show different check codes.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import type tls from 'node:tls';
import {test} from 'node:test';
import {dial, type Listener} from '../../source/session/connect.js';
import {authenticate} from '../../source/session/secure.js';
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
	withTimeout,
} from './helpers.js';
import {splice, startTlsAsAccepter} from '../trust/helpers.js';
import {tlsConnect} from '../hostile/attacks.js';

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
