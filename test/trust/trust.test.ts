import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import {test} from 'node:test';
import {dial, Listener, type ListenOptions} from '../../source/session/connect.js';
import type {Call, CallEnd} from '../../source/session/call.js';
import {selfSignedCertificate} from '../../source/trust/der.js';
import {
	ephemeralIdentity,
	fingerprintOfPublicKey,
	loadIdentity,
	parseFingerprint,
} from '../../source/trust/identity.js';
import {KnownPeers, parseKnownPeers} from '../../source/trust/known-peers.js';
import {formatSas} from '../../source/trust/sas.js';
import {
	cleanupsAfterFile,
	ended,
	feed,
	feedListener,
	loopbackListener,
	nextCall,
	nextFrames,
	nextRejection,
	patternFrame,
} from '../session/helpers.js';
import {startRelay, tempConfigDir} from './helpers.js';

const cleanups = cleanupsAfterFile();

const listener = (options: ListenOptions = {}) =>
	loopbackListener(cleanups, {handshakeTimeoutMs: 3000, ...options});

/** Both sides in call with frames flowing from the accepter; returns both calls. */
async function call(
	l: Listener,
	options: Parameters<typeof dial>[2] = {},
): Promise<{caller: Call; accepter: Call}> {
	const accepted = nextCall(l);
	const caller = dial('127.0.0.1', l.port, {codec: 'raw', ...options});
	cleanups.push(() => caller.hangUp());
	const accepter = await accepted;
	const stop = feed(accepter, (i) => patternFrame(8, 8, i));
	accepter.once('ended', stop);
	cleanups.push(stop);
	await nextFrames(caller, 2);
	return {caller, accepter};
}

test('a certificate built by the DER encoder is a valid self-signed X.509 over the identity key', () => {
	const identity = ephemeralIdentity();
	const certificate = new crypto.X509Certificate(selfSignedCertificate(identity.privateKey));
	assert.equal(certificate.subject, 'CN=facetty');
	assert.ok(certificate.verify(crypto.createPublicKey(identity.privateKey)));
	assert.equal(fingerprintOfPublicKey(certificate.publicKey), identity.fingerprint);
	assert.match(identity.fingerprint, /^SHA256:[A-Za-z0-9+/]{43}$/);
});

test('fingerprints parse from facetty, bare and hex forms; anything else is refused', () => {
	const fp = ephemeralIdentity().fingerprint;
	assert.equal(parseFingerprint(fp), fp);
	assert.equal(parseFingerprint(fp.slice(7)), fp);
	const hex = Buffer.from(fp.slice(7) + '=', 'base64').toString('hex');
	assert.equal(parseFingerprint(hex), fp);
	for (const bad of ['', 'SHA256:', 'SHA256:abc', 'MD5:' + fp.slice(7), fp + 'A', 'zz'.repeat(32)]) {
		assert.equal(parseFingerprint(bad), undefined, bad);
	}
	assert.equal(formatSas(Buffer.from([0, 0, 0, 7])), '000 007');
});

test('the identity key is made once, owner-only, and a key others can read is refused', () => {
	const dir = tempConfigDir(cleanups);
	const first = loadIdentity(dir);
	assert.equal(fs.statSync(first.file!).mode & 0o777, 0o600);
	assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
	assert.equal(loadIdentity(dir).fingerprint, first.fingerprint);
	fs.chmodSync(first.file!, 0o644);
	assert.throws(() => loadIdentity(dir), /can be read by other users/);
});

test('known_peers keeps unknown lines, replaces a name, and ignores malformed entries', () => {
	const dir = tempConfigDir(cleanups);
	const known = new KnownPeers(dir);
	const a = ephemeralIdentity().fingerprint;
	const b = ephemeralIdentity().fingerprint;
	assert.deepEqual(known.check('h:1', a), {status: 'new'});
	known.record('h:1', a);
	assert.equal(known.check('h:1', a).status, 'known');
	assert.equal(known.check('h:1', b).status, 'changed');
	fs.appendFileSync(known.file, 'garbage line with words\n# comment\n');
	known.record('h:1', b);
	known.record('h:2', a);
	const text = fs.readFileSync(known.file, 'utf8');
	assert.match(text, /garbage line with words/);
	assert.deepEqual(parseKnownPeers(text).entries, [
		{name: 'h:1', fingerprint: b},
		{name: 'h:2', fingerprint: a},
	]);
	assert.equal(fs.statSync(known.file).mode & 0o777, 0o600);
});

