/**
 * `npm run bench -- link-model`: the ssh bench's picture over a modelled link, in simulated time,
 * so the numbers do not depend on how busy the machine is (the ssh bench's do, a lot). What the
 * model keeps from the real thing: the stamp camera's frames JPEG'd and scaled as on the way to
 * the caller (bench/glass), the real TerminalSink (DA1 answers a round trip after the link drained
 * each batch) and Renderer, a link of the given rate with 40 ms each way, and a glass that shows
 * bytes as they arrive (tmux 3.3a draws them as they come: no synchronized output) read 33 times a
 * second with the ssh bench's own stamp reader and PSNR. What it leaves out: the self view,
 * the chrome, ssh's and tmux's own delays, CPU.
 *
 * Where the PSNR goes, as squared error against the stamp frame read: bytes still on their way
 * (the glass behind the renderer), cells the renderer left behind (over the threshold, not drawn),
 * cells drawn coarser than the source (colour reuse), and the source itself (JPEG, scaling).
 * FACETTY_BENCH_SECONDS (default 12) sets the simulated seconds measured, FACETTY_BENCH_RATES
 * (bits/s, e.g. "1e6") the links, FACETTY_BENCH_GLYPHS (half, quad, sextant, octant; default half)
 * the glyph set: the glass then reads each half of a cell as the eye averages it, and the error
 * is split up for half blocks only. FACETTY_BENCH_BUSY_MS=100-200 models a busy machine: each
 * batch is drawn and answered that many ms (spread over the range) after it left the link,
 * whatever its bytes, as when ssh, sshd and tmux wait for a core (the ssh bench at load 8: DA1
 * answers 100-250 ms late with a few kB in flight). A/B: copy this file into an older tree and run it there.
 */
import {loadOpenCv} from '../source/opencv.js';
import {glyphSets, pixelsPerCell, type Glyphs} from '../source/render/layout.js';
import {Renderer} from '../source/render/renderer.js';
import {TerminalSink, type AnswerSource} from '../source/terminal/sink.js';
import {VirtualTerminal} from '../test/render/virtual-terminal.js';
import {
	expectedPicture,
	glassPsnr,
	readStamp,
	stampFrame,
	stampHeight,
	stampWidth,
	type GlassCell,
} from './glass/stamp.js';

/** The call screen's peer picture at 160x48. */
const cols = 122;
const rows = 46;
const oneWayMs = 40;
const cameraFrameMs = 1000 / 30;
const sampleMs = 30;
const warmupMs = 3000;
const seconds = Number(process.env['FACETTY_BENCH_SECONDS'] ?? 12);
/** Link rates (bits/s), and what of them is terminal text (ssh's framing and MACs take the rest). */
const links = (process.env['FACETTY_BENCH_RATES'] ?? '5e6,2e6,1e6').split(',').map(Number);
const payload = 0.9;
const glyphs = glyphSets.find((set) => set === process.env['FACETTY_BENCH_GLYPHS']) ?? 'half';
const {across, down} = pixelsPerCell(glyphs);
const busy = process.env['FACETTY_BENCH_BUSY_MS']?.split('-').map(Number);
/** The busy machine's delay for the `index`th batch: spread over the range, the same every run. */
const busyMs = (index: number) =>
	busy ? busy[0]! + ((index * 7919) % ((busy[1] ?? busy[0]!) - busy[0]! + 1)) : 0;

const cv = await loadOpenCv();
const sources = new Map<number, {pixels: Uint8Array; expected: Float64Array}>();
function source(n: number): {pixels: Uint8Array; expected: Float64Array} {
	let cached = sources.get(n);
	if (cached) return cached;
	// As on the way to the caller: the camera's JPEG (quality 92), scaled, the call's jpeg444 (90).
	const mat = cv.imdecode(
		cv.imencode('.jpg', new cv.Mat(Buffer.from(stampFrame(n)), stampHeight, stampWidth, cv.CV_8UC3), [
			cv.IMWRITE_JPEG_QUALITY,
			92,
		]),
	);
	const channels = mat
		.resize(rows * down, cols * across, 0, 0, cv.INTER_AREA)
		.splitChannels()
		.map((channel) =>
			cv.imdecode(cv.imencode('.jpg', channel, [cv.IMWRITE_JPEG_QUALITY, 90]), cv.IMREAD_GRAYSCALE),
		);
	cached = {
		pixels: new Uint8Array(new cv.Mat(channels).getData()),
		expected: expectedPicture(n, cols, rows * 2),
	};
	sources.set(n, cached);
	return cached;
}

