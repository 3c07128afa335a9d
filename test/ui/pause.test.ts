/**
 * `p` on the call screen, end to end: the key goes through the screen's input, the call state and
 * the camera, and what reaches the peer over a real call is the "paused" card; `p` again brings
 * the camera back.
 */
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import type {Frame} from '../../source/frame.js';
import {dial} from '../../source/session/connect.js';
import {cardFrame} from '../../source/ui/cards.js';
import {meanAbsoluteDifference, until} from '../session/helpers.js';
import {CapturedTerminal, ttyInput} from './captured-terminal.js';

const isPausedCard = (frame: Frame) =>
	meanAbsoluteDifference(frame.data, cardFrame('paused', frame.width, frame.height).data) < 2;

test(
	'p on the call screen reaches the peer as the paused card, and p again resumes the camera',
	{timeout: 60_000},
	async () => {
		const {runCallApp} = await import('../../source/ui/call-app.js');
		const input = ttyInput();
		let resolvePort: (port: number) => void = () => undefined;
		const listening = new Promise<number>((resolve) => (resolvePort = resolve));
		const running = runCallApp({
			role: 'listen',
			host: '127.0.0.1',
			port: 0,
			camera: 'test',
			colorDepth: 'truecolor',
			input: input as unknown as NodeJS.ReadStream,
			output: new CapturedTerminal() as unknown as NodeJS.WriteStream,
			errorOutput: new PassThrough(),
			onListening: resolvePort,
		});
		const call = dial('127.0.0.1', await listening, {codec: 'raw'});
		const frames: Frame[] = [];
		call.on('frame', (frame: Frame) => frames.push(frame));
		try {
			await until('the test pattern', () => frames.length >= 3);
			assert.ok(!frames.some(isPausedCard), 'the camera is live before p');
			input.write('p');
			await until('the paused card', () => frames.some(isPausedCard));
			const paused = frames.length;
			await new Promise((resolve) => setTimeout(resolve, 500));
			assert.ok(frames.slice(paused).every(isPausedCard), 'only cards while paused');
			input.write('p');
			const resumed = frames.length;
			await until('the camera again', () => frames.slice(resumed).some((frame) => !isPausedCard(frame)));
		} finally {
			call.hangUp();
			input.write('q');
		}
		assert.equal(await running, 0);
	},
);
