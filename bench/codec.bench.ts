/**
 * `npm run bench -- codec`: the picture on the wire, per codec.
 *
 * 1. Per clip (media/clip.mp4, and the face-like clip of bench/face-clip.ts) and per codec
 *    (jpeg444 as facetty sent before, H.264 4:4:4, VP9 4:4:4, all at --quality 90), 300 frames
 *    scaled as a 160x48 call screen shows them (640x480 -> 128x96): kbit/s at 30 fps (packets plus
 *    the v2 video header), PSNR over BGR of the decoded frame against the sender's scaled frame,
 *    encode / decode ms a frame, the largest frame, and the time to the first picture after a
 *    keyframe request (encode + decode of the keyframe, plus carrying it at 300 kbit/s).
 * 2. A call both ways over bench/link-emulator.ts at 300 kbit/s and 40 ms each way, both sides
 *    showing 160x96 and sending the clip at 30 fps: latency p95, pictures a second, bytes a second
 *    and the codec's target after the first 3 s; with the codec, then jpeg444 only as before.
 *    Each peer runs in its own process (`--role`), so each has its own event loop.
 */
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import type {Frame} from '../source/frame.js';
import {
	codecUnavailableReason,
	crfForQuality,
	interCodecs,
	VideoDecoder,
	VideoEncoder,
	type InterCodec,
} from '../source/native-codec.js';
import type {Call} from '../source/session/call.js';
import {dial, listen} from '../source/session/connect.js';
import {decodeJpeg444, encodeJpeg444, fitWithin} from '../source/session/media.js';
import {scaleFrame} from '../source/sources/scale.js';
import {percentile, type CallStats} from '../source/session/stats.js';
import {openSource} from '../source/sources/index.js';
import {faceFrame} from './face-clip.js';
import {emulateLink} from './link-emulator.js';
import {spawnRole} from './role-process.js';
import {withTimeout} from '../test/session/helpers.js';

const here = fileURLToPath(import.meta.url);
const clip = path.resolve(path.dirname(here), '../media/clip.mp4');
const frameCount = Number(process.env['FACETTY_BENCH_FRAMES'] ?? 300);
const callSeconds = Number(process.env['FACETTY_BENCH_SECONDS'] ?? 15);
// The call is measured after its first 3 s; a shorter one ended before the listener saw it live,
// and the listener waited for it for ever.
if (!(callSeconds >= 5)) {
	console.error(`FACETTY_BENCH_SECONDS must be 5 or more for the codec bench's call (it is ${callSeconds}).`);
	process.exit(2);
}
const quality = 90;
const shown = {width: 160, height: 96};
const videoHeaderBytes = 5 + 18;
const slowKbps = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const p95 = (values: number[]) =>
	percentile(
		[...values].sort((a, b) => a - b),
		95,
	) ?? NaN;

function psnr(a: Uint8Array, b: Uint8Array): number {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
	const mse = sum / a.length;
	return mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse);
}

/** The clip's first frames, each scaled at once as the sender would (full frames would take GBs). */
async function clipFrames(): Promise<Frame[]> {
	const source = openSource(clip, {paced: false, loop: false});
	const frames: Frame[] = [];
	let pending = Promise.resolve();
	await new Promise<void>((resolve, reject) => {
		source.onFrame((frame) => {
			if (frames.length >= frameCount) return;
			const copy = {...frame, data: frame.data.slice()};
			pending = pending.then(async () => {
				if (frames.length < frameCount) frames.push(await scaleFrame(copy, fitWithin(copy, shown)));
				if (frames.length >= frameCount) resolve();
			});
		});
		source.onError((error) => (error.code === 'ended' ? resolve() : reject(error)));
		source.start().catch(reject);
	});
	await pending;
	await source.stop();
	return frames.slice(0, frameCount);
}

async function faceFrames(): Promise<Frame[]> {
	const frames: Frame[] = [];
	for (let i = 0; i < frameCount; i++) {
		const frame = faceFrame(i);
		frames.push(await scaleFrame(frame, fitWithin(frame, shown)));
	}
	return frames;
}

type Result = {
	kbps: number;
	psnr: number;
	psnrMin: number;
	encodeMs: number;
	decodeMs: number;
	largest: number;
	keyframeBytes: number;
	firstPictureMs: number;
};

