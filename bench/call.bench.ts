/**
 * `npm run bench -- call`: a v2 call on loopback (640x480@30 from media/clip.mp4 both ways, the
 * receiver showing 160x96), then the same picture over a throttled link (2 mbit/s, 40 ms each way:
 * netem in network namespaces made and removed here, or bench/link-emulator.ts where the kernel has
 * no netem) in v2, shown at 160x96 and at 640x480, and in the seed format as the script sends it.
 * Roles run in child processes (`--role ...`) so each side has its own event loop (and namespace).
 */
import net from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Frame} from '../source/frame.js';
import {encodeSeedFrame, encodeSeedShape, SeedParser} from '../source/protocol/seed.js';
import type {Call} from '../source/session/call.js';
import {dial, listen} from '../source/session/connect.js';
import {scaleFrame} from '../source/sources/scale.js';
import {percentile} from '../source/session/stats.js';
import {openSource} from '../source/sources/index.js';
import {emulateLink} from './link-emulator.js';
import {spawnRole} from './role-process.js';
import {addrB, delayMs, makeNetemLink, nsA, nsB, rateBits, removeLink} from './netem-link.js';

const here = fileURLToPath(import.meta.url);
const clip = path.resolve(path.dirname(here), '../media/clip.mp4');
const seconds = Number(process.env['FACETTY_BENCH_SECONDS'] ?? 8);
const p95 = (values: number[]) =>
	percentile(
		[...values].sort((a, b) => a - b),
		95,
	) ?? NaN;
const p50 = (values: number[]) =>
	percentile(
		[...values].sort((a, b) => a - b),
		50,
	) ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function psnr(a: Uint8Array, b: Uint8Array): number {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
	const mse = sum / a.length;
	return mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse);
}

async function camera(call: Call): Promise<{sent: Map<number, Frame>; stop: () => Promise<void>}> {
	const source = openSource(clip, {fps: 30, loop: true});
	const sent = new Map<number, Frame>();
	source.onFrame((frame) => {
		// Sources may reuse their buffers: keep a copy to compare against.
		sent.set(frame.capturedAt, {...frame, data: frame.data.slice()});
		if (sent.size > 200) sent.delete(sent.keys().next().value!);
		call.sendFrame(frame);
	});
	await source.start();
	return {sent, stop: () => source.stop()};
}

async function loopback(): Promise<string[]> {
	const listener = await listen({host: '127.0.0.1', port: 0});
	const accepted = new Promise<Call>((resolve) => listener.once('call', resolve));
	const receiver = dial('127.0.0.1', listener.port, {shownSize: {width: 160, height: 96}});
	const sender = await accepted;
	const fromSender = await camera(sender);
	const fromReceiver = await camera(receiver);
	const scores: number[] = [];
	let checking = false;
	receiver.on('frame', (frame) => {
		if (checking || receiver.meter.framesIn % 5 !== 0) return;
		const nearest = [...fromSender.sent.values()].reduce((best, f) =>
			Math.abs(f.capturedAt - frame.capturedAt) < Math.abs(best.capturedAt - frame.capturedAt) ? f : best,
		);
		checking = true;
		void scaleFrame(nearest, frame).then((expected) => {
			scores.push(psnr(expected.data, frame.data));
			checking = false;
		});
	});
	await sleep(1000);
	const start = {
		at: Date.now(),
		in: receiver.meter.framesIn,
		out: receiver.meter.framesOut,
		bytes: sender.meter.bytesOutTotal,
		frames: sender.meter.framesOut,
		sIn: sender.meter.framesIn,
	};
	receiver.meter.allLatencies.length = 0;
	await sleep(seconds * 1000);
	const elapsed = (Date.now() - start.at) / 1000;
	const frames = sender.meter.framesOut - start.frames;
	const bytesPerFrame = (sender.meter.bytesOutTotal - start.bytes) / frames;
	const rows = [
		row(
			'v2 loopback: wire bytes per frame (640x480 shown at 160x96)',
			Math.round(bytesPerFrame),
			'<= 9216 (1% of 921,600)',
			bytesPerFrame <= 9216,
		),
		row(
			'v2 loopback: PSNR vs sender frame scaled alike (dB, min / mean)',
			`${Math.min(...scores).toFixed(1)} / ${(scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1)}`,
			'>= 35',
			Math.min(...scores) >= 35,
		),
		row(
			'v2 loopback: fps sender -> receiver',
			((receiver.meter.framesIn - start.in) / elapsed).toFixed(1),
			'30',
			(receiver.meter.framesIn - start.in) / elapsed >= 28.5,
		),
		row(
			'v2 loopback: fps receiver -> sender',
			((sender.meter.framesIn - start.sIn) / elapsed).toFixed(1),
			'30',
			(sender.meter.framesIn - start.sIn) / elapsed >= 28.5,
		),
		row(
			'v2 loopback: capture-to-display latency p50 / p95 (ms)',
			`${p50(receiver.meter.allLatencies).toFixed(1)} / ${p95(receiver.meter.allLatencies).toFixed(1)}`,
			'p95 < 50',
			p95(receiver.meter.allLatencies) < 50,
		),
		row('v2 loopback: frames dropped by the sender', sender.meter.dropped, '-', true),
	];
	await fromSender.stop();
	await fromReceiver.stop();
	receiver.hangUp();
	await listener.close();
	return rows;
}

