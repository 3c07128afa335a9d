/**
 * Where the ssh bench's picture loses its decibels, stage by stage, without ssh, tmux or timing:
 * the stamp camera's frames go through each step of a call's path in turn (the camera's JPEG, the
 * peer's scaling to what this side shows, the wire codec, this side's scaling to the picture's
 * pixels, the renderer with its threshold over a run of frames, the 256-colour palette), and
 * after each step the picture is compared with the stamp frame area-averaged to the glass's grid
 * (stamp.ts's expectedPicture, the ssh bench's own reference). Each row changes one thing.
 * Run: node --import tsx bench/glass/losses.ts [cols rows] (default: the ssh bench's 124x46 picture)
 */
import {makeFrame, type Frame} from '../../source/frame.js';
import {interCodecs, VideoDecoder, VideoEncoder, crfForQuality} from '../../source/native-codec.js';
import {loadOpenCv} from '../../source/opencv.js';
import {areaScaler} from '../../source/render/area-scale.js';
import {layoutPicture, pixelsPerCell, type ColorDepth, type Glyphs} from '../../source/render/layout.js';
import {defaultThreshold, Renderer} from '../../source/render/renderer.js';
import {decodeJpeg444, defaultJpegQuality, encodeJpeg444, fitWithin} from '../../source/session/media.js';
import {scaleFrame} from '../../source/sources/scale.js';
import {rgbOf, VirtualTerminal} from '../../test/render/virtual-terminal.js';
import {expectedPicture, stampFrame, stampHeight, stampWidth} from './stamp.js';

const cols = Number(process.argv[2] ?? 124);
const rows = Number(process.argv[3] ?? 46);
/** Frames of the stamp clip, every other one (about the pictures a second the bench sees). */
const numbers = Array.from({length: 40}, (_, i) => 300 + 2 * i);

const cv = await loadOpenCv();

function psnr(rgb: ArrayLike<number>, expected: Float64Array): number {
	let sum = 0;
	for (let i = 0; i < expected.length; i++) sum += (rgb[i]! - expected[i]!) ** 2;
	const mse = sum / expected.length;
	return mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse);
}

/** BGR pixels to RGB (the reference's order). */
function rgbOfBgr(bgr: Uint8Array): Uint8Array {
	const out = new Uint8Array(bgr.length);
	for (let i = 0; i < bgr.length; i += 3) {
		out[i] = bgr[i + 2]!;
		out[i + 1] = bgr[i + 1]!;
		out[i + 2] = bgr[i]!;
	}
	return out;
}

function cameraJpeg(n: number, quality = 92): Frame {
	const mat = new cv.Mat(Buffer.from(stampFrame(n)), stampHeight, stampWidth, cv.CV_8UC3);
	const jpeg = cv.imencode('.jpg', mat, [cv.IMWRITE_JPEG_QUALITY, quality]);
	mat.release();
	const decoded = cv.imdecode(jpeg);
	const frame = makeFrame(decoded.cols, decoded.rows, new Uint8Array(decoded.getData()));
	decoded.release();
	return frame;
}

type Wire = 'none' | 'jpeg444' | 'h264' | 'vp9';
type Path = {
	camera: boolean;
	/** Whether the peer scales to what this side asked for (else it sends the camera's size). */
	peerScales: boolean;
	wire: Wire;
	quality?: number;
	threshold: number;
	glyphs: Glyphs;
	colorDepth: ColorDepth;
};

const base: Path = {
	camera: true,
	peerScales: true,
	wire: 'jpeg444',
	threshold: defaultThreshold,
	glyphs: 'half',
	colorDepth: 'truecolor',
};

