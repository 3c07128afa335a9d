/**
 * `npm run bench -- app`: both peers and both call screens on this machine, as two processes
 * (a listener and a caller, each `runCallApp` with media/clip.mp4 640x480@30 as its camera), each
 * drawing into a 160x48-cell terminal that is a sink (bytes counted, not shown), so the numbers
 * are facetty's alone, not a terminal emulator's. Prints fps shown on each side, CPU per process
 * (% of one core) and how much of it is rendering (video surfaces + chrome compositing), the codec
 * sent, and where the resident memory is: V8's heap, memory V8 knows is held outside it (Buffers),
 * and on Linux the resident pages of mapped files (shared libraries: OpenCV, FFmpeg, ...) against
 * anonymous ones (every malloc, V8's heap included).
 *
 * FACETTY_BENCH_CAMERA=raw: the camera is clip.mp4's pictures as raw 4:2:0 frames (raw-camera.ts,
 * a webcam's kind of picture), so the call is measured without decoding H.264 at 640x480 each
 * frame, which only the stand-in camera costs.
 * FACETTY_BENCH_GLYPHS=quad (or sextant, octant): the call screens draw that glyph set, not half
 * blocks; quadrants are what most terminals get by default (--glyphs auto).
 */
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {freePort} from '../test/e2e/tmux.js';
import {launcher} from './launcher.js';
import {writeRawCamera} from './raw-camera.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const warmupSeconds = 3;
const seconds = Number(process.env['FACETTY_BENCH_SECONDS'] ?? 10);
/** FACETTY_BENCH_GLYPHS: the call screens' glyph set (the role passes it on); half blocks unless set. */
const glyphs = process.env['FACETTY_BENCH_GLYPHS'] || 'half';
const glyphNames: Record<string, string> = {
	half: 'half blocks',
	quad: 'quadrants',
	sextant: 'sextants',
	octant: 'octants',
};
if (!(glyphs in glyphNames)) {
	console.error(`FACETTY_BENCH_GLYPHS is half, quad, sextant or octant (it is ${glyphs}).`);
	process.exit(2);
}
/** More Node flags for both sides, to look inside a run: `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
const extraNodeFlags = (process.env['FACETTY_BENCH_NODE_FLAGS'] ?? '').split(/\s+/).filter(Boolean);

type Report = {
	role: string;
	fpsShown: number;
	fpsIn: number;
	cpu: number;
	render: number;
	kbPerFrame: number;
	batchesPerSecond: number;
	codec: string;
	/** The p95 of capture-to-shown latency over each stats interval in the window: median and worst. */
	latencyP95Ms: number;
	worstP95Ms: number;
	rssMb: number;
	heapMb: number;
	externalMb: number;
	/** Linux: resident pages of mapped files (libraries) and anonymous ones; -1 elsewhere. */
	fileMb: number;
	anonMb: number;
};

/** Compiles source/ into dist/ when a source file is newer than the build (or there is none). */
function ensureBuilt(): void {
	const built = path.join(repo, 'dist', 'ui', 'call-app.js');
	const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
	const newest = fs
		.readdirSync(path.join(repo, 'source'), {recursive: true, withFileTypes: true})
		.filter((entry) => entry.isFile())
		.reduce(
			(latest, entry) => Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs),
			0,
		);
	if (newest <= builtAt) return;
	console.error('app bench: building dist/ (tsc -p tsconfig.build.json) ...');
	execFileSync(
		process.execPath,
		[path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
		{
			cwd: repo,
			stdio: 'inherit',
		},
	);
}

type Child = {reports: Promise<Report>; listening: Promise<void>; stop: () => void};

function child(which: 'listen' | 'call', port: number, camera: string): Child {
	// As dist/cli.js runs: its first line's environment and Node flags, the built code, no tsx.
	const {env, nodeFlags} = launcher(
		fs.readFileSync(path.join(repo, 'source', 'cli.tsx'), 'utf8').split('\n')[0]!,
	);
	const proc = spawn(
		process.execPath,
		[
			...nodeFlags,
			...extraNodeFlags,
			path.join(repo, 'bench', 'app-role.mjs'),
			which,
			String(port),
			String(warmupSeconds),
			String(seconds),
		],
		{
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			env: {...process.env, ...env, FACETTY_BENCH_CAMERA_FILE: camera},
		},
	);
	let ready: () => void = () => undefined;
	const listening = new Promise<void>((resolve) => (ready = resolve));
	const reports = new Promise<Report>((resolve, reject) => {
		proc.on('message', (message) => (message === 'listening' ? ready() : resolve(message as Report)));
		proc.on('exit', (code) => reject(new Error(`${which} exited with ${code} before reporting`)));
	});
	return {reports, listening, stop: () => proc.send('stop')};
}

/** The camera file both sides read, what to call it, and what to remove after. */
async function benchCamera(): Promise<{file: string; name: string; cleanUp: () => void}> {
	const clip = path.join(repo, 'media', 'clip.mp4');
	if (process.env['FACETTY_BENCH_CAMERA'] !== 'raw')
		return {file: clip, name: 'clip.mp4 (H.264) 640x480@30', cleanUp: () => undefined};
	const file = path.join((await import('node:os')).tmpdir(), `facetty-bench-camera-${process.pid}.y4m`);
	// 150 pictures (5 s, looped): 69 MB, written once.
	await writeRawCamera(file, 150);
	return {
		file,
		name: "raw 4:2:0 pictures 640x480@30 (clip.mp4's, as a webcam gives them)",
		cleanUp: () => fs.rmSync(file, {force: true}),
	};
}

async function main(): Promise<void> {
	ensureBuilt();
	const camera = await benchCamera();
	const port = await freePort();
	const listener = child('listen', port, camera.file);
	await listener.listening;
	const caller = child('call', port, camera.file);
	const reports = await Promise.all([listener.reports, caller.reports]).finally(camera.cleanUp);
	listener.stop();
	caller.stop();
	const f = (n: number) => n.toFixed(1);
	console.log(
		`Both call screens at 160x48 cells (truecolor, ${glyphNames[glyphs]}), camera ${camera.name} each way, ${seconds} s after ${warmupSeconds} s warm-up, ${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores.\n`,
	);
	console.log(
		'| process | codec sent | fps received | fps shown | latency p95 ms (median, worst second) | CPU % of one core | of which rendering % | KB written per frame | batches written a second | RSS MB | V8 heap used MB | external MB | resident of mapped files (libraries) MB | anonymous MB |',
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const r of reports) {
		console.log(
			`| ${r.role === 'listen' ? 'listener' : 'caller'} | ${r.codec} | ${f(r.fpsIn)} | ${f(r.fpsShown)} | ${f(r.latencyP95Ms)}, ${f(r.worstP95Ms)} | ${f(r.cpu)} | ${f(r.render)} | ${f(r.kbPerFrame)} | ${f(r.batchesPerSecond)} | ${f(r.rssMb)} | ${f(r.heapMb)} | ${f(r.externalMb)} | ${f(r.fileMb)} | ${f(r.anonMb)} |`,
		);
	}
}

await main();
