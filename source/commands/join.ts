/**
 * `facetty join CODE [--relay HOST:PORT]`: joins the call an invite code stands for, through the
 * relay, and holds it with the plain status line.
 */
import {join} from '../invite/session.js';
import {hold, sessionOptions} from './call.js';
import {describeRelay} from '../relay/client.js';
import {parseCode} from '../invite/code.js';
import {
	callOptionsOf,
	directMoves,
	failureText,
	interactive,
	relayOrSay,
	showCall,
	type RelayCallCommand,
} from './invite.js';

export async function runJoin(
	command: RelayCallCommand & {code: string},
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	const relay = relayOrSay(command.relay, out);
	if (!relay) return 2;
	try {
		parseCode(command.code);
	} catch (error) {
		out.write(`facetty join: ${failureText(error)}\n`);
		return 2;
	}
	if (interactive()) {
		return showCall(command, `via relay ${describeRelay(relay)}`, (options, moved) =>
			join(relay, command.code, options, moved),
		);
	}
	const options = callOptionsOf(command);
	const moves = directMoves();
	let call;
	try {
		call = await join(relay, command.code, sessionOptions(options), (direct) => moves.onDirect(direct));
	} catch (error) {
		out.write(`facetty join: ${failureText(error)}\n`);
		return 1;
	}
	const joined = call;
	const hangUp = () => moves.hangUp(joined);
	process.once('SIGINT', hangUp);
	try {
		return await hold(joined, options, 'join', undefined, (moved) => moves.follow(moved));
	} finally {
		process.off('SIGINT', hangUp);
	}
}
