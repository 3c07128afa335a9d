/**
 * The encrypted channel: TLS 1.3 (node:tls, OpenSSL) over the connection after the `FTYS` magic,
 * the caller as TLS client. Both sides present a self-signed certificate over their identity key
 * (mutual TLS, no CA: the fingerprint is what is trusted), then exchange the auth messages inside
 * TLS (with a shared secret: CPace, bound to this TLS session). The result: the peer's
 * fingerprint, the short authentication string, and whether a shared secret was proven.
 */
import crypto from 'node:crypto';
import type net from 'node:net';
import tls from 'node:tls';
import {AuthReader, encodeAuth, type AuthKind, type AuthMessage} from '../protocol/auth.js';
import {ProtocolError} from '../protocol/errors.js';
import {confirmationTag, CPaceAbort, lvCat, startCpace, tagsEqual} from '../trust/cpace.js';
import {fingerprintOfPublicKey, type Identity} from '../trust/identity.js';
import {
	opensCommitment,
	sasCode,
	sasCommitment,
	sasExporter,
	sasNonce,
	type SecretRole,
} from '../trust/sas.js';
import {sourceKey} from '../net/address.js';
import {readUntil} from './read.js';
import {tlsSentence} from './tls-errors.js';

export type SecureChannel = {
	socket: tls.TLSSocket;
	sas: string;
	peerFingerprint: string;
	verifiedBySecret: boolean;
	/** Bytes that arrived after the peer's auth message (its hello, usually). */
	rest: Buffer;
	cipher: string;
	/** Says that this session became a call, which gives its check-code try back (accepter only). */
	started: () => void;
};

function tlsError(error: Error): ProtocolError {
	if (error instanceof ProtocolError) return error;
	return new ProtocolError('tls', tlsSentence(error));
}

/** Runs the TLS handshake on `socket` (which must be paused, with `initial` already read from it). */
export function startTls(
	socket: net.Socket,
	role: SecretRole,
	identity: Identity,
	initial: Buffer,
	timeoutMs: number,
): Promise<tls.TLSSocket> {
	if (initial.length > 0) socket.unshift(initial);
	const common = {
		key: identity.keyPem,
		cert: identity.certificate,
		minVersion: 'TLSv1.3',
		maxVersion: 'TLSv1.3',
		// No CA: the peer's key is checked by fingerprint after the handshake.
		rejectUnauthorized: false,
	} as const;
	return new Promise((resolve, reject) => {
		let secure: tls.TLSSocket;
		if (role === 'caller') {
			secure = tls.connect({...common, socket, checkServerIdentity: () => undefined});
		} else {
			secure = new tls.TLSSocket(socket, {
				isServer: true,
				requestCert: true,
				rejectUnauthorized: false,
				secureContext: tls.createSecureContext(common),
			});
		}
		const timer = setTimeout(() => {
			done(
				new ProtocolError(
					'timeout',
					`the peer did not finish the TLS handshake within ${timeoutMs / 1000} s`,
				),
			);
		}, timeoutMs);
		const onError = (error: Error) => done(tlsError(error));
		const onClose = () => done(new ProtocolError('tls', 'the peer hung up during the TLS handshake'));
		const done = (error?: Error) => {
			clearTimeout(timer);
			secure.off('error', onError);
			secure.off('close', onClose);
			if (error) {
				secure.on('error', () => undefined);
				secure.destroy();
				socket.destroy();
				reject(error);
			} else {
				secure.pause();
				resolve(secure);
			}
		};
		secure.once(role === 'caller' ? 'secureConnect' : 'secure', () => done());
		secure.on('error', onError);
		secure.once('close', onClose);
	});
}

export function peerFingerprint(socket: tls.TLSSocket): string {
	const raw = socket.getPeerCertificate()?.raw;
	if (!raw || raw.length === 0) throw new ProtocolError('tls', 'the peer presented no identity key');
	const key = new crypto.X509Certificate(raw).publicKey;
	if (key.asymmetricKeyType !== 'ed25519') {
		throw new ProtocolError('tls', `the peer's identity key is ${key.asymmetricKeyType}, not Ed25519`);
	}
	return fingerprintOfPublicKey(key);
}

/** The TLS exporter label of the CPace session id; 32 bytes, one value per TLS session. */
export const pakeSidLabel = 'EXPORTER-facetty-cpace-sid';

/** CPace's channel identifier: both certificate fingerprints, the caller's (initiator's) first. */
export function pakeChannelId(callerFingerprint: string, accepterFingerprint: string): Uint8Array {
	const utf8 = (text: string) => new TextEncoder().encode(text);
	return lvCat(utf8('facetty'), utf8(callerFingerprint), utf8(accepterFingerprint));
}

