import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Frame} from '../../source/frame.js';
import {CallCamera, readSize} from '../../source/ui/call-camera.js';
import {idleReadSize} from '../../source/control/controller.js';

test('the camera delivers the size asked for after each frame, and its cards keep the camera size', async () => {
	const frames: Frame[] = [];
	const natives: Array<{width: number; height: number}> = [];
	const camera = new CallCamera({
		spec: 'test',
		onFrame: (frame) => frames.push(frame),
		onState: () => undefined,
		sizeFor: (native) => {
			natives.push(native);
			return {width: 128, height: 96};
		},
	});
	await camera.start();
	try {
		const deadline = Date.now() + 5000;
		while (frames.length < 4 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 20));
		assert.ok(frames.length >= 4, `${frames.length} frames`);
		assert.deepEqual([frames[0]!.width, frames[0]!.height], [640, 480]);
		assert.deepEqual([frames.at(-1)!.width, frames.at(-1)!.height], [128, 96]);
		assert.ok(natives.every((size) => size.width === 640 && size.height === 480));
		camera.setPaused(true);
		const card = frames.at(-1)!;
		assert.deepEqual([card.width, card.height], [640, 480]);
	} finally {
		await camera.stop();
	}
});

test('readSize: what is sent or shown, whichever is larger; own size while a call does not know; small when idle', () => {
	const sent = {width: 124, height: 93};
	const smallSelf = {squareWidth: 40, squareHeight: 30};
	const largeSelf = {squareWidth: 200, squareHeight: 150};
	assert.deepEqual(readSize(sent, smallSelf), sent);
	assert.deepEqual(readSize(sent, largeSelf), {width: 200, height: 150});
	assert.deepEqual(readSize(sent, undefined), sent);
	// A call that does not know its size yet, or a caller in its greeting: the camera's own size.
	assert.equal(readSize(undefined, smallSelf), undefined);
	// Nobody wants the picture: what the self view shows, or hardly anything without one.
	assert.deepEqual(readSize(undefined, smallSelf, true), {width: 40, height: 30});
	assert.deepEqual(readSize(undefined, undefined, true), idleReadSize);
	assert.ok(idleReadSize.width * idleReadSize.height <= 64 * 48);
});