function row(what: string, value: number | string, target: string, ok: boolean): string {
	return `| ${what} | ${value} | ${target} | ${ok ? 'yes' : 'NO'} |`;
}

// ---- throttled link: 2 mbit/s and 40 ms each way ----------------------------------------------
//
// With netem (kernel sch_netem): each role in its own network namespace, a veth pair between them
// shaped by `netem rate 2mbit delay 40ms` on both ends. Without it: both roles on loopback, the
// sender dialling bench/link-emulator.ts (a relay in this process: token bucket 2 mbit/s, 40 ms one
// way, 256 KiB bottleneck queue) that forwards to the receiver. FACETTY_BENCH_LINK=netem|emulator
// forces one.

const throttledSeconds = Number(process.env['FACETTY_BENCH_THROTTLED_SECONDS'] ?? Math.max(seconds, 12));

type RoleResult = Record<string, unknown>;

/** A role in a child process (in namespace `ns` if given); `ready` resolves when it prints READY. */
function runRole(
	ns: string | undefined,
	name: string,
	...args: string[]
): {ready: Promise<void>; result: Promise<RoleResult>} {
	return spawnRole<RoleResult>(
		[process.execPath, '--import', 'tsx', here, '--role', name, ...args],
		name,
		ns,
	);
}

type Run = {
	label: string;
	/** [ms since the sender started, latency ms] for every frame the receiver showed. */
	shown: Array<[number, number]>;
	/** Frames the sender dropped (v2) at the end of each second. */
	droppedBySecond: number[];
	/** Bytes waiting in the sender's socket (seed: the frames it never drops) at each second. */
	backlogBySecond: number[];
	sent: number;
	dropped: number;
};

/** One call over the slow link: receiver first, then the sender (through the emulator if any). */
async function throttledRun(
	link: 'netem' | 'emulator',
	kind: 'v2' | 'seed',
	shown: string,
	label: string,
): Promise<Run> {
	const port = '5077';
	const receiverHost = link === 'netem' ? addrB : '127.0.0.1';
	const receiver = runRole(
		link === 'netem' ? nsB : undefined,
		`${kind}-receiver`,
		`${receiverHost}:${port}`,
		shown,
	);
	await receiver.ready;
	const emulator =
		link === 'emulator'
			? await emulateLink({
					target: {host: '127.0.0.1', port: Number(port)},
					rateBitsPerSecond: rateBits,
					delayMs,
				})
			: undefined;
	try {
		const target = emulator ? `127.0.0.1:${emulator.port}` : `${addrB}:${port}`;
		const sender = runRole(link === 'netem' ? nsA : undefined, `${kind}-sender`, target);
		const [rx, tx] = await Promise.all([receiver.result, sender.result]);
		const startedAt = tx['startedAt'] as number;
		return {
			label,
			shown: (rx['shown'] as Array<[number, number]>).map(([at, ms]) => [at - startedAt, ms]),
			droppedBySecond: (tx['droppedBySecond'] as number[] | undefined) ?? [],
			backlogBySecond: (tx['backlogBySecond'] as number[] | undefined) ?? [],
			sent: tx['sent'] as number,
			dropped: (tx['dropped'] as number | undefined) ?? 0,
		};
	} finally {
		await emulator?.close();
	}
}

