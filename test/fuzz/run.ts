/**
 * A mutation fuzzer over every parser a peer (or a damaged file) can reach: the v2 stream parser,
 * the seed parser, the greeting, the auth message, the JPEG header reader, known_peers and
 * fingerprints, and the relay's rendezvous lines (a stranger's request to the relay, the relay's
 * replies to a client). Valid inputs are mutated (bit flips, lying length fields, splices,
 * truncation, insertion, pure noise) and fed in random chunks. Oracle: a parser either returns
 * something consistent or throws ProtocolError (the relay's parsers: returns a refusal); nothing
 * else, ever. Deterministic for a given seed.
 *
 *   node --import tsx test/fuzz/run.ts [iterations per target, default 200000] [seed]
 *   FUZZ_SECONDS=600 node --import tsx test/fuzz/run.ts     (time-bounded instead)
 */
import {pathToFileURL} from 'node:url';
import {decodeAuth, encodeAuth} from '../../source/protocol/auth.js';
import {ProtocolError} from '../../source/protocol/errors.js';
import {classifyGreetingReply} from '../../source/protocol/handshake.js';
import {jpegHeader} from '../../source/protocol/jpeg.js';
import {encodeSeedFrame, encodeSeedShape, seedFrameBytes, SeedParser} from '../../source/protocol/seed.js';
import {encodeV2, V2Parser, type V2Message} from '../../source/protocol/v2.js';
import {
	encodeReply,
	encodeRequest,
	errorCodes,
	LineReader,
	maxChannelNumber,
	maxLineBytes,
	parseReply,
	parseRequest,
	type LineResult,
} from '../../source/relay/rendezvous.js';
import {parseFingerprint} from '../../source/trust/identity.js';
import {parseKnownPeers} from '../../source/trust/known-peers.js';

/** xorshift128+: fast, seedable, good enough to pick mutations. */
export class Random {
	private a: number;
	private b: number;
	constructor(seed: number) {
		this.a = seed | 1;
		this.b = (seed * 2654435761) | 7;
	}
	next(): number {
		let s1 = this.a;
		const s0 = this.b;
		this.a = s0;
		s1 ^= s1 << 23;
		s1 ^= s1 >>> 17;
		s1 ^= s0 ^ (s0 >>> 26);
		this.b = s1;
		return ((this.a + this.b) >>> 0) / 2 ** 32;
	}
	int(n: number): number {
		return Math.floor(this.next() * n);
	}
	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)]!;
	}
	bytes(n: number): Buffer {
		const out = Buffer.alloc(n);
		for (let i = 0; i < n; i++) out[i] = this.int(256);
		return out;
	}
}

const interesting = [
	0, 1, 2, 4, 5, 17, 18, 19, 127, 128, 255, 256, 4096, 65535, 65536, 0x7fffffff, 0xffffffff,
];

export function mutate(random: Random, input: Buffer, corpus: readonly Buffer[]): Buffer {
	let bytes: Buffer = Buffer.from(input);
	const rounds = 1 + random.int(4);
	for (let r = 0; r < rounds; r++) {
		switch (random.int(8)) {
			case 0: // flip a bit
				if (bytes.length) bytes[random.int(bytes.length)]! ^= 1 << random.int(8);
				break;
			case 1: // set a byte
				if (bytes.length)
					bytes[random.int(bytes.length)] = random.pick([0, 0xff, 0x7f, 0x80, random.int(256)]);
				break;
			case 2: // a lying u32/u16 somewhere (length fields, dimensions)
				if (bytes.length >= 4) {
					const at = random.int(bytes.length - 3);
					const value = random.pick(interesting);
					if (random.int(2)) bytes.writeUInt32BE(value >>> 0, at);
					else bytes.writeUInt16BE(value & 0xffff, at);
				}
				break;
			case 3: // truncate
				bytes = bytes.subarray(0, random.int(bytes.length + 1));
				break;
			case 4: // insert noise
				{
					const at = random.int(bytes.length + 1);
					bytes = Buffer.concat([
						bytes.subarray(0, at),
						random.bytes(1 + random.int(16)),
						bytes.subarray(at),
					]);
				}
				break;
			case 5: // delete a range
				{
					const at = random.int(bytes.length + 1);
					bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + random.int(16))]);
				}
				break;
			case 6: // splice with another input
				{
					const other = random.pick(corpus);
					const at = random.int(bytes.length + 1);
					bytes = Buffer.concat([bytes.subarray(0, at), other.subarray(random.int(other.length + 1))]);
				}
				break;
			default: // pure noise
				bytes = random.bytes(random.int(64));
		}
	}
	return bytes;
}

