/**
 * End to end, as a person sees it: a listener and a caller, each a facetty process in its own
 * tmux session on loopback with media cameras, read back with `capture-pane -e`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {screenLayout} from '../../source/ui/layout.js';
import {paletteRgb} from '../../source/render/palette.js';
import {
	distance,
	facettyCommand,
	freePort,
	halfBlockStats,
	parseCapture,
	type Rgb,
	type SgrColours,
	sgrCells,
	Tmux,
	tmuxMissing,
} from './tmux.js';

const skip = tmuxMissing();
const size = {cols: 120, rows: 36};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Each side's identity key and known_peers go to a directory of the test's, never the user's.
const configRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-e2e-config-'));
after(() => fs.rmSync(configRoot, {recursive: true, force: true}));
let configs = 0;
/** facetty with its own fresh config directory (XDG_CONFIG_HOME), through env so `exec` works. */
function facetty(): string {
	const dir = path.join(configRoot, String(++configs));
	fs.mkdirSync(dir);
	return `env XDG_CONFIG_HOME=${dir} ${facettyCommand()}`;
}

const inCall = (t: string) => /· v2 \S+ · in [1-9]\d* fps/.test(t);

async function startCall(
	tmux: Tmux,
	port: number,
	callerCommand: (cmd: string) => string,
	flags = {listener: '', caller: ''},
) {
	tmux.start(
		'listener',
		`${facetty()} listen --host 127.0.0.1 --port ${port} --camera media/clip.mp4 ${flags.listener}; echo LISTENER-EXIT $?; sleep 60`,
		size.cols,
		size.rows,
	);
	await tmux.waitFor(
		'listener',
		(t) => t.includes(`Waiting for a call on port ${port}`),
		20_000,
		'the listener',
	);
	tmux.start(
		'caller',
		callerCommand(`${facetty()} call 127.0.0.1:${port} --camera test ${flags.caller}`),
		size.cols,
		size.rows,
	);
	await tmux.waitFor('listener', inCall, 30_000, 'the listener to be in the call');
	await tmux.waitFor('caller', inCall, 30_000, 'the caller to be in the call');
}

