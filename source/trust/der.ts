/**
 * Just enough DER to make a self-signed X.509 v3 certificate around an Ed25519 key, because
 * Node 20 can sign but not build certificates. TLS needs a certificate to carry the key; nobody
 * checks it against a CA: facetty trusts the key inside (its fingerprint), which the TLS
 * handshake's CertificateVerify proves the peer holds. Encoder only; no certificate is parsed here
 * (OpenSSL parses the peer's).
 */
import crypto from 'node:crypto';

function length(n: number): Buffer {
	if (n < 0x80) return Buffer.from([n]);
	const bytes: number[] = [];
	for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
	return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Uint8Array): Buffer {
	return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

export const sequence = (...items: Uint8Array[]) => tlv(0x30, Buffer.concat(items));
export const set = (...items: Uint8Array[]) => tlv(0x31, Buffer.concat(items));
export const utf8String = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
export const generalizedTime = (text: string) => tlv(0x18, Buffer.from(text, 'ascii'));
export const bitString = (bytes: Uint8Array) => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));
/** [n] EXPLICIT, constructed. */
export const explicit = (n: number, content: Uint8Array) => tlv(0xa0 | n, content);

/** A non-negative INTEGER from big-endian bytes (a leading zero keeps it positive). */
export function integer(bytes: Uint8Array): Buffer {
	let start = 0;
	while (start < bytes.length - 1 && bytes[start] === 0) start++;
	const trimmed = Buffer.from(bytes.subarray(start));
	return tlv(0x02, trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

export function objectIdentifier(dotted: string): Buffer {
	const parts = dotted.split('.').map(Number);
	const out: number[] = [parts[0]! * 40 + parts[1]!];
	for (const part of parts.slice(2)) {
		const chunk: number[] = [part & 0x7f];
		for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
		out.push(...chunk);
	}
	return tlv(0x06, Buffer.from(out));
}

const ed25519 = sequence(objectIdentifier('1.3.101.112'));

/**
 * A self-signed certificate (PEM) for an Ed25519 key: subject and issuer CN=`name`, valid from
 * 2000 to 9999 (it never expires; trust comes from the key's fingerprint, not from dates).
 */
export function selfSignedCertificate(privateKey: crypto.KeyObject, name = 'facetty'): string {
	const publicKey = crypto.createPublicKey(privateKey).export({format: 'der', type: 'spki'});
	const distinguished = sequence(set(sequence(objectIdentifier('2.5.4.3'), utf8String(name))));
	const serial = crypto.createHash('sha256').update(publicKey).digest().subarray(0, 16);
	const tbs = sequence(
		explicit(0, integer(Buffer.from([2]))),
		integer(Buffer.concat([Buffer.from([0x01]), serial])),
		ed25519,
		distinguished,
		sequence(generalizedTime('20000101000000Z'), generalizedTime('99991231235959Z')),
		distinguished,
		publicKey,
	);
	const signature = crypto.sign(null, tbs, privateKey);
	const der = sequence(tbs, ed25519, bitString(signature));
	const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
	return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
