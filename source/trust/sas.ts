/**
 * What the two people compare, derived from the TLS session with an RFC 5705/8446 exporter: a
 * relay in the middle runs two TLS sessions, so it shows each side a different string. (A shared
 * secret is checked by the PAKE in session/secure.ts, bound to the TLS session the same way.)
 */
import type tls from 'node:tls';

export const sasLabel = 'EXPORTER-facetty-sas';

/** Six digits in two groups ("482 913"): easy to read aloud; a relay has a 1-in-a-million chance. */
export function formatSas(bytes: Uint8Array): string {
	const n = Buffer.from(bytes).readUInt32BE(0) % 1_000_000;
	const digits = n.toString().padStart(6, '0');
	return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}

export function sasOf(socket: tls.TLSSocket): string {
	return formatSas(socket.exportKeyingMaterial(4, sasLabel, Buffer.alloc(0)));
}

export type SecretRole = 'caller' | 'accepter';