test(
	'listener and caller in tmux see each other, chat, and the caller quits cleanly',
	{skip, timeout: 120_000},
	async () => {
		const tmux = new Tmux();
		try {
			const port = await freePort();
			await startCall(tmux, port, (cmd) => `${cmd}; echo CALLER-EXIT $?; sleep 60`);

			// Each side's big picture is the other side's camera: its mean colour matches the other
			// side's own picture-in-picture (the whole frame, small), and the two cameras differ.
			const layout = screenLayout(size.cols, size.rows, {panel: true, pip: true});
			const pip = layout.pip!;
			// Both screens at one moment: the test pattern and the clip both change colour within a
			// second, so a side's own picture and what the other side shows of it are compared from
			// captures taken together. The big picture is measured outside the self view.
			const now = () => {
				const cells = {
					listener: parseCapture(tmux.capture('listener', true)),
					caller: parseCapture(tmux.capture('caller', true)),
				};
				const pipOf = (side: 'listener' | 'caller') => halfBlockStats(cells[side], pip);
				const outside = (side: 'listener' | 'caller') => {
					const whole = halfBlockStats(cells[side], layout.video);
					const own = pipOf(side);
					const count = Math.max(1, whole.count - own.count);
					return whole.mean.map((value, k) => (value * whole.count - own.mean[k]! * own.count) / count) as [
						number,
						number,
						number,
					];
				};
				return {
					pips: {listener: pipOf('listener'), caller: pipOf('caller')},
					shown: {listener: outside('listener'), caller: outside('caller')},
				};
			};
			// "in N fps" can come before a busy side has drawn its own camera's first frame.
			let seenTogether = now();
			for (
				let tries = 0;
				tries < 50 &&
				!(['listener', 'caller'] as const).every(
					(side) => seenTogether.pips[side].count > seenTogether.pips[side].total * 0.8,
				);
				tries++
			) {
				await sleep(100);
				seenTogether = now();
			}
			const {pips, shown} = seenTogether;
			tmux.keys('listener', 'v');
			tmux.keys('caller', 'v');
			await sleep(1500);
			const main = {
				listener: halfBlockStats(parseCapture(tmux.capture('listener', true)), layout.video),
				caller: halfBlockStats(parseCapture(tmux.capture('caller', true)), layout.video),
			};
			for (const side of ['listener', 'caller'] as const) {
				assert.ok(pips[side].count > pips[side].total * 0.8, `${side} pip: ${JSON.stringify(pips[side])}`);
				// 4:3 video in an 84x34 box fills at least 80% of it.
				assert.ok(
					main[side].count > main[side].total * 0.75,
					`${side} video: ${main[side].count}/${main[side].total}`,
				);
			}
			const apart = distance(pips.listener.mean, pips.caller.mean);
			assert.ok(apart > 25, `the two cameras should look different: ${apart}`);
			const seen = JSON.stringify({shown, pips});
			assert.ok(
				distance(shown.caller, pips.listener.mean) < distance(shown.caller, pips.caller.mean),
				`the caller shows the listener's clip, not its own pattern: ${seen}`,
			);
			assert.ok(
				distance(shown.listener, pips.caller.mean) < distance(shown.listener, pips.listener.mean),
				`the listener shows the caller's test pattern, not its own clip: ${seen}`,
			);

			// Status line: peer, encryption and check code, protocol, codec, rates, rtt, how far the
			// terminal (tmux, answering DA1) is behind, dropped.
			const status = tmux.capture('caller').split('\n')[0]!;
			assert.match(
				status,
				/127\.0\.0\.1:\d+ · encrypted · check \d{3} \d{3} · v2 (?:h264|vp9) · in \d+ fps .*· out \d+ fps/,
			);
			// At 120 columns the kbit/s each way and the round trip stay; the terminal's lag and the
			// dropped count are the first numbers a narrower line leaves out (ui/text.ts).
			assert.match(status, /in \d+ fps \d+ kbit\/s · out \d+ fps \d+ kbit\/s · rtt \d+ ms/);
			// Wide enough, the whole line: how far the terminal is behind, and the frames dropped.
			tmux.resize('caller', 220, 36);
			const wide = await tmux.waitFor(
				'caller',
				(t) => /^● +in call with /.test(t),
				10_000,
				'the whole status line at 220 columns',
			);
			assert.match(wide.split('\n')[0]!, /rtt \d+ ms · screen \d+ ms · dropped \d+/);
			tmux.resize('caller', size.cols, size.rows);
			await tmux.waitFor(
				'caller',
				(t) => !/^● +in call with /.test(t) && /Check code \d{3} \d{3}: read it to/.test(t),
				10_000,
				`the caller's screen at ${size.cols} columns again`,
			);
			// Both screens show the same check code, and say what it is for.
			const codes = (['listener', 'caller'] as const).map((side) => {
				const screen = tmux.capture(side);
				assert.match(screen, /Check code \d{3} \d{3}: read it to/, side);
				return /· check (\d{3} \d{3})/.exec(screen.split('\n')[0]!)?.[1];
			});
			assert.ok(codes[0], 'the listener shows a check code');
			assert.equal(codes[0], codes[1]);

			// Chat one way, then the other.
			// Each key only once the screen shows the last one taken: keys read in one burst are text
			// (Tab and a message, Esc and q: Alt-q).
			const typing = (t: string) => t.includes('Enter send · Esc back to video');
			// Watching the video: the hint line offers chat again (Enter sent the line and left typing).
			const watching = (t: string) => t.includes('Enter chat');
			tmux.keys('caller', 'Tab');
			await tmux.waitFor('caller', typing, 10_000, 'the chat input');
			tmux.text('caller', 'hello from the caller');
			tmux.keys('caller', 'Enter');
			await tmux.waitFor(
				'listener',
				(t) => t.includes('peer: hello from the caller'),
				10_000,
				'the chat message',
			);
			tmux.keys('listener', 'Tab');
			await tmux.waitFor('listener', typing, 10_000, 'the chat input');
			tmux.text('listener', 'and back');
			tmux.keys('listener', 'Enter');
			await tmux.waitFor('caller', (t) => t.includes('peer: and back'), 10_000, 'the reply');

			// Quit: Enter left the chat input, so q hangs up; the terminal is the shell's again.
			await tmux.waitFor('caller', watching, 10_000, 'the video again');
			tmux.keys('caller', 'q');
			await tmux.waitFor('caller', (t) => t.includes('CALLER-EXIT 0'), 10_000, 'the caller to exit');
			assert.equal(tmux.display('caller', '#{alternate_on}'), '0');
			assert.equal(tmux.display('caller', '#{cursor_flag}'), '1');
			assert.doesNotMatch(tmux.capture('caller'), /[▀▄]/);
			// The listener is back to listening, and says why.
			await tmux.waitFor(
				'listener',
				(t) => t.includes('Waiting for a call') && t.includes('The last call ended'),
				10_000,
				'the listener to listen again',
			);
			tmux.keys('listener', 'q');
			await tmux.waitFor('listener', (t) => t.includes('LISTENER-EXIT 0'), 10_000, 'the listener to exit');
		} finally {
			tmux.kill();
		}
	},
);

