#!/usr/bin/env -S node --max-semi-space-size=32
// A larger young generation: at 30 frames a second both ways, the default one filled every few
// frames and promoted enough to the old one that its collections landed in the video's latency
// (p95 of a call rose from 11 to 23 ms after the first minute; with this 5-minute calls stay at
// 7-9 ms, though 10-minute ones still reach ~20 ms: see the soak, npm run soak).
// npm start and test/e2e/tmux.ts (the tmux tests and the soak) pass the same flag.
import meow from 'meow';
import {parseCommandLine, UsageError} from './command-line.js';

const cli = meow(
	`
	Video chat without voice, in your terminal.

	Usage
	  $ facetty                          set up a call interactively
	  $ facetty listen [--host H] [--port P]
	                                     wait for a call (default 0.0.0.0:5000)
	  $ facetty call HOST:PORT           call someone who listens
	  $ facetty preview                  your own camera in the terminal, to check framing and light
	  $ facetty play FILE                draw a video file in the terminal
	  $ facetty demo                     a call between two facetty peers in this terminal (npm start)

	Options
	  --camera SPEC        0, 1 (camera index), /dev/video2, rtsp://... or http://... (stream),
	                       clip.mp4 (video file, looped), photo.png (still image), test (pattern)
	                       default: 0 (listen, call, preview)
	  --host H             listen: address to listen on (default 0.0.0.0, every address)
	  --port P             listen: port (default 5000)
	  --protocol P         auto (default): facetty's own when the peer speaks it, else the original
	                       script's format; seed: only the original format; v2: only facetty's own
	  --quality N          JPEG quality of the video sent, 1-100 (default 90)
	  --stats FILE         append one line of JSON call statistics per second to FILE
	  --secret WORDS       listen, call: a passphrase both sides must give; when they differ the call
	                       is refused on both sides, before any video (other users of this machine
	                       can see command lines: the setup screen's secret field does not show it)
	  --require-encryption listen, call: refuse calls that cannot be encrypted (the original script's
	                       format); every facetty-to-facetty call is encrypted anyway
	  --peer-key SHA256:…  listen, call: accept only the peer with this identity fingerprint, as
	                       ssh pins a host key (fingerprints are shown when a key changes, and kept
	                       in ~/.config/facetty/known_peers)
	  --window             also show the received video in an OpenCV window, at full size
	                       (Enter in the window, or closing it, closes it; the call goes on)
	  --name NAME          the name the other side sees
	  --color C            truecolor or 256 (default: detected, asking tmux or the terminal)
	  --glyphs G           half (default): 1x2 pixels a cell; quad: 2x2 pixels a cell, sharper edges
	  --size COLSxROWS     play, preview: draw in a box of this many cells (default: the terminal)
	  --no-pace            play: draw frames as fast as they decode (benchmarks)
	  --loop               play: start again at the end
	  --threshold N        levels a colour may drift before a cell is redrawn (default 6; 0 = exact)
	  --seconds N          listen, call: hang up after N seconds
	  --help, --version

	Security
	  Calls between facetty peers are encrypted (TLS 1.3). The call screen shows a check code, like
	  "check 959 809": read it to each other; if it matches on both screens, nobody is in the
	  middle. Each side keeps an identity key in ~/.config/facetty (or $XDG_CONFIG_HOME/facetty);
	  a caller remembers the key of every address it called and warns when it changes.

	Keys (call screen)
	  q or Ctrl+C          hang up and quit
	  Tab or Enter         type a chat message (Enter sends, Esc back to the video)
	  p                    pause your camera (the other side sees a paused card)
	  v                    show or hide your own picture
	  r                    call again after a call ended
	  ?                    help

	Examples
	  $ facetty listen --camera 0
	  $ facetty call 192.168.1.20:5000 --camera /dev/video2
	  $ facetty call 127.0.0.1:5000 --camera media/clip.mp4 --stats call.jsonl
	  $ facetty listen --secret "blue kettle" --require-encryption
	  $ facetty call 192.168.1.20:5000 --secret "blue kettle"
	  $ facetty preview --camera test
	  $ facetty play media/clip.mp4 --size 160x48
	  $ facetty play media/clip.mp4 --no-pace --size 160x48 > /dev/null
`,
	{
		importMeta: import.meta,
		description: false,
		flags: {
			camera: {type: 'string'},
			host: {type: 'string', default: '0.0.0.0'},
			port: {type: 'number', default: 5000},
			protocol: {type: 'string', default: 'auto', choices: ['auto', 'seed', 'v2']},
			quality: {type: 'number'},
			stats: {type: 'string'},
			window: {type: 'boolean', default: false},
			name: {type: 'string'},
			secret: {type: 'string'},
			requireEncryption: {type: 'boolean', default: false},
			peerKey: {type: 'string'},
			color: {type: 'string', choices: ['truecolor', '256']},
			glyphs: {type: 'string', choices: ['half', 'quad']},
			size: {type: 'string'},
			pace: {type: 'boolean', default: true},
			loop: {type: 'boolean', default: false},
			threshold: {type: 'number'},
			seconds: {type: 'number'},
		},
	},
);

try {
	const command = parseCommandLine(cli.input, cli.flags);
	const {runCommand} = await import('./run-command.js');
	process.exitCode = await runCommand(command);
} catch (error) {
	if (error instanceof UsageError) {
		process.stderr.write(`facetty: ${error.message}\nRun facetty --help for the commands and flags.\n`);
		process.exitCode = 2;
	} else {
		throw error;
	}
}
