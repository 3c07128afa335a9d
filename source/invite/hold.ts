/**
 * An invite from asking the relay to the other side joining: openInvite asks the relay for a
 * channel, holdInvite shows the code to give and waits for them (q, Esc or Ctrl+C give it up).
 * What holds the call that follows (the screen or the status line) is the caller's choice.
 */
import {describeRelay, type RelayAddress} from '../relay/client.js';
import {inviteLifetime} from '../relay/limits.js';
import type {Call, CallOptions} from '../session/call.js';
import {listenForQuit} from '../terminal/restore.js';
import {directMoves} from './moves.js';
import {invite, type Invite} from './session.js';

/** An invite the relay opened: its code, and who carries its move to a direct call. */
export type OpenInvite = {
	readonly relay: RelayAddress;
	readonly pending: Invite;
	readonly moves: ReturnType<typeof directMoves>;
};

/** Asks the relay for a channel; rejects with a sentence when it cannot. */
export async function openInvite(relay: RelayAddress, options: CallOptions): Promise<OpenInvite> {
	const moves = directMoves();
	const pending = await invite(relay, options, (direct) => moves.onDirect(direct));
	return {relay, pending, moves};
}

/** How the wait ended: the other side joined (the call's handshake under way), or it was given up. */
export type InviteOutcome = {readonly joined: Call} | {readonly cancelled: true};

/**
 * Shows the code to give and waits for the other side; rejects with the relay's sentence (expiry,
 * a lost connection). At a terminal q, Esc and Ctrl+C cancel (raw mode: typed keys are not
 * echoed as q^[); elsewhere Ctrl+C does.
 */
export async function holdInvite(
	{relay, pending}: OpenInvite,
	out: NodeJS.WritableStream = process.stderr,
	input: NodeJS.ReadStream = process.stdin,
): Promise<InviteOutcome> {
	const where = describeRelay(relay);
	// On a narrow terminal the code goes on a row of its own rather than break inside a word.
	const codeLine = `Your invite code: ${pending.text}`;
	const columns = (out as {columns?: number}).columns ?? Infinity;
	out.write(
		(codeLine.length <= columns ? `${codeLine}\n` : `Your invite code:\n  ${pending.text}\n`) +
			`The other side runs:  facetty join ${pending.text} --relay ${where}\n` +
			'(or chooses join on the setup screen of facetty and types the code)\n' +
			`It works once, for ${inviteLifetime}. Waiting for them...${input.isTTY ? ' (q or Esc cancels)' : ''}\n`,
	);
	pending.onWrongCode((count) =>
		out.write(
			`Someone tried a wrong code for this invite (${count} so far): the relay turned them away and ` +
				'the invite is still open. If it was not the other side, someone may be guessing.\n',
		),
	);
	let cancelled = false;
	const cancel = () => {
		cancelled = true;
		pending.cancel();
	};
	process.once('SIGINT', cancel);
	const stopKeys = listenForQuit(input, cancel);
	try {
		return {joined: await pending.call};
	} catch (error) {
		if (cancelled) return {cancelled: true};
		throw error;
	} finally {
		process.off('SIGINT', cancel);
		stopKeys();
	}
}
