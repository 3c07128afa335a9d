/**
 * What a listener says when it turned a connection away (Listener 'rejected'): one plain sentence
 * per reason, for the call screen's notice and the plain status line.
 */
import {ProtocolError} from '../protocol/errors.js';
import {cleanLine} from '../text/sanitize.js';

function detail(message: string): string {
	return message.replace(/^call refused: /, '');
}

export function refusalText(error: Error, address: string): string {
	// The error may quote the caller's bytes or OpenSSL: one clean line, on every screen.
	return cleanLine(refusal(error, address), {maxColumns: 1000});
}

function refusal(error: Error, address: string): string {
	const code = error instanceof ProtocolError ? error.code : (error as {code?: unknown}).code;
	switch (code) {
		case 'busy':
			return `${address} called during this call: told it you are busy.`;
		case 'not-encrypted':
			return `Refused a call from ${address}: it could not be encrypted (${error.message}).`;
		case 'too-many':
			// Admission and the secret-guessing limit (docs/protocol.md, "Admission").
			return `Turned away a call from ${address}: ${error.message}.`;
		case 'timeout':
			return `Dropped a call from ${address}: ${detail(error.message)}.`;
		default:
			// secret-mismatch, peer-key-mismatch, tls, bad-handshake...: the session's sentence says which.
			return `Refused a call from ${address}: ${detail(error.message)}.`;
	}
}