async function measureJpeg444(frames: Frame[]): Promise<Result> {
	const bytes: number[] = [];
	const scores: number[] = [];
	const encodeMs: number[] = [];
	const decodeMs: number[] = [];
	for (const frame of frames) {
		let start = performance.now();
		const data = await encodeJpeg444(frame, quality);
		encodeMs.push(performance.now() - start);
		start = performance.now();
		const decoded = await decodeJpeg444(data, frame, 0);
		decodeMs.push(performance.now() - start);
		bytes.push(data.length + videoHeaderBytes);
		scores.push(psnr(frame.data, decoded!.data));
	}
	// Every jpeg444 frame stands alone: the next frame is the "keyframe".
	const middle = bytes[frames.length >> 1]!;
	return summary(bytes, scores, encodeMs, decodeMs, middle, mean(encodeMs) + mean(decodeMs));
}

function measureInter(codec: InterCodec, frames: Frame[]): Result {
	const settings = {width: frames[0]!.width, height: frames[0]!.height, fps: 30, keyint: 300};
	const encoder = new VideoEncoder({codec, ...settings, crf: crfForQuality(quality, codec), maxKbps: 8000});
	const decoder = new VideoDecoder(codec);
	const bytes: number[] = [];
	const scores: number[] = [];
	const encodeMs: number[] = [];
	const decodeMs: number[] = [];
	let keyframeBytes = 0;
	let firstPictureMs = 0;
	frames.forEach((frame, index) => {
		const request = index === frames.length >> 1;
		let start = performance.now();
		const packet = encoder.encode({...frame, capturedAt: index * (1000 / 30)}, index === 0 || request)!;
		const encoded = performance.now() - start;
		encodeMs.push(encoded);
		if (request) {
			// A receiver that joins here: a fresh decoder, the keyframe alone.
			const joiner = new VideoDecoder(codec);
			start = performance.now();
			joiner.decode(packet.data, frame.width, frame.height, 0);
			keyframeBytes = packet.data.length + videoHeaderBytes;
			firstPictureMs = encoded + (performance.now() - start);
			joiner.close();
		}
		start = performance.now();
		const decoded = decoder.decode(packet.data, frame.width, frame.height, 0);
		decodeMs.push(performance.now() - start);
		bytes.push(packet.data.length + videoHeaderBytes);
		scores.push(psnr(frame.data, decoded!.data));
	});
	encoder.close();
	decoder.close();
	return summary(bytes, scores, encodeMs, decodeMs, keyframeBytes, firstPictureMs);
}

function summary(
	bytes: number[],
	scores: number[],
	encodeMs: number[],
	decodeMs: number[],
	keyframeBytes: number,
	codingMs: number,
): Result {
	return {
		kbps: (mean(bytes) * 8 * 30) / 1000,
		psnr: mean(scores),
		psnrMin: Math.min(...scores),
		encodeMs: mean(encodeMs),
		decodeMs: mean(decodeMs),
		largest: Math.max(...bytes),
		keyframeBytes,
		firstPictureMs: codingMs + (keyframeBytes * 8) / slowKbps,
	};
}

async function perCodec(): Promise<string[]> {
	const codecs = interCodecs();
	const rows = [
		`Per clip and codec: ${frameCount} frames at 30 fps, 640x480 scaled to 128x96 (a 160x48 call screen), --quality ${quality}.`,
		codecs.length < 2
			? `Codecs on this machine: ${codecs.join(', ') || `none (${codecUnavailableReason()})`}.`
			: '',
		'',
		'| clip | codec | kbit/s | PSNR dB mean / min | encode / decode ms | largest frame B | keyframe B; first picture after a request (ms, at 300 kbit/s) |',
		'|---|---|---|---|---|---|---|',
	];
	for (const [name, load] of [
		['media/clip.mp4', clipFrames],
		['face (bench/face-clip.ts)', faceFrames],
	] as const) {
		const frames = await load();
		const results: Array<[string, Result]> = [['jpeg444', await measureJpeg444(frames)]];
		for (const codec of codecs) results.push([codec, measureInter(codec, frames)]);
		for (const [codec, r] of results) {
			rows.push(
				`| ${name} | ${codec} | ${r.kbps.toFixed(0)} | ${r.psnr.toFixed(1)} / ${r.psnrMin.toFixed(1)} | ${r.encodeMs.toFixed(2)} / ${r.decodeMs.toFixed(2)} | ${r.largest} | ${r.keyframeBytes}; ${r.firstPictureMs.toFixed(0)} |`,
			);
		}
	}
	return rows;
}

// ---- a call over the emulated link --------------------------------------------------------------

