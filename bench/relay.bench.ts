/**
 * `npm run bench -- relay`: one relay process (`facetty relay`, default limits) on loopback under
 * 10, 50 and 100 concurrent calls, then 50 calls under abuse.
 *
 * Traffic: a real encrypted v2 call (media/clip.mp4 at 640x480, 30 fps both ways, each side showing
 * 160x96) is recorded first, as the sizes and times of the bytes each side put on the wire; every
 * benchmarked call replays that trace both ways, framed so each piece carries its send time (100
 * real calls would need 200 JPEG encoders and decoders: more than this 2-core machine has beside
 * the relay). Each call comes from its own loopback addresses (127.1.x.y), as calls from many homes
 * would, so the per-address limits apply as in real use.
 *
 * Latency is measured send-to-receive in this process; 10 direct loopback pairs (no relay) replay
 * the same traffic at the same moments as a control group, and "added" is the difference of the
 * percentiles (the machine is shared: its load weighs on both alike). Relay CPU is
 * its user+system time over the measured window, in % of one core; RSS from /proc.
 *
 * Abuse, while 50 calls run: invites opened and never joined (from 40 addresses), slow readers
 * (pairs whose receiver never reads while the sender writes as fast as it can), garbage and silent
 * connections, one address flooding connections; then new legitimate pairs must still connect.
 *
 *   FACETTY_BENCH_SECONDS=10   seconds measured per row (after 2 s of warm-up)
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {fileURLToPath} from 'node:url';
import {joinChannel, openChannel, type Paired, type RelayAddress} from '../source/relay/client.js';
import {percentile} from '../source/session/stats.js';
import {Receiver, recordRealCall, Replayer, type Trace} from './relay-trace.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const seconds = Number(process.env['FACETTY_BENCH_SECONDS'] ?? 10);
const warmupMs = 2000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pct = (values: number[], p: number) =>
	percentile(
		[...values].sort((a, b) => a - b),
		p,
	) ?? NaN;

type Row = {
	label: string;
	calls: number;
	held: number;
	p50: number;
	p95: number;
	addedP50: number;
	addedP95: number;
	cpu: number;
	rss: number;
	peak: number;
	directP50: number;
	directP95: number;
	/** The relay's RSS before any call. */
	idle: number;
	/** MB a second delivered through the relay, both ways, all calls. */
	throughput: number;
	note: string;
};

type Relay = {child: ChildProcess; address: RelayAddress; pid: number; close(): Promise<void>};

async function startRelayProcess(): Promise<Relay> {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', path.join(root, 'source', 'cli.tsx'), 'relay', '--host', '127.0.0.1', '--port', '0'],
		{stdio: ['ignore', 'ignore', 'pipe'], cwd: root},
	);
	const port = await new Promise<number>((resolve, reject) => {
		const lines = readline.createInterface({input: child.stderr!});
		lines.on('line', (line) => {
			const match = /listening on 127\.0\.0\.1:(\d+)/.exec(line);
			if (match) resolve(Number(match[1]));
		});
		child.once('exit', (code) => reject(new Error(`the relay exited (${code})`)));
	});
	return {
		child,
		pid: child.pid!,
		address: {host: '127.0.0.1', port},
		close: () =>
			new Promise((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGINT');
			}),
	};
}

