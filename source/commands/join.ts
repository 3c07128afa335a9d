/**
 * `facetty join CODE [--relay HOST:PORT]`: joins the call or the room a code stands for (the relay
 * says which), through the relay, and holds it (its screen in a terminal, else the plain status line).
 */
import {callPlan, type Command} from '../command-line.js';
import {joinEither} from '../calls/room.js';

export function runJoin(command: Extract<Command, {kind: 'join'}>): Promise<number> {
	return joinEither(callPlan(command));
}
