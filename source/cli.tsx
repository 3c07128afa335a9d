#!/usr/bin/env -S MALLOC_ARENA_MAX=2 NODE_ENV=production node --max-semi-space-size=4 --heap-growing-percent=20
// Two malloc arenas, not glibc's eight a core: each thread (libuv's pool, V8's helpers, the codec's
// reader) that allocates gets an arena of its own that keeps what it freed; with two, a call on
// loopback kept 12-15 MB less resident (134-139 MB anonymous against 149-152, same CPU; three runs
// each). (The codec binding fixes glibc's mmap threshold when it loads: native/codec/codec.c.)
// The first line stays within 127 bytes: Linux before 5.1 cuts a longer one (test/cli-launcher).
// A 4 MB semi-space (an 8 MB young generation): a 30 s call on loopback (npm run bench -- app)
// held 131-145 MB a side against 140-157 with 8 MB and 209-217 with 32 MB, at the same frame rate,
// latency and CPU (alternating runs, load 0.6-1.5). A 4 MB one halved the frame rate while Ink drew
// the whole 160x48 screen (8 MB of garbage) on each stats report; it now draws only when the
// chrome changes (the status line is a layer of its own). The old generation grows by a fifth
// past what a collection leaves, not V8's default factor (up to 4x at a small heap): the old
// generation's used size at the bench's reading was 17-25 MB instead of 22-50, 145-148 MB a side
// instead of 148-174 (30 s calls, load 8-12), at the same frame rate and CPU.
// (--optimize-for-size held 124-132 MB but cost 3-5 frames a second and 20 ms of latency p95.)
// npm start and test/e2e/tmux.ts (the tmux tests and the soak) pass the same flags.
// React's production build (Ink's reconciler picks it by NODE_ENV, which a developer's shell may
// set to development): the development one checks and records every render for devtools.
import meow from 'meow';
import {parseCommandLine, UsageError, type Flags} from './command-line.js';
import {meowFlags, optionsHelp} from './flags.js';
import {commandHelp, description, helpRequest, sections, usageHelp} from './help.js';
import {quoteText} from './text/sanitize.js';
import {errorMessage} from './text/error-message.js';

// Help first, before meow checks a value and before anything opens: `listen --help` prints the
// listen command's help and exits, it never listens.
const asked = helpRequest(process.argv.slice(2));
if (asked?.command) process.stdout.write(commandHelp(asked.command));
else await main();

async function main(): Promise<void> {
	const cli = parseWithMeow();
	if (!cli) return;
	// meow answers --help itself only when it is the whole command line.
	if (asked) cli.showHelp(0);
	if ((cli.flags as {version?: unknown}).version === true) cli.showVersion();

	try {
		const flags = cli.flags as Flags;
		const command = parseCommandLine(cli.input, flags, process.argv.slice(2));
		const {runCommand} = await import('./run-command.js');
		if (flags.log !== undefined && flags.log.trim() === '') throw new UsageError('--log needs a FILE');
		process.exitCode = await runCommand(command, {log: flags.log});
	} catch (error) {
		if (error instanceof UsageError) {
			// Messages quote what was typed (an address, a flag's value): one sanitizer before the terminal.
			process.stderr.write(`facetty: ${quoteText(error.message, 1000)}\n`);
			process.exitCode = 2;
		} else {
			// Whatever a command did not turn into its own message: one line, not a stack trace (set
			// FACETTY_DEBUG=1 for the stack).
			const message = errorMessage(error).split('\n')[0];
			process.stderr.write(`facetty: ${quoteText(message ?? '', 1000)}\n`);
			if (process.env['FACETTY_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
			process.exitCode = 1;
		}
	}
}

/** meow's parse; a flag given twice makes meow throw ("can only be set once"): a usage sentence, exit 2. */
function parseWithMeow() {
	try {
		return meow(
			`
	${description}

	Usage
${usageHelp('\t  ')}

	Options
${optionsHelp('\t  ')}
${sections.map(({title, lines}) => `\n\t${title}\n${lines.map((line) => `\t  ${line}`).join('\n')}`).join('\n')}
`,
			{
				importMeta: import.meta,
				description: false,
				flags: meowFlags(),
			},
		);
	} catch (error) {
		const message = errorMessage(error).replace(/^The flag/, 'the flag');
		process.stderr.write(`facetty: ${quoteText(message.replace(/\.$/, ''), 1000)}\n`);
		process.exitCode = 2;
		return undefined;
	}
}
