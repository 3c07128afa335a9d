/**
 * The rendezvous protocol's codec: every request and reply round-trips, any chunking of the bytes
 * parses the same, and random or mutated bytes give an error or a valid message, never a throw or
 * more than one line held.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {
	encodeReply,
	encodeRequest,
	errorCodes,
	LineReader,
	maxLineBytes,
	parseReply,
	parseRequest,
	requestStart,
	type Reply,
	type Request,
} from '../../source/relay/rendezvous.js';
import {chunk} from '../protocol/chunking.js';

const request: fc.Arbitrary<Request> = fc.oneof(
	fc.record({kind: fc.constant('open' as const), tag: fc.integer({min: 0, max: 255})}),
	fc.record({
		kind: fc.constant('join' as const),
		channel: fc.integer({min: 1, max: 999_999}),
		tag: fc.integer({min: 0, max: 255}),
	}),
);

const reply: fc.Arbitrary<Reply> = fc.oneof(
	fc.record({kind: fc.constant('ok' as const), channel: fc.integer({min: 1, max: 999_999})}),
	fc.constant({kind: 'paired' as const}),
	fc.record({kind: fc.constant('tried' as const), count: fc.integer({min: 1, max: 999_999})}),
	fc.record({
		kind: fc.constant('err' as const),
		code: fc.constantFrom(...errorCodes),
		text: fc.stringMatching(/^[a-z ;,]{0,30}$/).map((t) => t.trim().replace(/ +/g, ' ')),
	}),
);

/** Feeds the pieces to a LineReader; the line, and every byte after it, as one result. */
function readAll(pieces: readonly Uint8Array[]): {line: string; rest: Buffer} | {error: string} | undefined {
	const reader = new LineReader();
	for (const [index, piece] of pieces.entries()) {
		const result = reader.push(piece);
		if (result === undefined) continue;
		if ('error' in result) return result;
		return {line: result.line, rest: Buffer.concat([result.rest, ...pieces.slice(index + 1)])};
	}
	return undefined;
}

test('requests round-trip in any chunking, with the bytes after the line handed back', () => {
	fc.assert(
		fc.property(
			request,
			fc.uint8Array({maxLength: 40}),
			fc.array(fc.nat(), {maxLength: 8}),
			(req, after, cuts) => {
				const bytes = Buffer.concat([encodeRequest(req), after]);
				assert.ok(encodeRequest(req).length <= maxLineBytes);
				const read = readAll(chunk(bytes, cuts));
				assert.ok(read && 'line' in read);
				assert.deepEqual(parseRequest(read.line), {...req});
				assert.deepEqual(read.rest, Buffer.from(after));
			},
		),
		{numRuns: 500},
	);
});

test('replies round-trip in any chunking', () => {
	fc.assert(
		fc.property(reply, fc.array(fc.nat(), {maxLength: 8}), (rep, cuts) => {
			const read = readAll(chunk(encodeReply(rep), cuts));
			assert.ok(read && 'line' in read);
			const parsed = parseReply(read.line);
			assert.deepEqual(parsed, {...rep});
		}),
		{numRuns: 500},
	);
});

test('fuzz: random and mutated bytes never throw, and a line is never longer than the limit', () => {
	const mutated = fc
		.tuple(request, fc.array(fc.tuple(fc.nat(), fc.integer({min: 0, max: 255})), {maxLength: 4}))
		.map(([req, flips]) => {
			const bytes = Buffer.from(encodeRequest(req));
			for (const [at, value] of flips) bytes[at % bytes.length] = value;
			return bytes;
		});
	fc.assert(
		fc.property(
			fc.oneof(fc.uint8Array({maxLength: 200}), mutated),
			fc.array(fc.nat(), {maxLength: 8}),
			(bytes, cuts) => {
				const read = readAll(chunk(bytes, cuts));
				if (read === undefined) {
					assert.ok(bytes.indexOf(0x0a) === -1 && bytes.length < maxLineBytes);
					return;
				}
				if ('error' in read) return;
				assert.ok(read.line.length < maxLineBytes);
				assert.match(read.line, /^[\x20-\x7e]*$/);
				const parsed = parseRequest(read.line);
				if (!('error' in parsed)) assert.equal(encodeRequest(parsed).toString('latin1'), `${read.line}\n`);
				parseReply(read.line);
			},
		),
		{numRuns: 5000},
	);
});

test('a reader refuses an endless line as soon as it passes the limit, holding nothing more', () => {
	const reader = new LineReader();
	let result;
	for (let i = 0; i < 100 && result === undefined; i++) result = reader.push(Buffer.from('FTYR1 open '));
	assert.deepEqual(result, {error: `a line longer than ${maxLineBytes} bytes`});
	assert.deepEqual(reader.push(Buffer.from('\n')), result);
});

test('requests the relay must refuse', () => {
	for (const line of [
		'FTYR1 open',
		'FTYR1 open 3F',
		'FTYR1 open 123',
		'FTYR1 join 0 3f',
		'FTYR1 join 042 3f',
		'FTYR1 join 1000000 3f',
		'FTYR1 join 42',
		'FTYR1  open 3f',
		'FTYR2 open 3f',
		'GET / HTTP/1.1',
		'done',
	]) {
		assert.ok('error' in parseRequest(line), line);
	}
	assert.deepEqual(parseReply('err something-new the future'), {
		kind: 'err',
		code: 'unknown',
		text: 'the future',
	});
	assert.ok('error' in parseReply('ok 0'));
});

test('the relay reader refuses at the first byte that cannot start a request (a facetty caller says "done", no newline)', () => {
	for (const bytes of [
		'done',
		'FTYS',
		'FTY2',
		'SSH-2.0',
		'FTYR2 open 3f\n',
		'FTYR\n',
		'GET / HTTP/1.1\r\n',
	]) {
		const reader = new LineReader(requestStart);
		assert.deepEqual(reader.push(Buffer.from(bytes)), {error: 'a start other than FTYR1'}, bytes);
	}
	// A real request, in any chunking, is read as before.
	fc.assert(
		fc.property(request, fc.array(fc.nat(40), {maxLength: 6}), (req, cuts) => {
			const reader = new LineReader(requestStart);
			let result;
			for (const piece of chunk(encodeRequest(req), cuts)) result ??= reader.push(piece);
			assert.ok(result && 'line' in result);
			assert.deepEqual(parseRequest(result.line), {...req});
		}),
	);
});
