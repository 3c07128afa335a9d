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
		case 'listen': {
			warnNotYet(command.window, '--window');
			const {runListen} = await import('./commands/call.js');
			return runListen({
				host: command.host,
				port: command.port,
				camera: command.camera,
				protocol: command.protocol,
				quality: command.quality,
				stats: command.stats,
				seconds: command.seconds,
			});
		}
		case 'call': {
			warnNotYet(command.window, '--window');
			const {runCall} = await import('./commands/call.js');
			return runCall({
				target: command.target,
				camera: command.camera,
				protocol: command.protocol,
				quality: command.quality,
				stats: command.stats,
				seconds: command.seconds,
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
			const {runPlay} = await import('./commands/play.js');
			return runPlay({file: path.join(mediaDir, 'clip.mp4'), loop: true});
		}
		case 'setup':
			process.stderr.write(
				'facetty: the interactive setup screen is not yet available.\n' +
					'Use facetty listen, facetty call HOST:PORT, facetty preview or facetty play FILE (facetty --help).\n',
			);
			return 2;
	}
}

function warnNotYet(asked: boolean, flag: string): void {
	if (asked) process.stderr.write(`facetty: ${flag} is not yet available; going on without it.\n`);
}
