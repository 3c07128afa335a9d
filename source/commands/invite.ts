/**
 * `facetty invite [--relay HOST:PORT]`: asks the relay for a channel, shows the one-time code to
 * give the other side, and holds the call once they join (the plain status line, as `listen` does
 * outside a terminal). The relay given is remembered in the config for next time.
 */
import {failureText, holdInvite, openInvite, relayOrSay, type RelayCallCommand} from '../calls/invite.js';
import {inviteRoom} from '../calls/room.js';

export async function runInvite(
	command: RelayCallCommand & {room?: boolean},
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	if (command.room) return inviteRoom(command, out);
	const relay = relayOrSay(command.relay, out);
	if (!relay) return 2;
	let opened;
	try {
		opened = await openInvite(command, relay);
	} catch (error) {
		out.write(`facetty invite: ${failureText(error)}\n`);
		return 1;
	}
	return holdInvite(command, opened, out);
}
