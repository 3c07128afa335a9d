/**
 * Soak: a v2 call (encrypted, JPEG) on loopback at 640x480@30 both ways, for SOAK_SECONDS
 * (default 600). Both peers run in this process through the session API, decoding every frame.
 * Pass: resident memory growth after the first minute < 20 MB, open file descriptors do not
 * grow, latency p95 in the last minute within 20% of the first minute (with a 2 ms floor, since
 * loopback latencies are a few ms). With SOAK_SECONDS under 240 the windows are a quarter of the run.
 *
 *   node --import tsx bench/soak.ts            SOAK_SECONDS=120 node --import tsx bench/soak.ts
 */
import fs from 'node:fs';
import {makeFrame, type Frame} from '../source/frame.js';
import {dial, listen} from '../source/session/connect.js';
import type {Call} from '../source/session/call.js';

const seconds = Number(process.env['SOAK_SECONDS'] ?? 600);
const width = 640;
const height = 480;
const fps = 30;
const windowSeconds = seconds >= 240 ? 60 : Math.max(5, Math.floor(seconds / 4));

/** A moving gradient with a bar, like footage (JPEG-friendly), 60 distinct frames. */
function frames(): Uint8Array[] {
	return Array.from({length: 60}, (_, k) => {
		const data = new Uint8Array(width * height * 3);
		for (let y = 0; y < height; y++) {
			for (let x = 0; x < width; x++) {
				const at = (y * width + x) * 3;
				const bar = Math.abs(x - k * 10) < 20 ? 120 : 0;
				data[at] = (x / 3 + k * 2 + bar) & 0xff;
				data[at + 1] = (y / 2 + bar) & 0xff;
				data[at + 2] = (128 + 100 * Math.sin((x + y + k * 8) / 40)) & 0xff;
			}
		}
		return data;
	});
}

const rssMb = () => process.memoryUsage().rss / 1048576;
const fdCount = () => fs.readdirSync('/proc/self/fd').length;
const p95 = (values: number[]) => {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
};

const pictures = frames();
const listener = await listen({host: '127.0.0.1', port: 0});
const accepted = new Promise<Call>((resolve) => listener.once('call', resolve));
const caller = dial('127.0.0.1', listener.port, {});
const accepter = await accepted;
const start = Date.now();
type Sample = {t: number; rss: number; fds: number};
const samples: Sample[] = [];
const latencies: Array<{t: number; ms: number}> = [];
let shown = 0;
for (const call of [caller, accepter]) {
	call.on('frame', (frame: Frame) => {
		shown++;
		latencies.push({t: (Date.now() - start) / 1000, ms: Date.now() - frame.capturedAt});
	});
	call.on('ended', (end) => {
		if (Date.now() - start < seconds * 1000) {
			console.error(`soak: the call ended early: ${end.reason}`);
			process.exit(1);
		}
	});
}
let index = 0;
const sender = setInterval(() => {
	const data = pictures[index++ % pictures.length]!;
	caller.sendFrame(makeFrame(width, height, data, Date.now()));
	accepter.sendFrame(makeFrame(width, height, data, Date.now()));
}, 1000 / fps);
const sampler = setInterval(() => {
	const t = (Date.now() - start) / 1000;
	samples.push({t, rss: rssMb(), fds: fdCount()});
	if (Math.round(t) % 30 === 0 || seconds < 120) {
		const recent = latencies.filter((l) => l.t > t - 5).map((l) => l.ms);
		console.log(
			`t=${t.toFixed(0)}s rss=${rssMb().toFixed(1)}MB fds=${fdCount()} shown=${shown} p95(5s)=${p95(recent).toFixed(1)}ms sas=${caller.security.sas}`,
		);
	}
}, 1000);

await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
clearInterval(sender);
clearInterval(sampler);
const statsCaller = caller.statsNow();
caller.hangUp('soak over');
await listener.close();

const afterFirst = samples.filter((s) => s.t >= windowSeconds);
const rssStart = afterFirst[0]?.rss ?? NaN;
const rssEnd = samples.at(-1)?.rss ?? NaN;
const rssMax = Math.max(...afterFirst.map((s) => s.rss));
const fdsStart = afterFirst[0]?.fds ?? NaN;
const fdsEnd = samples.at(-1)?.fds ?? NaN;
const first = p95(latencies.filter((l) => l.t < windowSeconds).map((l) => l.ms));
const last = p95(latencies.filter((l) => l.t >= seconds - windowSeconds).map((l) => l.ms));
const checks = [
	[
		`rss growth after the first ${windowSeconds} s < 20 MB`,
		rssEnd - rssStart < 20,
		`${rssStart.toFixed(1)} -> ${rssEnd.toFixed(1)} MB (max ${rssMax.toFixed(1)})`,
	],
	['open fds do not grow', fdsEnd <= fdsStart, `${fdsStart} -> ${fdsEnd}`],
	[
		`latency p95, last ${windowSeconds} s within 20% of the first (2 ms floor)`,
		last <= Math.max(first * 1.2, first + 2),
		`${first.toFixed(1)} -> ${last.toFixed(1)} ms`,
	],
	['frames kept flowing', shown > seconds * fps * 2 * 0.5, `${shown} shown of ${seconds * fps * 2} sent`],
] as const;
console.log(
	`soak: ${seconds} s, 640x480@30 both ways, encrypted=${statsCaller.encrypted}, dropped=${statsCaller.dropped}`,
);
let failed = false;
for (const [name, ok, detail] of checks) {
	console.log(`${ok ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
	failed ||= !ok;
}
process.exit(failed ? 1 : 0);
