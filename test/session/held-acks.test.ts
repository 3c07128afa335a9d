/**
 * Frame-acks held to travel with the next video message (held-acks.ts), on two real links joined
 * back to back (link-pair.ts): one write a frame each way instead of two, each ack saying how long
 * it was held; a side that sends no video acks at once; a peer without the capability
 * (facetty before it) gets prompt acks of the old size.
 */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {test} from 'node:test';
import {makeFrame} from '../../source/frame.js';
import {capability, V2Parser, type V2Message} from '../../source/protocol/v2.js';
import {ackBackstopMs, HeldAcks, maxAckHoldMs} from '../../source/session/held-acks.js';
import {drawTestPattern} from '../../source/sources/test-pattern.js';
import {until} from './helpers.js';
import {linkPair, sleep, stream, type Side} from './link-pair.js';

const camera = (index: number) => makeFrame(64, 48, drawTestPattern(64, 48, index / 30), 0);

type Ack = Extract<V2Message, {type: 'frame-ack'}>;
type Written = Side['wrote'][number];
const acks = (side: Side) =>
	side.wrote.filter((w): w is Written & {message: Ack} => w.message.type === 'frame-ack');
const videos = (side: Side) => side.wrote.filter((w) => w.message.type === 'video');
/** Whether the write that carried `entry` also carried a video message. */
const withVideo = (side: Side, entry: Written) =>
	side.wrote.some((w) => w.write === entry.write && w.message.type === 'video');
/** A timer may fire late on a loaded machine; what matters is that the ack says so. */
const slackMs = 100;

test('both sides hold their acks: most go in the same write as a video message, each saying how long it waited', async () => {
	const pair = linkPair();
	try {
		const stopA = stream(pair.a, camera);
		const stopB = stream(pair.b, camera);
		await until('60 pictures each way', () => pair.a.shown.length >= 60 && pair.b.shown.length >= 60);
		stopA();
		stopB();
		for (const side of [pair.a, pair.b]) {
			const sent = acks(side);
			assert.ok(sent.length >= 55, `${sent.length} acks`);
			const riding = sent.filter((ack) => withVideo(side, ack)).length;
			assert.ok(riding >= 0.6 * sent.length, `${riding} of ${sent.length} acks went with a video message`);
			for (const {message} of sent) {
				assert.equal(typeof message.heldMs, 'number');
				assert.ok(message.heldMs! <= maxAckHoldMs + slackMs, `held ${message.heldMs} ms`);
			}
		}
		// Writes a frame: about one each way (video with the acks), not two.
		const writes = new Set(pair.a.wrote.map((w) => w.write)).size;
		assert.ok(writes < 1.5 * videos(pair.a).length, `${writes} writes for ${videos(pair.a).length} frames`);
	} finally {
		pair.close();
	}
});

test('a side that sends no video acks every frame at once, as before (a sender never waits on a watcher)', async () => {
	const pair = linkPair();
	try {
		const stop = stream(pair.a, camera);
		await until('30 pictures', () => pair.b.shown.length >= 30);
		stop();
		const sent = acks(pair.b);
		assert.ok(sent.length >= 30, `${sent.length} acks`);
		for (const ack of sent) {
			assert.ok(!withVideo(pair.b, ack));
			assert.equal(ack.message.heldMs, 0, 'not held');
			const video = pair.a.wrote.find((w) => w.message.type === 'video' && w.message.seq === ack.message.seq);
			assert.ok(video, `ack ${ack.message.seq} is of a frame sent`);
		}
		// The sender was never held back by acks that did not come: every frame given went out.
		assert.ok(videos(pair.a).length >= pair.a.given.length - 1);
	} finally {
		pair.close();
	}
});

test('a peer without heldAcks (facetty before it) gets a prompt 4-byte ack for each frame; its own acks are read as before', async () => {
	// b's hello as a peer without the bit: a sees an old facetty; b still sees a's bit.
	const pair = linkPair({
		tamper: (bytes, message, from) => {
			if (from !== 'b' || message.type !== 'hello') return bytes;
			const old = Buffer.from(bytes);
			old.writeUInt32BE(message.capabilities & ~capability.heldAcks, 5 + 2);
			return old;
		},
	});
	try {
		const stopA = stream(pair.a, camera);
		const stopB = stream(pair.b, camera);
		await until('30 pictures each way', () => pair.a.shown.length >= 30 && pair.b.shown.length >= 30);
		stopA();
		stopB();
		const toOld = acks(pair.a);
		assert.ok(toOld.length >= 29);
		for (const ack of toOld) {
			assert.equal(ack.message.heldMs, undefined, 'the 4-byte ack an old peer reads');
			assert.ok(!withVideo(pair.a, ack), 'written as the frame arrived, on its own');
		}
		assert.ok(acks(pair.b).every((ack) => ack.message.heldMs !== undefined));
		assert.ok(videos(pair.a).length >= pair.a.given.length - 1, 'a is never held back');
	} finally {
		pair.close();
	}
});

