/**
 * A terminal that hangs up under a full-screen facetty (its window closed, an ssh connection
 * dropped): the process ends as a program killed by SIGHUP does, quietly, and does not crash.
 * Before, restoring the terminal failed with EIO, the error's report failed too, and Node's exit
 * then asserted on the terminal's modes and died of SIGSEGV or SIGABRT (a core file each time).
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const python = spawnSync('/usr/bin/python3', ['--version']).status === 0 ? '/usr/bin/python3' : 'python3';
const cli = path.join(root, 'dist', 'cli.js');

function hangUpUnder(args: string[]): {signal?: number; exit?: number; hung?: boolean; bytes: number} {
	const run = spawnSync(
		python,
		[
			path.join(root, 'test/terminal/on-a-pty.py'),
			'2.5',
			process.execPath,
			cli,
			...args,
			'--color',
			'truecolor',
			'--glyphs',
			'half',
		],
		{encoding: 'utf8', timeout: 30_000},
	);
	assert.equal(run.status, 0, run.stderr);
	return JSON.parse(run.stdout) as {signal?: number; exit?: number; hung?: boolean; bytes: number};
}

for (const args of [
	['play', path.join(root, 'media', 'clip.mp4'), '--loop'],
	['preview', '--camera', 'test'],
]) {
	// The pty answers no terminal question: the colours and glyphs are given, so the picture starts
	// at once instead of after the questions' time-outs.
	test(`facetty ${args[0]}: its terminal hangs up mid-picture, and it ends of SIGHUP, not a crash`, () => {
		const ended = hangUpUnder(args);
		assert.ok(ended.bytes > 1000, `it was drawing (${ended.bytes} bytes)`);
		assert.deepEqual(
			{signal: ended.signal, exit: ended.exit, hung: ended.hung},
			{
				signal: 1,
				exit: undefined,
				hung: undefined,
			},
		);
	});
}
