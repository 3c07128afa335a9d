/**
 * `facetty listen` and `facetty call HOST[:PORT]`: the call screen in a terminal, else the plain
 * status line (calls/run.ts).
 */
import type {Command} from '../command-line.js';
import {runCallCommand} from '../calls/run.js';

export function runListenOrCall(command: Extract<Command, {kind: 'listen' | 'call'}>): Promise<number> {
	return runCallCommand({
		...command,
		role: command.kind,
		host: command.kind === 'listen' ? command.host : undefined,
		port: command.kind === 'listen' ? command.port : undefined,
		target: command.kind === 'call' ? command.target : undefined,
	});
}
