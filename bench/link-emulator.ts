/**
 * A slow link in userspace, for kernels without netem: a TCP relay on 127.0.0.1 that forwards
 * each direction, independently, through
 *   1. a bounded queue, like a router's buffer: past `queueBytes` the relay stops reading from the
 *      sender (its socket is paused) so TCP backpressure reaches the sending program, instead of
 *      buffering without bound here;
 *   2. a token bucket at `rateBitsPerSecond` (bucket depth `burstBytes`), the bottleneck;
 *   3. a fixed one-way `delayMs` (the "wire"), after which the bytes are written to the receiver.
 *
 *   const link = await emulateLink({target: {host: '127.0.0.1', port: 5000}, rateBitsPerSecond: 2e6, delayMs: 40});
 *   dial('127.0.0.1', link.port);  ...  await link.close();
 *
 * What it is not: packets (bytes move in chunks of whatever TCP handed over, cut to the tokens
 * there are), loss, jitter or reordering. The kernel's loopback socket buffers on either side of
 * the relay still hold bytes too (the sender's send buffer, the receiver's receive buffer), as a
 * host's would on a real link; only the bottleneck's own queue is bounded here.
 */
import net from 'node:net';
import {performance} from 'node:perf_hooks';

export type LinkOptions = {
	/** Where each accepted connection is relayed to. */
	target: {host: string; port: number};
	/** Bottleneck rate of each direction, bits per second. */
	rateBitsPerSecond: number;
	/** One-way delay added after the bottleneck, ms. */
	delayMs: number;
	/** Bottleneck queue per direction; default 256 KiB. */
	queueBytes?: number;
	/** Token bucket depth; default 4 KiB (a few packets, like `tbf burst 32kbit`). */
	burstBytes?: number;
	/** Address to listen on; default 127.0.0.1, port 0 (any free port). */
	host?: string;
	port?: number;
};

/** What one direction has carried, for tests and benchmarks. */
export type DirectionStats = {
	/** Bytes read from the sender. */
	bytesIn: number;
	/** Bytes written to the receiver. */
	bytesOut: number;
	/** Largest the bottleneck queue ever was. */
	maxQueued: number;
	/** Times the sender was paused because the queue was full. */
	pauses: number;
};

export type EmulatedLink = {
	port: number;
	/** Per connection, in accept order: [client -> target, target -> client]. */
	readonly connections: Array<{up: DirectionStats; down: DirectionStats}>;
	close(): Promise<void>;
};

const clock = () => performance.now();

/** One direction: source -> queue -> token bucket -> delay line -> sink. */
class Direction {
	readonly stats: DirectionStats = {bytesIn: 0, bytesOut: 0, maxQueued: 0, pauses: 0};
	private readonly queue: Buffer[] = [];
	private queued = 0;
	private tokens: number;
	private lastRefill = clock();
	private readonly wire: Array<{due: number; chunk: Buffer}> = [];
	private pumpTimer: NodeJS.Timeout | undefined;
	private wireTimer: NodeJS.Timeout | undefined;
	private paused = false;
	private ended = false;
	private closed = false;
	private readonly bytesPerMs: number;

	constructor(
		private readonly source: net.Socket,
		private readonly sink: net.Socket,
		private readonly options: Required<
			Pick<LinkOptions, 'rateBitsPerSecond' | 'delayMs' | 'queueBytes' | 'burstBytes'>
		>,
	) {
		this.bytesPerMs = options.rateBitsPerSecond / 8000;
		this.tokens = options.burstBytes;
		source.on('data', (chunk: Buffer) => {
			this.stats.bytesIn += chunk.length;
			this.queue.push(chunk);
			this.queued += chunk.length;
			this.stats.maxQueued = Math.max(this.stats.maxQueued, this.queued);
			if (this.queued >= options.queueBytes && !this.paused) {
				this.paused = true;
				this.stats.pauses++;
				source.pause();
			}
			this.pump();
		});
		source.on('end', () => {
			this.ended = true;
			this.pump();
		});
		sink.on('drain', () => this.pump());
	}