function cpuTicks(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

function memory(pid: number): {rss: number; peak: number} {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
	return {rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024};
}

const clockTicks = 100;

/** Call i comes from its own two loopback addresses. */
function homeAddress(i: number, side: 0 | 1): string {
	const n = i * 2 + side + 1;
	return `127.1.${n >> 8}.${n & 255}`;
}

async function pairThroughRelay(relay: RelayAddress, i: number): Promise<[Paired, Paired]> {
	const invitation = await openChannel({...relay, localAddress: homeAddress(i, 0)}, 0x42);
	const joined = await joinChannel({...relay, localAddress: homeAddress(i, 1)}, invitation.channel, 0x42);
	return [await invitation.paired, joined];
}

async function pairDirect(server: net.Server, port: number): Promise<[net.Socket, net.Socket]> {
	const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
	const socket = net.connect({host: '127.0.0.1', port, noDelay: true});
	await new Promise((resolve) => socket.once('connect', resolve));
	const other = await accepted;
	other.setNoDelay(true);
	return [socket, other];
}

type Calls = {
	receivers: Receiver[];
	senders: Array<{sent(): number}>;
	replayer: Replayer;
	sockets: net.Socket[];
	measureFrom: number;
};

function runCalls(pairs: Array<[net.Socket, net.Socket]>, forward: Trace, backward: Trace): Calls {
	const calls: Calls = {
		receivers: [],
		senders: [],
		sockets: [],
		replayer: new Replayer(),
		measureFrom: performance.now() + warmupMs,
	};
	pairs.forEach(([a, b], i) => {
		a.on('error', () => undefined);
		b.on('error', () => undefined);
		calls.sockets.push(a, b);
		// Calls start spread over a frame interval, as independent calls would.
		const offset = (i * 33) / pairs.length;
		calls.receivers.push(new Receiver(b, () => calls.measureFrom), new Receiver(a, () => calls.measureFrom));
		calls.senders.push(calls.replayer.add(a, forward, offset), calls.replayer.add(b, backward, offset + 7));
	});
	return calls;
}

function stopCalls(calls: Calls): void {
	calls.replayer.stop();
	for (const socket of calls.sockets) socket.destroy();
}

function latencyOf(calls: Calls): number[] {
	return calls.receivers.flatMap((r) => r.latencies);
}

/** A call is held when both directions delivered at least 90% of what was sent. */
function held(calls: Calls): number {
	let count = 0;
	for (let i = 0; i < calls.receivers.length; i += 2) {
		const ok = [0, 1].every((side) => {
			const receiver = calls.receivers[i + side]!;
			const sender = calls.senders[i + side]!;
			return sender.sent() > 0 && receiver.received >= 0.9 * sender.sent();
		});
		if (ok) count++;
	}
	return count;
}

/** Direct loopback pairs, no relay: the control group, replayed at the same moments as the relayed calls. */
async function directPairs(count: number): Promise<{pairs: Array<[net.Socket, net.Socket]>; close(): void}> {
	const server = net.createServer({noDelay: true});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	const pairs: Array<[net.Socket, net.Socket]> = [];
	for (let i = 0; i < count; i++) pairs.push(await pairDirect(server, port));
	return {pairs, close: () => server.close()};
}

async function throughRelay(
	count: number,
	forward: Trace,
	backward: Trace,
	during?: (relay: Relay) => Promise<{note: string; stop(): void}>,
): Promise<Omit<Row, 'label'>> {
	const relay = await startRelayProcess();
	await sleep(300);
	const idle = memory(relay.pid).rss;
	const pairs: Array<[net.Socket, net.Socket]> = [];
	for (let i = 0; i < count; i++) {
		const [a, b] = await pairThroughRelay(relay.address, i);
		pairs.push([a.socket, b.socket]);
	}
	// The control group: 10 direct pairs replaying the same traffic in the same process at the same
	// moments, so the machine's load (shared with others) weighs on both alike.
	const direct = await directPairs(10);
	const calls = runCalls(pairs, forward, backward);
	const control = runCalls(direct.pairs, forward, backward);
	await sleep(warmupMs);
	const abuse = during ? await during(relay) : undefined;
	// Measured from here (with abuse: the calls with the abuse standing, not its setting up).
	for (const group of [calls, control]) {
		group.measureFrom = performance.now();
		for (const receiver of group.receivers) {
			receiver.latencies = [];
			receiver.measuredBytes = 0;
		}
	}
	const ticks = cpuTicks(relay.pid);
	const started = performance.now();
	await sleep(seconds * 1000);
	const cpu = ((cpuTicks(relay.pid) - ticks) / clockTicks / ((performance.now() - started) / 1000)) * 100;
	const {rss, peak} = memory(relay.pid);
	const elapsed = (performance.now() - started) / 1000;
	const throughput = calls.receivers.reduce((sum, r) => sum + r.measuredBytes, 0) / elapsed / 1e6;
	abuse?.stop();
	stopCalls(calls);
	stopCalls(control);
	direct.close();
	const latencies = latencyOf(calls);
	const base = latencyOf(control);
	const result = {
		calls: count,
		held: held(calls),
		p50: pct(latencies, 50),
		p95: pct(latencies, 95),
		addedP50: pct(latencies, 50) - pct(base, 50),
		addedP95: pct(latencies, 95) - pct(base, 95),
		directP50: pct(base, 50),
		directP95: pct(base, 95),
		cpu,
		rss,
		peak,
		idle,
		throughput,
		note: abuse?.note ?? '',
	};
	await relay.close();
	return result;
}

/**
 * Abuse runs in its own process, so its floods do not slow the calls' own measuring. It resolves
 * with the child's account once the abuse is standing (and new pairs were tried); the abuse goes
 * on (invites held open, slow readers flooding, silent connections) until `stop`.
 */
async function abuseFromChild(relay: Relay): Promise<{note: string; stop(): void}> {
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			fileURLToPath(import.meta.url),
			'--abuse',
			String(relay.address.port),
			String(relay.pid),
		],
		{stdio: ['ignore', 'pipe', 'inherit'], cwd: root},
	);
	const note = await new Promise<string>((resolve) => {
		readline.createInterface({input: child.stdout!}).once('line', resolve);
		child.once('exit', () => resolve('the abuse process exited early'));
	});
	return {note, stop: () => child.kill()};
}

