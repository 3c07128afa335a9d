/**
 * End to end: `facetty` with no command in tmux, its camera thumbnail read back with
 * `capture-pane -e`: moving the camera choice shows that camera's picture beside the form, a
 * missing file says so, and Esc quits with the terminal restored.
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
			// Tab only once the text is in: a Tab read in the same burst as the text is dropped.
			await tmux.waitFor('setup', (t) => t.includes('nothing.mp4'), 10_000, 'the file typed');
			tmux.keys('setup', 'Tab');
			const text = await tmux.waitFor(
				'setup',
				(t) => /File not found/.test(t),
				20_000,
				'the missing file explained',
			);
			assert.match(text, /› Your name/);
			assert.equal(pictureCells().count, 0, 'the picture is gone');

			tmux.keys('setup', 'Escape');
			await tmux.waitFor('setup', (t) => t.includes('SETUP-EXIT 0'), 20_000, 'a clean exit');
			assert.equal(tmux.display('setup', '#{alternate_on}'), '0');
			assert.equal(tmux.display('setup', '#{cursor_flag}'), '1');
		} finally {
			tmux.kill();
		}
	},
);
