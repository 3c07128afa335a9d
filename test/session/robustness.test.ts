import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {encodeSeedShape} from '../../source/protocol/seed.js';
import {dial, type ListenOptions, type Listener} from '../../source/session/connect.js';
import type {Call} from '../../source/session/call.js';
import {
	cleanupsAfterFile,
	ended,
	feed,
	feedListener,
	loopbackListener,
	nextCall,
	nextFrames,
	patternFrame,
	withTimeout,
} from './helpers.js';

const cleanups = cleanupsAfterFile();

const listener = (options: ListenOptions = {}) =>
	// Short deadlines keep the file quick; 1.5 s still lets a loaded machine's first TLS call through.
	loopbackListener(cleanups, {handshakeTimeoutMs: 1500, idleTimeoutMs: 1000, ...options});

/** Connects, says `bytes` after the greeting, then waits for the listener to close on us. */
async function misbehave(port: number, script: (socket: net.Socket) => void): Promise<void> {
	const socket = net.connect(port, '127.0.0.1');
	socket.on('error', () => undefined);
	socket.once('data', () => script(socket));
	await withTimeout(new Promise((resolve) => socket.on('close', resolve)), 10_000, 'the listener to hang up');
}

function nextOutcome(l: Listener): Promise<Error> {
	return withTimeout(
		new Promise((resolve) => {
			l.once('rejected', (error) => resolve(error));
			l.once('call', (call: Call) =>
				call.once('ended', (end) => resolve(end.error ?? new Error(end.reason))),
			);
		}),
		10_000,
		'the listener to refuse',
	);
}

async function assertTakesNextCall(l: Listener): Promise<void> {
	const accepted = nextCall(l);
	const caller = dial('127.0.0.1', l.port, {codec: 'raw'});
	const accepter = await accepted;
	const stop = feed(accepter, (i) => patternFrame(8, 8, i));
	try {
		const frames = await nextFrames(caller, 3);
		assert.equal(frames.length, 3);
	} finally {
		// A failure here must not leave the feed's timer running: the file would never end.
		stop();
		caller.hangUp();
	}
	await ended(accepter);
}

const seedLies: Array<[string, string | Buffer]> = [
	['99999 99999', '99999 99999'],
	['0 0', '0 01/'],
	['-1 5', '-1 5'],
	['shape and segments disagree', '480 6401/'],
	['garbage instead of a shape', Buffer.from([0xff, 0x00, 0x13, 0x37])],
];

for (const [name, lie] of seedLies) {
	test(`seed: a caller announcing ${name} is refused and the listener takes the next call`, async () => {
		const l = await listener({seedShape: {width: 8, height: 8}});
		const outcome = nextOutcome(l);
		await misbehave(l.port, (socket) => {
			socket.write('done');
			socket.write(lie);
		});
		assert.ok((await outcome).name === 'ProtocolError');
		await assertTakesNextCall(l);
	});
}

test('garbage, silence, a 1 GB v2 message and a close mid-frame each end one connection, not the listener', async () => {
	const l = await listener({seedShape: {width: 8, height: 8}});
	const cases: Array<[string, (socket: net.Socket) => void, string]> = [
		['garbage greeting', (s) => s.write('GET / HTTP/1.1\r\n\r\n'), 'bad-handshake'],
		['silence', () => undefined, 'timeout'],
		[
			// A hello: a first message of another type is refused at its header, as bad-handshake.
			'1 GB v2 message',
			(s) => s.write(Buffer.concat([Buffer.from('FTY2'), Buffer.from([0x01, 0x40, 0, 0, 0])])),
			'message-too-large',
		],
		[
			'close mid-frame',
			(s) => {
				s.write('done');
				s.write(Buffer.concat([encodeSeedShape({rows: 8, cols: 8}), Buffer.from('1/'), Buffer.alloc(50)]));
				setTimeout(() => s.end(), 100);
			},
			'closed-mid-frame',
		],
		['stall mid-frame', (s) => s.write(Buffer.from('done8 81/\x01\x02')), 'timeout'],
	];
	for (const [name, script, code] of cases) {
		const outcome = nextOutcome(l);
		await misbehave(l.port, script);
		const error = (await outcome) as Error & {code?: string};
		assert.equal(error.code, code, `${name}: ${error.message}`);
	}
	await assertTakesNextCall(l);
});

test('auto reaches an accepter that speaks only the seed format (no announcement): seed, marked not encrypted', async () => {
	const l = await listener({protocol: 'seed'});
	const accepted = nextCall(l);
	const stop = feedListener(l, (i) => patternFrame(8, 8, i));
	cleanups.push(stop);
	const caller = dial('127.0.0.1', l.port, {protocol: 'auto'});
	const stopCaller = feed(caller, (i) => patternFrame(16, 12, i));
	cleanups.push(stopCaller);
	const accepter = await accepted;
	await nextFrames(caller, 2);
	await nextFrames(accepter, 2);
	assert.equal(caller.protocol, 'seed');
	assert.equal(caller.security.encrypted, false);
	assert.equal(caller.security.note, "not encrypted — the original script's format");
	caller.hangUp();
	await ended(accepter);
});

test('v2 forced against a seed-only accepter fails with a clear error instead of falling back', async () => {
	const l = await listener({protocol: 'seed'});
	const caller = dial('127.0.0.1', l.port, {protocol: 'v2'});
	const end = await ended(caller);
	assert.ok(end.error, end.reason);
	assert.equal(caller.protocol, undefined);
});

test('a second caller during a call is turned away without disturbing the first', async () => {
	const l = await listener();
	const accepted = nextCall(l);
	const first = dial('127.0.0.1', l.port, {codec: 'raw'});
	const accepter = await accepted;
	const stop = feed(accepter, (i) => patternFrame(8, 8, i));
	cleanups.push(stop);
	await nextFrames(first, 1);
	const second = dial('127.0.0.1', l.port, {protocol: 'v2'});
	assert.ok((await ended(second)).error);
	await nextFrames(first, 3);
	first.hangUp();
	await ended(accepter);
});

test(
	'seed: a frame dribbled a few bytes a second is dropped by its rate after 5 s, before the call is live',
	{timeout: 30_000},
	async () => {
		const l = await listener({seedShape: {width: 8, height: 8}});
		const rejected = withTimeout(
			new Promise<Error>((resolve) => l.once('rejected', resolve)),
			15_000,
			'the dribbler to be dropped',
		);
		let live = false;
		l.once('call', () => (live = true));
		const socket = net.connect(l.port, '127.0.0.1');
		socket.on('error', () => undefined);
		await new Promise((resolve) => socket.once('connect', resolve));
		socket.write('done');
		socket.write('2160 4096');
		await new Promise((resolve) => setTimeout(resolve, 500));
		socket.write('406/');
		const started = Date.now();
		const timer = setInterval(() => socket.write('xx'), 300);
		const error = (await rejected) as Error & {code?: string};
		clearInterval(timer);
		socket.destroy();
		assert.equal(error.code, 'timeout');
		assert.match(error.message, /too slow to be a call/);
		const tookMs = Date.now() - started;
		// Not before its 5 s; after them as soon as the 250 ms check runs, which a loaded machine
		// may run late: the upper bound only says the rate rule ended it, not the 15 s wait above.
		assert.ok(tookMs > 4500 && tookMs < 12_000, `dropped after ${tookMs} ms`);
		assert.equal(live, false, 'never a live call');
	},
);
