/**
 * Starts what the command line asked for. Each command's module is imported only when chosen, so
 * `facetty --help` and the setup screen do not wait for OpenCV to load.
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Command} from './command-line.js';
import {quoteText} from './text/sanitize.js';
import {divertNativeOutput, LogFileError, type NativeOutputDiversion} from './native-output.js';

export const mediaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'media');

export type RunOptions = {
	/** --log FILE: native libraries' own messages go there when stderr is a terminal (else nowhere). */
	readonly log?: string;
};

/**
 * Whether native libraries may speak on this command's terminal: every command that opens a
 * camera or a video. Full screen their lines land in the picture; in plain mode (`play x | wc`)
 * they came before facetty's own sentence, which says the same in plain words.
 */
function usesOpenCv(command: Command): boolean {
	return command.kind !== 'relay' && command.kind !== 'completion';
}

export async function runCommand(command: Command, options: RunOptions = {}): Promise<number> {
	let diversion: NativeOutputDiversion | undefined;
	try {
		if (usesOpenCv(command)) diversion = divertNativeOutput(options.log);
	} catch (error) {
		if (!(error instanceof LogFileError)) throw error;
		process.stderr.write(`facetty: ${quoteText(error.message, 1000)}\n`);
		return 2;
	}
	try {
		return await run(command);
	} finally {
		diversion?.restore();
	}
}

async function run(command: Command): Promise<number> {
	switch (command.kind) {
		case 'listen':
		case 'call': {
			const {runListenOrCall} = await import('./commands/call.js');
			return runListenOrCall(command);
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
			return runDemo({mediaDir, glyphs: command.glyphs});
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
		case 'completion': {
			const {completionScript} = await import('./completion.js');
			process.stdout.write(completionScript(command.shell));
			return 0;
		}
		case 'setup': {
			const {runSetup} = await import('./commands/setup.js');
			return runSetup({mediaDir});
		}
	}
}