/** PRS: the secret as typed, NFC-normalised (the same words typed on two systems match), UTF-8. */
export function pakePassword(secret: string): Uint8Array {
	return new TextEncoder().encode(secret.normalize('NFC'));
}

const cpaceRole = {caller: 'initiator', accepter: 'responder'} as const;
const otherRole = {caller: 'accepter', accepter: 'caller'} as const;

/**
 * Writes and waits until TLS has handed the bytes to the connection: a refusal that follows at
 * once (destroying the socket) must not discard our own message, which the peer needs in order
 * to say why the call was refused on its side too.
 */
function send(socket: tls.TLSSocket, bytes: Buffer): Promise<void> {
	return new Promise((resolve, reject) => {
		socket.write(bytes, (error) => {
			if (error) reject(tlsError(error));
			else resolve();
		});
	});
}

/** Reads one auth message (after `initial`, bytes already read), with a deadline; pauses after it. */
function readAuth(
	socket: tls.TLSSocket,
	kind: AuthKind,
	initial: Buffer,
	timeoutMs: number,
): Promise<{message: AuthMessage; rest: Buffer}> {
	const reader = new AuthReader(kind);
	const first = initial.length > 0 ? reader.push(initial) : undefined;
	if (first) return Promise.resolve(first);
	return readUntil(socket, (chunk) => reader.push(chunk), timeoutMs, 'the authentication');
}

/**
 * How many sessions an accepter without a shared secret lets reach the check code without
 * becoming a call: a middle-man that holds a caller whose code is fixed can only try accepter
 * sessions until one shows the same code, each a 1-in-a-million chance; this bounds how many it
 * gets from one source (an IPv4 address, an IPv6 /64) in the seconds the caller waits
 * (docs/protocol.md, "Short authentication string"). There is no budget in all: strangers from a
 * few addresses could spend it and keep every honest caller out (a crowd of 16 addresses
 * redialling did), which admission (net/admission.ts) exists to prevent. A session that becomes a
 * call gives its tries back, so honest callers never wait.
 */
export const checkCodeTryLimits = {
	perSource: {burst: 4, intervalMs: 1000},
} as const;

type TryLimit = {burst: number; intervalMs: number};

/** A GCRA over one key's tries: `tat` is when the budget would be whole again. */
class TryBudget {
	tat = 0;

	constructor(private readonly limit: TryLimit) {}

	/** Ms to wait for a try, or undefined when it would not come within `withinMs`; reserves it. */
	reserve(now: number, withinMs: number): number | undefined {
		const {burst, intervalMs} = this.limit;
		const next = Math.max(this.tat, now) + intervalMs;
		const wait = Math.max(0, next - now - burst * intervalMs);
		if (wait > withinMs) return undefined;
		this.tat = next;
		return wait;
	}

	refund(): void {
		this.tat -= this.limit.intervalMs;
	}
}

const tryBudgets = new Map<string, TryBudget>();

function budgetOf(key: string, limit: TryLimit, now: number): TryBudget {
	if (tryBudgets.size > 4096) {
		for (const [old, budget] of tryBudgets) if (budget.tat <= now) tryBudgets.delete(old);
	}
	let budget = tryBudgets.get(key);
	if (!budget) {
		budget = new TryBudget(limit);
		tryBudgets.set(key, budget);
	}
	return budget;
}

async function takeCheckCodeTry(
	identity: Identity,
	source: string | undefined,
	withinMs: number,
): Promise<() => void> {
	const now = Date.now();
	const budgets = [
		budgetOf(`${identity.fingerprint} ${sourceKey(source)}`, checkCodeTryLimits.perSource, now),
	];
	const reserved: TryBudget[] = [];
	let wait = 0;
	for (const budget of budgets) {
		const each = budget.reserve(now, withinMs);
		if (each === undefined) {
			for (const taken of reserved) taken.refund();
			throw new ProtocolError(
				'timeout',
				'call refused: too many callers reached the check code and then hung up (someone may be trying to choose it); the next call can go ahead in a few seconds',
			);
		}
		reserved.push(budget);
		wait = Math.max(wait, each);
	}
	if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
	let refunded = false;
	return () => {
		if (!refunded) for (const budget of reserved) budget.refund();
		refunded = true;
	};
}

async function readCommit(socket: tls.TLSSocket, initial: Buffer, timeoutMs: number) {
	const {message, rest} = await readAuth(socket, 'commit', initial, timeoutMs);
	if (message.type !== 'commit') throw new Error('the auth reader returned another kind');
	return {hash: message.hash, rest};
}

async function readNonce(socket: tls.TLSSocket, initial: Buffer, timeoutMs: number) {
	const {message, rest} = await readAuth(socket, 'nonce', initial, timeoutMs);
	if (message.type !== 'nonce') throw new Error('the auth reader returned another kind');
	return {nonce: message.nonce, rest};
}

