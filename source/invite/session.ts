/**
 * A call by invite code, through a relay: the inviter opens a channel and shows the code, the
 * joiner joins with it, and a normal encrypted facetty call runs over the relayed bytes with the
 * code as the secret (the inviter is the accepter, the joiner the caller). The relay sees the
 * channel number, one byte of tag and TLS records; the words never leave the two machines.
 */
import type {Call, CallOptions} from '../session/call.js';
import {acceptOver, callOver} from '../session/connect.js';
import {describeRelay, joinChannel, openChannel, type Paired, type RelayAddress} from '../relay/client.js';
import {codeSecret, codeTag, formatCode, parseCode, randomWords, type InviteCode} from './code.js';

export type Invite = {
	code: InviteCode;
	/** The code as the user reads it out: `42-kettle-violet-orbit`. */
	text: string;
	/**
	 * Resolves with the call (its handshake under way) once the other side joined; rejects with a
	 * sentence when the relay refused (wrong code, expiry). The call's own events say the rest.
	 */
	call: Promise<Call>;
	/** Gives the invite up before anyone joined. */
	cancel(): void;
};

/** The peer's first bytes, if they came with "paired", go back where the handshake reads. */
function socketOf(paired: Paired): Paired['socket'] {
	if (paired.rest.length > 0) paired.socket.unshift(paired.rest);
	return paired.socket;
}

/** What the call screen and the status line call the peer. */
function viaRelay(call: Call, relay: RelayAddress): Call {
	call.remoteAddress = `via relay ${describeRelay(relay)}`;
	return call;
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
		viaRelay(acceptOver(socketOf(paired), codeOptions(options, code)), relay),
	);
	return {code, text: formatCode(code), call, cancel: () => invitation.close()};
}

/** Joins by code; the Call reports progress and outcome by its events, like dial's. */
export async function join(relay: RelayAddress, text: string, options: CallOptions = {}): Promise<Call> {
	const code = parseCode(text);
	const paired = await joinChannel(relay, code.channel, codeTag(code.words));
	// No known_peers name (knownAs): the relay is not the peer, and an invite's peer has no lasting name.
	return viaRelay(callOver(socketOf(paired), codeOptions(options, code)), relay);
}
