/**
 * The auth messages inside TLS: the incremental reader (any chunking, garbage and absurd lengths
 * refused from the header), and the PAKE between real peers: the same secret passes, another is
 * refused on both sides with a sentence, an old (scrypt) peer and a bad share are refused at once.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import type tls from 'node:tls';
import {test} from 'node:test';
import fc from 'fast-check';
import {
	AuthReader,
	authMessageBytes,
	decodeAuth,
	encodeAuth,
	type AuthKind,
	type AuthMessage,
} from '../../source/protocol/auth.js';
import {ProtocolError} from '../../source/protocol/errors.js';
import type {CallEnd} from '../../source/session/call.js';
import {dial, type ListenOptions} from '../../source/session/connect.js';
import {readExactly} from '../../source/session/read.js';
import {authenticate} from '../../source/session/secure.js';
import {startCpace} from '../../source/trust/cpace.js';
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
} from './helpers.js';
import {startTlsAsAccepter} from '../trust/helpers.js';
import {secureConnect, tlsConnect} from '../hostile/attacks.js';

const cleanups = cleanupsAfterFile();

const share = Uint8Array.from({length: 32}, (_, i) => i + 1);
const samples: Array<[AuthKind, AuthMessage]> = [
	['offer', {type: 'offer'}],
	['offer', {type: 'offer', share}],
	['confirm', {type: 'confirm', tag: Uint8Array.from({length: 64}, (_, i) => 255 - i)}],
	['commit', {type: 'commit', hash: Uint8Array.from({length: 32}, (_, i) => i * 3)}],
	['nonce', {type: 'nonce', nonce: Uint8Array.from({length: 32}, (_, i) => 200 - i)}],
];

function refusal(run: () => unknown): ProtocolError {
	try {
		run();
	} catch (error) {
		assert.ok(error instanceof ProtocolError, String(error));
		return error;
	}
	assert.fail('expected a refusal');
}

test('auth messages: exact bytes, and the same message from any chunking with what follows kept', () => {
	assert.equal(encodeAuth({type: 'offer'}).toString('hex'), '0a00000021' + '00'.repeat(33));
	assert.equal(encodeAuth({type: 'offer', share}).toString('hex').slice(0, 14), '0a000000210101');
	assert.equal(authMessageBytes.offer, 38);
	assert.equal(authMessageBytes.confirm, 69);
	assert.equal(
		encodeAuth({type: 'commit', hash: Buffer.alloc(32, 1)})
			.toString('hex')
			.slice(0, 10),
		'0e00000020',
	);
	assert.equal(
		encodeAuth({type: 'nonce', nonce: Buffer.alloc(32, 1)})
			.toString('hex')
			.slice(0, 10),
		'0f00000020',
	);
	fc.assert(
		fc.property(
			fc.constantFrom(...samples),
			fc.uint8Array({maxLength: 40}),
			fc.array(fc.nat(200), {maxLength: 8}),
			([kind, message], trailing, cuts) => {
				const bytes = Buffer.concat([encodeAuth(message), trailing]);
				const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
				const reader = new AuthReader(kind);
				let got: ReturnType<AuthReader['push']>;
				let from = 0;
				for (const to of [...points, bytes.length]) {
					if (got) break;
					got = reader.push(bytes.subarray(from, to));
					from = to;
				}
				assert.ok(got, 'a whole message was read');
				assert.deepEqual(got.message, message);
				assert.deepEqual(Buffer.concat([got.rest, bytes.subarray(from)]), Buffer.from(trailing));
				assert.deepEqual(decodeAuth(encodeAuth(message)), message);
			},
		),
	);
});

test('auth reader: garbage, an old peer, absurd lengths and bad offers are refused with a sentence before the payload arrives', () => {
	const cases: Array<[string, AuthKind, Buffer, string, RegExp]> = [
		[
			'garbage type',
			'offer',
			Buffer.from([0x47]),
			'bad-handshake',
			/did not start the encrypted channel with an auth message/,
		],
		['v2 hello first', 'offer', Buffer.from([0x01, 0, 0, 0, 6]), 'bad-handshake', /auth message/],
		[
			'an old scrypt peer',
			'offer',
			Buffer.from([0x09, 0, 0, 0, 0x21, 1]),
			'unsupported-version',
			/older facetty/,
		],
		[
			'an offer where a confirm is due',
			'confirm',
			encodeAuth({type: 'offer', share}),
			'bad-handshake',
			/did not confirm the shared secret/,
		],
		[
			'an older peer: its hello where the commit is due',
			'commit',
			Buffer.from([0x01, 0, 0, 0, 6]),
			'unsupported-version',
			/older facetty, whose check code a middle-man could choose/,
		],
		[
			'an older peer: its confirm where the nonce is due',
			'nonce',
			Buffer.from([0x0b, 0, 0, 0, 0x40]),
			'unsupported-version',
			/older facetty, whose check code a middle-man could choose/,
		],
		['a nonce of 33 bytes', 'nonce', Buffer.from([0x0f, 0, 0, 0, 0x21]), 'bad-handshake', /it is 32/],
		[
			'1 GiB announced',
			'offer',
			Buffer.from([0x0a, 0x40, 0, 0, 0]),
			'bad-handshake',
			/announces 1073741824 bytes; it is 33/,
		],
		[
			'4 GiB - 1 announced',
			'confirm',
			Buffer.from([0x0b, 0xff, 0xff, 0xff, 0xff]),
			'bad-handshake',
			/announces 4294967295 bytes; it is 64/,
		],
		['one byte short', 'offer', Buffer.from([0x0a, 0, 0, 0, 0x20]), 'bad-handshake', /announces 32 bytes/],
		[
			'an unknown suite',
			'offer',
			Buffer.concat([Buffer.from([0x0a, 0, 0, 0, 0x21, 7]), Buffer.alloc(32)]),
			'unsupported-version',
			/method 7/,
		],
		[
			'no secret but a share',
			'offer',
			Buffer.concat([Buffer.from([0x0a, 0, 0, 0, 0x21, 0]), Buffer.alloc(32, 1)]),
			'bad-handshake',
			/no secret but a non-zero share/,
		],
	];
	for (const [name, kind, bytes, code, sentence] of cases) {
		const error = refusal(() => new AuthReader(kind).push(bytes));
		assert.equal(error.code, code, name);
		assert.match(error.message, sentence, name);
	}
	assert.throws(
		() => decodeAuth(Buffer.concat([encodeAuth({type: 'offer'}), Buffer.from([0])])),
		/exactly 38 bytes/,
	);
	assert.throws(() => decodeAuth(encodeAuth({type: 'offer'}).subarray(0, 37)), /exactly 38 bytes/);
});

const listener = (options: ListenOptions = {}) =>
	loopbackListener(cleanups, {handshakeTimeoutMs: 3000, guessLimiter: unlimitedGuesses(), ...options});

test('the same secret (typed in another Unicode normal form) gives a call, verified on both sides, with one SAS', async () => {
	const l = await listener({secret: 'caf\u00e9 au lait'});
	const accepted = nextCall(l);
	const caller = dial('127.0.0.1', l.port, {codec: 'raw', secret: 'cafe\u0301 au lait'});
	cleanups.push(() => caller.hangUp());
	const accepter = await accepted;
	const stop = feed(accepter, (i) => patternFrame(8, 8, i));
	cleanups.push(stop);
	await nextFrames(caller, 2);
	assert.equal(caller.security.verifiedBySecret, true);
	assert.equal(accepter.security.verifiedBySecret, true);
	assert.equal(caller.security.sas, accepter.security.sas);
	assert.match(caller.security.sas ?? '', /^\d{3} \d{3}$/);
	stop();
	caller.hangUp();
	await ended(accepter);
});

test('different secrets: both sides refuse with "the secret does not match", no video', async () => {
	const l = await listener({secret: 'kettle violet orbit'});
	for (const guess of ['kettle violet orbiT', 'kettle violet', 'x']) {
		const refused = nextRejection(l);
		const caller = dial('127.0.0.1', l.port, {codec: 'raw', secret: guess});
		let reachedCall = false;
		caller.on('state', (s) => (reachedCall ||= s === 'in-call'));
		const end: CallEnd = await ended(caller);
		const rejection = await refused;
		assert.match(end.reason, /the secret does not match/, guess);
		assert.equal((end.error as {code?: string}).code, 'secret-mismatch', guess);
		assert.match(rejection.message, /the secret does not match/, guess);
		assert.equal(rejection.code, 'secret-mismatch', guess);
		assert.equal(reachedCall, false, guess);
		assert.equal(caller.meter.framesIn, 0, guess);
	}
});

/** A TLS client through FTYS to the listener, paused, before any auth message. */
async function tlsClient(port: number): Promise<tls.TLSSocket> {
	const {socket} = await tlsConnect(port);
	cleanups.push(() => socket.destroy());
	return socket;
}

