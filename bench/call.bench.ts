/**
 * `npm run bench -- call`: a v2 call on loopback (640x480@30 from media/clip.mp4 both ways, the
 * receiver showing 160x96), then the same picture over a throttled link (network namespaces,
 * netem 2mbit + 40 ms, made and removed here) in v2 and in the seed format as the script sends it.
 * Roles run in child processes (`--role ...`) so each throttled side lives in its own namespace.
 */
import {spawn, spawnSync} from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Frame} from '../source/frame.js';
import {encodeSeedFrame, encodeSeedShape, SeedParser} from '../source/protocol/seed.js';
import type {Call} from '../source/session/call.js';
import {dial, listen} from '../source/session/connect.js';
import {scaleFrame} from '../source/session/media.js';
import {percentile} from '../source/session/stats.js';
import {openSource} from '../source/sources/index.js';

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

// ---- throttled link: each role in its own namespace --------------------------------------------

const nsA = 'fxbench-a';
const nsB = 'fxbench-b';
const addrA = '10.231.77.1';
const addrB = '10.231.77.2';

function ip(...args: string[]): void {
	const result = spawnSync('ip', args, {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`ip ${args.join(' ')}: ${result.stderr.trim()}`);
}

function makeLink(): void {
	removeLink();
	ip('netns', 'add', nsA);
	ip('netns', 'add', nsB);
	ip('link', 'add', 'fxb-a', 'netns', nsA, 'type', 'veth', 'peer', 'name', 'fxb-b', 'netns', nsB);
	for (const [ns, dev, addr] of [
		[nsA, 'fxb-a', addrA],
		[nsB, 'fxb-b', addrB],
	] as const) {
		ip('-n', ns, 'addr', 'add', `${addr}/24`, 'dev', dev);
		ip('-n', ns, 'link', 'set', dev, 'up');
		ip('-n', ns, 'link', 'set', 'lo', 'up');
		linkLabel = shape(ns, dev);
	}
}

let linkLabel = '2mbit+40ms';

/** netem where the kernel has it; otherwise tbf gives the same 2 mbit/s bottleneck, without the delay. */
function shape(ns: string, dev: string): string {
	const tc = (...args: string[]) =>
		spawnSync('ip', ['netns', 'exec', ns, 'tc', 'qdisc', 'add', 'dev', dev, 'root', ...args], {
			encoding: 'utf8',
		});
	if (tc('netem', 'rate', '2mbit', 'delay', '40ms').status === 0) return '2mbit+40ms (netem)';
	const tbf = tc('tbf', 'rate', '2mbit', 'burst', '32kbit', 'latency', '400ms');
	if (tbf.status !== 0) throw new Error(`tc: ${tbf.stderr.trim()}`);
	return '2mbit (tbf: no netem in this kernel, so no added delay)';
}

function removeLink(): void {
	for (const ns of [nsA, nsB]) spawnSync('ip', ['netns', 'del', ns]);
}

function runIn(ns: string, role: string, ...args: string[]): Promise<Record<string, number | number[]>> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			'ip',
			['netns', 'exec', ns, process.execPath, '--import', 'tsx', here, '--role', role, ...args],
			{stdio: ['ignore', 'pipe', 'inherit']},
		);
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('exit', (code) =>
			code === 0
				? resolve(JSON.parse(out.trim().split('\n').at(-1)!))
				: reject(new Error(`${role} exited ${code}`)),
		);
	});
}

