/**
 * `facetty invite [--relay HOST:PORT]`: asks the relay for a channel, shows the one-time code to
 * give the other side, and holds the call once they join (the plain status line, as `listen` does
 * outside a terminal). The relay given is remembered in the config for next time.
 */
import {callPlan, type Command} from '../command-line.js';
import {callByInvite, failureText, openInviteFor, relayOrSay} from '../calls/invite.js';
import {inviteRoom} from '../calls/room.js';

export async function runInvite(
	command: Extract<Command, {kind: 'invite'}>,
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	const plan = callPlan(command);
	if (plan.room) return inviteRoom(plan, out);
	const relay = relayOrSay(plan.relay, out);
	if (!relay) return 2;
	let opened;
	try {
		opened = await openInviteFor(plan, relay);
	} catch (error) {
		out.write(`facetty invite: ${failureText(error)}\n`);
		return 1;
	}
	return callByInvite(plan, opened, out);
}
