import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {missingDisplay, openPeerWindow} from '../../source/window/window.js';
import {needsTool} from '../tools.js';

const here = path.dirname(fileURLToPath(import.meta.url));

test('--window without a display says so in one sentence, and opens nothing', async () => {
	assert.match(missingDisplay({}, 'linux') ?? '', /No display for --window/);
	assert.equal(missingDisplay({DISPLAY: ':0'}, 'linux'), undefined);
	assert.equal(missingDisplay({WAYLAND_DISPLAY: 'wayland-0'}, 'linux'), undefined);
	assert.equal(missingDisplay({}, 'darwin'), undefined);
	const notices: string[] = [];
	const window = await openPeerWindow({onNotice: (text) => notices.push(text), env: {}, platform: 'linux'});
	assert.equal(window, undefined);
	assert.equal(notices.length, 1);
});

function xvfbMissing(): string | undefined {
	return needsTool(
		spawnSync('xvfb-run', ['--help'], {encoding: 'utf8'}).error
			? 'xvfb-run is not installed: skipping the window under a virtual display'
			: undefined,
	);
}

test(
	'--window releases the Mat of every frame it shows: 2,000 frames under Xvfb, 2,000 Mats made, 2,000 released',
	{skip: xvfbMissing(), timeout: 120_000},
	() => {
		const run = spawnSync(
			'xvfb-run',
			['-a', process.execPath, '--import', 'tsx', path.join(here, 'window-frames.ts'), '2000'],
			{encoding: 'utf8', timeout: 110_000},
		);
		const line = run.stdout.trim().split('\n').at(-1) ?? '';
		const result = JSON.parse(line || '{}') as {
			shown?: number;
			made?: number;
			releases?: number;
			endMb?: number;
			warmMb?: number;
		};
		assert.equal(result.shown, 2000, run.stdout + run.stderr);
		assert.equal(result.made, 2000);
		assert.equal(result.releases, result.made, 'every Mat the window made was released');
		// The resident memory does not climb with the frames (each one is 900 KB).
		assert.ok(
			result.endMb! - result.warmMb! < 150,
			`${result.warmMb} MB after 200 frames, ${result.endMb} MB after 2,000`,
		);
	},
);
