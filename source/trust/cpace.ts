/**
 * CPace, the balanced PAKE of draft-irtf-cfrg-cpace, with the CPACE-RISTR255-SHA512 cipher suite
 * (group ristretto255 from RFC 9496, hash SHA-512), in the initiator-responder setting.
 *
 * Both sides derive a secret generator from the password-related string (PRS), the channel
 * identifier (CI) and the session id (sid); each sends Y = y*g for a fresh scalar y; each computes
 * K = y*Y_peer and ISK = H(lv_cat("CPaceRistretto255_ISK", sid, K) || transcript). Equal ISKs
 * need equal PRS, CI and sid. Someone who sees the messages, or takes part with a wrong PRS, learns
 * nothing that lets them test another password offline: checking a guess needs K, which is a
 * Diffie-Hellman value over that guess's generator. Pure: no I/O, randomness can be injected.
 *
 * The group arithmetic (decode/encode, element derivation, scalar multiplication) is
 * @noble/curves; the hashes are @noble/hashes. Every intermediate value is checked against the
 * draft's test vectors in test/trust/cpace.test.ts.
 */
import {ristretto255, ristretto255_hasher} from '@noble/curves/ed25519.js';
import {hmac} from '@noble/hashes/hmac.js';
import {sha512} from '@noble/hashes/sha2.js';
import {randomBytes} from '@noble/hashes/utils.js';

type Point = InstanceType<typeof ristretto255.Point>;

const encoder = new TextEncoder();

/** G.DSI for ristretto255. */
export const cpaceDsi = encoder.encode('CPaceRistretto255');
/** G.DSI || "_ISK": the domain of the session key hash. */
export const cpaceIskDsi = encoder.encode('CPaceRistretto255_ISK');
/** H.s_in_bytes: SHA-512's input block. */
const hashBlockBytes = 128;
/** Encoded group elements and scalars are 32 bytes. */
export const cpaceElementBytes = 32;
/** G.I: the encoding of the neutral element (all zeros for ristretto255). */
export const cpaceIdentity = new Uint8Array(cpaceElementBytes);
/** group_order = 2^252 + 27742317777372353535851937790883648493. */
const groupOrder = ristretto255.Point.Fn.ORDER;
const groupSizeBits = 252;

/** A protocol abort: an invalid or neutral element from the peer. */
export class CPaceAbort extends Error {
	override name = 'CPaceAbort';
}

