/**
 * What the two people compare. It derives from the TLS session (an RFC 5705/8446 exporter: a
 * relay in the middle runs two TLS sessions, so each side has another one) and from a nonce of
 * each side, the caller's committed to before the accepter's is sent (ZRTP's hash commitment,
 * RFC 6189 section 4.4.1.1). Without the commitment a middle-man that plays TLS server to the
 * caller could redo its handshake until the caller's code matched the accepter's; with it, the
 * caller's code is fixed by a nonce the middle-man learns only after it has chosen everything it
 * sends, so each of its sessions is one try at a 1-in-a-million match (docs/protocol.md).
 */
import crypto from 'node:crypto';
import type tls from 'node:tls';
import {sasNonceBytes} from '../protocol/auth.js';

export const sasLabel = 'EXPORTER-facetty-sas';
const commitDomain = 'facetty-sas-commit';
const codeDomain = 'facetty-sas';

/** Six digits in two groups ("482 913"): easy to read aloud. */
export function formatSas(bytes: Uint8Array): string {
	const n = Buffer.from(bytes).readUInt32BE(0) % 1_000_000;
	const digits = n.toString().padStart(6, '0');
	return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}

export function sasNonce(): Uint8Array {
	return new Uint8Array(crypto.randomBytes(sasNonceBytes));
}

/** The caller's commitment: SHA-256 of a domain label and its nonce. */
export function sasCommitment(callerNonce: Uint8Array): Uint8Array {
	return new Uint8Array(crypto.createHash('sha256').update(commitDomain).update(callerNonce).digest());
}

export function opensCommitment(commitment: Uint8Array, callerNonce: Uint8Array): boolean {
	return crypto.timingSafeEqual(sasCommitment(callerNonce), commitment);
}

/** The session's exporter value that both nonces are hashed with. */
export function sasExporter(socket: tls.TLSSocket): Uint8Array {
	return new Uint8Array(socket.exportKeyingMaterial(32, sasLabel, Buffer.alloc(0)));
}

/** SHA-256(label, exporter, caller's nonce, accepter's nonce), its first 4 bytes mod 10^6. */
export function sasCode(exporter: Uint8Array, callerNonce: Uint8Array, accepterNonce: Uint8Array): string {
	const digest = crypto
		.createHash('sha256')
		.update(codeDomain)
		.update(exporter)
		.update(callerNonce)
		.update(accepterNonce)
		.digest();
	return formatSas(digest);
}

export type SecretRole = 'caller' | 'accepter';
