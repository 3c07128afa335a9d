/**
 * A room's links sharing one encoder (encoder-pool.ts): three real V2Links given the same pool,
 * each to its own receiver (link-pair.ts), with the real codec binding counting its encodes.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {makeFrame, type Frame} from '../../source/frame.js';
import {encodeCount, interCodecs} from '../../source/native-codec.js';
import {encodeV2, type V2Message} from '../../source/protocol/v2.js';
import {EncoderPool} from '../../source/session/encoder-pool.js';
import {drawTestPattern} from '../../source/sources/test-pattern.js';
import {until} from './helpers.js';
import {linkPair, sleep, type Side} from './link-pair.js';

const hasCodec = interCodecs().includes('h264');
const camera = (index: number) => makeFrame(128, 96, drawTestPattern(128, 96, index / 30), Date.now());

type Video = Extract<V2Message, {type: 'video'}>;
const videos = (side: Side) =>
	side.wrote
		.filter((w): w is {message: Video; at: number; write: number} => w.message.type === 'video')
		.map((w) => w.message);

/** Three pairs whose senders share `pool`; each frame goes to every sender ready for one, as Room.sendFrame does. */
/** Noise: every frame costs about all the rate allows, so a late ack lowers the link's target. */
const noise = () => {
	const data = new Uint8Array(128 * 96 * 3);
	for (let i = 0; i < data.length; i++) data[i] = (Math.random() * 256) | 0;
	return makeFrame(128, 96, data, Date.now());
};

function room(pool: EncoderPool, slowAcksMs?: number, picture = camera) {
	const pairs = [0, 1, 2].map((i) => {
		// The last pair's acks come late when asked: its link's target falls (link-rate.ts).
		const late = i === 2 && slowAcksMs !== undefined;
		const pair: ReturnType<typeof linkPair> = linkPair({
			a: {encoderPool: pool},
			tamper: (bytes, message, from) => {
				if (!late || from !== 'b' || message.type !== 'frame-ack') return bytes;
				setTimeout(() => pair.a.link.receive(bytes), slowAcksMs);
				return undefined;
			},
		});
		return pair;
	});
	const busy = new Set<number>();
	let index = 0;
	let given = 0;
	const timer = setInterval(() => {
		const frame: Frame = picture(index++);
		given++;
		pairs.forEach((pair, i) => {
			if (busy.has(i) || !pair.a.link.readyForFrame()) return;
			busy.add(i);
			void pair.a.link.encodeFrame(frame).then((bytes) => {
				busy.delete(i);
				if (bytes) pair.a.write(bytes);
			});
		});
	}, 1000 / 30);
	return {
		pairs,
		given: () => given,
		stop: () => clearInterval(timer),
		close() {
			clearInterval(timer);
			for (const pair of pairs) pair.close();
		},
	};
}

/** The distinct packets the senders sent (one per capture time), and whether each was a keyframe. */
function packets(pairs: Array<{a: Side}>): Map<number, boolean> {
	const sent = new Map<number, boolean>();
	for (const pair of pairs)
		for (const video of videos(pair.a)) {
			const key = video.keyframe === true;
			const before = sent.get(video.capturedAt);
			assert.ok(before === undefined || before === key, 'one packet: one keyframe flag on every link');
			sent.set(video.capturedAt, key);
		}
	return sent;
}

test(
	'three links sharing a pool: one encode a frame, every receiver shows the pictures',
	{skip: !hasCodec},
	async () => {
		const pool = new EncoderPool();
		const encodesBefore = encodeCount();
		const r = room(pool);
		try {
			await until(
				'30 pictures at every receiver',
				() => r.pairs.every((p) => p.b.shown.length >= 30),
				15_000,
			);
			r.stop();
			await sleep(100);
			const encodes = encodeCount() - encodesBefore;
			const sent = packets(r.pairs);
			assert.equal(encodes, sent.size, `${encodes} encodes for ${sent.size} distinct packets`);
			assert.ok(encodes <= r.given(), `${encodes} encodes for ${r.given()} frames (not one per link)`);
			assert.equal(pool.size, 1, 'one encoder for one codec and size');
			for (const pair of r.pairs) {
				const sentHere = videos(pair.a);
				assert.ok(sentHere.every((v) => v.codec === 'h264'));
				assert.equal(sentHere[0]!.keyframe, true, 'each link starts at a keyframe');
				// Decodable: no packet needed asking again after the first request.
				const asked = pair.b.wrote.filter((w) => w.message.type === 'keyframe-request').length;
				assert.equal(asked, 1, 'each receiver asked once, at the start');
				// Its own seqs, one after another.
				sentHere.forEach((v, i) => assert.equal(v.seq, i + 1));
			}
			// The group started with one keyframe (the three first requests came together).
			const keys = [...sent.values()].filter(Boolean).length;
			assert.ok(keys <= 2, `${keys} keyframes to start`);
		} finally {
			r.close();
		}
		assert.equal(pool.size, 0, 'the last link out closed the encoder');
	},
);