function concat(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** LEB128: 7 bits per byte, least significant first, bit 7 set while more follow. */
export function leb128(n: number): Uint8Array {
	if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('LEB128 takes a non-negative integer');
	const out: number[] = [];
	do {
		const low = n % 128;
		n = Math.floor(n / 128);
		out.push(n > 0 ? low | 0x80 : low);
	} while (n > 0);
	return Uint8Array.from(out);
}

/** prepend_len(s) = LEB128(len(s)) || s. */
export function prependLen(bytes: Uint8Array): Uint8Array {
	return concat(leb128(bytes.length), bytes);
}

/** lv_cat(a0, a1, ...) = prepend_len(a0) || prepend_len(a1) || ... */
export function lvCat(...parts: Uint8Array[]): Uint8Array {
	return concat(...parts.map(prependLen));
}

/**
 * generator_string(DSI, PRS, CI, sid, s_in_bytes) = lv_cat(DSI, PRS, zero_bytes(len_zpad), CI, sid),
 * the padding making DSI and PRS fill the hash's first block, so the bytes hashed do not depend on
 * a short password's length.
 */
export function generatorString(prs: Uint8Array, ci: Uint8Array, sid: Uint8Array): Uint8Array {
	const zpad = Math.max(0, hashBlockBytes - prependLen(prs).length - prependLen(cpaceDsi).length - 1);
	return lvCat(cpaceDsi, prs, new Uint8Array(zpad), ci, sid);
}

/** G.calculate_generator: SHA-512 of the generator string, then RFC 9496 element derivation. */
export function calculateGenerator(
	prs: Uint8Array,
	ci: Uint8Array,
	sid: Uint8Array,
): {generator: Point; hash: Uint8Array} {
	const hash = sha512(generatorString(prs, ci, sid));
	return {generator: ristretto255_hasher.deriveToCurve!(hash), hash};
}

export function scalarFromBytesLE(bytes: Uint8Array): bigint {
	let n = 0n;
	for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
	return n;
}

/**
 * G.sample_scalar, as the draft recommends: 32 random bytes with the bits above bit 251 cleared,
 * read little-endian (so always below the group order). Zero, a 1-in-2^252 event, is drawn again.
 */
export function sampleScalar(random: (n: number) => Uint8Array = randomBytes): bigint {
	for (;;) {
		const bytes = random(cpaceElementBytes);
		const y = scalarFromBytesLE(bytes) & ((1n << BigInt(groupSizeBits)) - 1n);
		if (y !== 0n) return y;
	}
}

function checkScalar(y: bigint): void {
	if (y <= 0n || y >= groupOrder) throw new RangeError('a CPace scalar is in 1..group order - 1');
}

/** G.scalar_mult(y, g): y*g, encoded. */
export function scalarMult(y: bigint, generator: Point): Uint8Array {
	checkScalar(y);
	return generator.multiply(y).toBytes();
}

/**
 * G.scalar_mult_vfy(y, X): decode X (canonical ristretto255 only), return encode(y*X); an encoding
 * that does not decode gives G.I, as the draft says, so the caller has one check to make.
 */
export function scalarMultVfy(y: bigint, encoded: Uint8Array): Uint8Array {
	checkScalar(y);
	if (encoded.length !== cpaceElementBytes) return cpaceIdentity;
	let point: Point;
	try {
		point = ristretto255.Point.fromBytes(encoded);
	} catch {
		return cpaceIdentity;
	}
	if (point.equals(ristretto255.Point.ZERO)) return cpaceIdentity;
	return point.multiply(y).toBytes();
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
	return diff === 0;
}

/** transcript_ir(Ya, ADa, Yb, ADb) = lv_cat(Ya, ADa) || lv_cat(Yb, ADb): initiator first. */
export function transcriptIr(ya: Uint8Array, ada: Uint8Array, yb: Uint8Array, adb: Uint8Array): Uint8Array {
	return concat(lvCat(ya, ada), lvCat(yb, adb));
}

/** ISK = SHA-512(lv_cat(DSI || "_ISK", sid, K) || transcript). */
export function deriveIsk(sid: Uint8Array, k: Uint8Array, transcript: Uint8Array): Uint8Array {
	return sha512(concat(lvCat(cpaceIskDsi, sid, k), transcript));
}

export type CPaceRole = 'initiator' | 'responder';

export type CPaceInputs = {
	role: CPaceRole;
	prs: Uint8Array;
	ci: Uint8Array;
	sid: Uint8Array;
	/** This side's associated data (ADa for the initiator, ADb for the responder); sent in clear. */
	ad?: Uint8Array;
	/** For the test vectors only: a fixed scalar instead of a fresh one. */
	scalar?: bigint;
};

export type CPaceResult = {isk: Uint8Array; transcript: Uint8Array};

export type CPaceSession = {
	/** The public share Y = y*g to send to the peer. */
	share: Uint8Array;
	/** With the peer's share and AD: the ISK and the transcript, or CPaceAbort on a bad share. */
	finish(peerShare: Uint8Array, peerAd?: Uint8Array): CPaceResult;
};

/** One run of CPace for one side; the scalar never leaves the closure and is used once. */
export function startCpace(inputs: CPaceInputs): CPaceSession {
	const {generator} = calculateGenerator(inputs.prs, inputs.ci, inputs.sid);
	const ownAd = inputs.ad ?? new Uint8Array(0);
	const y = inputs.scalar ?? sampleScalar();
	const share = scalarMult(y, generator);
	let used = false;
	return {
		share,
		finish(peerShare, peerAd = new Uint8Array(0)) {
			if (used) throw new Error('a CPace session finishes once');
			used = true;
			const k = scalarMultVfy(y, peerShare);
			if (bytesEqual(k, cpaceIdentity)) {
				throw new CPaceAbort("the peer's CPace share is not a valid ristretto255 element");
			}
			const transcript =
				inputs.role === 'initiator'
					? transcriptIr(share, ownAd, peerShare, peerAd)
					: transcriptIr(peerShare, peerAd, share, ownAd);
			return {isk: deriveIsk(inputs.sid, k, transcript), transcript};
		},
	};
}

/**
 * Explicit key confirmation (the draft's "Key confirmation" section): mac_key =
 * SHA-512("CPaceMac" || sid || ISK); each side's tag = HMAC-SHA-512(mac_key, lv_cat(role,
 * transcript)). The role makes the two tags differ, so a tag reflected back to its sender fails.
 */
export function confirmationTag(
	isk: Uint8Array,
	sid: Uint8Array,
	transcript: Uint8Array,
	role: CPaceRole,
): Uint8Array {
	const macKey = sha512(concat(encoder.encode('CPaceMac'), sid, isk));
	return hmac(sha512, macKey, lvCat(encoder.encode(role), transcript));
}

/** Constant-time equality of two tags. */
export function tagsEqual(a: Uint8Array, b: Uint8Array): boolean {
	return bytesEqual(a, b);
}