/** Mean PSNR of the glass (a model terminal) over the run of frames, for one path. */
async function run(path: Path): Promise<{glass: number; wire: number; bytes: number; terminal: number}> {
	const box = {col: 0, row: 0, cols, rows};
	const {across, down} = pixelsPerCell(path.glyphs);
	// What the call screen asks the peer for (call-app.tsx): square pixels over the whole box.
	const shown = {width: cols * across, height: rows * 2 * across};
	let layout: ReturnType<typeof layoutPicture> | undefined;
	let screen: ReturnType<Renderer['newScreen']> | undefined;
	const renderer = new Renderer({
		threshold: path.threshold,
		glyphs: path.glyphs,
		colorDepth: path.colorDepth,
	});
	const terminal = new VirtualTerminal(cols, rows, {char: ' ', fg: 0, bg: 0});
	const scale = areaScaler();
	let encoder: VideoEncoder | undefined;
	let decoder: VideoDecoder | undefined;
	let glassSum = 0;
	let wireSum = 0;
	let bytes = 0;
	let terminalBytes = 0;
	for (const n of numbers) {
		let frame = path.camera ? cameraJpeg(n) : makeFrame(stampWidth, stampHeight, stampFrame(n));
		const size = path.peerScales ? fitWithin(frame, shown) : frame;
		frame = await scaleFrame(frame, size);
		const quality = path.quality ?? defaultJpegQuality(frame);
		if (path.wire === 'jpeg444') {
			const data = await encodeJpeg444(frame, quality);
			bytes += data.length;
			frame = (await decodeJpeg444(data, frame, 0))!;
		} else if (path.wire !== 'none') {
			encoder ??= new VideoEncoder({
				codec: path.wire,
				width: frame.width,
				height: frame.height,
				fps: 15,
				crf: crfForQuality(quality, path.wire),
				maxKbps: 100_000,
				keyint: 300,
			});
			decoder ??= new VideoDecoder(path.wire);
			const packet = encoder.encode(frame, false);
			if (!packet) throw new Error('the encoder gave no packet');
			bytes += packet.data.length;
			frame = decoder.decode(packet.data, frame.width, frame.height, 0)!;
		}
		// This side lays the picture out from the frame it receives, as the picture layer does.
		layout ??= layoutPicture(frame, box, path.glyphs);
		screen ??= renderer.newScreen(layout.picture);
		// What the wire delivers, at the glass's pixel grid (before the renderer).
		const pixels = scale(frame, layout.pixelWidth, layout.pixelHeight, false);
		const halves = scale(frame, layout.picture.cols, layout.picture.rows * 2, false);
		const expected = expectedPicture(n, layout.picture.cols, layout.picture.rows * 2);
		wireSum += psnr(rgbOfBgr(Uint8Array.from(halves)), expected);
		const drawn = renderer.render(pixels, screen);
		// The first frame draws every cell; the run's cost a picture is the frames after it.
		if (n !== numbers[0]) terminalBytes += drawn.length;
		terminal.write(drawn);
		// The glass as the ssh bench reads it: each half of a cell as the eye averages it.
		const glass = new Uint8Array(expected.length);
		const {col: left, row: top} = layout.picture;
		for (let y = 0; y < layout.picture.rows; y++)
			for (let x = 0; x < layout.picture.cols; x++)
				for (let half = 0; half < 2; half++) {
					let r = 0;
					let g = 0;
					let b = 0;
					let weight = 0;
					for (let k = 0; k < down; k++) {
						const overlap = Math.max(
							0,
							Math.min((half + 1) / 2, (k + 1) / down) - Math.max(half / 2, k / down),
						);
						if (overlap === 0) continue;
						for (let a = 0; a < across; a++) {
							const rgb = rgbOf(terminal.pixelColour(left + x, top + y, path.glyphs, k * across + a));
							r += (rgb >>> 16) * overlap;
							g += ((rgb >>> 8) & 255) * overlap;
							b += (rgb & 255) * overlap;
							weight += overlap;
						}
					}
					const at = ((2 * y + half) * layout.picture.cols + x) * 3;
					glass[at] = Math.round(r / weight);
					glass[at + 1] = Math.round(g / weight);
					glass[at + 2] = Math.round(b / weight);
				}
		glassSum += psnr(glass, expected);
	}
	encoder?.close();
	decoder?.close();
	return {
		glass: glassSum / numbers.length,
		wire: wireSum / numbers.length,
		bytes: bytes / numbers.length,
		terminal: terminalBytes / (numbers.length - 1),
	};
}

const inter = interCodecs();
const rowsToRun: Array<[string, Path]> = [
	['camera JPEG q92, peer scales, jpeg444 q90 (a call without an inter-frame codec), threshold 6', base],
	['no camera JPEG (the stamp frame itself)', {...base, camera: false}],
	['no wire codec (frames as decoded from the camera)', {...base, wire: 'none'}],
	['no camera JPEG, no wire codec', {...base, camera: false, wire: 'none'}],
	['peer sends 320x240, this side scales', {...base, peerScales: false, wire: 'none'}],
	['threshold 0 (lossless renderer)', {...base, threshold: 0}],
	['no camera JPEG, no wire, threshold 0', {...base, camera: false, wire: 'none', threshold: 0}],
	['jpeg444 q95', {...base, quality: 95}],
	['jpeg444 q98', {...base, quality: 98}],
	...inter.map((codec): [string, Path] => [`wire ${codec} (crf of q90)`, {...base, wire: codec}]),
	['256 colours', {...base, colorDepth: '256'}],
	// What a higher change threshold saves in terminal bytes, and costs on the glass.
	...inter
		.slice(0, 1)
		.flatMap((codec) =>
			[8, 10, 12, 16].map((threshold): [string, Path] => [
				`wire ${codec}, threshold ${threshold}`,
				{...base, wire: codec, threshold},
			]),
		),
];
console.log(
	`The ssh bench's stamp clip through each step of a call's path, ${numbers.length} frames, picture in a ${cols}x${rows} box; PSNR against the stamp frame area-averaged to the glass's grid (2 pixels a cell down)\n`,
);
console.log(
	'| path | delivered to the renderer dB | on the glass dB | wire bytes/frame | terminal bytes/frame (after the first) |',
);
console.log('|---|---|---|---|---|');
for (const [name, path] of rowsToRun) {
	const result = await run(path);
	console.log(
		`| ${name} | ${result.wire.toFixed(1)} | ${result.glass.toFixed(1)} | ${Math.round(result.bytes)} | ${Math.round(result.terminal)} |`,
	);
}
