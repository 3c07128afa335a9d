/**
 * The terminal resized a hundred times a second (issue 6's fault list): `facetty demo` in a tmux
 * window whose size is changed about every 10 ms for a few seconds, tiny sizes (1x1, 5x3, 20x6)
 * among large ones, then settled at 120x36. The process must still be alive and draw the call
 * screen properly (status line, truecolour half-blocks filling the video rectangle, no stray
 * escape-sequence fragments as text), and `q` must exit 0 with the terminal restored.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {screenLayout} from '../../source/ui/layout.js';
import {
	childPids,
	facettyCommand,
	halfBlockStats,
	parseCapture,
	processAlive,
	Tmux,
	tmuxMissing,
} from './tmux.js';

const skip = tmuxMissing();
const settle = {cols: 120, rows: 36};
const stormMs = 3000;
/** The storm is this many resizes at least, whatever their rate. */
const stormResizes = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inCall = (t: string) => /· v2 \S+ · in [1-9]\d* fps/.test(t);

/** Text that should never be visible: pieces of CSI/OSC sequences printed as characters. */
const garbage = /\x1b|\[\d*(;\d+)+m|\[\?\d+[hl]|\d+;2;\d+;\d+;\d+|\[\d+;\d+H|\]\d+;/;

/** Sizes to cycle through: the tiny ones the issue names, large ones, and random ones between. */
function sizes(count: number): Array<[number, number]> {
	const fixed: Array<[number, number]> = [
		[1, 1],
		[5, 3],
		[20, 6],
		[2, 1],
		[1, 40],
		[300, 100],
		[250, 80],
		[80, 24],
	];
	let seed = 12345;
	const random = (n: number) => {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		return 1 + (seed % n);
	};
	return Array.from({length: count}, (_, i) =>
		i % 2 === 0 ? fixed[(i / 2) % fixed.length]! : [random(240), random(80)],
	);
}

test(
	'resize storm: ~100 resizes a second with tiny and large sizes, then the call screen is whole and q exits 0',
	{skip, timeout: 120_000},
	async (t) => {
		const tmux = new Tmux();
		// Its own config directory: the user's identity and known_peers are never touched.
		const config = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-e2e-resize-'));
		try {
			tmux.start(
				'demo',
				`env XDG_CONFIG_HOME=${config} ${facettyCommand()} demo; echo DEMO-EXIT $?; sleep 60`,
				settle.cols,
				settle.rows,
			);
			await tmux.waitFor('demo', inCall, 30_000, 'the demo call screen');
			// The pane runs sh -c '<facetty>; echo ...': facetty is the shell's child.
			const [pid] = childPids(tmux.panePid('demo'));
			assert.ok(pid !== undefined && processAlive(pid), 'facetty runs under the pane shell');

			// The storm: one resize about every 10 ms (each is a tmux client round trip).
			const plan = sizes(1000);
			const start = Date.now();
			let done = 0;
			// At least `stormResizes` however slow a loaded machine makes each tmux round trip.
			while (done < plan.length && (done < stormResizes || Date.now() - start < stormMs)) {
				const [cols, rows] = plan[done]!;
				tmux.resize('demo', cols, rows);
				done++;
				const next = start + done * 10;
				if (next > Date.now()) await sleep(next - Date.now());
				if (done % 50 === 0) {
					assert.ok(processAlive(pid), `facetty died after ${done} resizes:\n${tmux.capture('demo')}`);
				}
			}
			const rate = done / ((Date.now() - start) / 1000);
			assert.ok(done >= stormResizes, `only ${done} resizes were made`);
			t.diagnostic(`resize storm: ${done} resizes in ${Date.now() - start} ms (${rate.toFixed(0)}/s)`);

			tmux.resize('demo', settle.cols, settle.rows);
			assert.ok(processAlive(pid), `facetty died in the storm:\n${tmux.capture('demo')}`);

			// Settled: the call screen at 120x36, the video rectangle filled with half-blocks.
			const layout = screenLayout(settle.cols, settle.rows, {panel: true, pip: true});
			let seen = '';
			const end = Date.now() + 20_000;
			let whole = false;
			while (Date.now() < end) {
				const text = tmux.capture('demo');
				const cells = parseCapture(tmux.capture('demo', true));
				const video = halfBlockStats(cells, layout.video);
				seen = `${text}\nvideo half-blocks: ${video.count}/${video.total}`;
				whole = inCall(text.split('\n')[0] ?? '') && video.count > video.total * 0.75 && !garbage.test(text);
				if (whole) break;
				await sleep(250);
			}
			assert.ok(whole, `after the storm the call screen is not whole:\n${seen}`);
			const lines = tmux.capture('demo').split('\n');
			assert.equal(tmux.display('demo', '#{pane_width}x#{pane_height}'), '120x36');
			assert.match(lines[0]!, /v2 (?:h264|vp9|jpeg\S*) · in \d+ fps .*· out \d+ fps/, 'the status line');
			assert.ok((lines[settle.rows - 1] ?? '').trim().length > 0, 'the key hints on the last row');
			assert.ok(
				lines.every((line) => !garbage.test(line)),
				`escape fragments visible:\n${lines.join('\n')}`,
			);

			// q hangs up and exits 0; the terminal is the shell's again.
			tmux.keys('demo', 'q');
			await tmux.waitFor('demo', (t) => t.includes('DEMO-EXIT'), 15_000, 'the demo to exit');
			assert.match(tmux.capture('demo'), /DEMO-EXIT 0/);
			assert.equal(tmux.display('demo', '#{alternate_on}'), '0');
			assert.equal(tmux.display('demo', '#{cursor_flag}'), '1');
			assert.doesNotMatch(tmux.capture('demo'), /[▀▄]/);
		} finally {
			tmux.kill();
			fs.rmSync(config, {recursive: true, force: true});
		}
	},
);
