/**
 * OpenSSL's and the socket's errors as sentences a person can act on. OpenSSL says
 * "error:0A000119:SSL routines::decryption failed or bad record mac"; the screen says "the
 * connection was altered on the way (bad record MAC)". The short technical name stays in
 * parentheses, so a bug report still says what happened.
 */

type Rule = {match: RegExp; sentence: string};

/** Tried in order against the error's code and message together. */
const rules: readonly Rule[] = [
	{
		match: /BAD_RECORD_MAC|bad record mac|DECRYPTION_FAILED|decryption failed/i,
		sentence: 'the connection was altered on the way (bad record MAC)',
	},
	{
		match:
			/WRONG_VERSION_NUMBER|wrong version number|PACKET_LENGTH_TOO_LONG|packet length too long|RECORD_LAYER_FAILURE|record layer failure|HTTP_REQUEST|http request|UNEXPECTED_RECORD|unexpected record|RECORD_OVERFLOW|record overflow/i,
		sentence: 'the peer sent something that is not encrypted facetty traffic (garbled TLS record)',
	},
	{
		match:
			/UNSUPPORTED_PROTOCOL|unsupported protocol|PROTOCOL_VERSION|protocol version|NO_PROTOCOLS_AVAILABLE/i,
		sentence: 'the peer does not speak TLS 1.3, which facetty needs (unsupported protocol version)',
	},
	{
		match: /NO_SHARED_CIPHER|no shared cipher|HANDSHAKE_FAILURE|handshake failure|NO_SUITABLE|no suitable/i,
		sentence: 'the two sides could not agree on how to encrypt (TLS handshake failure)',
	},
	{
		match: /CERTIFICATE|certificate|BAD_SIGNATURE|bad signature|DECRYPT_ERROR|decrypt error/i,
		sentence: "the peer's identity key did not check out (TLS certificate or signature error)",
	},
	{
		match: /ALERT/i,
		sentence: 'the peer ended the encrypted connection with an error (TLS alert)',
	},
	{
		match: /ECONNRESET|connection reset/i,
		sentence: 'the connection was reset (the peer or the network dropped it)',
	},
	{match: /EPIPE|broken pipe/i, sentence: 'the connection broke while sending (the peer is gone)'},
	{match: /ETIMEDOUT|timed out/i, sentence: 'the network stopped answering (timed out)'},
	{
		match: /EHOSTUNREACH|ENETUNREACH|unreachable/i,
		sentence: 'the network lost the way to the peer (unreachable)',
	},
];

/** One sentence for an error of the connection or its encryption; unknown errors keep a cleaned message. */
export function tlsSentence(error: Error): string {
	const code = String((error as {code?: unknown}).code ?? '');
	const text = `${code} ${error.message}`;
	for (const rule of rules) if (rule.match.test(text)) return rule.sentence;
	// OpenSSL's "error:0A000086:SSL routines::" prefix and stack positions say nothing to a person.
	const cleaned = error.message
		.replace(/error:[0-9A-F]{8}:[^:]*:[^:]*:/gi, '')
		.replace(/[^\x20-\x7e]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 120);
	return code.startsWith('ERR_SSL')
		? `the encrypted connection failed (${cleaned || code})`
		: `the connection failed (${cleaned || code || 'unknown error'})`;
}

/** For the end of a call: "the connection was altered on the way (bad record MAC): call ended". */
export function connectionErrorSentence(error: Error): string {
	return `${tlsSentence(error)}: call ended`;
}
