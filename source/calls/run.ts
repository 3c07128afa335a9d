/**
 * The one entry for a call from the command line or the setup screen (listen, call, and the calls
 * invite and join make): the call screen when stdin and stdout are a terminal, else the plain
 * status line (plain.ts).
 */
import type {Call, CallOptions} from '../session/call.js';
import {colorNotice, terminalColorDepth} from '../terminal/color.js';
import {glyphNotice, terminalGlyphs} from '../terminal/glyph-support.js';
import {defaultConfigDir, loadChoices} from '../config/config.js';
import {interactiveTerminal} from '../tty.js';
import type {CallSettings, Display} from '../command-line.js';
import {checkKeyFiles, runCall, runListen} from './plain.js';

/** What listen and call were asked on the command line (or the setup screen). */
export type CallScreenCommand = {
	role: 'listen' | 'call';
	host?: string;
	port?: number;
	target?: string;
	/** call: makes the call instead of dialling target (invite, join). */
	connect?: (options: CallOptions, moved: (next: Call) => void) => Promise<Call>;
} & Omit<CallSettings, 'requireEncryption'> & {requireEncryption?: boolean} & Omit<Display, 'size'>;

export async function runCallCommand(command: CallScreenCommand): Promise<number> {
	const interactive = interactiveTerminal();
	const trust = {
		secret: command.secret,
		requireEncryption: command.requireEncryption,
		peerKey: command.peerKey,
		// The user's own identity key and known_peers, always, from the command line.
		configDir: defaultConfigDir(),
	};
	const refused = checkKeyFiles(trust.configDir);
	if (refused) {
		process.stderr.write(`facetty: ${refused}\n`);
		return 1;
	}
	if (!interactive) {
		if (command.window)
			process.stderr.write('facetty: --window needs the call screen (a terminal); going on without it.\n');
		const shared = {
			camera: command.camera,
			protocol: command.protocol,
			quality: command.quality,
			stats: command.stats,
			seconds: command.seconds,
			name: command.name,
			...trust,
		};
		return command.role === 'listen'
			? runListen({...shared, host: command.host, port: command.port})
			: runCall({...shared, target: command.target ?? ''});
	}
	const {runCallApp} = await import('../ui/call-app.js');
	const openWindow = command.window
		? async (notice: (text: string) => void) => {
				const {openPeerWindow} = await import('../window/window.js');
				return openPeerWindow({onNotice: notice});
			}
		: undefined;
	const color = await terminalColorDepth(command.color);
	const glyphs = await terminalGlyphs(command.glyphs, loadChoices().glyphs);
	return runCallApp({
		role: command.role,
		host: command.host,
		port: command.port,
		target: command.target,
		connect: command.connect,
		camera: command.camera,
		name: command.name,
		...trust,
		protocol: command.protocol,
		quality: command.quality,
		stats: command.stats,
		seconds: command.seconds,
		colorDepth: color.depth,
		colorNotice: colorNotice(color),
		glyphNotice: glyphNotice(glyphs),
		glyphs: glyphs.glyphs,
		threshold: command.threshold,
		openWindow,
		input: process.stdin,
		output: process.stdout,
		errorOutput: process.stderr,
	});
}
