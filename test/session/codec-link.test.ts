/**
 * The inter-frame codec inside v2 (v2-link.ts): negotiation, keyframe requests and recovery,
 * measured on two real links joined back to back (link-pair.ts) so each message can be watched,
 * delayed or damaged.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {makeFrame} from '../../source/frame.js';
import {encodeV2, type V2Message} from '../../source/protocol/v2.js';
import {drawTestPattern} from '../../source/sources/test-pattern.js';
import {until} from './helpers.js';
import {linkPair, sleep, sourceOf, stream, type Side} from './link-pair.js';

const camera = (index: number) => makeFrame(128, 96, drawTestPattern(128, 96, index / 30), 0);

type Video = Extract<V2Message, {type: 'video'}>;
const videos = (side: Side) =>
	side.wrote.filter((w): w is {message: Video; at: number; write: number} => w.message.type === 'video');
const requests = (side: Side) => side.wrote.filter((w) => w.message.type === 'keyframe-request');

function psnr(a: Uint8Array, b: Uint8Array): number {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
	return 10 * Math.log10((255 * 255) / Math.max(1e-9, sum / a.length));
}

test('both sides with the codec: H.264, one keyframe to start, pictures close to the camera', async () => {
	const pair = linkPair();
	try {
		const stop = stream(pair.a, camera);
		await until('20 pictures', () => pair.b.shown.length >= 20);
		stop();
		const sent = videos(pair.a);
		assert.ok(sent.every((v) => v.message.codec === 'h264'));
		assert.equal(pair.a.link.codec, 'h264');
		assert.equal(typeof pair.a.link.targetKbps, 'number');
		assert.equal(sent.filter((v) => v.message.keyframe).length, 1, 'the start asks once, answered once');
		assert.equal(sent[0]!.message.keyframe, true);
		// The receiver asked at the start (before any video), and not again.
		assert.equal(requests(pair.b).length, 1);
		for (const {frame} of pair.b.shown.slice(-5)) {
			const source = sourceOf(pair.a, frame);
			assert.ok(source, 'each picture is one of the frames sent');
			assert.ok(psnr(source.data, frame.data) > 38, `${psnr(source.data, frame.data)} dB`);
		}
		const bytes = sent.reduce((n, v) => n + v.message.data.length, 0);
		assert.ok(bytes / sent.length < 2500, `${bytes / sent.length} bytes a frame (jpeg444: ~6000)`);
	} finally {
		pair.close();
	}
});

test('VP9 where one side has no H.264', async () => {
	const pair = linkPair({b: {interCodecs: ['vp9']}});
	try {
		const stop = stream(pair.a, camera);
		await until('10 pictures', () => pair.b.shown.length >= 10);
		stop();
		assert.ok(videos(pair.a).every((v) => v.message.codec === 'vp9'));
		assert.equal(pair.a.link.codec, 'vp9');
	} finally {
		pair.close();
	}
});

test('a peer without codec support (as facetty before it) gets jpeg444 and sends it, and is never asked for keyframes', async () => {
	const pair = linkPair({b: {interCodecs: []}});
	try {
		const stopA = stream(pair.a, camera);
		const stopB = stream(pair.b, camera);
		await until('pictures both ways', () => pair.b.shown.length >= 5 && pair.a.shown.length >= 5);
		stopA();
		stopB();
		assert.ok(videos(pair.a).every((v) => v.message.codec === 'jpeg444'));
		assert.ok(videos(pair.b).every((v) => v.message.codec === 'jpeg444'));
		assert.equal(pair.a.link.codec, 'jpeg444');
		assert.equal(pair.a.link.targetKbps, null);
		assert.deepEqual(requests(pair.a), []);
		assert.deepEqual(requests(pair.b), []);
		// Its hello offers what facetty offered before the codec: no codec bits.
		const hello = pair.b.wrote[0]!.message;
		assert.equal(hello.type, 'hello');
		assert.equal(hello.type === 'hello' && hello.capabilities & 0xc0, 0);
	} finally {
		pair.close();
	}
});

/** A pair 40 ms round trip apart whose `damage` decides, per video seq, what reaches b. */
function damagedPair(damage: (video: Video, bytes: Buffer) => Buffer | undefined) {
	return linkPair({
		oneWayMs: 20,
		tamper: (bytes, message, from) =>
			from === 'a' && message.type === 'video' ? damage(message, bytes) : bytes,
	});
}

function rewrite(video: Video, data: Uint8Array): Buffer {
	return encodeV2({...video, data});
}