test("a v2 call is encrypted by default and both sides see the same SAS and each other's keys", async () => {
	const l = await listener();
	const statsLines: string[] = [];
	const {caller, accepter} = await call(l);
	caller.on('stats', (s) => statsLines.push(JSON.stringify(s)));
	assert.equal(caller.security.encrypted, true);
	assert.equal(accepter.security.encrypted, true);
	assert.match(caller.security.sas ?? '', /^\d{3} \d{3}$/);
	assert.equal(caller.security.sas, accepter.security.sas);
	assert.equal(caller.security.peerFingerprint, l.fingerprint);
	assert.equal(accepter.security.peerFingerprint, caller.security.fingerprint);
	assert.match(caller.security.cipher ?? '', /TLS_/);
	const stats = caller.statsNow();
	assert.equal(stats.encrypted, true);
	assert.equal(stats.sas, caller.security.sas);
	caller.hangUp();
	await ended(accepter);
});

test('a relay in the middle makes the SAS differ; with --secret both sides refuse the call', async () => {
	const l = await listener();
	const relay = await startRelay(l.port);
	cleanups.push(relay.close);
	const accepted = nextCall(l);
	const caller = dial('127.0.0.1', relay.port, {codec: 'raw'});
	cleanups.push(() => caller.hangUp());
	const accepter = await accepted;
	const stop = feed(accepter, (i) => patternFrame(8, 8, i));
	cleanups.push(stop);
	await nextFrames(caller, 2);
	assert.equal(caller.security.encrypted, true);
	assert.notEqual(caller.security.sas, accepter.security.sas);
	assert.notEqual(caller.security.peerFingerprint, l.fingerprint);
	stop();
	caller.hangUp();
	await ended(accepter);

	const secret = await listener({secret: 'correct horse'});
	const relay2 = await startRelay(secret.port);
	cleanups.push(relay2.close);
	const refused = nextRejection(secret);
	let callEvents = 0;
	secret.on('call', () => callEvents++);
	const victim = dial('127.0.0.1', relay2.port, {codec: 'raw', secret: 'correct horse'});
	const end = await ended(victim);
	assert.equal((end.error as {code?: string}).code, 'secret-mismatch', end.reason);
	const rejection = (await refused) as Error & {code?: string};
	assert.equal(rejection.code, 'secret-mismatch', rejection.message);
	assert.equal(callEvents, 0);
	assert.equal(victim.meter.framesIn, 0);
});

test('--secret: the same secret passes on both sides; a different or missing one is refused on both with a clear message', async () => {
	const l = await listener({secret: 'open sesame'});
	const {caller, accepter} = await call(l, {secret: 'open sesame'});
	assert.equal(caller.security.verifiedBySecret, true);
	assert.equal(accepter.security.verifiedBySecret, true);
	caller.hangUp();
	await ended(accepter);

	const cases: Array<[string, string | undefined, RegExp, RegExp]> = [
		['wrong', 'open says me', /does not know the same secret/, /does not know the same secret/],
		['missing', undefined, /requires a shared secret/, /peer gave none/],
	];
	for (const [name, secret, callerMessage, accepterMessage] of cases) {
		const refused = nextRejection(l);
		const c = dial('127.0.0.1', l.port, {codec: 'raw', ...(secret ? {secret} : {})});
		let reachedCall = false;
		c.on('state', (s) => (reachedCall ||= s === 'in-call'));
		const end: CallEnd = await ended(c);
		assert.match(end.reason, callerMessage, name);
		assert.match((await refused).message, accepterMessage, name);
		assert.equal(reachedCall, false, name);
		assert.equal(c.meter.framesIn, 0, name);
	}
});

test('known peers: the first call records the key, a changed key is stopped unless the user accepts it', async () => {
	const callerDir = tempConfigDir(cleanups);
	const l = await listener({configDir: tempConfigDir(cleanups)});
	const first = await call(l, {configDir: callerDir});
	assert.equal(first.caller.security.peerKey, 'new');
	first.caller.hangUp();
	await ended(first.accepter);
	const second = await call(l, {configDir: callerDir});
	assert.equal(second.caller.security.peerKey, 'known');
	second.caller.hangUp();
	await ended(second.accepter);
	const port = l.port;
	await l.close();

	// Same address, another key: someone else (or a reinstall) is answering.
	// Its handshake deadline is shorter than the caller's user takes to answer below.
	const impostor = await listener({port, configDir: tempConfigDir(cleanups), handshakeTimeoutMs: 1500});
	const refused = dial('127.0.0.1', port, {configDir: callerDir});
	const end = await ended(refused);
	assert.equal((end.error as {code?: string}).code, 'peer-key-changed');
	assert.match(end.reason, /WARNING: the key of 127\.0\.0\.1:\d+ has changed/);
	assert.ok(end.reason.includes(impostor.fingerprint));

	const asked: string[] = [];
	const accepted = await call(impostor, {
		configDir: callerDir,
		confirmPeerKeyChange: async (change) => {
			asked.push(change.presented);
			// The caller told the accepter it is asking (key-question), so the accepter waits.
			await new Promise((resolve) => setTimeout(resolve, 3000));
			return true;
		},
	});
	assert.deepEqual(asked, [impostor.fingerprint]);
	assert.equal(accepted.caller.security.peerKey, 'accepted-change');
	assert.equal(new KnownPeers(callerDir).lookup(`127.0.0.1:${port}`), impostor.fingerprint);
	accepted.caller.hangUp();
	await ended(accepted.accepter);
});

