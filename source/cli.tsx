#!/usr/bin/env -S node --max-semi-space-size=32
// A larger young generation: at 30 frames a second both ways, the default one filled every few
// frames and promoted enough to the old one that its collections landed in the video's latency
// (p95 of a call rose from 11 to 23 ms after the first minute; with this 5-minute calls stay at
// 7-9 ms, though 10-minute ones still reach ~20 ms: see the soak, npm run soak).
// npm start and test/e2e/tmux.ts (the tmux tests and the soak) pass the same flag.
import meow from 'meow';
import {parseCommandLine, UsageError, type Flags} from './command-line.js';
import {meowFlags, optionsHelp} from './flags.js';
import {defaultPort} from './net/address.js';
import {quoteText} from './text/sanitize.js';

const cli = meow(
	`
	Video chat without voice, in your terminal.

	Usage
	  $ facetty                          set up a call interactively
	  $ facetty listen [--host H] [--port P]
	                                     wait for a call (default 0.0.0.0:${defaultPort})
	  $ facetty call HOST:PORT           call someone who listens
	  $ facetty preview                  your own camera in the terminal, to check framing and light
	  $ facetty play FILE                draw a video file in the terminal
	  $ facetty demo                     a call between two facetty peers in this terminal (npm start)
	  $ facetty invite [--relay HOST:PORT]
	                                     show a one-time code for a call through a relay
	  $ facetty join CODE [--relay HOST:PORT]
	                                     join a call by its code
	  $ facetty relay [--host H] [--port P]
	                                     run a relay that pairs invites (default every address, port 3223)

	Options
${optionsHelp('\t  ')}

	Security
	  Calls between facetty peers are encrypted (TLS 1.3). The call screen shows a check code, like
	  "check 959 809": read it to each other; if it matches on both screens, nobody is in the
	  middle. Each side keeps an identity key in ~/.config/facetty (or $XDG_CONFIG_HOME/facetty);
	  a caller remembers the key of every address it called and warns when it changes.

	Keys (call screen)
	  q or Ctrl+C          hang up and quit
	  Enter or Tab         type a chat line (Enter sends it, Esc goes back to the video)
	  p                    pause your camera (the other side sees a paused card)
	  v                    show or hide your own picture
	  h                    hang up (a listener keeps listening)
	  r or Enter           call again after a call ended
	  ?                    help (? or Esc closes it)

	Examples
	  $ facetty listen --camera 0
	  $ facetty call 192.168.1.20:${defaultPort} --camera /dev/video2
	  $ facetty call 127.0.0.1:${defaultPort} --camera media/clip.mp4 --stats call.jsonl
	  $ facetty listen --secret "blue kettle" --require-encryption
	  $ facetty call 192.168.1.20:${defaultPort} --secret "blue kettle"
	  $ facetty preview --camera test
	  $ facetty play media/clip.mp4 --size 160x48
	  $ facetty play media/clip.mp4 --no-pace --size 160x48 > /dev/null
`,
	{
		importMeta: import.meta,
		description: false,
		flags: meowFlags(),
	},
);

try {
	const flags = cli.flags as Flags;
	const command = parseCommandLine(cli.input, flags, process.argv.slice(2));
	const {runCommand} = await import('./run-command.js');
	if (flags.log !== undefined && flags.log.trim() === '') throw new UsageError('--log needs a FILE');
	process.exitCode = await runCommand(command, {log: flags.log});
} catch (error) {
	// Messages quote what was typed (an address, a flag's value): one sanitizer before the terminal.
	if (error instanceof UsageError) {
		process.stderr.write(`facetty: ${quoteText(error.message, 1000)}\n`);
		process.exitCode = 2;
	} else {
		// Whatever a command did not turn into its own message: one line, not a stack trace (set
		// FACETTY_DEBUG=1 for the stack).
		const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
		process.stderr.write(`facetty: ${quoteText(message ?? '', 1000)}\n`);
		if (process.env['FACETTY_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
		process.exitCode = 1;
	}
}