/**
 * After TLS: each side sends its auth offer and reads the peer's. With a shared secret on both
 * sides, the offers carry CPace shares (PRS = the secret, sid = a TLS exporter, CI = both
 * fingerprints); then each sends a key-confirmation tag and checks the peer's, so a wrong secret,
 * or a relay that terminates TLS (another exporter on each side), is refused on both sides.
 * Between the offers and the confirms, the check code's nonces: the caller's commitment goes out
 * with its offer, the accepter answers with its nonce, and only then does the caller open its own.
 */
export async function authenticate(
	socket: tls.TLSSocket,
	role: SecretRole,
	identity: Identity,
	secret: string | undefined,
	timeoutMs: number,
): Promise<SecureChannel> {
	const deadline = Date.now() + timeoutMs;
	const left = () => Math.max(1, deadline - Date.now());
	const peer = peerFingerprint(socket);
	const exporter = sasExporter(socket);
	const ourNonce = sasNonce();
	const [callerFp, accepterFp] =
		role === 'caller' ? [identity.fingerprint, peer] : [peer, identity.fingerprint];
	const sid = new Uint8Array(socket.exportKeyingMaterial(32, pakeSidLabel, Buffer.alloc(0)));
	const pake = secret
		? startCpace({
				role: cpaceRole[role],
				prs: pakePassword(secret),
				ci: pakeChannelId(callerFp, accepterFp),
				sid,
			})
		: undefined;
	if (socket.destroyed) throw new ProtocolError('tls', 'the peer hung up during the authentication');
	const ourOffer = encodeAuth({type: 'offer', ...(pake ? {share: pake.share} : {})});
	await send(
		socket,
		role === 'caller'
			? Buffer.concat([ourOffer, encodeAuth({type: 'commit', hash: sasCommitment(ourNonce)})])
			: ourOffer,
	);
	const offer = await readAuth(socket, 'offer', Buffer.alloc(0), left());
	const theirShare = offer.message.type === 'offer' ? offer.message.share : undefined;
	if (pake && !theirShare) {
		throw new ProtocolError(
			'secret-mismatch',
			'call refused: this side has a shared secret (--secret) but the peer gave none',
		);
	}
	if (!pake && theirShare) {
		throw new ProtocolError(
			'secret-mismatch',
			'call refused: the peer requires a shared secret; call again with --secret',
		);
	}
	// A share that is no group element is refused before anything else is read.
	let result;
	try {
		result = pake && theirShare ? pake.finish(theirShare) : undefined;
	} catch (error) {
		if (!(error instanceof CPaceAbort)) throw error;
		throw new ProtocolError('bad-handshake', `call refused: ${error.message}`);
	}
	let rest = offer.rest;
	let sas: string;
	let started = () => undefined as void;
	if (role === 'caller') {
		const theirs = await readNonce(socket, rest, left());
		rest = theirs.rest;
		await send(socket, encodeAuth({type: 'nonce', nonce: ourNonce}));
		sas = sasCode(exporter, ourNonce, theirs.nonce);
	} else {
		const commit = await readCommit(socket, rest, left());
		rest = commit.rest;
		// With a secret, CPace already stops a middle-man that does not know it.
		if (!pake) started = await takeCheckCodeTry(identity, socket.remoteAddress, left());
		await send(socket, encodeAuth({type: 'nonce', nonce: ourNonce}));
		const opening = await readNonce(socket, rest, left());
		rest = opening.rest;
		if (!opensCommitment(commit.hash, opening.nonce)) {
			throw new ProtocolError(
				'bad-handshake',
				"call refused: the caller's part of the check code is not the one it committed to (someone may be in the middle)",
			);
		}
		sas = sasCode(exporter, opening.nonce, ourNonce);
	}
	const channel = (rest: Buffer, verifiedBySecret: boolean): SecureChannel => ({
		socket,
		sas,
		peerFingerprint: peer,
		verifiedBySecret,
		rest,
		cipher: socket.getCipher()?.standardName ?? socket.getCipher()?.name ?? 'unknown',
		started,
	});
	if (!pake || !result) return channel(rest, false);

	const {isk, transcript} = result;
	await send(
		socket,
		encodeAuth({type: 'confirm', tag: confirmationTag(isk, sid, transcript, cpaceRole[role])}),
	);
	const confirm = await readAuth(socket, 'confirm', rest, left());
	const expected = confirmationTag(isk, sid, transcript, cpaceRole[otherRole[role]]);
	if (confirm.message.type !== 'confirm' || !tagsEqual(confirm.message.tag, expected)) {
		throw new ProtocolError(
			'secret-mismatch',
			'call refused: the secret does not match (the peer does not know the same secret, or someone is in the middle)',
		);
	}
	return channel(confirm.rest, true);
}
