/**
 * The first eight bytes of every call. The accepter always opens with the seed's `done`; what the
 * caller answers picks the format for the rest of the connection. The v2 magic is plain ASCII so
 * the seed script's `recv(4).decode()` fails with its own "Connection Failed" rather than a
 * Python traceback, and it hangs up, which is how our caller learns to fall back.
 */
export const handshakeLength = 4;
export const seedGreeting = new Uint8Array([0x64, 0x6f, 0x6e, 0x65]); // "done"
/** "FTY2": facetty protocol v2, messages in the clear (only when both sides allow it). */
export const v2Magic = new Uint8Array([0x46, 0x54, 0x59, 0x32]);
/** "FTYS": TLS 1.3 follows (caller is the TLS client), then the auth message, then v2 messages. */
export const tlsMagic = new Uint8Array([0x46, 0x54, 0x59, 0x53]);
/** "BUSY": the accepter's answer to a v2 magic while it is in another call; then it hangs up. */
export const busyReply = new Uint8Array([0x42, 0x55, 0x53, 0x59]);

/**
 * "FULL": the accepter's answer to a caller's magic when it holds as many unfinished connections
 * as it takes and none can be dropped for this one (docs/protocol.md, "Admission"); then it hangs up.
 */
export const fullReply = new Uint8Array([0x46, 0x55, 0x4c, 0x4c]);
/**
 * "WAIT": the accepter's answer to a caller's magic while secret guesses are held back (too many
 * wrong ones lately, from this source or from everywhere); then it hangs up.
 */
export const waitReply = new Uint8Array([0x57, 0x41, 0x49, 0x54]);

export type GreetingReply = 'seed' | 'v2' | 'tls' | 'unknown';

export function classifyGreetingReply(reply: Uint8Array): GreetingReply {
	if (reply.length !== handshakeLength) return 'unknown';
	if (bytesEqual(reply, seedGreeting)) return 'seed';
	if (bytesEqual(reply, v2Magic)) return 'v2';
	if (bytesEqual(reply, tlsMagic)) return 'tls';
	return 'unknown';
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}
