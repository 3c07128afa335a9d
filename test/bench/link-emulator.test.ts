/**
 * The userspace slow link of bench/link-emulator.ts: bytes arrive intact and in order, no faster
 * than the rate allows and no sooner than the delay, and a sender faster than the link is held
 * back by TCP backpressure once the bottleneck queue is full (the relay does not buffer without
 * bound). Only lower bounds on time are asserted: a loaded machine can make things slower, never faster.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import {performance} from 'node:perf_hooks';
import {test} from 'node:test';
import {emulateLink} from '../../bench/link-emulator.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server that collects what it receives, with the arrival time of the first byte. */
async function sink(options: {read?: boolean} = {}) {
	const received: Buffer[] = [];
	let firstAt: number | undefined;
	let lastAt: number | undefined;
	const sockets: net.Socket[] = [];
	const server = net.createServer((socket) => {
		sockets.push(socket);
		socket.on('error', () => undefined);
		if (options.read === false) socket.pause();
		socket.on('data', (chunk: Buffer) => {
			firstAt ??= performance.now();
			lastAt = performance.now();
			received.push(chunk);
		});
		// One byte back (0x02) for each lone 0x01: a ping for the delay test.
		socket.on('data', (chunk: Buffer) => {
			if (chunk[0] === 0x01 && chunk.length === 1) socket.write(Buffer.from([0x02]));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as net.AddressInfo).port,
		received,
		get firstAt() {
			return firstAt;
		},
		get lastAt() {
			return lastAt;
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

function connect(port: number): Promise<net.Socket> {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
		socket.once('error', reject);
	});
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await sleep(10);
	}
}

test('link emulator: bytes arrive intact, in order, no faster than the rate', {timeout: 30_000}, async () => {
	const target = await sink();
	// 2 Mbit/s = 250,000 bytes/s; 150,000 bytes take at least 0.6 s minus the 4 KiB burst.
	const link = await emulateLink({
		target: {host: '127.0.0.1', port: target.port},
		rateBitsPerSecond: 2_000_000,
		delayMs: 0,
	});
	try {
		const payload = Buffer.alloc(150_000);
		for (let i = 0; i < payload.length; i++) payload[i] = (i * 7 + (i >> 8)) & 0xff;
		const socket = await connect(link.port);
		const start = performance.now();
		socket.write(payload);
		await waitFor(
			() => target.received.reduce((n, b) => n + b.length, 0) >= payload.length,
			20_000,
			'the bytes',
		);
		const elapsed = target.lastAt! - start;
		assert.ok(Buffer.concat(target.received).equals(payload), 'the bytes arrive intact and in order');
		const floorMs = (((payload.length - 4096) * 8) / 2_000_000) * 1000;
		assert.ok(
			elapsed >= floorMs * 0.98,
			`took ${elapsed.toFixed(0)} ms; the rate allows no less than ${floorMs.toFixed(0)} ms`,
		);
		assert.equal(link.connections[0]!.up.bytesOut, payload.length);
		socket.destroy();
	} finally {
		await link.close();
		await target.close();
	}
});

test(
	'link emulator: each direction adds the one-way delay (a round trip takes twice it)',
	{timeout: 30_000},
	async () => {
		const target = await sink();
		const link = await emulateLink({
			target: {host: '127.0.0.1', port: target.port},
			rateBitsPerSecond: 10_000_000,
			delayMs: 60,
		});
		try {
			const socket = await connect(link.port);
			for (let round = 0; round < 3; round++) {
				const start = performance.now();
				const reply = new Promise<number>((resolve) => socket.once('data', () => resolve(performance.now())));
				socket.write(Buffer.from([0x01]));
				const back = await reply;
				assert.ok(
					target.lastAt! - start >= 59,
					`one way: ${(target.lastAt! - start).toFixed(1)} ms, at least 60`,
				);
				assert.ok(back - start >= 119, `round trip: ${(back - start).toFixed(1)} ms, at least 120`);
				target.received.length = 0;
			}
			socket.destroy();
		} finally {
			await link.close();
			await target.close();
		}
	},
);

test(
	'link emulator: a full queue stops reading, so the sender feels TCP backpressure',
	{timeout: 30_000},
	async () => {
		const target = await sink();
		const queueBytes = 100_000;
		// 80 kbit/s: 10 KB/s, far slower than the sender.
		const link = await emulateLink({
			target: {host: '127.0.0.1', port: target.port},
			rateBitsPerSecond: 80_000,
			delayMs: 20,
			queueBytes,
		});
		try {
			const socket = await connect(link.port);
			socket.on('error', () => undefined);
			const chunk = Buffer.alloc(64 * 1024, 0xab);
			let written = 0;
			// Write until the socket says stop, several times over: 20 MB offered in all.
			for (let i = 0; i < 320; i++) {
				socket.write(chunk);
				written += chunk.length;
			}
			await waitFor(
				() => link.connections[0]?.up.pauses !== undefined && link.connections[0].up.pauses > 0,
				10_000,
				'the relay to pause the sender',
			);
			await sleep(500);
			const up = link.connections[0]!.up;
			// The queue never held more than its bound plus the one read that crossed it.
			assert.ok(up.maxQueued <= queueBytes + 64 * 1024, `max queued ${up.maxQueued}`);
			// Most of what was offered is still waiting at the sender, not in the relay.
			assert.ok(socket.writableLength > written / 2, `sender backlog ${socket.writableLength} of ${written}`);
			assert.ok(up.bytesIn < written / 2, `relay read ${up.bytesIn} of ${written}`);
			socket.destroy();
		} finally {
			await link.close();
			await target.close();
		}
	},
);

test(
	'link emulator: the sender closing ends the relayed connection after the last bytes',
	{timeout: 30_000},
	async () => {
		const target = await sink();
		const link = await emulateLink({
			target: {host: '127.0.0.1', port: target.port},
			rateBitsPerSecond: 8_000_000,
			delayMs: 30,
		});
		try {
			const socket = await connect(link.port);
			const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
			socket.end(Buffer.alloc(50_000, 7));
			await waitFor(
				() => target.received.reduce((n, b) => n + b.length, 0) === 50_000,
				10_000,
				'the last bytes',
			);
			await ended;
		} finally {
			await link.close();
			await target.close();
		}
	},
);