/** Abuse from other addresses while the calls run; then new legitimate pairs must connect. */
async function abuse(relay: {address: RelayAddress; pid: number}): Promise<string> {
	const address = relay.address;
	const junk: net.Socket[] = [];
	const open = (localAddress: string) => {
		const socket = net.connect({...address, localAddress});
		socket.on('error', () => undefined);
		junk.push(socket);
		return socket;
	};
	// 320 invites never joined, from 40 addresses (8 each: the per-address limit).
	const invites = [];
	for (let i = 0; i < 320; i++) {
		invites.push(
			openChannel({...address, localAddress: `127.9.0.${1 + (i % 40)}`}, 1).catch(() => undefined),
		);
	}
	const opened = (await Promise.all(invites)).filter((x) => x !== undefined);
	// 20 slow readers: pairs whose receiver never reads while the sender writes as fast as it can.
	const floods: NodeJS.Timeout[] = [];
	for (let i = 0; i < 20; i++) {
		const invitation = await openChannel({...address, localAddress: `127.8.0.${i + 1}`}, 7);
		const reader = await joinChannel({...address, localAddress: `127.8.1.${i + 1}`}, invitation.channel, 7);
		reader.socket.pause();
		const writer = (await invitation.paired).socket;
		junk.push(writer, reader.socket);
		const block = randomBytes(64 * 1024);
		floods.push(
			setInterval(() => {
				while (writer.writableLength < 1 << 20) writer.write(block);
			}, 5),
		);
	}
	// 200 garbage connections, 100 silent ones (they wait for the request timeout), and one
	// address opening 200 connections at once.
	for (let i = 0; i < 200; i++) open(`127.7.1.${1 + (i % 200)}`).write(randomBytes(200));
	for (let i = 0; i < 100; i++) open(`127.7.2.${1 + (i % 100)}`);
	const floodAnswers: Promise<string>[] = [];
	for (let i = 0; i < 200; i++) {
		const socket = open('127.7.3.1');
		floodAnswers.push(
			new Promise((resolve) => {
				let said = '';
				socket.on('data', (chunk) => (said += chunk.toString()));
				socket.on('close', () => resolve(said));
				setTimeout(() => resolve(said), 3000);
			}),
		);
	}
	const refusedFlood = (await Promise.all(floodAnswers)).filter((said) =>
		said.startsWith('err limit'),
	).length;
	// Now 20 new legitimate pairs.
	let connected = 0;
	const started = performance.now();
	const fresh = await Promise.all(
		Array.from({length: 20}, (_, i) =>
			pairThroughRelay(address, 400 + i).then(
				(pair) => {
					connected++;
					return pair;
				},
				() => undefined,
			),
		),
	);
	const pairMs = performance.now() - started;
	for (const pair of fresh) pair?.forEach((p) => p.socket.destroy());
	const {rss} = memory(relay.pid);
	return (
		`${opened.length}/320 invites opened and never joined, 20 slow readers flooding, 200 garbage and ` +
		`100 silent connections, one address's 200 connections at once (${refusedFlood} refused by the limit); ` +
		`then ${connected}/20 new legitimate pairs connected in ${pairMs.toFixed(0)} ms; relay RSS under abuse ${rss.toFixed(0)} MB`
	);
}

