/**
 * `npm run bench -- draw-cpu`: the CPU a call screen spends drawing its pictures, on their own.
 * 300 frames of media/clip.mp4 scaled as the app bench's 160x48 screen shows them (the peer's
 * picture at 123x46 cells; the self view at 40x15, mirrored), each drawn by a fresh Renderer in
 * truecolor half blocks as the picture layer does (its area scaler, then Renderer.render), several
 * times over: process CPU time a frame (min, p25, median) and a digest of every byte written.
 *
 * FACETTY_BENCH_DIST=dist-a,dist-b: the same from those builds (directories in the repository,
 * e.g. `npx tsc -p tsconfig.build.json --outDir dist-b`) instead of source/, interleaved run by
 * run in one process, so a busy machine slows each alike; equal digests say the same bytes.
 * FACETTY_BENCH_RUNS (default 20).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {areaScaler as AreaScaler} from '../source/render/area-scale.js';
import type {layoutPicture as LayoutPicture} from '../source/render/layout.js';
import type {Renderer as RendererClass} from '../source/render/renderer.js';
import {scaleFrame} from '../source/sources/scale.js';
import {framesOf} from './clip-frames.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env['FACETTY_BENCH_RUNS'] ?? 20);
const frameCount = 300;

type Build = {
	name: string;
	Renderer: typeof RendererClass;
	layoutPicture: typeof LayoutPicture;
	areaScaler: typeof AreaScaler;
};

async function load(directory: string, name: string): Promise<Build> {
	const from = (file: string) => import(path.join(directory, file));
	const [renderer, layout, scale] = await Promise.all([
		from('render/renderer.js'),
		from('render/layout.js'),
		from('render/area-scale.js'),
	]);
	return {
		name,
		Renderer: renderer.Renderer,
		layoutPicture: layout.layoutPicture,
		areaScaler: scale.areaScaler,
	};
}

const cpu = () => {
	const {user, system} = process.cpuUsage();
	return user + system;
};

const dists = process.env['FACETTY_BENCH_DIST']?.split(',').filter(Boolean) ?? [];
const builds = await Promise.all(
	dists.length > 0
		? dists.map((dist) => load(path.join(repo, dist), dist))
		: [load(path.join(repo, 'source'), 'source')],
);
const frames = await framesOf(path.join(repo, 'media/clip.mp4'), 0, frameCount);
const pictures = [
	{name: "peer's picture", box: {col: 0, row: 1, cols: 160, rows: 46}, mirror: false},
	{name: 'self view', box: {col: 120, row: 31, cols: 40, rows: 15}, mirror: true},
];

console.log(
	`${frames.length} frames of media/clip.mp4, truecolor half blocks, ${runs} runs each; CPU us a frame (process user + system)\n`,
);
console.log('| picture | cells | build | bytes/frame | CPU us/frame min | p25 | median | digest |');
console.log('|---|---|---|---|---|---|---|---|');
for (const {name, box, mirror} of pictures) {
	const layout = builds[0]!.layoutPicture(frames[0]!, box);
	// As the sender (the peer's) or the call screen (the self view) scales them: the codec binding.
	const scaled = await Promise.all(
		frames.map((frame) => scaleFrame(frame, {width: layout.squareWidth, height: layout.squareHeight})),
	);
	const times = builds.map((): number[] => []);
	const bytes = builds.map(() => 0);
	const digests = builds.map(() => '');
	// Run 0 warms the JIT up and takes the digest; it is not timed.
	for (let run = 0; run <= runs; run++) {
		for (const [i, build] of builds.entries()) {
			const renderer = new build.Renderer();
			const scale = build.areaScaler();
			const screen = renderer.newScreen(layout.picture);
			const hash = run === 0 ? crypto.createHash('sha1') : undefined;
			let written = 0;
			const start = cpu();
			for (const frame of scaled) {
				const out = renderer.render(scale(frame, layout.pixelWidth, layout.pixelHeight, mirror), screen);
				written += out.length;
				hash?.update(out);
			}
			const spent = cpu() - start;
			if (hash) {
				digests[i] = hash.digest('hex').slice(0, 12);
				bytes[i] = written / scaled.length;
			} else times[i]!.push(spent / scaled.length);
		}
	}
	for (const [i, build] of builds.entries()) {
		const sorted = times[i]!.sort((a, b) => a - b);
		const at = (share: number) => sorted[Math.floor(share * (sorted.length - 1))]!.toFixed(0);
		console.log(
			`| ${name} | ${layout.picture.cols}x${layout.picture.rows} | ${build.name} | ${Math.round(bytes[i]!)} | ${at(0)} | ${at(0.25)} | ${at(0.5)} | ${digests[i]} |`,
		);
	}
}
