/**
 * The auth messages: the first bytes each way inside TLS, before v2's hello. Framed like v2
 * messages (type u8, length u32 big-endian, payload) so a capture reads alike, but each has one
 * exact length, checked from its 5-byte header before any payload is buffered:
 *
 *   offer   0x0a | 00 00 00 21 | suite u8 | share 32 bytes     (38 bytes)
 *   confirm 0x0b | 00 00 00 40 | tag 64 bytes                  (69 bytes)
 *   commit  0x0e | 00 00 00 20 | SHA-256 of the caller's nonce (37 bytes)
 *   nonce   0x0f | 00 00 00 20 | nonce 32 bytes                (37 bytes)
 *
 * suite 0: this side has no shared secret (share all zeros); suite 1: CPACE-RISTR255-SHA512, share
 * = the CPace public share Y. Both sides send an offer; when both have a secret, both then send a
 * confirm (the key-confirmation MAC). Type 0x09 was the scrypt proof of facetty before the PAKE:
 * it is recognised only to tell the person that the peer needs updating. An offer is as long as
 * that old message, so an old peer reads it whole and refuses it at once instead of waiting.
 *
 * The check code's commitment (docs/protocol.md, "Short authentication string"): the caller's
 * commit follows its offer; the accepter answers with its nonce, the caller then opens its own
 * in a nonce message. A peer from before the commitment sends its hello (or a confirm) where a
 * commit or nonce belongs: it is refused with a sentence, never called without a check code.
 */
import {ProtocolError} from './errors.js';

export const legacyAuthType = 0x09;
export const authOfferType = 0x0a;
export const authConfirmType = 0x0b;
export const authHeaderBytes = 5;
export const pakeShareBytes = 32;
export const confirmTagBytes = 64;
export const sasCommitType = 0x0e;
export const sasNonceType = 0x0f;
export const sasNonceBytes = 32;
/** What an older peer sends where this version expects a commit or nonce: its v2 hello. */
const v2HelloType = 0x01;
export const pakeSuites = {none: 0, cpaceRistretto255Sha512: 1} as const;

const payloadBytes = {
	offer: 1 + pakeShareBytes,
	confirm: confirmTagBytes,
	commit: sasNonceBytes,
	nonce: sasNonceBytes,
} as const;
const typeOf = {
	offer: authOfferType,
	confirm: authConfirmType,
	commit: sasCommitType,
	nonce: sasNonceType,
} as const;
export const authMessageBytes = {
	offer: authHeaderBytes + payloadBytes.offer,
	confirm: authHeaderBytes + payloadBytes.confirm,
	commit: authHeaderBytes + payloadBytes.commit,
	nonce: authHeaderBytes + payloadBytes.nonce,
} as const;

export type AuthKind = keyof typeof typeOf;
/** An offer without a share says "no shared secret"; with one, it is this side's CPace share. */
export type AuthMessage =
	| {type: 'offer'; share?: Uint8Array}
	| {type: 'confirm'; tag: Uint8Array}
	| {type: 'commit'; hash: Uint8Array}
	| {type: 'nonce'; nonce: Uint8Array};

export function encodeAuth(message: AuthMessage): Buffer {
	const out = Buffer.alloc(authMessageBytes[message.type]);
	out[0] = typeOf[message.type];
	out.writeUInt32BE(payloadBytes[message.type], 1);
	if (message.type === 'offer') {
		if (message.share && message.share.length !== pakeShareBytes) {
			throw new RangeError(`a PAKE share is ${pakeShareBytes} bytes`);
		}
		out[5] = message.share ? pakeSuites.cpaceRistretto255Sha512 : pakeSuites.none;
		if (message.share) out.set(message.share, 6);
	} else if (message.type === 'confirm') {
		if (message.tag.length !== confirmTagBytes)
			throw new RangeError(`a confirm tag is ${confirmTagBytes} bytes`);
		out.set(message.tag, 5);
	} else {
		const bytes = message.type === 'commit' ? message.hash : message.nonce;
		if (bytes.length !== sasNonceBytes) throw new RangeError(`a ${message.type} is ${sasNonceBytes} bytes`);
		out.set(bytes, 5);
	}
	return out;
}

