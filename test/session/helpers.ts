import net from 'node:net';
import {after} from 'node:test';
import {listen, type Listener, type ListenOptions} from '../../source/session/listener.js';
import {makeFrame, type Frame} from '../../source/frame.js';
import type {Call, CallEnd, CallState} from '../../source/session/call.js';
import type {CallStats} from '../../source/session/stats.js';
import {defaultGuessLimits, GuessLimiter} from '../../source/net/admission.js';

/** A frame whose pixels say which frame it is and where each pixel is, so a received one can be checked. */
export function patternFrame(width: number, height: number, index: number, capturedAt = Date.now()): Frame {
	const data = new Uint8Array(width * height * 3);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const at = (y * width + x) * 3;
			data[at] = (x * 4 + index * 8) & 0xff;
			data[at + 1] = (y * 4) & 0xff;
			data[at + 2] = ((x + y) * 2 + index * 16) & 0xff;
		}
	}
	return makeFrame(width, height, data, capturedAt);
}

/** Feeds a call frames at a steady rate until stopped, like a camera would. */
export function feed(call: Call, make: (index: number) => Frame, fps = 30): () => void {
	let index = 0;
	const timer = setInterval(() => call.sendFrame(make(index++)), 1000 / fps);
	return () => clearInterval(timer);
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout;
	return Promise.race([
		promise,
		new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
		}),
	]).finally(() => clearTimeout(timer));
}

/**
 * Waits until `check()` holds, polling every `pollMs`; fails after `ms` naming `what`. The one
 * polling wait of the tests: the ones that wait on an event use withTimeout over a promise.
 */
export async function until(what: string, check: () => boolean, ms = 20_000, pollMs = 20): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, pollMs));
	}
}

export async function nextFrames(call: Call, count: number, ms = 10_000): Promise<Frame[]> {
	const frames: Frame[] = [];
	return withTimeout(
		new Promise((resolve, reject) => {
			const onFrame = (frame: Frame) => {
				frames.push(frame);
				if (frames.length >= count) {
					call.off('frame', onFrame);
					resolve(frames);
				}
			};
			call.on('frame', onFrame);
			call.once('ended', (end: CallEnd) => reject(new Error(`call ended: ${end.reason}`)));
		}),
		ms,
		`${count} frames`,
	);
}

export async function ended(call: Call, ms = 10_000): Promise<CallEnd> {
	if (call.ended) return call.ended;
	return withTimeout(new Promise((resolve) => call.once('ended', resolve)), ms, 'the call to end');
}

export async function reached(call: Call, state: CallState, ms = 10_000): Promise<void> {
	if (call.state === state) return;
	await withTimeout(
		new Promise<void>((resolve) => {
			const onState = (now: CallState) => {
				if (now !== state) return;
				call.off('state', onState);
				resolve();
			};
			call.on('state', onState);
		}),
		ms,
		`state ${state}`,
	);
}

export function meanAbsoluteDifference(a: Uint8Array, b: Uint8Array): number {
	if (a.length !== b.length) return Infinity;
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
	return sum / a.length;
}

/** Feeds a listener's picture (every caller still greeting, and the live call) until stopped. */
export function feedListener(listener: Listener, make: (index: number) => Frame, fps = 30): () => void {
	let index = 0;
	const timer = setInterval(() => listener.sendFrame(make(index++)), 1000 / fps);
	return () => clearInterval(timer);
}

/** What a test file undoes when all its tests are done, last first: push a step onto it. */
export function cleanupsAfterFile(): Array<() => unknown> {
	const cleanups: Array<() => unknown> = [];
	after(async () => {
		for (const cleanup of cleanups.reverse()) await cleanup();
	});
	return cleanups;
}

/** A listener on a free loopback port, closed by the test file's cleanups. */
/**
 * No limit on secret guesses, for tests that try several wrong secrets in a row from loopback on
 * purpose (the limit itself: test/net/admission.test.ts, test/hostile/guessing.test.ts).
 */