/** The acks in bytes HeldAcks wrote (frame-ack messages back to back), decoded. */
function ackMessages(bytes: Buffer): Ack[] {
	const parser = new V2Parser();
	return parser.push(bytes).filter((message): message is Ack => message.type === 'frame-ack');
}

test("an ack that arrives while this side's window is full goes at once: no video will take it soon", () => {
	const written: Buffer[] = [];
	const held = new HeldAcks((bytes) => written.push(bytes));
	try {
		held.prependTo(Buffer.alloc(0), 1000);
		held.hold(1, 1010, true);
		assert.equal(written.length, 0, 'held while the window is open');
		held.hold(2, 1020, false);
		assert.deepEqual(
			written.flatMap(ackMessages).map(({seq, heldMs}) => ({seq, heldMs})),
			[
				{seq: 1, heldMs: 10},
				{seq: 2, heldMs: 0},
			],
		);
	} finally {
		held.close();
	}
});

test("held acks go on their own after the backstop when neither video nor the peer's next frame comes", async () => {
	const written: Array<{bytes: Buffer; at: number}> = [];
	const held = new HeldAcks((bytes) => written.push({bytes, at: performance.now()}));
	try {
		const start = performance.now();
		held.prependTo(Buffer.alloc(0), start);
		held.hold(7, start, true);
		await sleep(maxAckHoldMs);
		assert.equal(
			written.length,
			0,
			"still held after the hold itself: the camera's next frame may yet take it",
		);
		await until('the backstop', () => written.length > 0);
		const [ack] = ackMessages(written[0]!.bytes);
		assert.equal(ack?.seq, 7);
		assert.ok(
			ack.heldMs! >= ackBackstopMs - 1 && ack.heldMs! <= ackBackstopMs + slackMs,
			`held ${ack.heldMs} ms`,
		);
	} finally {
		held.close();
	}
});

/**
 * Node's loop iterations a frame for a side whose peer's frames come as I/O every `intervalMs` (a
 * child writing, as from a socket) and whose camera is a timer pending when each frame arrives,
 * firing `cameraAfterMs` later, its turn writing this side's video (after an await, as the Call's
 * does) and so taking the held acks.
 */
async function loopsPerFrame(intervalMs: number, cameraAfterMs: number): Promise<number> {
	const peer = spawn(
		process.execPath,
		['-e', `setInterval(() => process.stdout.write("f"), ${intervalMs})`],
		{
			stdio: ['ignore', 'pipe', 'ignore'],
		},
	);
	const held = new HeldAcks(() => undefined);
	const camera = new Set<NodeJS.Timeout>();
	try {
		let seq = 0;
		let counted: {frames: number; loops: number} | undefined;
		const loops = () => performance.nodeTiming.uvMetricsInfo.loopCount;
		await new Promise<void>((resolve) => {
			peer.stdout.on('data', (chunk: Buffer) => {
				for (let i = 0; i < chunk.length; i++) held.hold(seq++, performance.now(), true);
				const tick = setTimeout(async () => {
					camera.delete(tick);
					await Promise.resolve();
					held.prependTo(Buffer.alloc(1));
				}, cameraAfterMs);
				camera.add(tick);
				// A chunk may hold several frames (a busy machine): counting starts at the first past ten.
				if (!counted && seq >= 10) counted = {frames: seq, loops: loops()};
				if (seq >= 35) resolve();
			});
		});
		return (loops() - counted!.loops) / (seq - counted!.frames);
	} finally {
		peer.kill();
		await once(peer, 'exit');
		for (const tick of camera) clearTimeout(tick);
		held.close();
	}
}

/** Node's own count of its loop iterations, which older releases of Node 20 do not keep. */
const loopsCounted = 'uvMetricsInfo' in performance.nodeTiming;

test(
	"held acks add no wake-up of their own: a side wakes for the peer's frame and for its camera, once each a frame",
	{
		skip: loopsCounted
			? false
			: 'this Node does not count its loop iterations (performance.nodeTiming.uvMetricsInfo)',
	},
	async () => {
		// Two a frame (the peer's frame, the camera's); a timer left behind by each hold made three:
		// at 30 fps with the backstop at the hold itself (40 ms), at 15 fps with it at 80 ms.
		for (const [intervalMs, cameraAfterMs] of [
			[33, 20],
			[66, 40],
		] as const) {
			const perFrame = await loopsPerFrame(intervalMs, cameraAfterMs);
			assert.ok(perFrame < 2.5, `${perFrame.toFixed(2)} loop iterations a frame at ${intervalMs} ms a frame`);
		}
	},
);
