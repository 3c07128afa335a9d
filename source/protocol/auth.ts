/**
 * The auth message: the first thing each side sends inside TLS, before v2's hello. It says
 * whether this side has a shared secret and, if so, proves knowledge of it for this TLS session:
 *   type 0x09 | length u32 = 33 | flags u8 (bit 0: secret) | proof 32 bytes (zeros without secret)
 * Framed like a v2 message so a capture reads alike, but parsed strictly: 38 bytes, no other shape.
 */
import {ProtocolError} from './errors.js';

export const authType = 0x09;
export const authPayloadBytes = 33;
export const authMessageBytes = 5 + authPayloadBytes;
export const authFlags = {secret: 1} as const;

export type AuthMessage = {hasSecret: boolean; proof: Uint8Array};

export function encodeAuth(message: AuthMessage): Buffer {
	if (message.proof.length !== 32) throw new RangeError('an auth proof is 32 bytes');
	const out = Buffer.alloc(authMessageBytes);
	out[0] = authType;
	out.writeUInt32BE(authPayloadBytes, 1);
	out[5] = message.hasSecret ? authFlags.secret : 0;
	out.set(message.proof, 6);
	return out;
}

export function decodeAuth(bytes: Uint8Array): AuthMessage {
	const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (view.length !== authMessageBytes || view[0] !== authType || view.readUInt32BE(1) !== authPayloadBytes) {
		throw new ProtocolError(
			'bad-handshake',
			'the peer did not start the encrypted channel with an auth message',
		);
	}
	const flags = view[5]!;
	if ((flags & ~authFlags.secret) !== 0) {
		throw new ProtocolError('bad-handshake', `the peer's auth message has unknown flags ${flags}`);
	}
	return {hasSecret: (flags & authFlags.secret) !== 0, proof: new Uint8Array(view.subarray(6))};
}
