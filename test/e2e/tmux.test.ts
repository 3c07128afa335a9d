/**
 * The tmux helper itself: killing its server returns only once what ran in its panes has ended,
 * so a test's cleanup never races a process that is still closing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {descendants, processAlive, Tmux, tmuxMissing} from './tmux.js';

test(
	"kill() waits for the panes' processes, which may still write as they close",
	{skip: tmuxMissing()},
	async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-tmux-kill-'));
		const tmux = new Tmux();
		try {
			// A process that, hung up, takes half a second to close and writes a file as it goes.
			const script = `trap 'sleep 0.5; echo late > ${dir}/late; exit 0' HUP; echo ready; while :; do sleep 0.05; done`;
			tmux.start('slow', `sh -c "${script}"`);
			await tmux.waitFor('slow', (text) => text.includes('ready'), 5000, 'the script to start');
			const pids = descendants(tmux.panePid('slow'));
			tmux.kill();
			assert.deepEqual(pids.filter(processAlive), [], 'every process of the pane has ended');
			assert.ok(
				fs.existsSync(path.join(dir, 'late')),
				'what it wrote while closing is there before kill() returns',
			);
		} finally {
			tmux.kill();
			fs.rmSync(dir, {recursive: true, force: true});
		}
	},
);
