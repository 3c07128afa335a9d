/**
 * `npm run bench -- app`: both peers and both call screens on this machine, as two processes
 * (a listener and a caller, each `runCallApp` with media/clip.mp4 640x480@30 as its camera), each
 * drawing into a 160x48-cell terminal that is a sink (bytes counted, not shown), so the numbers
 * are facetty's alone, not a terminal emulator's. Prints fps shown on each side, CPU per process
 * (% of one core) and how much of it is rendering (video surfaces + chrome compositing), the codec
 * sent, and where the resident memory is: V8's heap, memory V8 knows is held outside it (Buffers),
 * and on Linux the resident pages of mapped files (shared libraries: OpenCV, FFmpeg, ...) against
 * anonymous ones (every malloc, V8's heap included).
 */
import fs from 'node:fs';
import {spawn} from 'node:child_process';
import {EventEmitter} from 'node:events';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {fileURLToPath} from 'node:url';
import type {AppMeter} from '../source/ui/call-app.js';
import {freePort} from '../test/e2e/tmux.js';

const here = fileURLToPath(import.meta.url);
const clip = path.resolve(path.dirname(here), '../media/clip.mp4');
const warmupSeconds = 3;
const seconds = Number(process.env['FACETTY_BENCH_SECONDS'] ?? 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Report = {
	role: string;
	fpsShown: number;
	fpsIn: number;
	cpu: number;
	render: number;
	kbPerFrame: number;
	codec: string;
	rssMb: number;
	heapMb: number;
	externalMb: number;
	/** Linux: resident pages of mapped files (libraries) and anonymous ones; -1 elsewhere. */
	fileMb: number;
	anonMb: number;
};

/** RssFile and RssAnon of /proc/self/status, in MB; -1 where there is no such file. */
function residentKinds(): {fileMb: number; anonMb: number} {
	try {
		const status = fs.readFileSync('/proc/self/status', 'utf8');
		const kb = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
		return {fileMb: kb('RssFile') / 1024, anonMb: kb('RssAnon') / 1024};
	} catch {
		return {fileMb: -1, anonMb: -1};
	}
}

class SinkTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns = 160;
	readonly rows = 48;
	readonly writableLength = 0;
	bytes = 0;
	write(data: string | Uint8Array): boolean {
		this.bytes += data.length;
		return true;
	}
}

async function role(which: 'listen' | 'call', port: number): Promise<void> {
	const {runCallApp} = await import('../source/ui/call-app.js');
	const output = new SinkTerminal();
	const input = Object.assign(new PassThrough(), {
		isTTY: true,
		setRawMode: () => input,
		ref: () => input,
		unref: () => input,
	});
	const meter: AppMeter = {renderMs: 0, videoDraws: 0, peerFramesDrawn: 0};
	let framesIn = 0;
	let codec = '';
	const running = runCallApp({
		role: which,
		host: '127.0.0.1',
		port,
		target: `127.0.0.1:${port}`,
		camera: clip,
		colorDepth: 'truecolor',
		input: input as unknown as NodeJS.ReadStream,
		output: output as unknown as NodeJS.WriteStream,
		errorOutput: process.stderr,
		meter,
		seconds: warmupSeconds + seconds + 1,
		onListening: () => process.send?.('listening'),
		onStats: (stats) => {
			framesIn = stats.frames_in;
			codec = stats.codec ?? '';
		},
	});
	await sleep(warmupSeconds * 1000);
	const start = {
		cpu: process.cpuUsage(),
		at: performance.now(),
		drawn: meter.peerFramesDrawn,
		render: meter.renderMs,
		in: framesIn,
		bytes: output.bytes,
	};
	await sleep(seconds * 1000);
	const cpu = process.cpuUsage(start.cpu);
	const elapsed = performance.now() - start.at;
	const drawn = meter.peerFramesDrawn - start.drawn;
	const memory = process.memoryUsage();
	const report: Report = {
		role: which,
		fpsShown: (drawn * 1000) / elapsed,
		fpsIn: ((framesIn - start.in) * 1000) / elapsed,
		cpu: ((cpu.user + cpu.system) / 1000 / elapsed) * 100,
		render: ((meter.renderMs - start.render) / elapsed) * 100,
		kbPerFrame: (output.bytes - start.bytes) / 1024 / Math.max(1, drawn),
		codec,
		rssMb: memory.rss / 1048576,
		heapMb: memory.heapUsed / 1048576,
		externalMb: memory.external / 1048576,
		...residentKinds(),
	};
	process.send?.(report);
	await running;
	process.exit(0);
}

function child(which: 'listen' | 'call', port: number): {reports: Promise<Report>; listening: Promise<void>} {
	// As dist/cli.js runs (its first line): two malloc arenas and the larger young generation.
	const proc = spawn(
		process.execPath,
		['--max-semi-space-size=32', '--import', 'tsx', here, '--role', which, String(port)],
		{stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: {...process.env, MALLOC_ARENA_MAX: '2'}},
	);
	let ready: () => void = () => undefined;
	const listening = new Promise<void>((resolve) => (ready = resolve));
	const reports = new Promise<Report>((resolve, reject) => {
		proc.on('message', (message) => (message === 'listening' ? ready() : resolve(message as Report)));
		proc.on('exit', (code) => reject(new Error(`${which} exited with ${code} before reporting`)));
	});
	return {reports, listening};
}

async function main(): Promise<void> {
	const port = await freePort();
	const listener = child('listen', port);
	await listener.listening;
	const caller = child('call', port);
	const reports = await Promise.all([listener.reports, caller.reports]);
	const f = (n: number) => n.toFixed(1);
	console.log(
		`Both call screens at 160x48 cells (truecolor, half blocks), clip.mp4 640x480@30 each way, ${seconds} s after ${warmupSeconds} s warm-up, ${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores.\n`,
	);
	console.log(
		'| process | codec sent | fps received | fps shown | CPU % of one core | of which rendering % | KB written per frame | RSS MB | V8 heap used MB | external MB | resident of mapped files (libraries) MB | anonymous MB |',
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const r of reports) {
		console.log(
			`| ${r.role === 'listen' ? 'listener' : 'caller'} | ${r.codec} | ${f(r.fpsIn)} | ${f(r.fpsShown)} | ${f(r.cpu)} | ${f(r.render)} | ${f(r.kbPerFrame)} | ${f(r.rssMb)} | ${f(r.heapMb)} | ${f(r.externalMb)} | ${f(r.fileMb)} | ${f(r.anonMb)} |`,
		);
	}
}

const at = process.argv.indexOf('--role');
if (at >= 0) await role(process.argv[at + 1] as 'listen' | 'call', Number(process.argv[at + 2]));
else await main();
