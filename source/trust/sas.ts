/**
 * What the two people compare and what a shared secret proves, both derived from the TLS session
 * with RFC 5705/8446 exporters: a relay in the middle runs two TLS sessions, so it shows each side
 * a different string and cannot reuse one side's proof on the other.
 */
import crypto from 'node:crypto';
import type tls from 'node:tls';

export const sasLabel = 'EXPORTER-facetty-sas';
export const secretLabel = 'EXPORTER-facetty-secret';
/** scrypt work factor: 32 MiB and ~0.1 s per try, on each side, once per call. */
export const scryptParameters = {N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024} as const;

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

/**
 * Proofs of a shared secret for this TLS session: scrypt(secret, salt = exporter) as the key,
 * HMAC-SHA256 over the role and both fingerprints as the proof. Returns ours and the one we
 * expect from the peer.
 */
export async function secretProofs(
	secret: string,
	salt: Uint8Array,
	role: SecretRole,
	callerFingerprint: string,
	accepterFingerprint: string,
): Promise<{ours: Buffer; theirs: Buffer}> {
	const key = await new Promise<Buffer>((resolve, reject) =>
		crypto.scrypt(secret.normalize('NFC'), salt, 32, scryptParameters, (error, derived) =>
			error ? reject(error) : resolve(derived),
		),
	);
	const proof = (who: SecretRole) =>
		crypto
			.createHmac('sha256', key)
			.update(`facetty secret proof v1|${who}|${callerFingerprint}|${accepterFingerprint}`)
			.digest();
	return {ours: proof(role), theirs: proof(role === 'caller' ? 'accepter' : 'caller')};
}