type Batch = {bytes: Uint8Array; arriveFrom: number; arriveUntil: number};

/** A cell's upper and lower half as the eye averages its pixels (any glyph set). */
function halves(terminal: VirtualTerminal, col: number, row: number, set: Glyphs): GlassCell {
	const sums = [
		[0, 0, 0],
		[0, 0, 0],
	];
	for (let k = 0; k < down; k++) {
		for (const [half, from] of [0, 0.5].entries()) {
			const share = Math.max(0, Math.min(from + 0.5, (k + 1) / down) - Math.max(from, k / down)) * 2;
			if (share === 0) continue;
			for (let x = 0; x < across; x++) {
				const rgb = terminal.pixelColour(col, row, set, k * across + x);
				const sum = sums[half]!;
				sum[0]! += ((rgb >>> 16) * share) / across;
				sum[1]! += (((rgb >>> 8) & 255) * share) / across;
				sum[2]! += ((rgb & 255) * share) / across;
			}
		}
	}
	const [top, bottom] = sums.map((sum) => sum.map(Math.round) as [number, number, number]);
	return {top, bottom};
}

function run(bitsPerSecond: number) {
	const rate = (bitsPerSecond / 8) * payload; // bytes/s
	let listener: (() => void) | undefined;
	const answers: AnswerSource = {
		onAnswer(next) {
			listener = next;
			return () => (listener = undefined);
		},
	};
	let now = 0;
	const batches: Batch[] = [];
	const answersDue: number[] = [];
	let linkFreeAt = 0;
	let drawnAt = 0;
	const output = {
		isTTY: true,
		write(data: Uint8Array | string): boolean {
			const bytes = typeof data === 'string' ? Buffer.from(data) : Uint8Array.from(data);
			const start = Math.max(now + oneWayMs, linkFreeAt);
			linkFreeAt = start + (bytes.length * 1000) / rate;
			// Drawn in order, each after its own delay on a busy machine.
			const delay = Math.max(busyMs(batches.length), drawnAt - linkFreeAt);
			drawnAt = linkFreeAt + delay;
			batches.push({bytes, arriveFrom: start + delay, arriveUntil: drawnAt});
			answersDue.push(drawnAt + oneWayMs);
			return true;
		},
	};
	const sink = new TerminalSink(output, {answers, now: () => now, fps: 30});
	const renderer = new Renderer({glyphs});
	const screen = renderer.newScreen({col: 0, row: 1, cols, rows});
	const terminal = new VirtualTerminal(cols, rows + 1, {char: ' ', fg: 0, bg: 0});
	// The call screen's chrome first: a quiet round trip.
	sink.write(['\x1b[Hfacetty']);
	let applied = 0;
	let appliedBytes = 0;
	const applyUntil = (time: number) => {
		while (applied < batches.length) {
			const batch = batches[applied]!;
			if (batch.arriveFrom > time) return;
			const fraction = Math.min(
				1,
				(time - batch.arriveFrom) / Math.max(1e-9, batch.arriveUntil - batch.arriveFrom),
			);
			// Cut where an escape starts: what came before it is whole.
			let upTo = Math.floor(fraction * batch.bytes.length);
			if (upTo < batch.bytes.length) while (upTo > appliedBytes && batch.bytes[upTo] !== 0x1b) upTo--;
			if (upTo > appliedBytes) terminal.write(batch.bytes.subarray(appliedBytes, upTo));
			appliedBytes = Math.max(appliedBytes, upTo);
			if (appliedBytes < batch.bytes.length) return;
			applied++;
			appliedBytes = 0;
		}
	};
	const glass = (): GlassCell[][] => {
		const cells: GlassCell[][] = [[]];
		for (let row = 1; row <= rows; row++) {
			const line: GlassCell[] = [];
			for (let col = 0; col < cols; col++) {
				if (glyphs !== 'half') {
					line.push(halves(terminal, col, row, glyphs));
					continue;
				}
				const top = terminal.quarterColour(col, row, 0);
				const bottom = terminal.quarterColour(col, row, 2);
				line.push({
					top: [top >>> 16, (top >>> 8) & 255, top & 255],
					bottom: [bottom >>> 16, (bottom >>> 8) & 255, bottom & 255],
				});
			}
			cells.push(line);
		}
		return cells;
	};
	const rect = {col: 0, row: 1, cols, rows};
	/** What the renderer meant each frame to look like (what the glass shows once its bytes are in). */
	const meant = new Map<number, Int32Array>();
	const error = {transit: 0, behind: 0, coarse: 0, source: 0, samples: 0};
	let rendered = 0;
	let bytes = 0;
	let lastRendered = -1;
	const lags: number[] = [];
	const psnrs: number[] = [];
	const seen = new Set<number>();
	let nextSample = warmupMs;
	const end = warmupMs + seconds * 1000;
	for (now = 0; now < end; now++) {
		while (answersDue.length > 0 && answersDue[0]! <= now) {
			answersDue.shift();
			listener?.();
		}
		const latest = Math.floor(now / cameraFrameMs);
		if (latest > lastRendered && sink.ready) {
			lastRendered = latest;
			const frame = source(latest).pixels;
			const out = renderer.render(frame, screen, sink.budget);
			meant.set(latest, Int32Array.from(screen.shown));
			meant.delete(latest - 200);
			if (out.length > 0) {
				const written = sink.write([out]);
				if (now >= warmupMs) {
					rendered++;
					bytes += written;
				}
			}
		}
		applyUntil(now);
		if (now < nextSample) continue;
		nextSample += sampleMs;
		const cells = glass();
		const n = readStamp(cells, rect);
		if (n === undefined) continue;
		seen.add(n);
		lags.push(now - n * cameraFrameMs);
		const psnr = glassPsnr(cells, rect, n);
		if (psnr !== undefined) psnrs.push(psnr);
		const state = meant.get(n);
		if (!state || glyphs !== 'half') continue;
		const {pixels, expected} = source(n);
		error.samples++;
		for (let cell = 0; cell < cols * rows; cell++) {
			for (let half = 0; half < 2; half++) {
				const y = Math.floor(cell / cols) * 2 + half;
				const x = cell % cols;
				const o = (y * cols + x) * 3;
				const shownThere = cells[1 + (y >> 1)]![x]!;
				const onGlass = half ? shownThere.bottom! : shownThere.top!;
				const wanted = state[cell * 2 + half]!;
				const meantRgb = [wanted >>> 16, (wanted >>> 8) & 255, wanted & 255];
				const sourceRgb = [pixels[o + 2]!, pixels[o + 1]!, pixels[o]!];
				let worst = 0;
				for (let k = 0; k < 3; k++) {
					error.transit += (onGlass[k]! - meantRgb[k]!) ** 2;
					worst = Math.max(worst, Math.abs(meantRgb[k]! - sourceRgb[k]!));
					error.source += (sourceRgb[k]! - expected[o + k]!) ** 2;
				}
				let squared = 0;
				for (let k = 0; k < 3; k++) squared += (meantRgb[k]! - sourceRgb[k]!) ** 2;
				if (worst > renderer.threshold) error.behind += squared;
				else error.coarse += squared;
			}
		}
	}
	sink.close();
	const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
	const at = (list: number[], p: number) => sorted(list)[Math.floor((list.length - 1) * p)] ?? Number.NaN;
	const values = error.samples * cols * rows * 6;
	const dB = (squared: number) =>
		glyphs !== 'half'
			? '–'
			: squared === 0
				? '∞'
				: (10 * Math.log10((255 * 255 * values) / squared)).toFixed(1);
	return [
		`${bitsPerSecond / 1e6} Mbit/s + ${oneWayMs} ms`,
		(rendered / seconds).toFixed(1),
		(seen.size / seconds).toFixed(1),
		`${Math.round(at(lags, 0.5))} / ${Math.round(at(lags, 0.95))}`,
		(bytes / seconds / 1000).toFixed(0),
		at(psnrs, 0.5).toFixed(1),
		dB(error.transit),
		dB(error.behind),
		dB(error.coarse),
		dB(error.source),
	];
}

console.log(
	`The ssh bench's stamp camera at ${cols}x${rows} cells in ${glyphs} glyphs over a modelled link (simulated time, ${seconds} s after ${warmupMs / 1000} s), glass read every ${sampleMs} ms${busy ? `, a busy machine drawing each batch ${busy.join('-')} ms late` : ''}.\n`,
);
console.log(
	'| link | frames written/s | distinct pictures/s on the glass | lag p50 / p95 ms | terminal kB/s | PSNR dB (p50) | mean error as PSNR: bytes on their way | left behind (over the threshold) | within the threshold | the source (JPEG, scaling) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const link of links) console.log(`| ${run(link).join(' | ')} |`);