test(
	'a keyframe request from one link: one keyframe, for the whole group; a flood meets the limit',
	{skip: !hasCodec},
	async () => {
		const pool = new EncoderPool();
		const r = room(pool);
		try {
			await until(
				'10 pictures at every receiver',
				() => r.pairs.every((p) => p.b.shown.length >= 10),
				15_000,
			);
			await sleep(1500);
			const keysBefore = [...packets(r.pairs).values()].filter(Boolean).length;
			const asker = r.pairs[1]!;
			const lastSeq = () => videos(asker.a).at(-1)!.seq;
			asker.b.write(encodeV2({type: 'keyframe-request', lastSeq: lastSeq()}));
			await sleep(500);
			const sent = packets(r.pairs);
			const keys = [...sent.entries()].filter(([, key]) => key).map(([at]) => at);
			assert.equal(keys.length, keysBefore + 1, 'one request, one keyframe');
			const newest = keys.at(-1)!;
			for (const pair of r.pairs)
				assert.ok(
					videos(pair.a).some((v) => v.capturedAt === newest && v.keyframe),
					'every link sent the keyframe',
				);

			// Asking on every frame for 2 s: the burst (3), then one a second.
			const floodStart = sent.size;
			const flood = setInterval(
				() => asker.b.write(encodeV2({type: 'keyframe-request', lastSeq: lastSeq()})),
				1000 / 30,
			);
			await sleep(2000);
			clearInterval(flood);
			const after = [...packets(r.pairs).values()].slice(floodStart).filter(Boolean).length;
			assert.ok(after >= 1 && after <= 3 + 2, `${after} keyframes in 2 s of requests`);
			for (const pair of r.pairs) assert.ok(pair.b.shown.length > 60, 'every receiver kept showing');
		} finally {
			r.close();
		}
	},
);

test(
	'a link far slower than the rest gets its own encoder; the others keep the group',
	{skip: !hasCodec},
	async () => {
		const pool = new EncoderPool();
		const r = room(pool, 200, noise);
		try {
			const [fast, , slow] = r.pairs as [ReturnType<typeof linkPair>, unknown, ReturnType<typeof linkPair>];
			await until(
				"the slow link's target below half the others'",
				() => (slow.a.link.targetKbps ?? 1e9) < 0.5 * (fast.a.link.targetKbps ?? 0),
				20_000,
			);
			await sleep(300);
			const encodesBefore = encodeCount();
			const fastBefore = videos(fast.a).length;
			const slowBefore = videos(slow.a).length;
			await sleep(1000);
			const encodes = encodeCount() - encodesBefore;
			const fastNew = videos(fast.a).length - fastBefore;
			const slowNew = videos(slow.a).slice(slowBefore);
			assert.ok(slowNew.length > 0, 'the slow link still sends');
			const group = new Map(videos(fast.a).map((v) => [v.capturedAt, v.data]));
			assert.ok(
				slowNew.some((v) => !Buffer.from(group.get(v.capturedAt) ?? []).equals(v.data)),
				"the slow link's packets are its own encoder's",
			);
			assert.ok(
				encodes >= fastNew + slowNew.length - 1,
				`${encodes} encodes: the group's and the slow link's`,
			);
			assert.ok(fastNew >= slowNew.length, `fast ${fastNew} frames, slow ${slowNew.length}`);
		} finally {
			r.close();
		}
		assert.equal(pool.size, 0);
	},
);

test(
	'a link too far behind the group gets its own encoder, not a keyframe for everyone each time',
	{skip: !hasCodec},
	async () => {
		const pool = new EncoderPool();
		// Acks 600 ms late: the link's send window lets it send a few frames in that time, while the
		// group encodes 18.
		const r = room(pool, 600);
		try {
			const [fast, , slow] = r.pairs as [ReturnType<typeof linkPair>, unknown, ReturnType<typeof linkPair>];
			await until('pictures at the slow receiver', () => slow.b.shown.length >= 10, 15_000);
			await sleep(3000);
			const keys = videos(fast.a).filter((v) => v.keyframe).length;
			assert.ok(keys <= 2, `${keys} keyframes to the fast links in 4 s`);
			const group = new Map(videos(fast.a).map((v) => [v.capturedAt, v.data]));
			const own = videos(slow.a).filter((v) => !Buffer.from(group.get(v.capturedAt) ?? []).equals(v.data));
			assert.ok(own.length > 0, "the slow link sends its own encoder's packets");
			assert.ok(
				fast.b.shown.length > 2 * slow.b.shown.length,
				`${fast.b.shown.length} / ${slow.b.shown.length}`,
			);
		} finally {
			r.close();
		}
	},
);
