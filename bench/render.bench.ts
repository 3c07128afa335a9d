/**
 * The picture's costs on media/clip.mp4 at three cell boxes: bytes a frame and PSNR of what a
 * model terminal shows against the area-averaged frame, renderer time a frame, and a
 * whole-process comparison of `play --no-pace` with timg (CPU and bytes a frame).
 * Run: npm run bench -- render (FACETTY_BENCH_ONLY=256: the 256-colour table alone)
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {areaScaler} from '../source/render/area-scale.js';
import {layoutPicture, type ColorDepth} from '../source/render/layout.js';
import {defaultThreshold, Renderer} from '../source/render/renderer.js';
import {openSource} from '../source/sources/index.js';
import type {Frame} from '../source/frame.js';
import {screenPsnr, VirtualTerminal} from '../test/render/virtual-terminal.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The media clip is a hard case: its whole background gradient drifts, so nearly every cell
 * changes every frame. A webcam sees something else: a still room with sensor noise, or a camera
 * that moves. Two 20 s clips made here with ffmpeg from media/still.png stand in for those.
 */
function makeClips(): Array<{name: string; file: string}> {
	const clips = [{name: 'media/clip.mp4 (drifting gradient)', file: path.join(root, 'media/clip.mp4')}];
	const still = path.join(root, 'media/still.png');
	const recipes = [
		{
			name: 'static camera + sensor noise (20 s)',
			file: path.join(os.tmpdir(), 'facetty-bench-static.mp4'),
			filter: 'noise=alls=4:allf=t',
		},
		{
			name: 'moving camera: pan and zoom (20 s)',
			file: path.join(os.tmpdir(), 'facetty-bench-moving.mp4'),
			filter:
				"scale=1280:960,zoompan=z='1.4+0.2*sin(on/70)':x='iw/2-(iw/zoom/2)+160*sin(on/90)':y='ih/2-(ih/zoom/2)+90*cos(on/80)':d=1:s=640x480:fps=30,noise=alls=2:allf=t",
		},
	];
	for (const recipe of recipes) {
		if (!fs.existsSync(recipe.file)) {
			const made = spawnSync('ffmpeg', [
				'-v',
				'error',
				'-y',
				'-loop',
				'1',
				'-framerate',
				'30',
				'-i',
				still,
				'-vf',
				recipe.filter,
				'-t',
				'20',
				'-c:v',
				'libx264',
				'-crf',
				'18',
				'-pix_fmt',
				'yuv420p',
				recipe.file,
			]);
			if (made.status !== 0) {
				console.error(`ffmpeg could not make "${recipe.name}"; skipped`);
				continue;
			}
		}
		clips.push({name: recipe.name, file: recipe.file});
	}
	return clips;
}

const boxes = [
	[80, 24],
	[160, 48],
	[240, 67],
] as const;
const psnrEvery = 3;

async function eachFrame(clip: string, visit: (frame: Frame) => void): Promise<number> {
	const source = openSource(clip, {loop: false, paced: false});
	let count = 0;
	const done = new Promise<void>((resolve) => source.onError(() => resolve()));
	source.onFrame((frame) => {
		visit(frame);
		count++;
	});
	await source.start();
	await done;
	await source.stop();
	return count;
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

type InProcess = {bytes: number; psnr: number; median: number; p95: number; frames: number};

async function inProcess(
	clip: string,
	cols: number,
	rows: number,
	threshold: number,
	colorDepth: ColorDepth = 'truecolor',
): Promise<InProcess> {
	const renderer = new Renderer({threshold, colorDepth});
	const scale = areaScaler();
	const terminal = new VirtualTerminal(cols, rows, {char: ' ', fg: -1, bg: -1});
	let screen: ReturnType<Renderer['newScreen']> | undefined;
	let bytes = 0;
	let psnrSum = 0;
	let psnrCount = 0;
	const times: number[] = [];
	const frames = await eachFrame(clip, (frame) => {
		const layout = layoutPicture(frame, {col: 0, row: 0, cols, rows});
		screen ??= renderer.newScreen(layout.picture);
		const pixels = scale(frame, layout.pixelWidth, layout.pixelHeight, false);
		const start = performance.now();
		const out = renderer.render(pixels, screen);
		times.push(performance.now() - start);
		bytes += out.length;
		terminal.write(out);
		if (times.length % psnrEvery === 0) {
			psnrSum += Math.min(99, screenPsnr(terminal, layout.picture, pixels));
			psnrCount++;
		}
	});
	times.sort((a, b) => a - b);
	return {
		bytes: bytes / frames,
		psnr: psnrSum / psnrCount,
		median: percentile(times, 0.5),
		p95: percentile(times, 0.95),
		frames,
	};
}

type Whole = {cpu: number; bytes: number};

/** CPU and bytes a frame of one run, less what the same command costs to show one frame (start-up). */
function timedPerFrame(
	command: string,
	args: (frames?: number) => string[],
	frames: number,
): Whole | undefined {
	const all = timed(command, args(), 1);
	const one = timed(command, args(1), 1);
	if (!all || !one) return undefined;
	return {cpu: Math.max(0, all.cpu - one.cpu) / (frames - 1), bytes: all.bytes / frames};
}

function timed(command: string, args: string[], frames: number): Whole | undefined {
	const output = path.join(os.tmpdir(), `facetty-bench-${process.pid}.out`);
	const fd = fs.openSync(output, 'w');
	const result = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], {
		stdio: ['ignore', fd, 'pipe'],
		cwd: root,
	});
	fs.closeSync(fd);
	const bytes = fs.statSync(output).size;
	fs.rmSync(output);
	const match = /([\d.]+) ([\d.]+)\s*$/.exec(result.stderr.toString());
	if (result.status !== 0 || !match) {
		console.error(`${command} failed: ${result.stderr.toString().slice(-400)}`);
		return undefined;
	}
	return {cpu: (Number(match[1]) + Number(match[2])) / frames, bytes: bytes / frames};
}