test(
	'a caller killed mid-call: the listener says the peer left and listens again',
	{skip, timeout: 120_000},
	async () => {
		const tmux = new Tmux();
		try {
			const port = await freePort();
			await startCall(tmux, port, (cmd) => `exec ${cmd}`);
			const pid = Number(tmux.display('caller', '#{pane_pid}'));
			assert.ok(pid > 0);
			process.kill(pid, 'SIGKILL');
			const text = await tmux.waitFor(
				'listener',
				(t) => t.includes('Waiting for a call') && t.includes('The last call ended'),
				20_000,
				'the listener to notice',
			);
			assert.match(text, /listening on port \d+/);
			// And it takes the next call.
			tmux.run('kill-session', '-t', 'caller');
			tmux.start('caller2', `${facetty()} call 127.0.0.1:${port} --camera test`, size.cols, size.rows);
			await tmux.waitFor('listener', (t) => /· v2 \S+ · in [1-9]\d* fps/.test(t), 30_000, 'the second call');
		} finally {
			tmux.kill();
		}
	},
);

test(
	'a wrong --secret: the call is refused on both screens, with the reason, and no video',
	{skip, timeout: 120_000},
	async () => {
		const tmux = new Tmux();
		try {
			const port = await freePort();
			tmux.start(
				'listener',
				`${facetty()} listen --host 127.0.0.1 --port ${port} --camera media/clip.mp4 --secret 'blue kettle'; sleep 60`,
				size.cols,
				size.rows,
			);
			await tmux.waitFor(
				'listener',
				(t) => t.includes(`Waiting for a call on port ${port}`),
				20_000,
				'the listener',
			);
			tmux.start(
				'caller',
				`${facetty()} call 127.0.0.1:${port} --camera test --secret 'red kettle'; sleep 60`,
				size.cols,
				size.rows,
			);
			const caller = await tmux.waitFor(
				'caller',
				(t) => t.includes('The call did not start: call refused: the secret does not match'),
				30_000,
				'the caller to be refused',
			);
			assert.match(caller.split('\n')[0]!, /call ended: call refused/);
			assert.match(caller, /Press r or Enter to call again/);
			const listener = await tmux.waitFor(
				'listener',
				(t) => /Refused a call from 127\.0\.0\.1:\d+: the secret does not match/.test(t),
				20_000,
				'the listener to say it refused',
			);
			assert.match(listener, /Waiting for a call on port/);
			// Nothing was shown: outside the own picture-in-picture, no half-block picture on either
			// side (in a call the peer's picture fills over 75% of that area: the first test).
			const layout = screenLayout(size.cols, size.rows, {panel: true, pip: true});
			for (const side of ['caller', 'listener'] as const) {
				const cells = parseCapture(tmux.capture(side, true));
				const video = halfBlockStats(cells, layout.video);
				const pip = halfBlockStats(cells, layout.pip!);
				const peerCells = video.count - pip.count;
				assert.ok(
					peerCells < (video.total - pip.total) * 0.05,
					`${side}: ${peerCells} picture cells outside its own picture-in-picture`,
				);
			}
		} finally {
			tmux.kill();
		}
	},
);

