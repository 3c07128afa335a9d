/**
 * A call by invite code, through a relay: the inviter opens a channel and shows the code, the
 * joiner joins with it, and a normal encrypted facetty call runs over the relayed bytes with the
 * code as the secret (the inviter is the accepter, the joiner the caller). The relay sees the
 * channel number, one byte of tag and TLS records; the words never leave the two machines.
 */
import type {Call, CallOptions} from '../session/call.js';
import {acceptOn, callOn, type OpenedConnection} from '../session/connect.js';
import {describeRelay, joinChannel, openChannel, type Paired, type RelayAddress} from '../relay/client.js';
import {codeSecret, codeTag, formatCode, parseCode, randomWords, type InviteCode} from './code.js';

export type Invite = {
	code: InviteCode;
	/** The code as the user reads it out: `42-kettle-violet-orbit`. */
	text: string;
	/**
	 * Resolves with the call once the other side joined and the handshake passed; rejects with a
	 * sentence when the relay or the handshake refused (wrong code, expiry, another secret).
	 */
	call: Promise<Call>;
	/** Gives the invite up before anyone joined. */
	cancel(): void;
};

function opened(paired: Paired, relay: RelayAddress): OpenedConnection {
	// The peer's first bytes, if they came with "paired", go back where the handshake reads.
	if (paired.rest.length > 0) paired.socket.unshift(paired.rest);
	// No known_peers name: the relay is not the peer, and an invite's peer has no lasting name.
	return {socket: paired.socket, label: `via relay ${describeRelay(relay)}`};
}

/** The options a call by code runs with: the code is the secret, and nothing but encrypted v2. */
function codeOptions(options: CallOptions, code: InviteCode): CallOptions {
	return {...options, secret: codeSecret(code), requireEncryption: true, protocol: 'v2', plaintext: false};
}

export async function invite(relay: RelayAddress, options: CallOptions = {}): Promise<Invite> {
	const words = randomWords();
	const invitation = await openChannel(relay, codeTag(words));
	const code = {channel: invitation.channel, words};
	const call = invitation.paired.then((paired) =>
		acceptOn(opened(paired, relay), {...codeOptions(options, code), host: '127.0.0.1'}),
	);
	return {code, text: formatCode(code), call, cancel: () => invitation.close()};
}

/** Joins by code; the Call reports progress and outcome by its events, like dial's. */
export async function join(relay: RelayAddress, text: string, options: CallOptions = {}): Promise<Call> {
	const code = parseCode(text);
	const paired = await joinChannel(relay, code.channel, codeTag(code.words));
	return callOn(opened(paired, relay), codeOptions(options, code));
}
