import assert from 'node:assert/strict';
import {test} from 'node:test';
import {LinkRate, maxTargetKbps, minTargetKbps, startTargetKbps} from '../../source/session/link-rate.js';

/**
 * A sender at 30 fps of `bytes` a frame over a link whose acks come `wait(i)` ms after the
 * round trip, for `seconds`; returns the target at each second.
 */
function run(
	rate: LinkRate,
	bytes: number,
	wait: (i: number) => number,
	seconds: number,
	start = 0,
): number[] {
	const targets: number[] = [];
	for (let i = 0; i < seconds * 30; i++) {
		const at = start + i * (1000 / 30);
		rate.onSent(i, bytes, at);
		rate.onAck(i, at + 80 + wait(i));
		if ((i + 1) % 30 === 0) targets.push(rate.targetKbps);
	}
	return targets;
}

test('a link that queues brings the target down to under what it delivers, within a second', () => {
	const rate = new LinkRate();
	rate.setRoundTrip(80);
	assert.equal(rate.targetKbps, startTargetKbps);
	// 1500-byte frames at 30 fps = 360 kbit/s offered; every ack waits 120 ms: a queue.
	const targets = run(rate, 1500, () => 120, 3);
	assert.ok(targets[0]! < startTargetKbps, `after 1 s: ${targets[0]}`);
	assert.ok(targets.at(-1)! < 200 && targets.at(-1)! >= minTargetKbps, `after 3 s: ${targets.at(-1)}`);
});

test('prompt acks raise it again, but no further than half again what was delivered', () => {
	const rate = new LinkRate();
	rate.setRoundTrip(80);
	run(rate, 1500, () => 120, 3);
	const low = rate.targetKbps;
	// The queue is gone; the sender still offers 288 kbit/s.
	const targets = run(rate, 1200, () => 5, 10, 3000);
	assert.ok(targets[1]! > low, `rises: ${low} -> ${targets[1]}`);
	// (A one-second window of acks holds 30 or 31 frames: 288 or 298 kbit/s.)
	assert.ok(targets.at(-1)! <= 1.5 * 298 + 100 + 1, `stays within reach: ${targets.at(-1)}`);
	assert.ok(targets.at(-1)! >= 288);
});

test('a sender using far less than the target neither pushes it up nor lets waits from elsewhere cut it', () => {
	const rate = new LinkRate();
	rate.setRoundTrip(80);
	// 100-byte frames: 24 kbit/s. Prompt acks: the target stays within reach of that.
	let targets = run(rate, 100, () => 2, 10);
	assert.ok(targets.at(-1)! <= startTargetKbps, `${targets.at(-1)}`);
	// Slow acks (a busy machine, the other direction's queue): not this sender's doing.
	targets = run(rate, 100, () => 150, 5, 10_000);
	assert.equal(targets.at(-1), startTargetKbps);
	assert.ok(startTargetKbps <= maxTargetKbps);
});

test('frames held back by the send window count as a full link', () => {
	const rate = new LinkRate();
	rate.setRoundTrip(80);
	for (let i = 0; i < 30; i++) {
		const at = i * (1000 / 30);
		rate.onSent(i, 1500, at);
		rate.onHeldBack();
		rate.onHeldBack();
		rate.onAck(i, at + 80 + 40);
	}
	assert.ok(rate.targetKbps < startTargetKbps);
});

test('the frame rate drops only when the target leaves too few bits a pixel', () => {
	const rate = new LinkRate();
	const pixels = 128 * 96;
	rate.targetKbps = 300;
	assert.equal(rate.fps(pixels), 30);
	rate.targetKbps = 50;
	assert.equal(rate.fps(pixels), 20);
	rate.targetKbps = 20;
	assert.equal(rate.fps(pixels), 15);
	rate.targetKbps = 5;
	assert.equal(rate.fps(pixels), 10);
	rate.targetKbps = 300;
	assert.equal(rate.fps(640 * 480), 10);
});

test('a link may start where a call it replaces had got to, within the bounds', () => {
	assert.equal(new LinkRate().targetKbps, startTargetKbps);
	assert.equal(new LinkRate(1200).targetKbps, 1200);
	assert.equal(new LinkRate(1e9).targetKbps, maxTargetKbps);
	assert.equal(new LinkRate(1).targetKbps, minTargetKbps);
});
