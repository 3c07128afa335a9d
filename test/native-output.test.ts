/**
 * Native noise at the glass: a call screen in tmux whose camera is a damaged video file. FFmpeg
 * says "moov atom not found" at every retry; the screen must show facetty's sentence and none of
 * FFmpeg's lines, and with --log FILE the lines are in FILE. (Issue 10, point 5: they were drawn
 * five times over the call screen.)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {listen} from '../source/session/connect.js';
import {divertNativeOutput, LogFileError} from '../source/native-output.js';
import {facettyCommand, Tmux, tmuxMissing} from './e2e/tmux.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a --log that cannot be written is a sentence; stderr that is not a terminal is left alone', () => {
	assert.throws(() => divertNativeOutput('/nonexistent-dir/facetty.log'), LogFileError);
	assert.throws(
		() => divertNativeOutput('/nonexistent-dir/facetty.log'),
		/--log \/nonexistent-dir\/facetty\.log: cannot write there \(ENOENT\)/,
	);
	assert.equal(divertNativeOutput(undefined, {isTTY: false}), undefined);
});

test(
	'call screen with a damaged camera file: a sentence on the screen, FFmpeg only in the --log file',
	{skip: tmuxMissing(), timeout: 90_000},
	async (t) => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-native-'));
		t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
		const camera = path.join(dir, 'camera.mp4');
		fs.writeFileSync(camera, 'this is not a video');
		const log = path.join(dir, 'native.log');
		const listener = await listen({host: '127.0.0.1', port: 0});
		t.after(() => listener.close());
		const tmux = new Tmux();
		t.after(() => tmux.kill());
		const env = `XDG_CONFIG_HOME=${dir}`;
		tmux.start(
			'call',
			`${env} ${facettyCommand()} call 127.0.0.1:${listener.port} --camera ${camera} --log ${log}; sleep 60`,
		);
		await tmux.waitFor('call', (text) => /is not a video/.test(text), 30_000, 'the sentence');
		// A few retries of the camera, each of which makes FFmpeg speak.
		const spoken = () =>
			fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('moov atom not found').length - 1 : 0;
		for (const until = Date.now() + 30_000; spoken() < 2 && Date.now() < until;) await sleep(200);
		const screen = tmux.capture('call');
		assert.match(screen, /camera\.mp4 is not a video/);
		assert.doesNotMatch(screen, /moov atom|mov,mp4|@ 0x/);
		tmux.text('call', 'q');
		await tmux.waitFor('call', (text) => !/is not a video/.test(text), 15_000, 'the call screen to close');
		const logged = fs.readFileSync(log, 'utf8');
		assert.match(logged, /moov atom not found/);
		assert.ok(logged.split('moov atom not found').length - 1 >= 2, logged);
	},
);

test(
	"plain mode on a terminal (play FILE | wc -c): facetty's sentence alone, FFmpeg's lines only in --log",
	{skip: tmuxMissing(), timeout: 60_000},
	async (t) => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-native-'));
		t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
		const video = path.join(dir, 'broken.mp4');
		fs.writeFileSync(video, 'this is not a video');
		const log = path.join(dir, 'native.log');
		const tmux = new Tmux();
		t.after(() => tmux.kill());
		tmux.start(
			'play',
			`${facettyCommand()} play ${video} | wc -c; ${facettyCommand()} play ${video} --log ${log} | wc -c; echo finished; sleep 60`,
		);
		await tmux.waitFor('play', (text) => /finished/.test(text), 40_000, 'both plays to end');
		const screen = tmux.capture('play');
		assert.equal(screen.split('broken.mp4 is not a video').length - 1, 2, screen);
		assert.doesNotMatch(screen, /moov atom|mov,mp4|@ 0x/);
		assert.match(fs.readFileSync(log, 'utf8'), /moov atom not found/);
	},
);