function chunks(random: Random, bytes: Buffer): Buffer[] {
	const out: Buffer[] = [];
	let at = 0;
	while (at < bytes.length) {
		const size = random.int(3) === 0 ? 1 : 1 + random.int(bytes.length);
		out.push(bytes.subarray(at, at + size));
		at += size;
	}
	return out;
}

export function expectProtocolError(target: string, input: Buffer, run: () => void): 'ok' | 'refused' {
	try {
		run();
		return 'ok';
	} catch (error) {
		if (error instanceof ProtocolError) return 'refused';
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		throw new Error(`${target}: input ${input.toString('hex').slice(0, 400)} threw ${message}`);
	}
}

const v2Corpus: Buffer[] = (
	[
		{type: 'hello', version: 2, capabilities: 63, agent: 'facetty'},
		{type: 'video', codec: 'raw', width: 2, height: 1, seq: 7, capturedAt: 1, data: new Uint8Array(6)},
		{
			type: 'video',
			codec: 'jpeg',
			width: 64,
			height: 48,
			seq: 9,
			capturedAt: 2,
			data: Buffer.from([0xff, 0xd8, 1]),
		},
		{type: 'video', codec: 'jpeg444', width: 8, height: 8, seq: 1, capturedAt: 3, data: Buffer.alloc(12)},
		{type: 'show-size', width: 160, height: 96},
		{type: 'chat', text: 'héllo 👋'},
		{type: 'ping', id: 1, sentAt: 5},
		{type: 'pong', id: 1, pingSentAt: 1, receivedAt: 2, sentAt: 3},
		{type: 'goodbye', reason: 'bye'},
		{type: 'frame-ack', seq: 3},
	] satisfies Array<Exclude<V2Message, {type: 'unknown'}>>
).map((m) => encodeV2(m));
v2Corpus.push(Buffer.concat(v2Corpus));

const seedShape = {rows: 2, cols: 3};
const seedCorpus = [
	Buffer.concat([encodeSeedShape(seedShape), encodeSeedFrame(seedShape, new Uint8Array(18))]),
	Buffer.concat([encodeSeedShape({rows: 480, cols: 640}), Buffer.from('15/'), Buffer.alloc(100)]),
	encodeSeedShape({rows: 8, cols: 8}),
];

const sof = Buffer.from([
	0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x30, 0x00, 0x40, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
]);
const jpegCorpus = [
	Buffer.concat([
		Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0]),
		sof,
		Buffer.from([0xff, 0xda, 0, 2]),
	]),
	Buffer.concat([Buffer.from([0xff, 0xd8]), sof]),
];
const fingerprint = 'SHA256:' + Buffer.alloc(32, 7).toString('base64').replace(/=+$/, '');
const textCorpus = [
	Buffer.from(`# facetty known peers\nhost:5000 ${fingerprint}\n[::1]:5000 ${fingerprint}\n`),
	Buffer.from(fingerprint),
	Buffer.from('07'.repeat(32)),
];

const relayRequestCorpus = [
	encodeRequest({kind: 'open', tag: 0x3c}),
	encodeRequest({kind: 'join', channel: 482_913, tag: 0xff}),
	encodeRequest({kind: 'join', channel: 1, tag: 0}),
	Buffer.from('FTYR1 open 3c\n' + 'x'.repeat(200)),
];
const relayReplyCorpus = [
	Buffer.concat([
		encodeReply({kind: 'ok', channel: 77}),
		encodeReply({kind: 'paired'}),
		Buffer.from('FTY2\0\0'),
	]),
	encodeReply({kind: 'err', code: 'wrong-code', text: 'the code is wrong'}),
	Buffer.from('err something-new from a newer relay\n'),
	Buffer.from('ok 999999\npaired\n'),
];