function bySecond(run: Run, second: number): number[] {
	return run.shown.filter(([at]) => at >= second * 1000 && at < (second + 1) * 1000).map(([, ms]) => ms);
}

async function throttled(): Promise<string[]> {
	const forced = process.env['FACETTY_BENCH_LINK'];
	let link: 'netem' | 'emulator' = 'emulator';
	let why = '';
	if (forced !== 'emulator') {
		try {
			makeNetemLink();
			link = 'netem';
		} catch (error) {
			removeLink();
			why = (error as Error).message;
			if (forced === 'netem') return [`| throttled link | not measured: netem unavailable (${why}) | | |`];
		}
	}
	const name =
		link === 'netem'
			? '2mbit+40ms (netem)'
			: `2mbit+40ms (userspace emulator${why ? ': no netem here' : ''})`;
	try {
		const runs = [
			await throttledRun(link, 'v2', '160x96', 'v2, shown 160x96'),
			await throttledRun(link, 'v2', '640x480', 'v2, shown 640x480'),
		];
		const seed = await throttledRun(link, 'seed', '640x480', 'seed 640x480 raw');
		const rows: string[] = [];
		for (const run of runs) {
			// Steady state: after the first 2 s (TCP slow start, TLS, the first frames).
			const steady = run.shown.filter(([at]) => at >= 2000).map(([, ms]) => ms);
			const fps = steady.length / (throttledSeconds - 2);
			rows.push(
				row(
					`${name}, ${run.label}: latency p50 / p95 after the first 2 s (ms)`,
					`${p50(steady).toFixed(0)} / ${p95(steady).toFixed(0)}`,
					'p95 < 300',
					p95(steady) < 300,
				),
				row(
					`${name}, ${run.label}: frames shown / dropped by the sender of ${run.sent + run.dropped} captured; fps shown`,
					`${run.shown.length} / ${run.dropped}; ${fps.toFixed(1)} fps`,
					'drops, not queues',
					true,
				),
			);
		}
		const seedLat = seed.shown.map(([, ms]) => ms);
		rows.push(
			row(
				`${name}, seed format as the script sends (640x480 raw, 30/s, never dropped): latency of each frame received, in order (ms)`,
				seedLat.map((ms) => ms.toFixed(0)).join(', '),
				'grows without bound',
				seedLat.length >= 2 && seedLat.at(-1)! > seedLat[0]!,
			),
			row(
				`${name}, seed: frames written / received in ${throttledSeconds} s; sender backlog at the end`,
				`${seed.sent} / ${seedLat.length}; ${((seed.backlogBySecond.at(-1) ?? 0) / 1e6).toFixed(0)} MB`,
				'-',
				true,
			),
		);
		// Over time: each second's latency p50/p95 (and frames shown) per run.
		const cell = (values: number[]) =>
			values.length === 0 ? '-' : `${p50(values).toFixed(0)} / ${p95(values).toFixed(0)} (${values.length})`;
		const perSecond = [
			'',
			`Per second over the ${name} link: latency p50 / p95 in ms (frames shown that second); seed sender's unsent backlog`,
			'',
			`| s | ${runs.map((r) => r.label).join(' | ')} | ${seed.label} | seed backlog |`,
			`|---|${runs.map(() => '---|').join('')}---|---|`,
		];
		for (let s = 0; s <= throttledSeconds; s++) {
			perSecond.push(
				`| ${s}-${s + 1} | ${runs.map((r) => cell(bySecond(r, s))).join(' | ')} | ${cell(bySecond(seed, s))} | ${
					seed.backlogBySecond[s] === undefined ? '-' : `${(seed.backlogBySecond[s]! / 1e6).toFixed(0)} MB`
				} |`,
			);
		}
		return [...rows, ...perSecond];
	} finally {
		if (link === 'netem') removeLink();
	}
}

