/**
 * The relay benchmark's traffic: a real encrypted v2 call recorded as the sizes and times of the
 * bytes each side put on the wire, replayed both ways by one timer, each piece carrying its send
 * time so the receiver can measure latency.
 */
import net from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {dial, listen} from '../source/session/connect.js';
import {openSource} from '../source/sources/index.js';

const clip = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'media', 'clip.mp4');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Piece = {at: number; size: number};
export type Trace = {pieces: Piece[]; durationMs: number};

/** A real call through a recording proxy: what each side wrote, when, and how much. */
export async function recordRealCall(ms: number): Promise<{forward: Trace; backward: Trace; fps: number[]}> {
	const started = performance.now();
	const forward: Piece[] = [];
	const backward: Piece[] = [];
	const listener = await listen({
		host: '127.0.0.1',
		port: 0,
		shownSize: {width: 160, height: 96},
		decode: false,
	});
	const proxy = net.createServer((client) => {
		const upstream = net.connect({host: '127.0.0.1', port: listener.port});
		client.on('data', (chunk) => forward.push({at: performance.now() - started, size: chunk.length}));
		upstream.on('data', (chunk) => backward.push({at: performance.now() - started, size: chunk.length}));
		client.pipe(upstream).pipe(client);
		client.on('error', () => upstream.destroy());
		upstream.on('error', () => client.destroy());
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	const sources = [openSource(clip, {fps: 30}), openSource(clip, {fps: 30})];
	const accepted = new Promise<import('../source/session/call.js').Call>((resolve) =>
		listener.once('call', resolve),
	);
	const caller = dial('127.0.0.1', (proxy.address() as net.AddressInfo).port, {
		shownSize: {width: 160, height: 96},
		decode: false,
	});
	const accepter = await accepted;
	sources[0]!.onFrame((frame) => caller.sendFrame(frame));
	sources[1]!.onFrame((frame) => accepter.sendFrame(frame));
	await Promise.all(sources.map((source) => source.start()));
	const fps: number[] = [];
	caller.on('stats', (stats) => fps.push(stats.fps_out));
	accepter.on('stats', (stats) => fps.push(stats.fps_out));
	await sleep(ms);
	caller.hangUp('recorded');
	await Promise.all(sources.map((source) => source.stop()));
	await listener.close();
	proxy.close();
	// Steady state only: from 1 s in, times from there.
	const steady = (pieces: Piece[]): Trace => {
		const kept = pieces.filter((p) => p.at > 1000 && p.at < ms - 200);
		const from = kept[0]?.at ?? 0;
		return {pieces: kept.map((p) => ({at: p.at - from, size: p.size})), durationMs: ms - 1200};
	};
	return {forward: steady(forward), backward: steady(backward), fps};
}

/** Piece on the wire: length u32, sent-at f64 (performance.now), then padding up to the recorded size. */
const headerBytes = 12;

export class Receiver {
	latencies: number[] = [];
	received = 0;
	/** Bytes of the pieces measured (sent after measureFrom). */
	measuredBytes = 0;
	private pending: Buffer = Buffer.alloc(0);
	constructor(
		socket: net.Socket,
		private readonly measureFrom: () => number,
	) {
		socket.on('data', (chunk: Buffer) => this.take(chunk));
		socket.resume();
	}
	private take(chunk: Buffer): void {
		const now = performance.now();
		this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
		let at = 0;
		while (this.pending.length - at >= headerBytes) {
			const length = this.pending.readUInt32BE(at);
			if (this.pending.length - at < length) break;
			const sentAt = this.pending.readDoubleBE(at + 4);
			if (sentAt >= this.measureFrom()) {
				this.latencies.push(now - sentAt);
				this.measuredBytes += length;
			}
			this.received++;
			at += length;
		}
		this.pending = this.pending.subarray(at);
	}
}

/**
 * Writes every direction's pieces at their times, looping, until stopped: one timer for all of
 * them (a timer per piece would cost the generator more than the relay costs the machine).
 */
export class Replayer {
	private readonly directions: Array<{
		socket: net.Socket;
		trace: Trace;
		index: number;
		loopStart: number;
		sent: number;
	}> = [];
	private readonly timer = setInterval(() => this.tick(), 1);

	add(socket: net.Socket, trace: Trace, offsetMs: number): {sent(): number} {
		const direction = {socket, trace, index: 0, loopStart: performance.now() + offsetMs, sent: 0};
		this.directions.push(direction);
		return {sent: () => direction.sent};
	}

	stop(): void {
		clearInterval(this.timer);
	}

	private tick(): void {
		const now = performance.now();
		for (const d of this.directions) {
			for (;;) {
				if (d.index >= d.trace.pieces.length) {
					d.index = 0;
					d.loopStart += d.trace.durationMs;
				}
				const piece = d.trace.pieces[d.index]!;
				if (d.loopStart + piece.at > now) break;
				const size = Math.max(headerBytes, piece.size);
				const bytes = Buffer.allocUnsafe(size);
				bytes.writeUInt32BE(size, 0);
				bytes.writeDoubleBE(performance.now(), 4);
				d.socket.write(bytes);
				d.sent++;
				d.index++;
			}
		}
	}
}
