/**
 * `facetty listen` and `facetty call HOST[:PORT]`: the call screen in a terminal, else the plain
 * status line (calls/run.ts).
 */
import {callPlan, type Command} from '../command-line.js';
import {runCallPlan} from '../calls/run.js';

export function runListenOrCall(command: Extract<Command, {kind: 'listen' | 'call'}>): Promise<number> {
	return runCallPlan(callPlan(command));
}