	/** Moves as many queued bytes onto the wire as the bucket has tokens for. */
	private pump(): void {
		if (this.closed) return;
		clearTimeout(this.pumpTimer);
		this.pumpTimer = undefined;
		const now = clock();
		this.tokens = Math.min(this.options.burstBytes, this.tokens + (now - this.lastRefill) * this.bytesPerMs);
		this.lastRefill = now;
		// A receiver that does not read holds the link up too (its window is full).
		if (this.sink.writableNeedDrain) return;
		while (this.queue.length > 0 && this.tokens >= 1) {
			const head = this.queue[0]!;
			const n = Math.min(head.length, Math.floor(this.tokens));
			const chunk = n === head.length ? this.queue.shift()! : head.subarray(0, n);
			if (n < head.length) this.queue[0] = head.subarray(n);
			this.queued -= n;
			this.tokens -= n;
			this.onWire(chunk, now + this.options.delayMs);
		}
		if (this.paused && this.queued < this.options.queueBytes / 2) {
			this.paused = false;
			this.source.resume();
		}
		if (this.queue.length > 0) {
			// Wake when the bucket holds enough for the head or a useful slice of it.
			const want = Math.min(this.queue[0]!.length, this.options.burstBytes / 2);
			const wait = Math.max(1, (want - this.tokens) / this.bytesPerMs);
			this.pumpTimer = setTimeout(() => this.pump(), wait);
		} else if (this.ended && this.wire.length === 0) {
			this.sink.end();
		}
	}

	private onWire(chunk: Buffer, due: number): void {
		this.wire.push({due, chunk});
		if (this.wire.length === 1) this.scheduleWire();
	}

	private scheduleWire(): void {
		if (this.closed || this.wire.length === 0) return;
		const wait = Math.max(0, this.wire[0]!.due - clock());
		this.wireTimer = setTimeout(() => this.deliver(), wait);
	}

	private deliver(): void {
		const now = clock();
		while (this.wire.length > 0 && this.wire[0]!.due <= now + 0.5) {
			const {chunk} = this.wire.shift()!;
			this.stats.bytesOut += chunk.length;
			if (!this.sink.destroyed) this.sink.write(chunk);
		}
		this.scheduleWire();
		if (this.ended && this.queue.length === 0 && this.wire.length === 0) this.sink.end();
	}

	close(): void {
		this.closed = true;
		clearTimeout(this.pumpTimer);
		clearTimeout(this.wireTimer);
	}
}

export async function emulateLink(options: LinkOptions): Promise<EmulatedLink> {
	const settings = {
		rateBitsPerSecond: options.rateBitsPerSecond,
		delayMs: options.delayMs,
		queueBytes: options.queueBytes ?? 256 * 1024,
		burstBytes: options.burstBytes ?? 4096,
	};
	if (!(settings.rateBitsPerSecond > 0)) throw new RangeError('rateBitsPerSecond must be > 0');
	if (!(settings.delayMs >= 0)) throw new RangeError('delayMs must be >= 0');
	const sockets = new Set<net.Socket>();
	const directions = new Set<Direction>();
	const connections: EmulatedLink['connections'] = [];
	const server = net.createServer({allowHalfOpen: true}, (client) => {
		const upstream = net.connect({port: options.target.port, host: options.target.host, allowHalfOpen: true});
		for (const [socket, other] of [
			[client, upstream],
			[upstream, client],
		] as const) {
			sockets.add(socket);
			socket.setNoDelay(true);
			// A reset (or a refused target) on one side resets the other, as a cut connection would.
			socket.on('error', () => {
				client.destroy();
				upstream.destroy();
			});
			socket.on('close', () => {
				sockets.delete(socket);
				other.end();
			});
		}
		client.pause();
		upstream.once('connect', () => client.resume());
		const up = new Direction(client, upstream, settings);
		const down = new Direction(upstream, client, settings);
		directions.add(up).add(down);
		client.once('close', () => {
			up.close();
			down.close();
			directions.delete(up);
			directions.delete(down);
		});
		connections.push({up: up.stats, down: down.stats});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	return {
		port: (server.address() as net.AddressInfo).port,
		connections,
		close: () =>
			new Promise<void>((resolve) => {
				for (const direction of directions) direction.close();
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
