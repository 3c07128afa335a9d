/**
 * End to end: `facetty` with no command in tmux, its camera thumbnail read back with
 * `capture-pane -e`: moving the camera choice shows that camera's picture beside the form, a
 * missing file says so (and is neither started with nor remembered), and Esc quits with the terminal restored.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {setupLayout} from '../../source/ui/setup-layout.js';
import {facettyCommand, halfBlockStats, parseCapture, Tmux, tmuxMissing} from './tmux.js';

const skip = tmuxMissing();
const size = {cols: 120, rows: 36};
const configRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-e2e-setup-'));
after(() => fs.rmSync(configRoot, {recursive: true, force: true}));

test(
	'setup screen in tmux: a live thumbnail of the chosen camera, a missing file explained, Esc quits',
	{skip, timeout: 90_000},
	async () => {
		const tmux = new Tmux();
		const rect = setupLayout(size.cols, size.rows).thumbnail!;
		const pictureCells = () => halfBlockStats(parseCapture(tmux.capture('setup', true)), rect);
		try {
			tmux.start(
				'setup',
				`env XDG_CONFIG_HOME=${configRoot} ${facettyCommand()}; echo SETUP-EXIT $?; sleep 60`,
				size.cols,
				size.rows,
			);
			await tmux.waitFor(
				'setup',
				(t) => t.includes('› Mode') && t.includes('Preview'),
				20_000,
				'the setup screen',
			);
			// To the camera field; away from the test pattern and back to it.
			tmux.keys('setup', 'Down');
			tmux.keys('setup', 'Down');
			await tmux.waitFor('setup', (t) => t.includes('› Camera'), 10_000, 'the camera field');
			tmux.keys('setup', 'Right');
			await tmux.waitFor(
				'setup',
				(t) => t.includes('Preview: ') && t.includes('clip.'),
				10_000,
				'the clip chosen',
			);
			tmux.keys('setup', 'Left');
			await tmux.waitFor('setup', (t) => /Preview: test\b/.test(t), 10_000, 'the test pattern chosen');
			// One capture for all that follows: the one that showed the picture (a later one may catch
			// the thumbnail between two pictures).
			let cells = parseCapture(tmux.capture('setup', true));
			await tmux.waitFor(
				'setup',
				() => {
					cells = parseCapture(tmux.capture('setup', true));
					return halfBlockStats(cells, rect).count > rect.cols * rect.rows * 0.6;
				},
				20_000,
				'the test pattern in the thumbnail',
			);
			const stats = halfBlockStats(cells, rect);
			assert.ok(stats.count > stats.total * 0.6, `${stats.count} of ${stats.total} cells are half-blocks`);
			// Nothing of the picture outside its rectangle: the form's rows to its left hold no colour cells.
			const left = halfBlockStats(cells, {col: 0, row: rect.row, cols: rect.col - 2, rows: rect.rows});
			assert.equal(left.count, 0);

			// A file that is not there: typed, then the field left; the thumbnail says so instead.
			tmux.text('setup', '\x7f'.repeat(10) + '/nonexistent/nothing.mp4');
			await tmux.waitFor('setup', (t) => t.includes('nothing.mp4▌'), 10_000, 'the file typed');
			tmux.keys('setup', 'Tab');
			const text = await tmux.waitFor(
				'setup',
				(t) => /nothing\.mp4 does/.test(t) && /not exist\./.test(t),
				20_000,
				'the missing file explained',
			);
			assert.match(text, /› Your name/);
			assert.equal(pictureCells().count, 0, 'the picture is gone');

			// Enter neither starts with it (a listener would wait on the file for ever) nor remembers
			// it: back at the camera field, with the sentence.
			tmux.keys('setup', 'Enter');
			await tmux.waitFor(
				'setup',
				(t) => t.includes('› Camera') && /nothing\.mp4 does not exist/.test(t.replace(/\s+/g, ' ')),
				20_000,
				'the start refused at the camera field',
			);
			const config = path.join(configRoot, 'facetty', 'config.json');
			assert.ok(!fs.existsSync(config) || !fs.readFileSync(config, 'utf8').includes('nothing.mp4'));

			tmux.keys('setup', 'Escape');
			await tmux.waitFor('setup', (t) => t.includes('SETUP-EXIT 0'), 20_000, 'a clean exit');
			assert.equal(tmux.display('setup', '#{alternate_on}'), '0');
			assert.equal(tmux.display('setup', '#{cursor_flag}'), '1');
		} finally {
			tmux.kill();
		}
	},
);

test(
	'setup screens in tmux: one invites through a local relay (40 columns), the other joins with the code read off its pane; both calls show the same check code',
	{skip, timeout: 240_000},
	async () => {
		const tmux = new Tmux();
		const inviterConfig = fs.mkdtempSync(path.join(configRoot, 'inviter-'));
		const joinerConfig = fs.mkdtempSync(path.join(configRoot, 'joiner-'));
		try {
			tmux.start('relay', `${facettyCommand()} relay --host 127.0.0.1 --port 0`, 100, 10);
			const listening = await tmux.waitFor(
				'relay',
				(t) => /listening on 127\.0\.0\.1:\d+/.test(t),
				30_000,
				'the relay',
			);
			const relay = `127.0.0.1:${/listening on 127\.0\.0\.1:(\d+)/.exec(listening)![1]}`;
			// The inviter's config remembers the relay (as facetty invite --relay leaves it) and the test pattern.
			fs.mkdirSync(path.join(inviterConfig, 'facetty'));
			fs.writeFileSync(
				path.join(inviterConfig, 'facetty', 'config.json'),
				JSON.stringify({relay, camera: 'test'}),
			);
			const setup = (name: string, config: string, cols: number) =>
				tmux.start(
					name,
					`env XDG_CONFIG_HOME=${config} ${facettyCommand()}; echo SETUP-EXIT $?; sleep 120`,
					cols,
					30,
				);
			const ready = (t: string) => t.includes('› Mode') && t.includes('Preview');

			// Inviting, on a narrow terminal: every mode beside its label, the relay offered.
			setup('inviter', inviterConfig, 40);
			await tmux.waitFor('inviter', ready, 30_000, 'the inviter’s setup screen');
			tmux.keys('inviter', 'i');
			const form = await tmux.waitFor(
				'inviter',
				(t) => t.includes('Press Enter to get the code to give.') && t.includes(relay),
				10_000,
				'invite chosen, with the remembered relay',
			);
			assert.match(form, /› Mode\s+‹ invite ›\n/);
			assert.ok(
				form.split('\n').some((line) => /^\s+Relay\s+127\.0\.0\.1:\d+$/.test(line)),
				form,
			);
			tmux.keys('inviter', 'Enter');
			const shown = await tmux.waitFor(
				'inviter',
				// Its last words (wrapped at 40 columns, maybe inside a word): the code above them is whole.
				(t) => t.replace(/\n/g, '').includes('Waiting for them...'),
				30_000,
				'the invite code',
			);
			// At 40 columns the code has a row of its own, whole.
			const code = /Your invite code:\s+(\d+-[a-z]+-[a-z]+-[a-z]+)\n/.exec(shown)?.[1];
			assert.ok(code, shown);
			// The call screen comes up at the terminal's size when they join: a wider one, to read the status line.
			tmux.resize('inviter', 100, 30);

			// Joining from another setup screen, typing what the first one shows.
			setup('joiner', joinerConfig, 100);
			await tmux.waitFor('joiner', ready, 30_000, 'the joiner’s setup screen');
			tmux.keys('joiner', 'j');
			await tmux.waitFor('joiner', (t) => t.includes('Press Enter to join.'), 10_000, 'join chosen');
			tmux.keys('joiner', 'Down');
			await tmux.waitFor('joiner', (t) => t.includes('› Code'), 10_000, 'the code field');
			tmux.text('joiner', code);
			await tmux.waitFor('joiner', (t) => t.includes(`${code}▌`), 10_000, 'the code typed');
			tmux.keys('joiner', 'Down');
			await tmux.waitFor('joiner', (t) => t.includes('› Relay'), 10_000, 'the relay field');
			tmux.text('joiner', relay);
			await tmux.waitFor('joiner', (t) => t.includes(`${relay}▌`), 10_000, 'the relay typed');
			tmux.keys('joiner', 'Enter');

			const checkCode = (t: string) => /\bcheck (\d{3} \d{3})/.exec(t)?.[1];
			const [inviterScreen, joinerScreen] = await Promise.all(
				['inviter', 'joiner'].map((name) =>
					tmux.waitFor(name, (t) => checkCode(t) !== undefined, 90_000, `the call on the ${name}'s screen`),
				),
			);
			assert.equal(checkCode(inviterScreen!), checkCode(joinerScreen!), `${inviterScreen}\n${joinerScreen}`);
			// Encrypted: the check code is shown only then; a narrow status line leaves out the word.
			assert.doesNotMatch(inviterScreen!, /not encrypted/);
			// The joiner's setup remembered the relay for next time, not the code.
			const saved = fs.readFileSync(path.join(joinerConfig, 'facetty', 'config.json'), 'utf8');
			assert.equal(JSON.parse(saved).relay, relay);
			assert.equal(JSON.parse(saved).mode, 'join');
			assert.ok(!saved.includes(code), saved);

			for (const name of ['inviter', 'joiner']) tmux.keys(name, 'q');
			for (const name of ['inviter', 'joiner'])
				await tmux.waitFor(name, (t) => t.includes('SETUP-EXIT 0'), 30_000, `the ${name} quitting`);
		} finally {
			tmux.kill();
		}
	},
);
