import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {ProtocolError} from '../../source/protocol/errors.js';
import {classifyGreetingReply, seedGreeting, v2Magic} from '../../source/protocol/handshake.js';
import {
	capability,
	encodeV2,
	V2Parser,
	v2MaxChatBytes,
	v2MaxVideoBytes,
	type V2Message,
} from '../../source/protocol/v2.js';
import {assertParsesOrRefuses, chunk, concat} from './chunking.js';

type Known = Exclude<V2Message, {type: 'unknown'}>;

const finite = fc.double({noNaN: true, noDefaultInfinity: true});
const u32 = fc.integer({min: 0, max: 0xffffffff});
const u16 = fc.integer({min: 0, max: 0xffff});
const size = fc.integer({min: 1, max: 64});

const anyMessage: fc.Arbitrary<Known> = fc.oneof(
	fc.record({
		type: fc.constant('hello' as const),
		version: u16,
		capabilities: u32,
		agent: fc.string({maxLength: 30}),
	}),
	fc
		.record({
			w: size,
			h: size,
			seq: u32,
			capturedAt: finite,
			jpeg: fc.uint8Array({minLength: 1, maxLength: 200}),
		})
		.chain(({w, h, seq, capturedAt, jpeg}) =>
			fc.oneof(
				fc.constant({
					type: 'video' as const,
					codec: 'jpeg' as const,
					width: w,
					height: h,
					seq,
					capturedAt,
					data: jpeg,
				}),
				fc
					.record({codec: fc.constantFrom('h264' as const, 'vp9' as const), keyframe: fc.boolean()})
					.map(({codec, keyframe}) => ({
						type: 'video' as const,
						codec,
						width: w,
						height: h,
						seq,
						capturedAt,
						data: jpeg,
						keyframe,
					})),
				fc.uint8Array({minLength: w * h * 3, maxLength: w * h * 3}).map((data) => ({
					type: 'video' as const,
					codec: 'raw' as const,
					width: w,
					height: h,
					seq,
					capturedAt,
					data,
				})),
			),
		),
	fc.record({type: fc.constant('show-size' as const), width: u16, height: u16}),
	fc.record({type: fc.constant('chat' as const), text: fc.string({maxLength: 100, unit: 'grapheme'})}),
	fc.record({type: fc.constant('ping' as const), id: u32, sentAt: finite}),
	fc.record({
		type: fc.constant('pong' as const),
		id: u32,
		pingSentAt: finite,
		receivedAt: finite,
		sentAt: finite,
	}),
	fc.record({type: fc.constant('goodbye' as const), reason: fc.string({maxLength: 50})}),
	fc.record({type: fc.constant('frame-ack' as const), seq: u32}),
	fc.record({type: fc.constant('frame-ack' as const), seq: u32, heldMs: u16}),
	fc.constant({type: 'key-question' as const}),
	fc.record({type: fc.constant('keyframe-request' as const), lastSeq: u32}),
);

function normalise(m: V2Message): unknown {
	return m.type === 'video' ? {...m, data: Buffer.from(m.data)} : {...m};
}

function header(type: number, length: number): Buffer {
	const h = Buffer.alloc(5);
	h.writeUInt8(type, 0);
	h.writeUInt32BE(length, 1);
	return h;
}

test('the handshake reply tells seed from v2', () => {
	assert.equal(classifyGreetingReply(seedGreeting), 'seed');
	assert.equal(classifyGreetingReply(v2Magic), 'v2');
	assert.equal(classifyGreetingReply(Buffer.from('GET ')), 'unknown');
	assert.equal(Buffer.from(v2Magic).toString('ascii'), 'FTY2');
});

test('every message round-trips in any chunking', () => {
	fc.assert(
		fc.property(
			fc.array(anyMessage, {minLength: 1, maxLength: 6}),
			fc.array(fc.nat(), {maxLength: 10}),
			(messages, cuts) => {
				const stream = concat(messages.map((m) => encodeV2(m)));
				const parser = new V2Parser();
				const got = chunk(stream, cuts).flatMap((piece) => parser.push(piece));
				assert.deepEqual(got.map(normalise), messages.map(normalise));
				assert.equal(parser.midMessage, false);
			},
		),
		{numRuns: 300},
	);
});

test('unknown types are skipped without stopping the stream', () => {
	const parser = new V2Parser();
	const stream = concat([
		header(0x7f, 3),
		Buffer.from('abc'),
		header(0x80, 0),
		encodeV2({type: 'chat', text: 'still here'}),
	]);
	const got = parser.push(stream);
	assert.deepEqual(got, [
		{type: 'unknown', code: 0x7f, length: 3},
		{type: 'unknown', code: 0x80, length: 0},
		{type: 'chat', text: 'still here'},
	]);
});

test('key-question is type 0x0c (0x0a and 0x0b are auth messages) with no payload; any payload is refused', () => {
	assert.deepEqual([...encodeV2({type: 'key-question'})], [0x0c, 0, 0, 0, 0]);
	assert.deepEqual(new V2Parser().push(header(0x0c, 0)), [{type: 'key-question'}]);
	assert.throws(() => new V2Parser().push(concat([header(0x0c, 1), Buffer.from([0])])), ProtocolError);
});