function format(rows: Row[]): string {
	const header =
		'| load | calls held | through relay (MB/s) | via relay p50 / p95 (ms) | direct p50 / p95 (ms) | added by relay p50 / p95 (ms) | relay CPU (% of a core) | relay RSS idle / with calls / peak (MB) |';
	const line = '| --- | --- | --- | --- | --- | --- | --- | --- |';
	const body = rows.map(
		(r) =>
			`| ${r.label} | ${r.held}/${r.calls} | ${r.throughput.toFixed(1)} | ${r.p50.toFixed(2)} / ${r.p95.toFixed(2)} | ` +
			`${r.directP50.toFixed(2)} / ${r.directP95.toFixed(2)} | ` +
			`${r.addedP50.toFixed(2)} / ${r.addedP95.toFixed(2)} | ${r.cpu.toFixed(0)} | ${r.idle.toFixed(0)} / ${r.rss.toFixed(0)} / ${r.peak.toFixed(0)} |`,
	);
	return [header, line, ...body].join('\n');
}

if (process.argv[2] === '--abuse') {
	const [port, pid] = process.argv.slice(3).map(Number);
	process.stdout.write(`${await abuse({address: {host: '127.0.0.1', port: port!}, pid: pid!})}\n`);
	// The abuse stands until the parent kills this process.
	setInterval(() => undefined, 60_000);
}

const recorded = await recordRealCall(5000);
const bytesPerSecond = (trace: Trace) =>
	trace.pieces.reduce((sum, p) => sum + p.size, 0) / (trace.durationMs / 1000);
console.log(
	`trace: a real encrypted v2 call, 640x480 clip shown at 160x96; ${recorded.forward.pieces.length} and ` +
		`${recorded.backward.pieces.length} pieces in ${(recorded.forward.durationMs / 1000).toFixed(1)} s, ` +
		`${(bytesPerSecond(recorded.forward) / 1000).toFixed(0)} and ${(bytesPerSecond(recorded.backward) / 1000).toFixed(0)} KB/s; ` +
		`frames sent per second while recording: ${recorded.fps.slice(1).join(', ')}`,
);
console.log(
	`machine: ${os.cpus().length} cores, load average ${os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')} at start`,
);

const rows: Row[] = [];
const loads = (process.env['FACETTY_BENCH_CALLS'] ?? '10,50,100').split(',').map(Number);
for (const count of loads) {
	rows.push({label: `${count} calls`, ...(await throughRelay(count, recorded.forward, recorded.backward))});
	console.log(`${count} calls done; load average ${os.loadavg()[0]!.toFixed(2)}`);
}
const abused = await throughRelay(50, recorded.forward, recorded.backward, abuseFromChild);
rows.push({label: '50 calls + abuse', ...abused});
console.log(`abuse: ${abused.note}`);
console.log(`\n${format(rows)}\n`);
console.log(
	`load average at the end: ${os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`,
);
process.exit(0);
