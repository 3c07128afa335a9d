// One side of `npm run bench -- app` (bench/app.bench.ts starts two): runCallApp from the built
// dist/, in plain Node as dist/cli.js runs, with media/clip.mp4 as its camera and a 160x48-cell sink
// for a terminal. Plain JavaScript, not TypeScript through tsx: tsx's module hooks run in a thread
// of their own with a V8 heap of its own, which put 30-60 MB into every side's resident memory
// that facetty itself never has.
import fs from 'node:fs';
import {EventEmitter} from 'node:events';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// The bench names the camera (FACETTY_BENCH_CAMERA_FILE); media/clip.mp4 when run alone.
const camera = process.env['FACETTY_BENCH_CAMERA_FILE'] ?? path.resolve(here, '../media/clip.mp4');
const [which, port, warmupSeconds, seconds] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** RssFile and RssAnon of /proc/self/status, in MB; -1 where there is no such file. */
function residentKinds() {
	try {
		const status = fs.readFileSync('/proc/self/status', 'utf8');
		const kb = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
		return {fileMb: kb('RssFile') / 1024, anonMb: kb('RssAnon') / 1024};
	} catch {
		return {fileMb: -1, anonMb: -1};
	}
}

class SinkTerminal extends EventEmitter {
	isTTY = true;
	columns = 160;
	rows = 48;
	writableLength = 0;
	bytes = 0;
	writes = 0;
	write(data) {
		this.bytes += data.length;
		this.writes++;
		return true;
	}
}

// FACETTY_BENCH_DIST: another build's directory in the repository (an A/B of two builds).
const dist = process.env['FACETTY_BENCH_DIST'] ?? 'dist';
const {runCallApp} = await import(path.resolve(here, '..', dist, 'ui/call-app.js'));
const output = new SinkTerminal();
const input = Object.assign(new PassThrough(), {
	isTTY: true,
	setRawMode: () => input,
	ref: () => input,
	unref: () => input,
});
const meter = {renderMs: 0, videoDraws: 0, peerFramesDrawn: 0};
let framesIn = 0;
let codec = '';
let measuring = false;
const p95s = [];
const running = runCallApp({
	role: which,
	host: '127.0.0.1',
	port: Number(port),
	target: `127.0.0.1:${port}`,
	camera,
	colorDepth: 'truecolor',
	// FACETTY_BENCH_GLYPHS: the glyph set (half, quad, sextant, octant); half blocks when unset.
	glyphs: process.env['FACETTY_BENCH_GLYPHS'] || undefined,
	input,
	output,
	errorOutput: process.stderr,
	meter,
	// A backstop only: the bench stops both sides once both reported, so neither side's report
	// includes the other hanging up (the caller starts a little later and would).
	seconds: Number(warmupSeconds) + Number(seconds) + 30,
	onListening: () => process.send?.('listening'),
	onStats: (stats) => {
		framesIn = stats.frames_in;
		codec = stats.codec ?? '';
		if (measuring && stats.latency_ms_p95 !== null) p95s.push(stats.latency_ms_p95);
	},
});
// FACETTY_BENCH_KEYS: keys typed into both call screens 1.5 s in (`v` hides the self view), to
// measure what a part of the screen costs.
const keys = process.env['FACETTY_BENCH_KEYS'];
if (keys) setTimeout(() => input.write(keys), 1500);
await sleep(Number(warmupSeconds) * 1000);
const start = {
	cpu: process.cpuUsage(),
	at: performance.now(),
	drawn: meter.peerFramesDrawn,
	render: meter.renderMs,
	in: framesIn,
	bytes: output.bytes,
	writes: output.writes,
};
measuring = true;
await sleep(Number(seconds) * 1000);
measuring = false;
p95s.sort((a, b) => a - b);
const cpu = process.cpuUsage(start.cpu);
const elapsed = performance.now() - start.at;
const drawn = meter.peerFramesDrawn - start.drawn;
const memory = process.memoryUsage();
process.send?.({
	role: which,
	fpsShown: (drawn * 1000) / elapsed,
	fpsIn: ((framesIn - start.in) * 1000) / elapsed,
	cpu: ((cpu.user + cpu.system) / 1000 / elapsed) * 100,
	render: ((meter.renderMs - start.render) / elapsed) * 100,
	kbPerFrame: (output.bytes - start.bytes) / 1024 / Math.max(1, drawn),
	// Each of the sink's batches is one write (one synchronized-output pair) for the terminal.
	batchesPerSecond: ((output.writes - start.writes) * 1000) / elapsed,
	codec,
	latencyP95Ms: p95s[Math.floor(p95s.length / 2)] ?? NaN,
	worstP95Ms: p95s.at(-1) ?? NaN,
	rssMb: memory.rss / 1048576,
	heapMb: memory.heapUsed / 1048576,
	externalMb: memory.external / 1048576,
	...residentKinds(),
});
process.on('message', (message) => {
	if (message === 'stop') process.exit(0);
});
await running;
process.exit(0);