/**
 * One line from `chunks`, as the relay reads a request and the client each reply: pushes until the
 * reader answers. Also the reader's promise: it never holds more than one line, however the bytes
 * come, so a stranger's request costs at most maxLineBytes.
 */
function readLine(reader: LineReader, chunks: Buffer[]): {result: LineResult; used: number} {
	let held = 0;
	for (let used = 0; used < chunks.length; used++) {
		const chunk = chunks[used]!;
		const result = reader.push(chunk);
		if (result !== undefined) {
			if ('line' in result) {
				if (result.line.length >= maxLineBytes || !/^[\x20-\x7e]*$/.test(result.line))
					throw new Error(`a line the reader should have refused: ${JSON.stringify(result.line)}`);
				if (result.rest.length > chunk.length) throw new Error('the rest is longer than the chunk');
			}
			return {result, used};
		}
		held += chunk.length;
		if (held > maxLineBytes) throw new Error(`the reader holds ${held} bytes without a line ending`);
	}
	return {result: undefined, used: chunks.length};
}

function relayRequest(input: Buffer, random: Random): 'ok' | 'refused' {
	const {result} = readLine(new LineReader(), chunks(random, input));
	if (result === undefined) return 'ok';
	if ('error' in result) return 'refused';
	const request = parseRequest(result.line);
	if ('error' in request) return 'refused';
	// An accepted request is canonical: it is the one line the client would have sent.
	if (encodeRequest(request).toString('latin1') !== `${result.line}\n`)
		throw new Error(`request ${JSON.stringify(result.line)} parsed as ${JSON.stringify(request)}`);
	if (request.kind === 'join' && !(request.channel >= 1 && request.channel <= maxChannelNumber))
		throw new Error(`channel ${request.channel} out of range`);
	return 'ok';
}

/** The client's side: reply lines one by one (each with a fresh reader), until "paired" or a refusal. */
function relayReplies(input: Buffer, random: Random): 'ok' | 'refused' {
	let pieces = chunks(random, input);
	for (let line = 0; line < 3; line++) {
		const {result, used} = readLine(new LineReader(), pieces);
		if (result === undefined) return 'ok';
		if ('error' in result) return 'refused';
		const reply = parseReply(result.line);
		if ('error' in reply) return 'refused';
		if (reply.kind === 'err') {
			if (reply.code !== 'unknown' && !errorCodes.includes(reply.code)) throw new Error(`code ${reply.code}`);
			// What the client may show of the relay's text is printable and short.
			if (reply.text.length >= maxLineBytes || !/^[\x20-\x7e]*$/.test(reply.text))
				throw new Error(`reply text ${JSON.stringify(reply.text)}`);
			return 'refused';
		}
		if (encodeReply(reply).toString('latin1') !== `${result.line}\n`)
			throw new Error(`reply ${JSON.stringify(result.line)} parsed as ${JSON.stringify(reply)}`);
		if (reply.kind === 'paired') return 'ok';
		pieces = [result.rest, ...pieces.slice(used + 1)];
	}
	return 'ok';
}

/** The relay's parsers refuse by returning an error: any throw at all is a bug. */
function expectNoThrow(target: string, input: Buffer, run: () => 'ok' | 'refused'): 'ok' | 'refused' {
	try {
		return run();
	} catch (error) {
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		throw new Error(`${target}: input ${input.toString('hex').slice(0, 400)} threw ${message}`);
	}
}

export type Target = {
	name: string;
	corpus: Buffer[];
	run: (input: Buffer, random: Random) => 'ok' | 'refused';
};