async function throttled(): Promise<string[]> {
	try {
		makeLink();
	} catch (error) {
		return [
			`| throttled link | not measured: network namespaces unavailable (${(error as Error).message}) | | |`,
		];
	}
	try {
		const port = '5077';
		const [v2In, v2Out] = await Promise.all([
			runIn(nsB, 'v2-receiver', port),
			sleep(500).then(() => runIn(nsA, 'v2-sender', `${addrB}:${port}`)),
		]);
		const [seedIn] = await Promise.all([
			runIn(nsB, 'seed-receiver', port),
			sleep(500).then(() => runIn(nsA, 'seed-sender', `${addrB}:${port}`)),
		]);
		const seedLatencies = seedIn['latencies'] as number[];
		const v2Lat = v2In['latencies'] as number[];
		return [
			row(
				`${linkLabel}, v2 (full 640x480 shown): latency p50 / p95 (ms)`,
				`${p50(v2Lat).toFixed(0)} / ${p95(v2Lat).toFixed(0)}`,
				'p95 < 300',
				p95(v2Lat) < 300,
			),
			row(
				`${linkLabel}, v2: frames shown / dropped by sender`,
				`${v2In['frames']} / ${v2Out['dropped']}`,
				'drops, not queues',
				(v2Out['dropped'] as number) > 0,
			),
			row(
				`${linkLabel}, seed format as the script sends (640x480 raw, 30/s, never dropped): latency of each frame received, in order (ms)`,
				seedLatencies.map((ms) => ms.toFixed(0)).join(', '),
				'grows without bound',
				seedLatencies.length >= 2 && seedLatencies.at(-1)! > seedLatencies[0]!,
			),
			row(
				`${linkLabel}, seed: frames written / received in ${seconds} s`,
				`${Math.round(seconds * 30)} / ${seedLatencies.length}`,
				'-',
				true,
			),
		];
	} finally {
		removeLink();
	}
}

async function role(name: string, arg: string): Promise<void> {
	const runFor = seconds * 1000;
	if (name === 'v2-receiver') {
		const listener = await listen({host: addrB, port: Number(arg), shownSize: {width: 640, height: 480}});
		const call = await new Promise<Call>((resolve) => listener.once('call', resolve));
		await sleep(runFor + 2000);
		console.log(JSON.stringify({latencies: call.meter.allLatencies.slice(30), frames: call.meter.framesIn}));
		call.hangUp();
		await listener.close();
	} else if (name === 'v2-sender') {
		const [host, port] = arg.split(':');
		const call = dial(host!, Number(port));
		const cam = await camera(call);
		await sleep(runFor);
		await cam.stop();
		console.log(JSON.stringify({dropped: call.meter.dropped, sent: call.meter.framesOut}));
		await sleep(2500);
	} else if (name === 'seed-receiver') {
		const latencies: number[] = [];
		await new Promise<void>((resolve) => {
			const server = net.createServer((socket) => {
				const parser = new SeedParser();
				socket.on('data', (chunk) => {
					for (const event of parser.push(chunk)) {
						if (event.type === 'frame')
							latencies.push(
								Date.now() - Buffer.from(event.data.buffer, event.data.byteOffset, 8).readDoubleBE(0),
							);
					}
				});
				setTimeout(() => {
					socket.destroy();
					server.close();
					resolve();
				}, runFor + 2000);
			});
			server.listen(Number(arg), addrB);
		});
		console.log(JSON.stringify({latencies}));
	} else if (name === 'seed-sender') {
		const [host, port] = arg.split(':');
		const socket = net.connect(Number(port), host!);
		socket.on('error', () => undefined);
		await new Promise((resolve) => socket.once('connect', resolve));
		const shape = {rows: 480, cols: 640};
		socket.write(encodeSeedShape(shape));
		const pixels = new Uint8Array(640 * 480 * 3);
		// Like the script: every frame is written, none dropped, whatever the link can carry.
		const timer = setInterval(() => {
			Buffer.from(pixels.buffer).writeDoubleBE(Date.now(), 0);
			socket.write(encodeSeedFrame(shape, pixels));
		}, 1000 / 30);
		await sleep(runFor);
		clearInterval(timer);
		socket.destroy();
		console.log(JSON.stringify({}));
	}
}

const roleAt = process.argv.indexOf('--role');
if (roleAt !== -1) {
	await role(process.argv[roleAt + 1]!, process.argv[roleAt + 2]!);
	process.exit(0);
} else {
	const rows = ['| measure | value | target | met |', '|---|---|---|---|', ...(await loopback())];
	rows.push(...(await throttled()));
	console.log(rows.join('\n'));
	process.exit(0);
}