test("a peer's parser (helloFirst) refuses any first message but hello or key-question at its header", () => {
	// A stranger's first header claims a video message of the largest size: refused after 5 bytes,
	// not waited for (and its 6 MB not held) until the handshake deadline.
	const first = new V2Parser({helloFirst: true});
	assert.throws(
		() => first.push(header(0x02, v2MaxVideoBytes)),
		(error: unknown) =>
			error instanceof ProtocolError &&
			error.code === 'bad-handshake' &&
			/video before hello/.test(error.message),
	);
	for (const [type, name] of [
		[0x08, 'frame-ack'],
		[0x11, 'room'],
		[0x7f, 'unknown'],
	] as const) {
		assert.throws(
			() => new V2Parser({helloFirst: true}).push(header(type, 0)),
			new RegExp(`${name} before hello`),
		);
	}
	// key-question may come first (a user deciding on a changed key), then hello, then anything.
	const peer = new V2Parser({helloFirst: true});
	const hello = encodeV2({type: 'hello', version: 2, capabilities: 0, agent: 'facetty'});
	const messages = peer.push(concat([header(0x0c, 0), hello, encodeV2({type: 'frame-ack', seq: 7})]));
	assert.deepEqual(
		messages.map((m) => m.type),
		['key-question', 'hello', 'frame-ack'],
	);
	// Without the option (the seed-compatible and test parsers) any order parses, as before.
	assert.deepEqual(new V2Parser().push(encodeV2({type: 'frame-ack', seq: 7})), [{type: 'frame-ack', seq: 7}]);
});

test('keyframe-request is type 0x0d with the newest seq seen (u32); video flags bit 0 marks a codec keyframe', () => {
	assert.deepEqual([...encodeV2({type: 'keyframe-request', lastSeq: 258})], [0x0d, 0, 0, 0, 4, 0, 0, 1, 2]);
	assert.throws(() => new V2Parser().push(concat([header(0x0d, 0)])), ProtocolError);
	const video = {type: 'video', codec: 'h264', width: 2, height: 2, seq: 1, capturedAt: 5} as const;
	const key = encodeV2({...video, data: Buffer.from([1]), keyframe: true});
	assert.equal(key[5], 4, 'codec 4 is h264');
	assert.equal(key[6], 1, 'flags: keyframe');
	assert.equal(encodeV2({...video, codec: 'vp9', data: Buffer.from([1])})[5], 5, 'codec 5 is vp9');
	assert.equal(encodeV2({...video, data: Buffer.from([1])})[6], 0);
	// Old codecs carry no flag (it stays 0 on the wire and absent once parsed).
	const jpegBytes = encodeV2({...video, codec: 'jpeg', data: Buffer.from([1]), keyframe: true});
	assert.equal(jpegBytes[6], 0);
	const [jpeg] = new V2Parser().push(jpegBytes);
	assert.equal(jpeg?.type === 'video' && jpeg.keyframe, undefined);
});

test('frame-ack is seq u32, then to a heldAcks peer (capability bit 8) how long it was held, u16 ms', () => {
	assert.equal(capability.heldAcks, 1 << 8);
	assert.deepEqual([...encodeV2({type: 'frame-ack', seq: 258})], [0x08, 0, 0, 0, 4, 0, 0, 1, 2]);
	const held = encodeV2({type: 'frame-ack', seq: 258, heldMs: 33.4});
	assert.deepEqual([...held], [0x08, 0, 0, 0, 6, 0, 0, 1, 2, 0, 33]);
	assert.deepEqual(new V2Parser().push(held), [{type: 'frame-ack', seq: 258, heldMs: 33}]);
	// Past the field's range it says the most it can; a peer's word is capped by the sender anyway.
	const [long] = new V2Parser().push(encodeV2({type: 'frame-ack', seq: 1, heldMs: 1e9}));
	assert.equal(long?.type === 'frame-ack' && long.heldMs, 0xffff);
	for (const length of [0, 3, 5, 7])
		assert.throws(
			() => new V2Parser().push(concat([header(0x08, length), Buffer.alloc(length)])),
			ProtocolError,
		);
});

test('a 1 GB claim is refused from the header alone', () => {
	for (const type of [0x02, 0x04, 0x7f]) {
		assert.throws(
			() => new V2Parser().push(header(type, 1 << 30)),
			(e: unknown) => e instanceof ProtocolError && e.code === 'message-too-large',
		);
	}
});

test('wrong sizes, bad fields and bad UTF-8 are refused', () => {
	const bad = (bytes: Uint8Array) => assert.throws(() => new V2Parser().push(bytes), ProtocolError);
	bad(header(0x05, 4));
	bad(header(0x03, 5));
	bad(header(0x04, v2MaxChatBytes + 1));
	bad(concat([header(0x04, 2), Buffer.from([0xc3, 0x28])]));
	const video = (codec: 'raw' | 'jpeg', bytes: number) =>
		encodeV2({type: 'video', codec, width: 2, height: 2, seq: 1, capturedAt: 0, data: new Uint8Array(bytes)});
	const raw = video('raw', 12);
	raw.writeUInt16BE(3, 5 + 2);
	bad(raw);
	const zero = video('jpeg', 5);
	zero.writeUInt16BE(0, 5 + 4);
	bad(zero);
	const codec = video('jpeg', 5);
	codec.writeUInt8(9, 5);
	bad(codec);
	assert.throws(() => encodeV2({type: 'chat', text: 'x'.repeat(v2MaxChatBytes + 1)}), RangeError);
});

test('fuzz: random and mutated bytes either parse or throw ProtocolError', () => {
	const valid = concat([
		encodeV2({type: 'hello', version: 2, capabilities: 31, agent: 'facetty'}),
		encodeV2({
			type: 'video',
			codec: 'raw',
			width: 2,
			height: 1,
			seq: 7,
			capturedAt: 1,
			data: new Uint8Array(6),
		}),
		encodeV2({type: 'chat', text: 'héllo'}),
		encodeV2({type: 'pong', id: 1, pingSentAt: 1, receivedAt: 2, sentAt: 3}),
	]);
	assertParsesOrRefuses(valid, 400, 3000, (pieces) => {
		const parser = new V2Parser();
		for (const piece of pieces) parser.push(piece);
	});
});
