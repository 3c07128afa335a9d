/**
 * A call by invite code, through a relay: the inviter opens a channel and shows the code, the
 * joiner joins with it, and a normal encrypted facetty call runs over the relayed bytes with the
 * code as the secret (the inviter is the accepter, the joiner the caller). The relay sees the
 * channel number, one byte of tag and TLS records; the words never leave the two machines.
 * Given `onDirect`, the call moves to a direct connection when one side can reach the other
 * (direct.ts), and `onDirect` receives the call that replaces the relayed one.
 */
import type {Call, CallOptions} from '../session/call.js';
import {acceptOver, callOver, identityFor} from '../session/connect.js';
import {describeRelay, joinChannel, openChannel, type Paired, type RelayAddress} from '../relay/client.js';
import {offerOnceInCall, tryFirstOffer, type OnDirect} from './direct.js';
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
	/** Hears of each join the relay refused for a wrong code, with the count so far (the invite stays open). */
	onWrongCode(handler: (count: number) => void): void;
};

/** The peer's first bytes, if they came with "paired", go back where the handshake reads. */
export function socketOf(paired: Paired): Paired['socket'] {
	if (paired.rest.length > 0) paired.socket.unshift(paired.rest);
	return paired.socket;
}

/** What the call screen and the status line call the peer. */
function viaRelay(call: Call, relay: RelayAddress): Call {
	call.remoteAddress = `via relay ${describeRelay(relay)}`;
	return call;
}

/**
 * The options a call by code runs with: the code is the secret, and nothing but encrypted v2. The
 * identity is fixed here, so a direct call presents the very key the relayed call did.
 */
export function codeOptions(options: CallOptions, code: InviteCode): CallOptions {
	return {
		...options,
		identity: identityFor(options),
		secret: codeSecret(code),
		requireEncryption: true,
		protocol: 'v2',
		plaintext: false,
	};
}

/** The inviter offers a direct path once the relayed call is up. */
function offering(call: Call, onDirect: OnDirect | undefined): Call {
	if (onDirect) offerOnceInCall(call, onDirect);
	return call;
}

/** The joiner tries the first direct path offered. */
function trying(call: Call, onDirect: OnDirect | undefined): Call {
	if (onDirect) tryFirstOffer(call, onDirect);
	return call;
}

export async function invite(
	relay: RelayAddress,
	options: CallOptions = {},
	onDirect?: OnDirect,
): Promise<Invite> {
	const words = randomWords();
	const wrongCode = new Set<(count: number) => void>();
	const invitation = await openChannel(relay, codeTag(words), undefined, (count) => {
		for (const handler of wrongCode) handler(count);
	});
	const code = {channel: invitation.channel, words};
	const call = invitation.paired.then((paired) =>
		offering(viaRelay(acceptOver(socketOf(paired), codeOptions(options, code)), relay), onDirect),
	);
	return {
		code,
		text: formatCode(code),
		call,
		cancel: () => invitation.close(),
		onWrongCode: (handler) => wrongCode.add(handler),
	};
}

/** Joins by code; the Call reports progress and outcome by its events, like dial's. */
export async function join(
	relay: RelayAddress,
	text: string,
	options: CallOptions = {},
	onDirect?: OnDirect,
): Promise<Call> {
	const code = parseCode(text);
	const paired = await joinChannel(relay, code.channel, codeTag(code.words));
	return joinedInvite(paired, relay, code, options, onDirect);
}

/** The joiner's call over a channel the relay paired (room/join.ts's too, when a code is an invite's). */
export function joinedInvite(
	paired: Paired,
	relay: RelayAddress,
	code: InviteCode,
	options: CallOptions = {},
	onDirect?: OnDirect,
): Call {
	// No known_peers name (knownAs): the relay is not the peer, and an invite's peer has no lasting name.
	return trying(viaRelay(callOver(socketOf(paired), codeOptions(options, code)), relay), onDirect);
}