// A cut keyframe (the first one) and a P-frame of garbage are errors the decoder sees. (A cut
// P-frame may decode as a damaged picture instead: TCP and TLS deliver whole messages, so only a
// peer can cut one, and a peer can send any picture anyway.)
for (const [what, hit, damage] of [
	[
		'a truncated keyframe',
		(video: Video) => video.keyframe === true && video.seq === 1,
		(data: Uint8Array) => data.subarray(0, data.length >> 1),
	],
	[
		'a packet of garbage',
		(video: Video) => video.keyframe !== true && video.seq === 15,
		(data: Uint8Array) => Buffer.from(data.map((_, i) => (i * 151 + 7) & 0xff)),
	],
] as const) {
	test(`${what}: a keyframe request at once, and a whole picture within one round trip and one frame`, async () => {
		let damagedAt: number | undefined;
		let damagedSeq = 0;
		let damagedCapture = 0;
		// Pictures of frames captured after the damaged one (capture times move by the clock offset,
		// a few ms; frames are 33 ms apart).
		const later = (s: {frame: {capturedAt: number}}) => s.frame.capturedAt > damagedCapture + 16;
		const pair = damagedPair((video, bytes) => {
			if (!hit(video)) return bytes;
			damagedSeq = video.seq;
			damagedCapture = video.capturedAt;
			damagedAt = Date.now() + 20; // when it reaches b
			return rewrite(video, damage(video.data));
		});
		try {
			const stop = stream(pair.a, camera);
			await until('the damaged packet', () => damagedAt !== undefined);
			await until('a picture after it', () => pair.b.shown.some(later));
			await sleep(200);
			stop();
			const ask = requests(pair.b).find((r) => r.at >= damagedAt! - 1);
			assert.ok(ask, 'b asked for a keyframe');
			// At once: in the turn that handled the damaged packet, before any later one (the request
			// names the newest seq b had seen). Not a time: a loaded machine's timers are late.
			assert.equal(ask.message.type === 'keyframe-request' && ask.message.lastSeq, damagedSeq);
			const recovered = pair.b.shown.find(later)!;
			const rtt = 40;
			const frameMs = 1000 / 30;
			// Plus the encode and the timers' own slack on a shared machine.
			assert.ok(
				recovered.at - damagedAt! <= rtt + frameMs + 25,
				`a picture ${recovered.at - damagedAt!} ms after the damage`,
			);
			const after = videos(pair.a).filter((v) => v.message.seq > damagedSeq);
			assert.equal(after.filter((v) => v.message.keyframe).length, 1, 'one keyframe answers it');
			// No picture between the damage and the keyframe: never a wrong one.
			const keySeq = after.find((v) => v.message.keyframe)!.message.seq;
			const shownAfter = pair.b.shown.filter(later);
			const keyCapture = after.find((v) => v.message.seq === keySeq)!.message.capturedAt;
			assert.ok(Math.abs(shownAfter[0]!.frame.capturedAt - keyCapture) < 16);
		} finally {
			pair.close();
		}
	});
}

test('a receiver that joins mid-stream asks, skips what it cannot decode, and shows the keyframe', async () => {
	let joinedAt: number | undefined;
	const pair = damagedPair((video, bytes) => {
		// Everything before seq 20 went to someone else (acknowledged, never seen by b's decoder).
		if (video.seq < 20) {
			queueMicrotask(() => pair.b.write(encodeV2({type: 'frame-ack', seq: video.seq})));
			return undefined;
		}
		joinedAt ??= Date.now() + 20;
		return bytes;
	});
	try {
		const stop = stream(pair.a, camera);
		await until('a picture', () => pair.b.shown.length > 0);
		stop();
		const first = pair.b.shown[0]!;
		const waited = first.at - joinedAt!;
		assert.ok(waited <= 40 + 1000 / 30 + 25, `first picture ${waited} ms after joining`);
		const keys = videos(pair.a).filter((v) => v.message.keyframe && v.message.seq >= 20);
		assert.equal(keys.length, 1);
		assert.ok(Math.abs(first.frame.capturedAt - keys[0]!.message.capturedAt) < 16);
	} finally {
		pair.close();
	}
});

test('a burst of requests for the same loss gets one keyframe, a request after it another', async () => {
	const pair = linkPair();
	try {
		const stop = stream(pair.a, camera);
		await until('10 pictures', () => pair.b.shown.length >= 10);
		const lastSeq = videos(pair.a).at(-1)!.message.seq;
		for (let i = 0; i < 4; i++) pair.b.write(encodeV2({type: 'keyframe-request', lastSeq}));
		await sleep(200);
		const keysAfter = () => videos(pair.a).filter((v) => v.message.keyframe && v.message.seq > lastSeq);
		assert.equal(keysAfter().length, 1, 'one keyframe for the burst');
		// A later request naming a seq after that keyframe is a new loss: a new keyframe.
		const newest = videos(pair.a).at(-1)!.message.seq;
		pair.b.write(encodeV2({type: 'keyframe-request', lastSeq: newest}));
		await sleep(150);
		stop();
		assert.equal(keysAfter().length, 2);
	} finally {
		pair.close();
	}
});