const firstWords: Record<AuthKind, string> = {
	offer: 'the peer did not start the encrypted channel with an auth message',
	confirm: 'the peer did not confirm the shared secret with a confirm message',
	commit: 'the peer did not commit to its part of the check code',
	nonce: 'the peer did not send its part of the check code',
};

function checkType(kind: AuthKind, type: number): void {
	if (type === typeOf[kind]) return;
	if (type === legacyAuthType) {
		throw new ProtocolError(
			'unsupported-version',
			'call refused: the peer runs an older facetty (its shared-secret check predates the PAKE); both sides need the same version',
		);
	}
	if ((kind === 'commit' || kind === 'nonce') && (type === v2HelloType || type === authConfirmType)) {
		throw new ProtocolError(
			'unsupported-version',
			'call refused: the peer runs an older facetty, whose check code a middle-man could choose; both sides need this version',
		);
	}
	throw new ProtocolError(
		'bad-handshake',
		`${firstWords[kind]} (type 0x${type.toString(16).padStart(2, '0')})`,
	);
}

function checkLength(kind: AuthKind, length: number): void {
	if (length !== payloadBytes[kind]) {
		throw new ProtocolError(
			'bad-handshake',
			`the peer's auth ${kind} message announces ${length} bytes; it is ${payloadBytes[kind]}`,
		);
	}
}

function decodePayload(kind: AuthKind, payload: Buffer): AuthMessage {
	if (kind === 'confirm') return {type: 'confirm', tag: new Uint8Array(payload)};
	if (kind === 'commit') return {type: 'commit', hash: new Uint8Array(payload)};
	if (kind === 'nonce') return {type: 'nonce', nonce: new Uint8Array(payload)};
	const suite = payload[0]!;
	const share = payload.subarray(1);
	if (suite === pakeSuites.none) {
		if (share.some((byte) => byte !== 0)) {
			throw new ProtocolError('bad-handshake', "the peer's auth offer has no secret but a non-zero share");
		}
		return {type: 'offer'};
	}
	if (suite !== pakeSuites.cpaceRistretto255Sha512) {
		throw new ProtocolError(
			'unsupported-version',
			`call refused: the peer offers shared-secret method ${suite}, which this version does not know`,
		);
	}
	return {type: 'offer', share: new Uint8Array(share)};
}

/**
 * Reads one auth message of the expected kind from bytes in any chunking. The type is judged on
 * the first byte and the length on the fifth, so garbage is refused before more is buffered (a
 * message's bytes, plus what arrived in the same chunk after it: handed back as `rest`).
 */
export class AuthReader {
	private buffer = Buffer.alloc(0);
	private done = false;

	constructor(readonly kind: AuthKind) {}

	push(chunk: Uint8Array): {message: AuthMessage; rest: Buffer} | undefined {
		if (this.done) throw new Error('this auth reader has its message already');
		this.buffer = Buffer.concat([this.buffer, chunk]);
		if (this.buffer.length >= 1) checkType(this.kind, this.buffer[0]!);
		if (this.buffer.length < authHeaderBytes) return undefined;
		checkLength(this.kind, this.buffer.readUInt32BE(1));
		const total = authMessageBytes[this.kind];
		if (this.buffer.length < total) return undefined;
		this.done = true;
		const message = decodePayload(this.kind, this.buffer.subarray(authHeaderBytes, total));
		const rest = Buffer.from(this.buffer.subarray(total));
		this.buffer = Buffer.alloc(0);
		return {message, rest};
	}
}

const kindOfType = new Map<number, AuthKind>(
	Object.entries(typeOf).map(([kind, type]) => [type, kind as AuthKind]),
);

/** One whole auth message of any kind, nothing more (the fuzzer's entry point). */
export function decodeAuth(bytes: Uint8Array): AuthMessage {
	const kind: AuthKind = kindOfType.get(bytes[0] ?? -1) ?? 'offer';
	const result = new AuthReader(kind).push(bytes);
	if (!result || result.rest.length > 0) {
		throw new ProtocolError(
			'bad-handshake',
			`an auth ${kind} message is exactly ${authMessageBytes[kind]} bytes`,
		);
	}
	return result.message;
}
