/**
 * silenceTimeoutMs (a room's pairs: defaultTimeouts.memberSilenceMs) counts bytes, not whole
 * messages: over a slow link a frame takes longer to arrive whole than the limit, and the call
 * goes on; when the bytes stop (no FIN: a frozen peer, a cut cable) it ends within the limit, long
 * before idleTimeoutMs.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {dial} from '../../source/session/connect.js';
import {
	cleanupsAfterFile,
	ended,
	feedListener,
	loopbackListener,
	nextCall,
	patternFrame,
	until,
} from './helpers.js';

const cleanups = cleanupsAfterFile();

/**
 * A proxy whose way back to the caller carries `bytesPerTick` every 100 ms (the target waits when
 * 64 KiB are queued, as on a slow link) and, after `silence()`, nothing, with the connection open.
 */
async function slowProxy(target: number, bytesPerTick: number) {
	let silent = false;
	let pausedUntil = 0;
	const server = net.createServer((down) => {
		const up = net.connect(target, '127.0.0.1');
		for (const s of [down, up]) s.on('error', () => undefined);
		const queue: Buffer[] = [];
		let queued = 0;
		down.pipe(up);
		up.on('data', (chunk: Buffer) => {
			queue.push(chunk);
			queued += chunk.length;
			if (queued > 64 * 1024) up.pause();
		});
		const timer = setInterval(() => {
			if (silent || Date.now() < pausedUntil) return;
			let budget = bytesPerTick;
			while (budget > 0 && queue.length > 0) {
				const chunk = queue.shift()!;
				const part = chunk.subarray(0, budget);
				if (part.length < chunk.length) queue.unshift(chunk.subarray(part.length));
				down.write(part);
				budget -= part.length;
				queued -= part.length;
			}
			if (queued <= 64 * 1024) up.resume();
		}, 100);
		const close = () => {
			clearInterval(timer);
			up.destroy();
			down.destroy();
		};
		down.on('close', close);
		up.on('close', close);
		cleanups.push(close);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	cleanups.push(() => new Promise((resolve) => server.close(resolve)));
	return {
		port: (server.address() as net.AddressInfo).port,
		silence: () => (silent = true),
		pause: (ms: number) => (pausedUntil = Date.now() + ms),
	};
}

test('a slow link whose frames take longer than silenceTimeoutMs to arrive whole keeps its call; silence ends it within the limit', async (t) => {
	const l = await loopbackListener(cleanups, {codec: 'raw'});
	const stop = feedListener(l, (i) => patternFrame(160, 120, i), 10);
	t.after(stop);
	// 40 KB/s: a 57.6 KB raw frame takes about 1.4 s to arrive whole.
	const proxy = await slowProxy(l.port, 4000);
	const accepted = nextCall(l);
	const caller = dial('127.0.0.1', proxy.port, {codec: 'raw', silenceTimeoutMs: 1000, idleTimeoutMs: 8000});
	t.after(() => caller.hangUp());
	await accepted;
	const arrivals: number[] = [];
	caller.on('frame', () => arrivals.push(Date.now()));
	await until('three frames over the slow link', () => arrivals.length >= 3, 20_000);
	assert.equal(caller.protocol, 'v2');
	const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
	assert.ok(Math.max(...gaps) > 1000, `frames came ${gaps.join(', ')} ms apart: the link is not slow enough`);
	assert.equal(caller.state, 'in-call', caller.ended?.reason);

	proxy.silence();
	const silentAt = Date.now();
	const end = await ended(caller, 10_000);
	const tookMs = Date.now() - silentAt;
	assert.equal((end.error as {code?: string}).code, 'timeout', end.reason);
	assert.match(end.reason, /the peer sent nothing for 1 s/);
	assert.ok(tookMs < 3000, `ended ${tookMs} ms after the bytes stopped`);
});

test('a peer that was quiet for most of silenceTimeoutMs once is given twice that before it is taken for gone', async (t) => {
	const l = await loopbackListener(cleanups, {codec: 'raw'});
	const stop = feedListener(l, (i) => patternFrame(32, 24, i), 10);
	t.after(stop);
	const proxy = await slowProxy(l.port, 64 * 1024);
	const accepted = nextCall(l);
	const caller = dial('127.0.0.1', proxy.port, {codec: 'raw', silenceTimeoutMs: 2000, idleTimeoutMs: 20_000});
	t.after(() => caller.hangUp());
	await accepted;
	let frames = 0;
	caller.on('frame', () => frames++);
	await until('frames', () => frames >= 3, 20_000);
	// A stall under the limit (a loaded machine), then a longer one: the call goes on.
	for (const ms of [1500, 2500]) {
		proxy.pause(ms);
		await new Promise((resolve) => setTimeout(resolve, ms + 500));
		assert.equal(caller.state, 'in-call', caller.ended?.reason);
	}
	const before = frames;
	await until('frames after the stalls', () => frames >= before + 3, 10_000);
	proxy.silence();
	const silentAt = Date.now();
	const end = await ended(caller, 15_000);
	assert.match(end.reason, /the peer sent nothing for \d+ s/);
	assert.ok(Date.now() - silentAt < 8000, `ended ${Date.now() - silentAt} ms after the bytes stopped`);
});
