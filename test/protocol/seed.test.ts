import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {ProtocolError} from '../../source/protocol/errors.js';
import {
	encodeSeedFrame,
	encodeSeedShape,
	SeedParser,
	seedSegments,
	splitGluedShape,
	type SeedEvent,
} from '../../source/protocol/seed.js';
import {assertParsesOrRefuses, chunk, concat} from './chunking.js';

function pixels(rows: number, cols: number, seed: number): Uint8Array {
	const data = new Uint8Array(rows * cols * 3);
	for (let i = 0; i < data.length; i++) data[i] = (i * 31 + seed * 7) & 0xff;
	return data;
}

function parseAll(pieces: readonly Uint8Array[]): SeedEvent[] {
	const parser = new SeedParser();
	return pieces.flatMap((piece) => parser.push(piece));
}

function rejects(text: string, code?: string): void {
	assert.throws(
		() => new SeedParser().push(Buffer.from(text, 'latin1')),
		(error: unknown) => error instanceof ProtocolError && (code === undefined || error.code === code),
		`"${text}" should be refused`,
	);
}

test("the shape and frame header are the script's exact bytes", () => {
	assert.equal(encodeSeedShape({rows: 480, cols: 640}).toString('ascii'), '480 640');
	const frame = encodeSeedFrame({rows: 480, cols: 640}, new Uint8Array(921600));
	assert.equal(frame.subarray(0, 3).toString('ascii'), '15/');
	assert.equal(frame.length, 921603);
	assert.equal(seedSegments(65470), 1);
	assert.equal(seedSegments(65471), 2);
});

test('the shape glued to the first frame header is split where the segment count agrees', () => {
	assert.deepEqual(splitGluedShape('480 64015'), {rows: 480, cols: 640, segments: 15});
	assert.deepEqual(splitGluedShape('2 21'), {rows: 2, cols: 2, segments: 1});
	const bytes = concat([
		encodeSeedShape({rows: 480, cols: 640}),
		encodeSeedFrame({rows: 480, cols: 640}, pixels(480, 640, 1)),
	]);
	const events = parseAll([bytes]);
	assert.deepEqual(events[0], {type: 'shape', rows: 480, cols: 640});
	assert.equal(events[1]?.type, 'frame');
});

test('shape and frames survive any chunking', () => {
	fc.assert(
		fc.property(
			fc.integer({min: 1, max: 40}),
			fc.integer({min: 1, max: 40}),
			fc.integer({min: 1, max: 3}),
			fc.array(fc.nat(), {maxLength: 12}),
			(rows, cols, count, cuts) => {
				const frames = Array.from({length: count}, (_, k) => pixels(rows, cols, k));
				const stream = concat([
					encodeSeedShape({rows, cols}),
					...frames.map((f) => encodeSeedFrame({rows, cols}, f)),
				]);
				const events = parseAll(chunk(stream, cuts));
				assert.deepEqual(events[0], {type: 'shape', rows, cols});
				const got = events.slice(1).map((e) => (e.type === 'frame' ? Buffer.from(e.data) : undefined));
				assert.deepEqual(
					got,
					frames.map((f) => Buffer.from(f)),
				);
			},
		),
		{numRuns: 200},
	);
});

test('a multi-segment frame arriving a byte at a time is still one frame', () => {
	const shape = {rows: 100, cols: 300};
	const stream = concat([encodeSeedShape(shape), encodeSeedFrame(shape, pixels(100, 300, 3))]);
	const parser = new SeedParser();
	const events: SeedEvent[] = [];
	for (let i = 0; i < stream.length; i++) events.push(...parser.push(stream.subarray(i, i + 1)));
	assert.equal(events.length, 2);
	assert.equal(parser.midFrame, false);
});

test('lying, impossible and malformed shapes are refused before any frame is allocated', () => {
	rejects('99999 99999', 'bad-shape');
	rejects('0 0');
	rejects('0 01/');
	rejects('-1 5', 'bad-shape');
	rejects('480  640');
	rejects('480 640\n');
	rejects(' 480 640');
	rejects('4096 409699/');
	rejects('480 64014/', 'bad-shape');
	rejects('GET / HTTP/1.1\r\n');
	rejects('12345678901234567');
});

test('a frame header that disagrees with the shape is refused', () => {
	const parser = new SeedParser();
	parser.push(
		concat([encodeSeedShape({rows: 2, cols: 2}), encodeSeedFrame({rows: 2, cols: 2}, pixels(2, 2, 0))]),
	);
	assert.throws(() => parser.push(Buffer.from('2/')), ProtocolError);
	const other = new SeedParser();
	other.push(
		concat([encodeSeedShape({rows: 2, cols: 2}), encodeSeedFrame({rows: 2, cols: 2}, pixels(2, 2, 0))]),
	);
	assert.throws(() => other.push(Buffer.from('1x')), ProtocolError);
});

test('midFrame tells a close mid-frame from a close between frames', () => {
	const parser = new SeedParser();
	const frame = encodeSeedFrame({rows: 4, cols: 4}, pixels(4, 4, 0));
	parser.push(concat([encodeSeedShape({rows: 4, cols: 4}), frame.subarray(0, 10)]));
	assert.equal(parser.midFrame, true);
	parser.push(frame.subarray(10));
	assert.equal(parser.midFrame, false);
});

test('fuzz: random and mutated bytes either parse or throw ProtocolError, never anything else', () => {
	const valid = concat([
		encodeSeedShape({rows: 3, cols: 5}),
		encodeSeedFrame({rows: 3, cols: 5}, pixels(3, 5, 0)),
		encodeSeedFrame({rows: 3, cols: 5}, pixels(3, 5, 1)),
	]);
	assertParsesOrRefuses(valid, 300, 2000, (pieces) => {
		for (const event of parseAll(pieces)) {
			if (event.type === 'frame') assert.equal(event.data.length, event.rows * event.cols * 3);
		}
	});
});