export const targets: Target[] = [
	{
		name: 'v2 stream',
		corpus: v2Corpus,
		run: (input, random) =>
			expectProtocolError('v2', input, () => {
				const parser = new V2Parser();
				for (const piece of chunks(random, input)) {
					for (const message of parser.push(piece)) {
						if (message.type === 'unknown') continue;
						// Whatever parses must encode back to a message that parses the same.
						const again = new V2Parser().push(encodeV2(message));
						if (again.length !== 1 || again[0]!.type !== message.type) {
							throw new Error(`v2 round trip changed a ${message.type}`);
						}
					}
				}
			}),
	},
	{
		name: 'seed stream',
		corpus: seedCorpus,
		run: (input, random) =>
			expectProtocolError('seed', input, () => {
				const parser = new SeedParser();
				for (const piece of chunks(random, input)) {
					for (const event of parser.push(piece)) {
						if (event.type === 'frame' && event.data.length !== seedFrameBytes(event)) {
							throw new Error('seed frame of the wrong size');
						}
					}
				}
			}),
	},
	{
		name: 'greeting',
		corpus: [Buffer.from('done'), Buffer.from('FTY2'), Buffer.from('FTYS')],
		run: (input) =>
			expectProtocolError('greeting', input, () => void classifyGreetingReply(input.subarray(0, 4))),
	},
	{
		name: 'auth message',
		corpus: [
			encodeAuth({type: 'offer', share: Buffer.alloc(32, 1)}),
			encodeAuth({type: 'offer'}),
			encodeAuth({type: 'confirm', tag: Buffer.alloc(64, 2)}),
			encodeAuth({type: 'commit', hash: Buffer.alloc(32, 3)}),
			encodeAuth({type: 'nonce', nonce: Buffer.alloc(32, 4)}),
		],
		run: (input) =>
			expectProtocolError('auth', input, () => {
				const auth = decodeAuth(input);
				if (!encodeAuth(auth).equals(input)) throw new Error('auth round trip changed the bytes');
			}),
	},
	{
		name: 'jpeg header',
		corpus: jpegCorpus,
		run: (input) =>
			expectProtocolError('jpeg', input, () => {
				const header = jpegHeader(input);
				if (header && (header.width > 65535 || header.height > 65535))
					throw new Error('impossible JPEG size');
			}),
	},
	{
		name: 'known_peers and fingerprints',
		corpus: textCorpus,
		run: (input) =>
			expectProtocolError('known_peers', input, () => {
				const text = input.toString('utf8');
				for (const entry of parseKnownPeers(text).entries) {
					if (parseFingerprint(entry.fingerprint) !== entry.fingerprint)
						throw new Error('fingerprint not canonical');
				}
				const fp = parseFingerprint(text);
				if (fp !== undefined && parseFingerprint(fp) !== fp) throw new Error('fingerprint not a fixed point');
			}),
	},
	{
		name: 'relay request',
		corpus: relayRequestCorpus,
		run: (input, random) => expectNoThrow('relay request', input, () => relayRequest(input, random)),
	},
	{
		name: 'relay replies',
		corpus: relayReplyCorpus,
		run: (input, random) => expectNoThrow('relay replies', input, () => relayReplies(input, random)),
	},
];

export type FuzzResult = {target: string; iterations: number; refused: number};

export function fuzz(options: {iterations?: number; seconds?: number; seed?: number}): FuzzResult[] {
	const results: FuzzResult[] = [];
	const seed = options.seed ?? 1;
	for (const target of targets) {
		const random = new Random(seed ^ target.name.length);
		const deadline = options.seconds ? Date.now() + (options.seconds * 1000) / targets.length : Infinity;
		const limit = options.iterations ?? Infinity;
		let refused = 0;
		let i = 0;
		for (; i < limit && (i % 256 !== 0 || Date.now() < deadline); i++) {
			const input = mutate(random, random.pick(target.corpus), target.corpus);
			if (target.run(input, random) === 'refused') refused++;
		}
		results.push({target: target.name, iterations: i, refused});
	}
	return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const seconds = Number(process.env['FUZZ_SECONDS'] ?? 0) || undefined;
	const iterations = seconds ? undefined : Number(process.argv[2] ?? 200_000);
	const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
	const started = Date.now();
	console.log(`fuzz: seed ${seed}, ${seconds ? `${seconds} s` : `${iterations} iterations per target`}`);
	for (const r of fuzz({...(iterations ? {iterations} : {}), ...(seconds ? {seconds} : {}), seed})) {
		console.log(`  ${r.target.padEnd(30)} ${String(r.iterations).padStart(10)} inputs, ${r.refused} refused`);
	}
	console.log(`fuzz: no crash in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
