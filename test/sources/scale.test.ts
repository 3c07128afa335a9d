import assert from 'node:assert/strict';
import {test} from 'node:test';
import {makeFrame} from '../../source/frame.js';
import {loadOpenCv} from '../../source/opencv.js';
import {scaleWithCodec} from '../../source/native-codec.js';
import type {Scaler} from '../../source/render/scale.js';
import {bindingScaler, matOf, scaleFrame, shrinkArea} from '../../source/sources/scale.js';
import {drawTestPattern} from '../../source/sources/test-pattern.js';
import {meanAbsoluteDifference} from '../session/helpers.js';

test('shrinking in two steps gives the picture one INTER_AREA step gives, at the size asked', async () => {
	const cv = await loadOpenCv();
	// 124x93: the call screen's picture at 160x48 cells; 100x77 leaves rows and columns past a
	// whole factor (640 = 6 x 100 + 40); 200x150 a factor of 3 then a small step.
	for (const size of [
		{width: 124, height: 93},
		{width: 100, height: 77},
		{width: 200, height: 150},
		{width: 160, height: 120},
	]) {
		const frame = makeFrame(640, 480, drawTestPattern(640, 480, 0.5), 0);
		const source = matOf(cv, frame);
		const direct = await source.resizeAsync(size.height, size.width, 0, 0, cv.INTER_AREA);
		const shrunk = await shrinkArea(cv, source, size, cv.INTER_AREA);
		try {
			assert.deepEqual([shrunk.cols, shrunk.rows], [size.width, size.height]);
			const difference = meanAbsoluteDifference(shrunk.getData(), direct.getData());
			assert.ok(difference < 2, `${size.width}x${size.height}: mean difference ${difference.toFixed(2)}`);
		} finally {
			direct.release();
			shrunk.release();
			source.release();
		}
	}
});

test('scaleFrame enlarges and shrinks to the size asked, and returns a frame of that size as it is', async () => {
	const frame = makeFrame(64, 48, drawTestPattern(64, 48, 0), 7);
	assert.equal(await scaleFrame(frame, {width: 64, height: 48}), frame);
	const larger = await scaleFrame(frame, {width: 200, height: 150});
	assert.deepEqual([larger.width, larger.height, larger.data.length], [200, 150, 200 * 150 * 3]);
	const smaller = await scaleFrame(larger, {width: 31, height: 23});
	assert.deepEqual([smaller.width, smaller.height, smaller.capturedAt], [31, 23, 7]);
});

test("bindingScaler scales a picture layer's frames in the binding, a pixel wider or half the rows alike; mirrored and own-size frames go to the JavaScript scaler", () => {
	const asked: string[] = [];
	const fallback: Scaler = (frame, w, h, mirror) => {
		asked.push(`${frame.width}x${frame.height} to ${w}x${h}${mirror ? ' mirrored' : ''}`);
		return frame.data;
	};
	const scale = bindingScaler(fallback);
	// The peer's picture with quadrants at 160x48: square pixels, twice the rows, a pixel narrower.
	const frame = makeFrame(245, 184, drawTestPattern(245, 184, 0.5), 0);
	const scaled = scale(frame, 246, 92, false);
	assert.equal(scaled.length, 246 * 92 * 3);
	assert.deepEqual(scaled, scaleWithCodec(frame, {width: 246, height: 92})!.data);
	assert.deepEqual(asked, [], 'scaled in the binding');
	scale(frame, 60, 46, true);
	assert.equal(scale(frame, 245, 184, false), frame.data);
	assert.deepEqual(asked, ['245x184 to 60x46 mirrored', '245x184 to 245x184']);
});
