/**
 * `facetty join CODE [--relay HOST:PORT]`: joins the call an invite code stands for, through the
 * relay, and holds it (the call screen in a terminal, else the plain status line).
 */
import {callPlan, type Command} from '../command-line.js';
import {joinByCode} from '../calls/invite.js';

export function runJoin(command: Extract<Command, {kind: 'join'}>): Promise<number> {
	return joinByCode(callPlan(command));
}