export function unlimitedGuesses(): GuessLimiter {
	const many = Number.MAX_SAFE_INTEGER;
	return new GuessLimiter({...defaultGuessLimits, freeFailures: many, perSecond: many, burst: many});
}

export async function loopbackListener(
	cleanups: Array<() => unknown>,
	options: ListenOptions = {},
): Promise<Listener> {
	const l = await listen({host: '127.0.0.1', port: 0, ...options});
	cleanups.push(() => l.close());
	return l;
}

export function nextCall(l: Listener, ms = 10_000): Promise<Call> {
	return withTimeout(new Promise((resolve) => l.once('call', resolve)), ms, 'a call');
}

export function nextRejection(l: Listener, ms = 10_000): Promise<Error & {code?: string}> {
	return withTimeout(new Promise((resolve) => l.once('rejected', resolve)), ms, 'a rejection');
}

/** A stats line of a live v2 call; `over` changes what a test looks at. */
export const callStats = (over: Partial<CallStats> = {}): CallStats => ({
	t: '',
	state: 'in-call',
	protocol: 'v2',
	codec: 'jpeg',
	fps_in: 30,
	fps_out: 30,
	bytes_in: 100_000,
	bytes_out: 100_000,
	frames_in: 1,
	frames_out: 1,
	dropped: 0,
	rtt_ms: 1,
	latency_ms_p50: null,
	latency_ms_p95: null,
	peer_shape: null,
	shown_shape: null,
	...over,
});

/**
 * A TCP proxy on loopback in front of `target`, closed by the file's cleanups. Each chunk the
 * caller sends goes through `fromCaller` (what it returns is passed on; undefined drops it); each
 * chunk from the target is shown to `fromTarget` and passed on. Either side closing closes both.
 * It counts the connections it took, and keeps the local address each one reached (listening on
 * `host`, e.g. 0.0.0.0 for every loopback address).
 */
export async function loopbackProxy(
	cleanups: Array<() => unknown>,
	target: number,
	fromCaller: (chunk: Buffer, sides: {down: net.Socket; up: net.Socket}) => Buffer | undefined,
	fromTarget: (chunk: Buffer) => void = () => undefined,
	host = '127.0.0.1',
): Promise<{port: number; connections: () => number; reached: () => string[]}> {
	let connections = 0;
	const reached: string[] = [];
	const server = net.createServer((down) => {
		connections++;
		reached.push(down.localAddress ?? '');
		const up = net.connect(target, '127.0.0.1');
		for (const s of [down, up]) s.on('error', () => undefined);
		down.on('data', (chunk: Buffer) => {
			const passed = fromCaller(chunk, {down, up});
			if (passed) up.write(passed);
		});
		up.on('data', (chunk: Buffer) => {
			fromTarget(chunk);
			down.write(chunk);
		});
		down.on('close', () => up.destroy());
		up.on('close', () => down.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	cleanups.push(() => new Promise((resolve) => server.close(resolve)));
	return {
		port: (server.address() as net.AddressInfo).port,
		connections: () => connections,
		reached: () => [...reached],
	};
}

/**
 * The first 11 bytes of every JPEG our encoder writes (start of image, then the JFIF header): what
 * a recording of the wire is searched for. The 3-byte start marker alone turns up by chance in a
 * few MB of ciphertext about one run in five.
 */
export const ourJpegStart = Buffer.from('ffd8ffe000104a46494600', 'hex');

/** A loopback proxy to `port` that holds the listener's bytes for `delayMs` after each connect. */
export async function slowToAnswer(
	port: number,
	delayMs: number,
): Promise<{port: number; close: () => void}> {
	const server = net.createServer((client) => {
		const upstream = net.connect(port, '127.0.0.1');
		for (const each of [client, upstream]) each.on('error', () => client.destroy());
		client.on('close', () => upstream.destroy());
		upstream.on('close', () => client.destroy());
		client.pipe(upstream);
		upstream.pause();
		setTimeout(() => upstream.pipe(client), delayMs);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {port: (server.address() as net.AddressInfo).port, close: () => server.close()};
}
