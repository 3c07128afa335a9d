/**
 * Starts what the command line asked for. Each command's module is imported only when chosen, so
 * `facetty --help` and the setup screen do not wait for OpenCV to load.
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Command} from './command-line.js';

export const mediaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'media');

export async function runCommand(command: Command): Promise<number> {
	switch (command.kind) {
		case 'listen':
		case 'call': {
			const {runCallCommand} = await import('./commands/call.js');
			return runCallCommand({
				...command,
				role: command.kind,
				host: command.kind === 'listen' ? command.host : undefined,
				port: command.kind === 'listen' ? command.port : undefined,
				target: command.kind === 'call' ? command.target : undefined,
			});
		}
		case 'preview': {
			const {runPreview} = await import('./commands/preview.js');
			return runPreview(command);
		}
		case 'play': {
			const {runPlay} = await import('./commands/play.js');
			return runPlay(command);
		}
		case 'demo': {
			const {runDemo} = await import('./commands/demo.js');
			return runDemo({mediaDir});
		}
		case 'relay': {
			const {runRelay} = await import('./commands/relay.js');
			return runRelay(command);
		}
		case 'invite': {
			const {runInvite} = await import('./commands/invite.js');
			return runInvite(command);
		}
		case 'join': {
			const {runJoin} = await import('./commands/join.js');
			return runJoin(command);
		}
		case 'setup': {
			const {runSetup} = await import('./commands/setup.js');
			return runSetup({mediaDir});
		}
	}
}