test('an old peer (scrypt auth, type 0x09) is refused at once with a sentence, and reads a whole 38-byte message itself', async () => {
	const l = await listener({secret: 'open sesame', handshakeTimeoutMs: 4000});
	const refused = nextRejection(l);
	const socket = await tlsClient(l.port);
	const started = Date.now();
	// What facetty before the PAKE sent: 09 | 33 | flags=secret | 32-byte proof.
	socket.write(Buffer.concat([Buffer.from([0x09, 0, 0, 0, 0x21, 1]), Buffer.alloc(32, 0xab)]));
	// The old peer reads exactly 38 bytes (its message size) and gets them without waiting:
	const got = await readExactly(socket, 38, 2000, 'the old auth');
	assert.equal(got.bytes[0], 0x0a, 'a new offer, which the old decodeAuth refuses by its type');
	const rejection = await refused;
	assert.equal(rejection.code, 'unsupported-version');
	assert.match(rejection.message, /older facetty/);
	assert.ok(Date.now() - started < 2000, 'no wait for a timeout');
});

test('garbage, an oversized length, or the neutral element as a share: the listener refuses with a sentence, no hang', async () => {
	const l = await listener({secret: 'open sesame', handshakeTimeoutMs: 4000});
	const attacks: Array<[string, Buffer, string, RegExp]> = [
		['random bytes', Buffer.from('GET / HTTP/1.1\r\n\r\n'), 'bad-handshake', /auth message/],
		[
			'an offer announcing 2 GiB',
			Buffer.from([0x0a, 0x80, 0, 0, 0, 1, 2, 3]),
			'bad-handshake',
			/announces 2147483648 bytes/,
		],
		[
			'the neutral element as the share',
			Buffer.concat([Buffer.from([0x0a, 0, 0, 0, 0x21, 1]), Buffer.alloc(32)]),
			'bad-handshake',
			/not a valid ristretto255 element/,
		],
		[
			'a non-canonical share (p, unreduced)',
			Buffer.concat([
				Buffer.from([0x0a, 0, 0, 0, 0x21, 1, 0xed]),
				Buffer.alloc(30, 0xff),
				Buffer.from([0x7f]),
			]),
			'bad-handshake',
			/not a valid ristretto255 element/,
		],
	];
	for (const [name, bytes, code, sentence] of attacks) {
		const refused = nextRejection(l);
		const socket = await tlsClient(l.port);
		const started = Date.now();
		socket.write(bytes);
		const rejection = await refused;
		assert.equal(rejection.code, code, name);
		assert.match(rejection.message, sentence, name);
		assert.ok(Date.now() - started < 2000, `${name}: refused without waiting for a timeout`);
	}
});