function buildPlayer(): string[] {
	const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {cwd: root, encoding: 'utf8'});
	const built = path.join(root, 'dist/commands/play.js');
	if (build.status === 0 && fs.existsSync(built)) return [built];
	console.error('build failed; timing play through tsx (adds its start-up to the CPU numbers)');
	return ['--import', 'tsx', path.join(root, 'source/commands/play.ts')];
}

function playArgs(player: string[], clip: string, cols: number, rows: number, maxFrames?: number): string[] {
	const module = player.at(-1)!;
	const limit = maxFrames ? `, maxFrames: ${maxFrames}` : '';
	const script = `import(${JSON.stringify('file://' + module)}).then(async (m) => { process.exitCode = await m.runPlay({file: ${JSON.stringify(clip)}, pace: false, size: {cols: ${cols}, rows: ${rows}}, color: 'truecolor', glyphs: 'half'${limit}}); })`;
	return [...player.slice(0, -1), '--input-type=module', '-e', script];
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

/** FACETTY_BENCH_ONLY=256: only the 256-colour table (no truecolor table, no play or timg runs). */
const only256 = process.env['FACETTY_BENCH_ONLY'] === '256';
const player = only256 ? [] : buildPlayer();
if (!only256)
	console.log(`truecolor half-blocks; threshold ${defaultThreshold} (default) and 0 (lossless)\n`);
if (!only256) {
	console.log(
		'| clip | cells | frames | bytes/frame | PSNR dB | bytes/frame lossless | render ms median / p95 | play CPU ms/frame | play bytes/frame | timg CPU ms/frame | timg bytes/frame | bytes vs timg | CPU vs timg |',
	);
	console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
	for (const {name, file} of makeClips()) {
		for (const [cols, rows] of boxes) {
			const tuned = await inProcess(file, cols, rows, defaultThreshold);
			const lossless = await inProcess(file, cols, rows, 0);
			const play = timedPerFrame(
				process.execPath,
				(frames) => playArgs(player, file, cols, rows, frames),
				tuned.frames,
			);
			const timg = timedPerFrame(
				'timg',
				(frames) => ['-V', '-ph', `-g${cols}x${rows}`, ...(frames ? [`--frames=${frames}`] : []), file],
				tuned.frames,
			);
			console.log(
				`| ${name} | ${cols}x${rows} | ${tuned.frames} | ${Math.round(tuned.bytes)} | ${f1(tuned.psnr)} | ${Math.round(lossless.bytes)} | ${f2(tuned.median)} / ${f2(tuned.p95)} | ${play ? f2(play.cpu * 1000) : '-'} | ${play ? Math.round(play.bytes) : '-'} | ${timg ? f2(timg.cpu * 1000) : '-'} | ${timg ? Math.round(timg.bytes) : '-'} | ${play && timg ? f2(play.bytes / timg.bytes) : '-'} | ${play && timg ? f2(play.cpu / timg.cpu) : '-'} |`,
			);
		}
	}
	console.log(
		'\nPSNR: model terminal screen vs the area-averaged frame, mean over every third frame. CPU: user+sys of the whole process (/usr/bin/time) for the whole clip, less a one-frame run of the same command (start-up), per frame. Targets: bytes <= 0.25 of timg at PSNR >= 38 dB, CPU <= timg, render < 2 ms at 160x48.',
	);
}
console.log(
	`\n256 colours at 160x48: threshold 0 (every pixel its nearest entry) and ${defaultThreshold} (an entry the pixel or its left neighbour shows is kept while within ${defaultThreshold} levels of the nearest)\n`,
);
console.log('| clip | threshold | bytes/frame | PSNR dB | render ms median / p95 |');
console.log('|---|---|---|---|---|');
for (const {name, file} of makeClips()) {
	for (const threshold of [0, defaultThreshold]) {
		const run = await inProcess(file, 160, 48, threshold, '256');
		console.log(
			`| ${name} | ${threshold} | ${Math.round(run.bytes)} | ${f1(run.psnr)} | ${f2(run.median)} / ${f2(run.p95)} |`,
		);
	}
}