type PeerReport = {latencies: Array<[number, number]>; stats: CallStats[]; startedAt: number};

function runRole(...args: string[]): {ready: Promise<void>; result: Promise<PeerReport>} {
	return spawnRole<PeerReport>(
		[process.execPath, '--import', 'tsx', here, '--role', ...args],
		`role ${args[0]}`,
	);
}

async function role(name: string, port: number, codecs: string): Promise<void> {
	const interCodecsOption = codecs === 'none' ? [] : undefined;
	const options = {shownSize: shown, statsIntervalMs: 1000, interCodecs: interCodecsOption};
	let call: Call;
	let close = async () => undefined as unknown;
	if (name === 'listen') {
		const listener = await listen({host: '127.0.0.1', port, ...options});
		console.log('READY');
		call = await withTimeout(
			new Promise<Call>((resolve) => listener.once('call', resolve)),
			callSeconds * 1000 + 30_000,
			'a call to reach the bench listener',
		);
		close = () => listener.close();
	} else {
		call = dial('127.0.0.1', port, options);
	}
	const startedAt = Date.now();
	const latencies: Array<[number, number]> = [];
	const stats: CallStats[] = [];
	call.on('frame', (frame: Frame) => latencies.push([Date.now() - startedAt, Date.now() - frame.capturedAt]));
	call.on('stats', (s) => stats.push(s));
	const source = openSource(clip, {fps: 30, loop: true});
	source.onFrame((frame) => call.sendFrame(frame));
	await source.start();
	await sleep(callSeconds * 1000);
	await source.stop();
	call.hangUp('bench over');
	await sleep(300);
	await close();
	console.log(JSON.stringify({latencies, stats, startedAt}));
}

async function slowCall(codecs: 'default' | 'none'): Promise<string[]> {
	const port = 5000 + Math.floor(Math.random() * 20000);
	const listener = runRole('listen', String(port), codecs);
	await listener.ready;
	const link = await emulateLink({
		target: {host: '127.0.0.1', port},
		rateBitsPerSecond: slowKbps * 1000,
		delayMs: 40,
	});
	try {
		const caller = runRole('dial', String(link.port), codecs);
		const reports = await Promise.all([listener.result, caller.result]);
		const label = codecs === 'none' ? 'jpeg444 only (as before)' : 'with the codec';
		const rows: string[] = [];
		reports.forEach((report, index) => {
			const direction = index === 0 ? 'dialler -> listener' : 'listener -> dialler';
			const peerStats = reports[1 - index]!.stats.filter((s) => s.state === 'in-call').slice(3);
			const steady = report.latencies.filter(([at]) => at >= 3000).map(([, ms]) => ms);
			const fps = steady.length / Math.max(1, callSeconds - 3);
			const kbps = mean(peerStats.map((s) => (s.bytes_out * 8) / 1000));
			const targets = peerStats.map((s) => s.target_kbps).filter((t): t is number => typeof t === 'number');
			const codec = [...new Set(peerStats.map((s) => s.codec))].join(', ');
			rows.push(
				`| ${label} | ${direction} | ${codec} | ${p95(steady).toFixed(0)} | ${fps.toFixed(1)} | ${kbps.toFixed(0)} | ${
					targets.length ? `${Math.min(...targets)}..${Math.max(...targets)}` : '-'
				} |`,
			);
		});
		const queued = link.connections.flatMap((c) => [c.up.maxQueued, c.down.maxQueued]);
		rows.push(`| ${label} | largest bottleneck queue | | | | ${Math.max(...queued)} B | |`);
		return rows;
	} finally {
		await link.close();
	}
}

const roleAt = process.argv.indexOf('--role');
if (roleAt !== -1) {
	await role(process.argv[roleAt + 1]!, Number(process.argv[roleAt + 2]), process.argv[roleAt + 3]!);
	process.exit(0);
} else {
	const rows = await perCodec();
	rows.push(
		'',
		`A call both ways over bench/link-emulator.ts, ${slowKbps} kbit/s and 40 ms each way, ${callSeconds} s, both showing 160x96, clip at 30 fps; after the first 3 s:`,
		'',
		'| run | direction | codec sent | latency p95 ms | pictures/s | kbit/s on the wire | target kbit/s min..max |',
		'|---|---|---|---|---|---|---|',
		...(await slowCall('default')),
		...(await slowCall('none')),
	);
	console.log(rows.join('\n'));
	process.exit(0);
}
