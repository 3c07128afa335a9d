/**
 * Every glyph set on the same pictures: bytes a frame, render time, and PSNR compared at 2x4
 * pixels a cell (the finest grid, so the sets are judged on one scale): the model terminal's
 * picture, each 2x4 sub-pixel the area-weighted colour the cell shows over it, against the frame
 * area-averaged to that grid. Stills (a frame 1.5 s into each of the three clips, and a face-like
 * still made here) drawn whole in a 160x48 box, lossless and at the default threshold; then the
 * clips played through, for bytes and time. Targets, lossless: sextant >= half + 3 dB and octant
 * >= half + 3.5 dB on every still.
 * Run: npm run bench -- render-glyphs (also run by npm run bench -- render); FACETTY_BENCH_STILLS=1
 * draws the stills only (no clips played).
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {framesOf} from './clip-frames.js';
import {makeFrame, type Frame} from '../source/frame.js';
import {areaScaler} from '../source/render/area-scale.js';
import {
	glyphSets,
	layoutPicture,
	type ColorDepth,
	pixelsPerCell,
	type CellRect,
	type Glyphs,
} from '../source/render/layout.js';
import {defaultThreshold, Renderer} from '../source/render/renderer.js';
import {rgbOf, VirtualTerminal} from '../test/render/virtual-terminal.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const box = {col: 0, row: 0, cols: 160, rows: 48};
const clipFrames = 150;

/**
 * The three clips render.bench.ts plays, made here without ffmpeg: media/clip.mp4 (a drifting
 * gradient); media/still.png with fresh sensor noise each frame (a still camera); and a pan and
 * zoom over media/still.png (a moving camera), each 640x480.
 */