/** Colours of a `capture-pane -e` screen inside `rect`: how many SGR were truecolor or 256-colour, and the mean. */
function colourKinds(capture: string, rect: {col: number; row: number; cols: number; rows: number}) {
	const colours: SgrColours = {truecolor: 0, indexed: 0};
	const palette = (index: number): Rgb => {
		if (index < 16) return [0, 0, 0];
		const rgb = paletteRgb(index);
		return [rgb >> 16, (rgb >> 8) & 255, rgb & 255];
	};
	const cells = capture.split('\n').map((line) => [...sgrCells(line, colours, palette)]);
	return {...colours, picture: halfBlockStats(cells, rect)};
}

test(
	"the call screen with no COLORTERM: the listener detects truecolor from tmux, a caller with --color 256 shows the listener's clip in the palette",
	{skip, timeout: 120_000},
	async () => {
		const tmux = new Tmux();
		try {
			const port = await freePort();
			// As over ssh: no COLORTERM or TERM_PROGRAM reaches either side; only tmux's answer tells.
			const bare = 'env -u COLORTERM -u TERM_PROGRAM TERM=xterm-256color';
			tmux.start(
				'listener',
				`${bare} ${facetty()} listen --host 127.0.0.1 --port ${port} --camera media/clip.mp4; sleep 60`,
				size.cols,
				size.rows,
			);
			await tmux.waitFor(
				'listener',
				(t) => t.includes(`Waiting for a call on port ${port}`),
				20_000,
				'the listener',
			);
			tmux.start(
				'caller',
				`${bare} ${facetty()} call 127.0.0.1:${port} --camera test --color 256; sleep 60`,
				size.cols,
				size.rows,
			);
			await tmux.waitFor('listener', inCall, 30_000, 'the listener to be in the call');
			await tmux.waitFor('caller', inCall, 30_000, 'the caller to be in the call');
			await sleep(1500);
			const layout = screenLayout(size.cols, size.rows, {panel: true, pip: true});
			const pips = {
				listener: colourKinds(tmux.capture('listener', true), layout.pip!),
				caller: colourKinds(tmux.capture('caller', true), layout.pip!),
			};
			tmux.keys('listener', 'v');
			tmux.keys('caller', 'v');
			await sleep(1500);
			const main = {
				listener: colourKinds(tmux.capture('listener', true), layout.video),
				caller: colourKinds(tmux.capture('caller', true), layout.video),
			};
			const seen = JSON.stringify({main, pips});
			assert.ok(main.listener.truecolor > 500 && main.listener.indexed === 0, `listener: ${seen}`);
			assert.ok(main.caller.indexed > 500 && main.caller.truecolor === 0, `caller: ${seen}`);
			for (const side of [main.listener, main.caller])
				assert.ok(side.picture.count > side.picture.total * 0.75, seen);
			// In the palette the caller still shows the listener's clip, not its own test pattern.
			assert.ok(
				distance(main.caller.picture.mean, pips.listener.picture.mean) <
					distance(main.caller.picture.mean, pips.caller.picture.mean),
				seen,
			);
		} finally {
			tmux.kill();
		}
	},
);