test('a peer that asks for a keyframe after every frame gets one a round trip at most, never two in a row, within a budget', async () => {
	// The flooder names the newest seq it has each time, so no keyframe already sent answers it.
	const pair = linkPair({
		oneWayMs: 5,
		tamper: (bytes, message, from) => {
			if (from === 'a' && message.type === 'video') {
				setTimeout(() => pair.b.write(encodeV2({type: 'keyframe-request', lastSeq: message.seq})), 6);
			}
			return bytes;
		},
	});
	try {
		const stop = stream(pair.a, camera);
		await until('60 frames sent', () => videos(pair.a).length >= 60);
		stop();
		const sent = videos(pair.a).map((v) => v.message);
		const keys = sent.filter((v) => v.keyframe);
		for (let i = 1; i < sent.length; i++) {
			assert.ok(!(sent[i]!.keyframe && sent[i - 1]!.keyframe), `keyframes in a row at seq ${sent[i]!.seq}`);
		}
		// About 2 s of frames: the first keyframe, a burst of 3 and one a second.
		assert.ok(keys.length <= 6, `${keys.length} keyframes in ${sent.length} frames`);
		assert.ok(pair.b.shown.length >= 50, 'the pictures kept coming');
	} finally {
		pair.close();
	}
});

test('a new shown size starts a new stream with one keyframe, and the picture follows the size', async () => {
	const pair = linkPair();
	try {
		const stop = stream(pair.a, camera);
		await until('5 pictures', () => pair.b.shown.length >= 5);
		const before = videos(pair.a).length;
		pair.b.link.requestShownSize({width: 64, height: 48});
		await until('a 64x48 picture', () => pair.b.shown.at(-1)!.frame.width === 64);
		await sleep(150);
		stop();
		const later = videos(pair.a).slice(before);
		const small = later.filter((v) => v.message.width === 64);
		assert.equal(small[0]!.message.keyframe, true);
		assert.equal(later.filter((v) => v.message.keyframe).length, 1);
	} finally {
		pair.close();
	}
});

test('the sender knows the size a camera frame goes out at once the peer says what it shows', async () => {
	const pair = linkPair();
	try {
		assert.equal(pair.a.link.sendSizeFor?.({width: 640, height: 480}), undefined);
		pair.b.link.requestShownSize({width: 160, height: 96});
		await until('the size arrived', () => pair.a.link.sendSizeFor?.({width: 640, height: 480}) !== undefined);
		// The camera's aspect kept inside what the peer shows; never larger than the camera's own.
		assert.deepEqual(pair.a.link.sendSizeFor?.({width: 640, height: 480}), {width: 128, height: 96});
		assert.deepEqual(pair.a.link.sendSizeFor?.({width: 80, height: 60}), {width: 80, height: 60});
	} finally {
		pair.close();
	}
});

test('a picture bigger than 320x240 (a big screen with octants, a window) goes as the codec too', async () => {
	const big = (index: number) => makeFrame(640, 480, drawTestPattern(640, 480, index / 30), 0);
	const pair = linkPair({b: {shownSize: {width: 400, height: 300}}});
	try {
		const stop = stream(pair.a, big);
		await until('5 pictures', () => pair.b.shown.length >= 5);
		pair.b.link.requestShownSize({width: 0, height: 0});
		await until('a full-size picture', () => pair.b.shown.at(-1)!.frame.width === 640);
		stop();
		const sent = videos(pair.a).map((v) => v.message);
		assert.ok(sent.every((v) => v.codec === 'h264'));
		assert.ok(sent.some((v) => v.width === 400 && v.height === 300));
	} finally {
		pair.close();
	}
});

test('a codec picture larger than the codec limit is refused (a keyframe request), never decoded', async () => {
	const pair = linkPair();
	try {
		const stop = stream(pair.a, camera);
		await until('pictures', () => pair.b.shown.length >= 3);
		stop();
		await sleep(50);
		const asked = requests(pair.b).length;
		const shown = pair.b.shown.length;
		pair.a.write(
			encodeV2({
				type: 'video',
				codec: 'h264',
				width: 4096,
				height: 4096,
				seq: 1,
				capturedAt: Date.now(),
				data: Buffer.alloc(100, 1),
				keyframe: true,
			}),
		);
		await sleep(20);
		assert.equal(pair.b.shown.length, shown);
		assert.equal(requests(pair.b).length, asked + 1);
	} finally {
		pair.close();
	}
});