async function clips(): Promise<Array<{name: string; frames: Frame[]}>> {
	const clip = await framesOf(path.join(root, 'media/clip.mp4'), 0, clipFrames);
	const [still] = await framesOf(path.join(root, 'media/still.png'), 0, 1);
	const list = [{name: 'media/clip.mp4', frames: clip}];
	if (!still) return list;
	const scale = areaScaler();
	let seed = 1;
	const noise = (amount: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 2 * amount;
	const noisy = (frame: Frame, amount: number) =>
		makeFrame(
			frame.width,
			frame.height,
			frame.data.map((value) => Math.max(0, Math.min(255, value + noise(amount)))),
		);
	const base = makeFrame(640, 480, Uint8Array.from(scale(still, 640, 480, false)));
	list.push({
		name: 'still camera + noise (media/still.png)',
		frames: Array.from({length: clipFrames}, () => noisy(base, 4)),
	});
	const moving: Frame[] = [];
	for (let n = 0; n < clipFrames; n++) {
		const zoom = 1.4 + 0.2 * Math.sin(n / 70);
		const width = Math.round(still.width / zoom);
		const height = Math.round(still.height / zoom);
		const left = Math.round(
			Math.max(0, Math.min(still.width - width, (still.width - width) / 2 + 80 * Math.sin(n / 9))),
		);
		const top = Math.round(
			Math.max(0, Math.min(still.height - height, (still.height - height) / 2 + 45 * Math.cos(n / 8))),
		);
		const crop = new Uint8Array(width * height * 3);
		for (let y = 0; y < height; y++)
			crop.set(
				still.data.subarray(
					((top + y) * still.width + left) * 3,
					((top + y) * still.width + left + width) * 3,
				),
				y * width * 3,
			);
		const frame = makeFrame(width, height, crop);
		moving.push(noisy(makeFrame(640, 480, Uint8Array.from(areaScaler()(frame, 640, 480, false))), 2));
	}
	list.push({name: 'moving camera (pan and zoom over media/still.png)', frames: moving});
	return list;
}

/**
 * A face-like still, 640x480: a lit wall, shoulders in a shirt, a face with shading, hair, eyes,
 * brows and a mouth: soft gradients and a few hard, curved edges, as a webcam sees a face.
 */
function faceStill(): Frame {
	const width = 640;
	const height = 480;
	const data = new Uint8Array(width * height * 3);
	let seed = 7;
	const noise = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 6;
	const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
		((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			// Wall: warm light from the upper left.
			let r = 150 + 60 * (1 - x / width) - 30 * (y / height);
			let g = 140 + 45 * (1 - x / width) - 25 * (y / height);
			let b = 120 + 20 * (1 - y / height);
			if (inEllipse(x, y, 320, 560, 260, 190) < 1) {
				const shade = 0.75 + 0.25 * (1 - x / width);
				[r, g, b] = [40 * shade, 70 * shade, 130 * shade];
			}
			const face = inEllipse(x, y, 320, 230, 115, 150);
			if (face < 1.25 && y > 260 && Math.abs(x - 320) < 55) [r, g, b] = [190, 140, 115];
			if (face < 1) {
				const light = 1 - 0.35 * Math.max(0, (x - 280) / 140) - 0.15 * face;
				[r, g, b] = [225 * light, 170 * light, 140 * light];
				if (inEllipse(x, y, 335, 255, 14, 38) < 1 && x > 335) [r, g, b] = [r * 0.8, g * 0.78, b * 0.78];
				if (inEllipse(x, y, 320, 320, 45, 14) < 1) [r, g, b] = [170, 60, 70];
				for (const ex of [275, 365]) {
					if (inEllipse(x, y, ex, 205, 24, 11) < 1) [r, g, b] = [235, 235, 230];
					if (inEllipse(x, y, ex + 3, 205, 9, 9) < 1) [r, g, b] = [70, 45, 30];
					if (inEllipse(x, y, ex + 3, 205, 4, 4) < 1) [r, g, b] = [10, 10, 10];
					if (inEllipse(x, y, ex, 180, 30, 6) < 1) [r, g, b] = [60, 40, 25];
				}
			}
			if (inEllipse(x, y, 320, 150, 135, 95) < 1 && (y < 120 || face >= 1)) [r, g, b] = [55, 35, 20];
			const at = (y * width + x) * 3;
			data[at] = Math.max(0, Math.min(255, b + noise()));
			data[at + 1] = Math.max(0, Math.min(255, g + noise()));
			data[at + 2] = Math.max(0, Math.min(255, r + noise()));
		}
	return makeFrame(width, height, data);
}

/** PSNR at 2x4 a cell of what `terminal` shows in `picture` (drawn in `glyphs`) against `reference`. */
function psnrAt2x4(
	terminal: VirtualTerminal,
	picture: CellRect,
	glyphs: Glyphs,
	reference: Uint8Array,
): number {
	const {across, down} = pixelsPerCell(glyphs);
	const width = picture.cols * 2;
	let squared = 0;
	for (let row = 0; row < picture.rows; row++)
		for (let col = 0; col < picture.cols; col++) {
			const shown: number[] = [];
			for (let p = 0; p < across * down; p++)
				shown.push(rgbOf(terminal.pixelColour(picture.col + col, picture.row + row, glyphs, p)));
			for (let sub = 0; sub < 4; sub++) {
				for (let x = 0; x < 2; x++) {
					// The sub-row [sub/4, (sub+1)/4) of the cell, over the glyph's rows it overlaps.
					let r = 0;
					let g = 0;
					let b = 0;
					for (let k = 0; k < down; k++) {
						const overlap =
							Math.max(0, Math.min((sub + 1) / 4, (k + 1) / down) - Math.max(sub / 4, k / down)) * 4;
						if (overlap === 0) continue;
						const rgb = shown[k * across + (across === 2 ? x : 0)]!;
						r += (rgb >>> 16) * overlap;
						g += ((rgb >>> 8) & 255) * overlap;
						b += (rgb & 255) * overlap;
					}
					const o = ((row * 4 + sub) * width + col * 2 + x) * 3;
					squared += (b - reference[o]!) ** 2 + (g - reference[o + 1]!) ** 2 + (r - reference[o + 2]!) ** 2;
				}
			}
		}
	const mse = squared / (width * picture.rows * 4 * 3);
	return mse === 0 ? 99 : Math.min(99, 10 * Math.log10((255 * 255) / mse));
}

type Drawn = {bytes: number; psnr: number; ms: number};

function drawWhole(frame: Frame, glyphs: Glyphs, threshold: number): Drawn {
	const layout = layoutPicture(frame, box, glyphs);
	const scale = areaScaler();
	const pixels = Uint8Array.from(scale(frame, layout.pixelWidth, layout.pixelHeight, false));
	const reference = Uint8Array.from(scale(frame, layout.picture.cols * 2, layout.picture.rows * 4, false));
	const renderer = new Renderer({glyphs, threshold});
	const terminal = new VirtualTerminal(box.cols, box.rows, {char: ' ', fg: 0, bg: 0});
	const start = performance.now();
	const out = renderer.render(pixels, renderer.newScreen(layout.picture));
	const ms = performance.now() - start;
	terminal.write(out);
	return {bytes: out.length, psnr: psnrAt2x4(terminal, layout.picture, glyphs, reference), ms};
}

type Played = {bytes: number; psnr: number; min: number; median: number; p95: number; changes: number};

function play(
	frames: Frame[],
	glyphs: Glyphs,
	colorDepth: ColorDepth = 'truecolor',
	threshold = defaultThreshold,
): Played {
	const renderer = new Renderer({glyphs, threshold, colorDepth});
	const scale = areaScaler();
	const referenceScale = areaScaler();
	const terminal = new VirtualTerminal(box.cols, box.rows, {char: ' ', fg: 0, bg: 0});
	const layout = layoutPicture(frames[0]!, box, glyphs);
	const screen = renderer.newScreen(layout.picture);
	const times: number[] = [];
	let bytes = 0;
	let psnr = 0;
	let measured = 0;
	for (const [i, frame] of frames.entries()) {
		const pixels = scale(frame, layout.pixelWidth, layout.pixelHeight, false);
		const start = performance.now();
		const out = renderer.render(pixels, screen);
		times.push(performance.now() - start);
		terminal.write(out);
		// The first frame draws everything; a frame a second after it is what a call costs.
		if (i > 0) bytes += out.length;
		if (i % 10 === 5) {
			const reference = referenceScale(frame, layout.picture.cols * 2, layout.picture.rows * 4, false);
			psnr += psnrAt2x4(terminal, layout.picture, glyphs, reference);
			measured++;
		}
	}
	times.sort((a, b) => a - b);
	const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
	// Speckle: how often a pixel's colour differs from its left neighbour's on the last frame.
	let changes = 0;
	let pairs = 0;
	const {across, down} = pixelsPerCell(glyphs);
	for (let row = 0; row < layout.picture.rows; row++)
		for (let k = 0; k < down; k++) {
			let previous = -2;
			for (let col = 0; col < layout.picture.cols; col++)
				for (let x = 0; x < across; x++) {
					const colour = terminal.pixelColour(
						layout.picture.col + col,
						layout.picture.row + row,
						glyphs,
						k * across + x,
					);
					if (previous !== -2) {
						pairs++;
						if (colour !== previous) changes++;
					}
					previous = colour;
				}
		}
	return {
		changes: changes / pairs,
		bytes: bytes / (frames.length - 1),
		psnr: psnr / measured,
		min: times[0]!,
		median: at(0.5),
		p95: at(0.95),
	};
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

const inputs = await clips();
const stills: Array<{name: string; frame: Frame}> = inputs.map(({name, frames}) => ({
	name: `${name}, frame 45`,
	frame: frames[Math.min(45, frames.length - 1)]!,
}));
stills.push({name: 'face-like still (made here)', frame: faceStill()});

let allMet = true;
for (const threshold of [0, defaultThreshold]) {
	console.log(
		`\nStills drawn whole in a ${box.cols}x${box.rows} box, truecolor, threshold ${threshold}${threshold === 0 ? ' (lossless: the glyph sets themselves; targets checked here)' : ' (the default: colours within it are reused, which caps any set near 37 dB)'}; PSNR at 2x4 pixels a cell\n`,
	);
	console.log(
		`| still | ${glyphSets.map((set) => `${set} dB (bytes)`).join(' | ')} | sextant - half | octant - half |${threshold === 0 ? ' targets (+3 / +3.5 dB) |' : ''}`,
	);
	console.log(`|---|${glyphSets.map(() => '---').join('|')}|---|---|${threshold === 0 ? '---|' : ''}`);
	for (const {name, frame} of stills) {
		const drawn = Object.fromEntries(
			glyphSets.map((set) => [set, drawWhole(frame, set, threshold)]),
		) as Record<Glyphs, Drawn>;
		const sextantGain = drawn.sextant.psnr - drawn.half.psnr;
		const octantGain = drawn.octant.psnr - drawn.half.psnr;
		const met = sextantGain >= 3 && octantGain >= 3.5;
		if (threshold === 0) allMet &&= met;
		console.log(
			`| ${name} | ${glyphSets.map((set) => `${f1(drawn[set].psnr)} (${drawn[set].bytes})`).join(' | ')} | +${f1(sextantGain)} | +${f1(octantGain)} |${threshold === 0 ? ` ${met ? 'met' : 'NOT met'} |` : ''}`,
		);
	}
}

const stillsOnly = process.env['FACETTY_BENCH_STILLS'] === '1';
console.log(
	`\nClips played (${clipFrames} frames) in a ${box.cols}x${box.rows} box, threshold ${defaultThreshold}: bytes a frame after the first, PSNR at 2x4 (mean of every tenth frame), render ms a frame (min: the cost without other processes and collections in the way)\n`,
);
console.log('| clip | set | bytes/frame | PSNR dB | render ms min / median / p95 |');
console.log('|---|---|---|---|---|');
for (const {name, frames} of stillsOnly ? [] : inputs) {
	for (const set of glyphSets) {
		const played = play(frames, set);
		console.log(
			`| ${name} | ${set} | ${Math.round(played.bytes)} | ${f1(played.psnr)} | ${f2(played.min)} / ${f2(played.median)} / ${f2(played.p95)} |`,
		);
	}
}
console.log(
	`\nThe clips in 256 colours, half blocks: threshold 0 (every pixel its nearest entry) and ${defaultThreshold} (an entry the pixel or its left neighbour shows is kept while within ${defaultThreshold} levels of the nearest); colour changes along a row: the share of pixels whose colour differs from their left neighbour's (speckle)\n`,
);
console.log('| clip | threshold | bytes/frame | PSNR dB | colour changes along a row | render ms median |');
console.log('|---|---|---|---|---|---|');
for (const {name, frames} of inputs) {
	for (const threshold of [0, defaultThreshold]) {
		const played = play(frames, 'half', '256', threshold);
		console.log(
			`| ${name} | ${threshold} | ${Math.round(played.bytes)} | ${f1(played.psnr)} | ${played.changes.toFixed(3)} | ${f2(played.median)} |`,
		);
	}
}
console.log(
	`\nStill targets (sextant >= half + 3 dB, octant >= half + 3.5 dB, lossless) ${allMet ? 'met' : 'NOT met'} on every still.`,
);
