/**
 * Every way a peer's bytes can be wrong, as one error type with a code for programs and a plain
 * sentence for people. Parsers throw it; the session turns it into a closed connection, never a crash.
 */
export type ProtocolErrorCode =
	| 'bad-handshake'
	| 'bad-shape'
	| 'shape-too-large'
	| 'bad-frame-header'
	| 'message-too-large'
	| 'bad-message'
	| 'unsupported-version'
	| 'timeout'
	| 'closed-mid-frame'
	| 'busy'
	| 'not-encrypted'
	| 'tls'
	| 'secret-mismatch'
	| 'peer-key-changed'
	| 'peer-key-mismatch'
	| 'too-slow'
	/** Too many unfinished connections from one address (or in all): dropped at once. */
	| 'too-many';

export class ProtocolError extends Error {
	override name = 'ProtocolError';
	constructor(
		readonly code: ProtocolErrorCode,
		message: string,
	) {
		super(message);
	}
}