async function role(name: string, arg: string, shownArg: string | undefined): Promise<void> {
	const runFor = throttledSeconds * 1000;
	const [host, port] = arg.split(':') as [string, string];
	const [w, h] = (shownArg ?? '640x480').split('x').map(Number) as [number, number];
	if (name === 'v2-receiver') {
		const listener = await listen({host, port: Number(port), shownSize: {width: w, height: h}});
		console.log('READY');
		const call = await new Promise<Call>((resolve) => listener.once('call', resolve));
		const shown: Array<[number, number]> = [];
		call.on('frame', (frame: Frame) => shown.push([Date.now(), Date.now() - frame.capturedAt]));
		await Promise.race([new Promise((resolve) => call.once('ended', resolve)), sleep(runFor + 20_000)]);
		call.hangUp();
		console.log(JSON.stringify({shown}));
		await listener.close();
	} else if (name === 'v2-sender') {
		const call = dial(host, Number(port));
		const cam = await camera(call);
		const startedAt = Date.now();
		const droppedBySecond: number[] = [];
		const timer = setInterval(() => droppedBySecond.push(call.meter.dropped), 1000);
		await sleep(runFor);
		clearInterval(timer);
		await cam.stop();
		const result = {startedAt, droppedBySecond, dropped: call.meter.dropped, sent: call.meter.framesOut};
		// Let the frames on the link arrive, then hang up (the receiver reports when the call ends).
		await sleep(1500);
		call.hangUp('bench over');
		await sleep(500);
		console.log(JSON.stringify(result));
	} else if (name === 'seed-receiver') {
		const shown: Array<[number, number]> = [];
		await new Promise<void>((resolve) => {
			const server = net.createServer((socket) => {
				const parser = new SeedParser();
				socket.on('data', (chunk) => {
					for (const event of parser.push(chunk)) {
						if (event.type === 'frame') {
							const sentAt = Buffer.from(event.data.buffer, event.data.byteOffset, 8).readDoubleBE(0);
							shown.push([Date.now(), Date.now() - sentAt]);
						}
					}
				});
				socket.on('error', () => undefined);
				// The sender stops after runFor; what is still in buffers then would take minutes to arrive.
				const done = () => {
					clearTimeout(timer);
					socket.destroy();
					server.close();
					resolve();
				};
				const timer = setTimeout(done, runFor + 2500);
				socket.on('close', done);
			});
			server.listen(Number(port), host, () => console.log('READY'));
		});
		console.log(JSON.stringify({shown}));
	} else if (name === 'seed-sender') {
		const socket = net.connect(Number(port), host);
		socket.on('error', () => undefined);
		await new Promise((resolve) => socket.once('connect', resolve));
		const startedAt = Date.now();
		const shape = {rows: 480, cols: 640};
		socket.write(encodeSeedShape(shape));
		const pixels = new Uint8Array(640 * 480 * 3);
		let sent = 0;
		// Like the script: every frame is written, none dropped, whatever the link can carry.
		const timer = setInterval(() => {
			Buffer.from(pixels.buffer).writeDoubleBE(Date.now(), 0);
			socket.write(encodeSeedFrame(shape, pixels));
			sent++;
		}, 1000 / 30);
		const backlogBySecond: number[] = [];
		const sampler = setInterval(() => backlogBySecond.push(socket.writableLength), 1000);
		await sleep(runFor);
		clearInterval(timer);
		// What reached the receiver in the meantime has been measured; the rest would take minutes.
		await sleep(2000);
		clearInterval(sampler);
		socket.destroy();
		console.log(JSON.stringify({startedAt, sent, backlogBySecond}));
	}
}

const roleAt = process.argv.indexOf('--role');
if (roleAt !== -1) {
	await role(process.argv[roleAt + 1]!, process.argv[roleAt + 2]!, process.argv[roleAt + 3]);
	process.exit(0);
} else {
	const rows = ['| measure | value | target | met |', '|---|---|---|---|', ...(await loopback())];
	rows.push(...(await throttled()));
	console.log(rows.join('\n'));
	process.exit(0);
}
