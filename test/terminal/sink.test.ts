import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	askDeviceAttributes,
	maxUnanswered,
	minimumBudget,
	TerminalSink,
	type AnswerSource,
} from '../../source/terminal/sink.js';
import {sinkAt100kBps} from './slow-terminal.js';

/** A terminal that answers DA1 only when the test says so. */
function answering() {
	let listener: (() => void) | undefined;
	const answers: AnswerSource = {
		onAnswer(next) {
			listener = next;
			return () => (listener = undefined);
		},
	};
	return {answers, answer: () => listener?.()};
}

function output() {
	const writes: string[] = [];
	return {writes, isTTY: true, write: (data: Uint8Array | string) => (writes.push(String(data)), true)};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('each batch asks DA1 once, inside nothing, and at most two wait for their answer', () => {
	const out = output();
	const {answers, answer} = answering();
	let now = 0;
	const sink = new TerminalSink(out, {answers, now: () => now});
	for (let i = 0; i < maxUnanswered; i++) {
		assert.equal(sink.ready, true);
		sink.write(['frame']);
	}
	assert.equal(sink.ready, false, 'two unanswered: the next frame waits');
	for (const write of out.writes) {
		assert.equal(write, `\x1b[?2026hframe\x1b[?2026l${askDeviceAttributes}`);
	}
	now = 40;
	answer();
	assert.equal(sink.ready, true);
	assert.equal(sink.lagMs, 40);
	assert.equal(sink.flowMode, 'answered');
	sink.close();
});

test('a terminal that never answers is paced by time; a pipe gets no escapes of ours at all', async () => {
	const out = output();
	const {answers, answer} = answering();
	const sink = new TerminalSink(out, {answers, firstAnswerMs: 30});
	sink.write(['a']);
	sink.write(['b']);
	assert.equal(sink.ready, false);
	await sleep(60);
	assert.equal(sink.flowMode, 'timed');
	const woke = new Promise<void>((resolve) => sink.whenReady(resolve));
	await woke;
	assert.equal(sink.ready, true);
	sink.write(['c']);
	assert.ok(out.writes.at(-1)!.includes(askDeviceAttributes), 'asked again, now and then');
	await new Promise<void>((resolve) => sink.whenReady(resolve));
	sink.write(['d']);
	assert.ok(!out.writes.at(-1)!.includes(askDeviceAttributes), 'not every batch once nobody answers');
	// It was only slow: flow control after all.
	answer();
	assert.equal(sink.flowMode, 'answered');
	sink.close();

	const pipe = {
		writes: [] as string[],
		write: (data: Uint8Array | string) => (pipe.writes.push(String(data)), true),
	};
	const piped = new TerminalSink(pipe);
	piped.write(['frame']);
	assert.deepEqual(pipe.writes, ['frame']);
});

test('a terminal falling behind gets a budget of what it drains in a frame; one keeping up gets no limit', () => {
	const out = output();
	const {answers, answer} = answering();
	let now = 0;
	const sink = new TerminalSink(out, {answers, now: () => now, fps: 25, budgetFps: 25});
	assert.equal(sink.budget, Infinity);
	// A quiet round trip of 10 ms first.
	sink.write(['x'.repeat(100)]);
	now = 10;
	answer();
	// Then 100 kB batches the terminal takes 1 s each to draw (100 kB/s): the lag grows.
	for (let i = 0; i < 6; i++) {
		sink.write(['x'.repeat(100_000)]);
		now += 1000;
		answer();
	}
	const perFrame = 100_000 / 25;
	assert.ok(sink.budget <= perFrame * 1.2 && sink.budget >= minimumBudget, `budget ${sink.budget}`);
	// The link got fast (a round trip of 10 ms, 100 kB drawn in 2 ms): no limit again.
	for (let i = 0; i < 100 && sink.budget !== Infinity; i++) {
		sink.write(['x'.repeat(100_000)]);
		now += 12;
		answer();
	}
	assert.equal(sink.budget, Infinity);
	sink.close();
});

test('a long round trip holds frames of its own: the limit is two beyond what it carries', () => {
	const out = output();
	const {answers, answer} = answering();
	let now = 0;
	const sink = new TerminalSink(out, {answers, now: () => now, fps: 30});
	assert.equal(sink.inFlightLimit, 2);
	sink.write(['x']);
	now = 80;
	answer();
	// 80 ms hold two frames of 33 ms: four may wait, so 30 pictures a second still get through.
	assert.equal(sink.inFlightLimit, 4);
	for (let i = 0; i < 4; i++) {
		assert.equal(sink.ready, true);
		sink.write(['x']);
	}
	assert.equal(sink.ready, false);
	sink.close();
});

/**
 * A link of `rate` bytes/ms and `oneWayMs` each way, whose answers come `jitter(i)` ms late (a
 * busy machine), fed a moving picture: every 33 ms a camera frame makes `frameBytes` to draw, and
 * whatever is ready is written in budget-sized batches. Returns bytes/ms drained and the lags.
 */
function simulateLink(rate: number, oneWayMs: number, jitter: (i: number) => number, frameBytes = 60_000) {
	const out = output();
	const {answers, answer} = answering();
	let now = 0;
	const sink = new TerminalSink(out, {answers, now: () => now, fps: 30});
	const due: number[] = [];
	let linkFreeAt = 0;
	let lastAnswerAt = 0;
	let pending = 0;
	let drained = 0;
	const lags: number[] = [];
	const sent: number[] = [];
	for (now = 0; now < 10_000; now++) {
		while (due.length > 0 && due[0]! <= now) {
			due.shift();
			const at = sent.shift()!;
			if (now >= 5000) lags.push(now - at);
			answer();
		}
		if (now % 33 === 0) pending = frameBytes;
		if (pending > 0 && sink.ready) {
			const bytes = Math.min(pending, sink.budget);
			pending -= bytes;
			const written = sink.write(['x'.repeat(Math.max(1, Math.floor(bytes)))]);
			const start = Math.max(now + oneWayMs, linkFreeAt);
			linkFreeAt = start + written / rate;
			if (now >= 5000) drained += written;
			lastAnswerAt = Math.max(
				lastAnswerAt,
				Math.ceil(linkFreeAt + oneWayMs + jitter(due.length + sent.length)),
			);
			due.push(lastAnswerAt);
			sent.push(now);
		}
	}
	sink.close();
	lags.sort((a, b) => a - b);
	return {rate: drained / 5000, lagP95: lags[Math.floor(lags.length * 0.95)]!, budget: sink.budget};
}

test('a fast link with a long, jittery round trip carries every frame: jitter is not taken for drawing', () => {
	// 5 Mbit/s (625 bytes/ms), 40 ms each way, answers 0-40 ms late (a busy machine, ssh, tmux);
	// each camera frame changes 15 kB, less than the link carries in a frame's time (20 kB).
	const link = simulateLink(625, 40, (i) => (i * 7919) % 41, 15_000);
	assert.ok(link.rate > 0.9 * 450, `drained ${Math.round(link.rate)} bytes/ms of the 450 offered`);
	assert.ok(link.lagP95 < 200, `lag p95 ${link.lagP95} ms`);
});

test('a slow link keeps its lag short and is used fully', () => {
	// 1 Mbit/s (125 bytes/ms), 40 ms each way, each frame more than the link carries.
	const link = simulateLink(125, 40, (i) => (i * 7919) % 41);
	assert.ok(link.rate > 0.8 * 125, `drained ${Math.round(link.rate)} bytes/ms of 125`);
	assert.ok(link.lagP95 < 300, `lag p95 ${link.lagP95} ms`);
});

test('behind a slow terminal each frame gets what drains in a 24th of a second, not a 30th', () => {
	// Fewer, fuller pictures: at 1 Mbit/s a 30th tore each picture (PSNR about 0.5 dB lower on the
	// glass) for a picture rate the eye barely tells from 18 a second.
	const sink = sinkAt100kBps();
	assert.ok(sink.budget >= 100_000 / 25 && sink.budget <= 100_000 / 23, `budget ${sink.budget}`);
	sink.close();
});