test('--peer-key pins the peer: the right key is "pinned", another is refused on both sides', async () => {
	const callerIdentity = ephemeralIdentity();
	const l = await listener({peerKey: callerIdentity.fingerprint});
	const ok = await call(l, {identity: callerIdentity, peerKey: l.fingerprint});
	assert.equal(ok.caller.security.peerKey, 'pinned');
	assert.equal(ok.accepter.security.peerKey, 'pinned');
	ok.caller.hangUp();
	await ended(ok.accepter);

	const refused = nextRejection(l);
	const stranger = dial('127.0.0.1', l.port, {});
	assert.match((await refused).message, /not SHA256:.* as --peer-key requires/);
	await ended(stranger);
	const wrongPin = dial('127.0.0.1', l.port, {identity: callerIdentity, peerKey: callerIdentity.fingerprint});
	assert.equal(((await ended(wrongPin)).error as {code?: string}).code, 'peer-key-mismatch');
	assert.throws(() => new Listener({peerKey: 'not a key'}), /not a fingerprint/);
	assert.match((await ended(dial('127.0.0.1', l.port, {peerKey: 'nope'}))).reason, /not a fingerprint/);
});

test('the seed format is marked not encrypted; --require-encryption refuses it on both sides and plaintext v2 too', async () => {
	const seedListener = await listener({protocol: 'seed', seedShape: {width: 8, height: 8}});
	const accepted = nextCall(seedListener);
	const seedCaller = dial('127.0.0.1', seedListener.port, {protocol: 'auto'});
	const stopCaller = feed(seedCaller, (i) => patternFrame(8, 8, i));
	cleanups.push(stopCaller);
	const stop = feedListener(seedListener, (i) => patternFrame(8, 8, i));
	cleanups.push(stop);
	const accepter = await accepted;
	await nextFrames(seedCaller, 1);
	assert.equal(seedCaller.protocol, 'seed');
	assert.equal(seedCaller.security.encrypted, false);
	assert.match(seedCaller.security.note ?? '', /not encrypted — the original script's format/);
	assert.equal(seedCaller.statsNow().encrypted, false);
	seedCaller.hangUp();
	await ended(accepter);

	// The caller: no fallback to the seed format.
	const strict = dial('127.0.0.1', seedListener.port, {requireEncryption: true});
	const strictEnd = await ended(strict);
	assert.equal((strictEnd.error as {code?: string}).code, 'not-encrypted', strictEnd.reason);
	assert.equal(strict.protocol, undefined);
	const seedForced = dial('127.0.0.1', seedListener.port, {requireEncryption: true, protocol: 'seed'});
	assert.match((await ended(seedForced)).reason, /cannot be encrypted/);

	// The accepter: seed and plaintext v2 callers are refused.
	const l = await listener({requireEncryption: true});
	for (const options of [{protocol: 'seed' as const}, {plaintext: true}]) {
		const refused = nextRejection(l);
		const c = dial('127.0.0.1', l.port, options);
		// A seed-format caller is refused once its shape shows it did not announce facetty.
		const stopFeed = feed(c, (i) => patternFrame(8, 8, i));
		c.once('ended', stopFeed);
		assert.equal(((await refused) as {code?: string}).code, 'not-encrypted');
		assert.ok((await ended(c)).error);
	}
	const good = await call(l);
	assert.equal(good.caller.security.encrypted, true);
	good.caller.hangUp();
	await ended(good.accepter);
});

test('a listener on a non-loopback address without --secret warns; with a secret or on loopback it does not', async () => {
	assert.match(
		new Listener({host: '0.0.0.0', port: 0}).warnings.join('\n'),
		/anyone who can reach this port can call/,
	);
	assert.equal(new Listener({port: 0}).warnings.length, 1);
	assert.deepEqual(new Listener({host: '0.0.0.0', port: 0, secret: 's'}).warnings, []);
	const loop = await listener();
	assert.deepEqual(loop.warnings, []);
});