test('a caller facing an accepter that answers garbage or an oversized confirm ends with a sentence, no hang', async () => {
	const replies: Array<[string, (socket: tls.TLSSocket) => Promise<void>, RegExp]> = [
		['garbage', async (s) => void s.write(Buffer.alloc(64, 0x41)), /did not start the encrypted channel/],
		[
			'an accepter without a secret',
			async (s) => {
				await authenticate(s, 'accepter', ephemeralIdentity(), undefined, 3000).catch(() => undefined);
			},
			/this side has a shared secret \(--secret\) but the peer gave none/,
		],
		[
			'an oversized confirm after a valid offer',
			async (s) => {
				const pake = startCpace({
					role: 'responder',
					prs: Buffer.from('s'),
					ci: Buffer.alloc(0),
					sid: Buffer.alloc(0),
				});
				s.write(
					Buffer.concat([
						encodeAuth({type: 'offer', share: pake.share}),
						encodeAuth({type: 'nonce', nonce: Buffer.alloc(32, 7)}),
						Buffer.from([0x0b, 0xff, 0xff, 0xff, 0xff]),
					]),
				);
			},
			/confirm message announces 4294967295 bytes/,
		],
	];
	for (const [name, reply, sentence] of replies) {
		const server = net.createServer({pauseOnConnect: true}, (down) => {
			down.on('error', () => undefined);
			void (async () => {
				const secure = await startTlsAsAccepter(down);
				await reply(secure);
			})().catch(() => down.destroy());
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		cleanups.push(() => server.close());
		const started = Date.now();
		const caller = dial('127.0.0.1', (server.address() as net.AddressInfo).port, {
			secret: 's',
			handshakeTimeoutMs: 4000,
		});
		const end = await ended(caller);
		assert.match(end.reason, sentence, name);
		assert.ok(Date.now() - started < 3000, `${name}: no wait for a timeout`);
		server.close();
	}
});

test('a caller that resets the connection after the encrypted handshake (it refused our key) is told apart from a network fault', async () => {
	// A caller whose user refuses the listener's key closes with the listener's hello unread, so
	// its kernel answers with a reset, not a FIN; the listener must still say what happened, not
	// "read ECONNRESET" (it did, under load, in the key-change test). resetAndDestroy makes the
	// reset certain.
	const l = await listener({});
	const refused = nextRejection(l);
	const {raw} = await secureConnect(l.port);
	raw.resetAndDestroy();
	const rejection = await refused;
	assert.match(rejection.message, /hung up before the call began \(it may have refused this side's key\)/);
	assert.equal(rejection.code, 'bad-handshake');
});
