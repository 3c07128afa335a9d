/**
 * The one entry for a call from the command line or the setup screen (listen, call, and the calls
 * invite and join make): the call screen when stdin and stdout are a terminal, else the plain
 * status line (plain.ts).
 */
import type {Call, CallOptions} from '../session/call.js';
import {colorNotice, terminalColorDepth} from '../terminal/color.js';
import {glyphNotice, terminalGlyphs} from '../terminal/glyph-support.js';
import {loadChoices} from '../config/config.js';
import {interactiveTerminal} from '../tty.js';
import type {CallPlan} from '../control/plan.js';
import {checkKeyFiles, runCall, runListen} from './plain.js';

/**
 * A call made elsewhere (invite and join, through a relay): `label` is what the screen calls the
 * peer until it is in the call; a call given to `moved` later replaces the one `connect` made.
 */
export type MadeCall = {
	readonly label: string;
	readonly connect: (options: CallOptions, moved: (next: Call) => void) => Promise<Call>;
};

/**
 * Runs a plan's call: listen and call dial themselves; `made` is the call invite and join make
 * (on the call screen; outside a terminal they hold it with plain.ts themselves).
 */
export async function runCallPlan(plan: CallPlan, made?: MadeCall): Promise<number> {
	if (plan.configDir) {
		const refused = checkKeyFiles(plan.configDir);
		if (refused) {
			process.stderr.write(`facetty: ${refused}\n`);
			return 1;
		}
	}
	if (!interactiveTerminal()) {
		if (plan.window)
			process.stderr.write('facetty: --window needs the call screen (a terminal); going on without it.\n');
		if (plan.role === 'listen') return runListen(plan);
		if (plan.role === 'call') return runCall(plan);
	}
	const {runCallApp} = await import('../ui/call-app.js');
	const openWindow = plan.window
		? async (notice: (text: string) => void) => {
				const {openPeerWindow} = await import('../window/window.js');
				return openPeerWindow({onNotice: notice});
			}
		: undefined;
	const color = await terminalColorDepth(plan.color);
	const glyphs = await terminalGlyphs(plan.glyphs, loadChoices().glyphs);
	return runCallApp({
		...plan,
		...(plan.role === 'listen'
			? {role: 'listen', host: plan.host, port: plan.port}
			: {
					role: 'call',
					target: made?.label ?? (plan.role === 'call' ? plan.target : ''),
					connect: made?.connect,
				}),
		colorDepth: color.depth,
		colorNotice: colorNotice(color),
		glyphNotice: glyphNotice(glyphs),
		glyphs: glyphs.glyphs,
		openWindow,
		input: process.stdin,
		output: process.stdout,
		errorOutput: process.stderr,
	});
}
