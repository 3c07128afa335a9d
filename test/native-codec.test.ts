import assert from 'node:assert/strict';
import {test} from 'node:test';
import {makeFrame, type Frame} from '../source/frame.js';
import {
	interCodecs,
	scaleWithCodec,
	VideoDecoder,
	VideoEncoder,
	VideoReader,
	type InterCodec,
} from '../source/native-codec.js';
import {drawTestPattern} from '../source/sources/test-pattern.js';

const width = 128;
const height = 96;

function frameAt(index: number, w = width, h = height): Frame {
	return makeFrame(w, h, drawTestPattern(w, h, index / 30), 1_000_000 + index * 33);
}

function psnr(a: Uint8Array, b: Uint8Array): number {
	let sum = 0;
	for (let i = 0; i < a.length; i++) {
		const d = a[i]! - b[i]!;
		sum += d * d;
	}
	const mse = sum / a.length;
	return mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse);
}

function encoder(codec: InterCodec, w = width, h = height): VideoEncoder {
	return new VideoEncoder({codec, width: w, height: h, fps: 30, crf: 21, maxKbps: 400, keyint: 300});
}

test('this machine has H.264 and VP9 (libavcodec-dev with libx264 and libvpx; CI installs it)', () => {
	assert.deepEqual(interCodecs(), ['h264', 'vp9']);
});

for (const codec of ['h264', 'vp9'] as const) {
	test(`${codec}: one packet per frame, decoded in the same call, at full colour`, () => {
		const enc = encoder(codec);
		const dec = new VideoDecoder(codec);
		let bytes = 0;
		for (let i = 0; i < 30; i++) {
			const frame = frameAt(i);
			const packet = enc.encode(frame, i === 0);
			assert.ok(packet, `frame ${i} gave its packet at once`);
			assert.equal(packet.key, i === 0, `only the first frame is a keyframe (frame ${i})`);
			bytes += packet.data.length;
			const shown = dec.decode(packet.data, width, height, frame.capturedAt);
			assert.ok(shown, `frame ${i} decoded at once`);
			assert.equal(shown.capturedAt, frame.capturedAt);
			assert.ok(psnr(frame.data, shown.data) > 36, `frame ${i}: ${psnr(frame.data, shown.data)} dB`);
		}
		// A second of a moving test pattern at 128x96: far below jpeg444's ~1.5 Mbit/s.
		assert.ok(bytes * 8 < 500_000, `${bytes * 8} bits in a second`);
		enc.close();
		dec.close();
	});

	test(`${codec}: a keyframe on request, and a decoder joining there shows it at once`, () => {
		const enc = encoder(codec);
		for (let i = 0; i < 10; i++) enc.encode(frameAt(i), i === 0);
		const late = new VideoDecoder(codec);
		const inter = enc.encode(frameAt(10), false)!;
		assert.equal(inter.key, false);
		// Mid-stream, before any keyframe: an error or no picture, never a wrong one.
		let before: Frame | undefined;
		try {
			before = late.decode(inter.data, width, height, 0);
		} catch {
			before = undefined;
		}
		assert.equal(before, undefined);
		const key = enc.encode(frameAt(11), true)!;
		assert.equal(key.key, true);
		const shown = late.decode(key.data, width, height, 0);
		assert.ok(shown, 'the keyframe decodes on its own');
		assert.ok(psnr(frameAt(11).data, shown.data) > 36);
		const next = enc.encode(frameAt(12), false)!;
		assert.equal(next.key, false, 'one keyframe per request');
		assert.ok(late.decode(next.data, width, height, 0));
	});

	test(`${codec}: garbage, truncated and oversized packets are errors, and a keyframe recovers`, () => {
		const enc = encoder(codec);
		const dec = new VideoDecoder(codec);
		const key = enc.encode(frameAt(0), true)!;
		assert.ok(dec.decode(key.data, width, height, 0));
		assert.throws(() => dec.decode(Buffer.from('not a video packet at all, just words'), width, height, 0));
		const random = Buffer.alloc(2000);
		for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) & 0xff;
		assert.throws(() => dec.decode(random, width, height, 0));
		const fresh = new VideoDecoder(codec);
		const cut = enc.encode(frameAt(1), true)!;
		const half = cut.data.subarray(0, cut.data.length >> 1);
		if (codec === 'h264') {
			assert.throws(() => fresh.decode(half, width, height, 0));
		} else {
			// VP9's last tile carries no length, so a cut one reads as zeros: a damaged picture of the
			// claimed size at worst (TCP and TLS deliver whole messages; only a peer can cut one).
			let shown: Frame | undefined;
			try {
				shown = fresh.decode(half, width, height, 0);
			} catch {
				shown = undefined;
			}
			if (shown) assert.equal(shown.data.length, width * height * 3);
		}
		// A picture bigger than its message claims: refused before it is decoded.
		const big = encoder(codec, 640, 480);
		const bigKey = big.encode(frameAt(0, 640, 480), true)!;
		assert.throws(() => fresh.decode(bigKey.data, width, height, 0), /size|Invalid|decode/);
		// And after all that, a keyframe gives a whole picture again.
		const again = enc.encode(frameAt(2), true)!;
		const shown = fresh.decode(again.data, width, height, 0);
		assert.ok(shown);
		assert.ok(psnr(frameAt(2).data, shown.data) > 36);
	});

	test(`${codec}: small and odd sizes decode too (the bound allows for alignment)`, () => {
		for (const [w, h] of [
			[2, 2],
			[24, 16],
			[41, 31],
			[160, 97],
		] as const) {
			const enc = encoder(codec, w, h);
			const dec = new VideoDecoder(codec);
			for (let i = 0; i < 3; i++) {
				const packet = enc.encode(frameAt(i, w, h), i === 0)!;
				assert.ok(dec.decode(packet.data, w, h, 0), `${w}x${h} frame ${i}`);
			}
		}
	});

	test(`${codec}: a lower rate ceiling gives smaller packets`, () => {
		const enc = new VideoEncoder({codec, width, height, fps: 30, crf: 18, maxKbps: 2000, keyint: 300});
		let high = 0;
		let low = 0;
		for (let i = 0; i < 60; i++) {
			if (i === 30) enc.setRate(30, 60);
			const packet = enc.encode(frameAt(i), i === 0)!;
			if (i >= 5 && i < 30) high += packet.data.length;
			if (i >= 35) low += packet.data.length;
		}
		assert.ok(low < high / 2, `${low} bytes after lowering, ${high} before`);
	});
}

test('the encoder refuses a frame of another size and settings out of range', () => {
	const enc = encoder('h264');
	assert.throws(() => enc.encode(frameAt(0, 64, 48), false), /size/);
	assert.throws(
		() => new VideoEncoder({codec: 'h264', width: 0, height: 10, fps: 30, crf: 20, maxKbps: 100, keyint: 30}),
	);
	enc.close();
	assert.throws(() => enc.encode(frameAt(0), false), /closed/);
});

test('h264: a stream at the largest size that keeps 16 reference pictures is refused at the picture budget; an honest one of that size decodes', () => {
	// A hostile stream's shape, made by x264 itself: 1280x720 (v2MaxCodecPixels), every P-frame
	// kept as a reference (16 of them, 3 MB each in 4:4:4 with padding): about 50 MB of pictures.
	const [w, h] = [1280, 720];
	const enc = new VideoEncoder({
		codec: 'h264',
		width: w,
		height: h,
		fps: 30,
		crf: 30,
		maxKbps: 8000,
		keyint: 300,
		x264Params: 'ref=16',
	});
	const packets = Array.from({length: 20}, (_, i) => enc.encode(frameAt(i, w, h), i === 0)!.data);
	enc.close();
	const honest = encoder('h264', w, h);
	const honestPackets = Array.from({length: 20}, (_, i) => honest.encode(frameAt(i, w, h), i === 0)!.data);
	honest.close();
	const dec = new VideoDecoder('h264');
	let decoded = 0;
	let refused: unknown;
	for (const packet of packets) {
		try {
			dec.decode(packet, w, h, 0);
			decoded++;
		} catch (error) {
			refused = error;
			break;
		}
	}
	assert.ok(refused, 'refused before it held 16 pictures');
	assert.ok(decoded >= 6 && decoded < 16, `${decoded} pictures decoded first`);
	// An honest stream of that size (what facetty sends a window) holds few pictures: all decode.
	const fresh = new VideoDecoder('h264');
	for (const packet of honestPackets) assert.ok(fresh.decode(packet, w, h, 0));
	fresh.close();
	dec.close();
});

test('scaleWithCodec shrinks as one OpenCV INTER_AREA step does, and enlarges to the size asked', async () => {
	const {loadOpenCv} = await import('../source/opencv.js');
	const cv = await loadOpenCv();
	const frame = makeFrame(640, 480, drawTestPattern(640, 480, 0.5), 5);
	const mat = new cv.Mat(Buffer.from(frame.data), 480, 640, cv.CV_8UC3);
	// 124x93: a 160x48 call screen's picture; 100x77 and 7x5 fractional steps; 640x240 one side only.
	for (const [w, h] of [
		[124, 93],
		[100, 77],
		[320, 240],
		[7, 5],
		[640, 240],
	] as const) {
		const ours = scaleWithCodec(frame, {width: w, height: h})!;
		const theirs = mat.resize(h, w, 0, 0, cv.INTER_AREA).getData();
		assert.deepEqual([ours.width, ours.height, ours.capturedAt], [w, h, 5]);
		let worst = 0;
		for (let i = 0; i < theirs.length; i++) worst = Math.max(worst, Math.abs(ours.data[i]! - theirs[i]!));
		assert.ok(worst <= 1, `${w}x${h}: a level differs by ${worst}`);
	}
	const larger = scaleWithCodec(makeFrame(64, 48, drawTestPattern(64, 48, 0), 0), {width: 200, height: 150})!;
	assert.equal(larger.data.length, 200 * 150 * 3);
	assert.throws(() => scaleWithCodec(frame, {width: 0, height: 10}), /bad size/);
});

test('VideoReader gives the pictures OpenCV VideoCapture gives, cropped and scaled on the thread pool', async () => {
	const {loadOpenCv} = await import('../source/opencv.js');
	const cv = await loadOpenCv();
	const reader = VideoReader.open('file:media/clip.mp4', 0)!;
	const capture = new cv.VideoCapture('media/clip.mp4', cv.CAP_FFMPEG);
	try {
		assert.deepEqual([reader.width, reader.height, reader.fps], [640, 480, 30]);
		const whole = {x: 0, y: 0, width: 640, height: 480};
		for (let i = 0; i < 5; i++) {
			const ours = await reader.read(whole, {width: 640, height: 480}, 0, false);
			const theirs = capture.read();
			assert.ok(ours && ours.equals(theirs.getData()), `frame ${i} is OpenCV's, byte for byte`);
		}
		// Passing over 2, then a crop scaled down: the area average of OpenCV's same picture. It is
		// shrunk before it is converted, so it differs from OpenCV's by about a level (swscale's x86
		// conversion truncates) and more where single pixels clipped (clip.mp4's saturated colours):
		// 45.2 dB on this frame, 44-45 dB at every size from 16x12 to 500x400; the crop moved by
		// five pixels (one of the target's), the next frame or red and blue swapped is below 25 dB.
		const crop = {x: 80, y: 0, width: 480, height: 480};
		const ours = await reader.read(crop, {width: 96, height: 96}, 2, false);
		capture.read();
		capture.read();
		const theirs = capture
			.read()
			.getRegion(new cv.Rect(80, 0, 480, 480))
			.resize(96, 96, 0, 0, cv.INTER_AREA);
		const expected = theirs.getData();
		let squares = 0;
		for (let i = 0; i < expected.length; i++) squares += (ours![i]! - expected[i]!) ** 2;
		const psnr = 10 * Math.log10((255 * 255) / (squares / expected.length));
		assert.ok(psnr >= 43, `${psnr.toFixed(2)} dB from OpenCV's INTER_AREA`);
	} finally {
		reader.close();
		capture.release();
	}
});

test('VideoReader shrinks a full-range 4:4:4 stream of odd size as the binding shrinks its full picture', async (t) => {
	// facetty's own stream written as a raw H.264 file: 4:4:4 full range (the J formats' range, the
	// chroma not subsampled) at an odd size, where clip.mp4 is limited-range 4:2:0 at 640x480.
	const fs = await import('node:fs');
	const file = `${process.env['TMPDIR'] ?? '/tmp'}/facetty-444-${process.pid}.h264`;
	t.after(() => fs.rmSync(file, {force: true}));
	const [w, h] = [161, 97];
	const sender = encoder('h264', w, h);
	const packets: Buffer[] = [];
	for (let i = 0; i < 4; i++) packets.push(sender.encode(frameAt(i, w, h), i === 0)!.data);
	sender.close();
	fs.writeFileSync(file, Buffer.concat(packets));
	const whole = VideoReader.open(`file:${file}`, 0)!;
	const shrunk = VideoReader.open(`file:${file}`, 0)!;
	try {
		assert.deepEqual([whole.width, whole.height], [w, h]);
		const crop = {x: 3, y: 1, width: 151, height: 95};
		for (const size of [
			{width: 40, height: 25},
			{width: 151, height: 50},
			{width: 7, height: 95},
		]) {
			const full = (await whole.read({x: 0, y: 0, width: w, height: h}, {width: w, height: h}, 0, true))!;
			const ours = (await shrunk.read(crop, size, 0, true))!;
			const region = Buffer.alloc(crop.width * crop.height * 3);
			for (let y = 0; y < crop.height; y++)
				full.copy(
					region,
					y * crop.width * 3,
					((crop.y + y) * w + crop.x) * 3,
					((crop.y + y) * w + crop.x + crop.width) * 3,
				);
			const expected = scaleWithCodec(makeFrame(crop.width, crop.height, region, 0), size)!.data;
			// Whether the full picture clipped a level (0 or 255) anywhere in the area a target pixel's
			// channel averages: there the full picture was clipped sample by sample, where the shrink
			// converts the average and clips it once (codec.c, yuv_area_shrink), so they may differ more.
			const clipped = (i: number): boolean => {
				const pixel = Math.floor(i / 3);
				const [x, y] = [pixel % size.width, Math.floor(pixel / size.width)];
				const [sx, sy] = [crop.width / size.width, crop.height / size.height];
				for (let row = Math.floor(y * sy); row < Math.min(crop.height, Math.ceil((y + 1) * sy)); row++)
					for (let col = Math.floor(x * sx); col < Math.min(crop.width, Math.ceil((x + 1) * sx)); col++) {
						const level = region[(row * crop.width + col) * 3 + (i % 3)]!;
						if (level === 0 || level === 255) return true;
					}
				return false;
			};
			let worst = 0;
			for (let i = 0; i < expected.length; i++)
				if (!clipped(i)) worst = Math.max(worst, Math.abs(ours[i]! - expected[i]!));
			// Rounding once after averaging, not once before: within a level, two at most.
			assert.ok(worst <= 2, `${size.width}x${size.height}: a level differs by ${worst}`);
		}
	} finally {
		whole.close();
		shrunk.close();
	}
});

test('VideoReader: a stream whose pictures change size mid-way is cropped and shrunk within each picture', async (t) => {
	// Three streams one after another in one file: each new SPS changes the size, while the crop
	// was worked out for the first. Every picture still comes at the size asked for.
	const fs = await import('node:fs');
	const file = `${process.env['TMPDIR'] ?? '/tmp'}/facetty-sizes-${process.pid}.h264`;
	t.after(() => fs.rmSync(file, {force: true}));
	const packets: Buffer[] = [];
	for (const [w, h] of [
		[161, 97],
		[64, 48],
		[320, 200],
	] as const) {
		const sender = encoder('h264', w, h);
		for (let i = 0; i < 3; i++) packets.push(sender.encode(frameAt(i, w, h), i === 0)!.data);
		sender.close();
	}
	fs.writeFileSync(file, Buffer.concat(packets));
	const reader = VideoReader.open(`file:${file}`, 0)!;
	try {
		const sizes: number[] = [];
		for (
			let picture;
			(picture = await reader.read({x: 100, y: 1, width: 61, height: 95}, {width: 40, height: 25}, 0, false));
		)
			sizes.push(picture.length);
		assert.deepEqual(sizes, Array(9).fill(40 * 25 * 3));
	} finally {
		reader.close();
	}
});

test("VideoReader.readNow gives read's pictures in the calling thread, and refuses while a read runs or once closed", async () => {
	const pooled = VideoReader.open('file:media/clip.mp4', 0)!;
	const inTurn = VideoReader.open('file:media/clip.mp4', 0)!;
	try {
		const crop = {x: 80, y: 0, width: 480, height: 480};
		for (const [size, skip] of [
			[{width: 124, height: 93}, 0],
			[{width: 96, height: 96}, 2],
			[{width: 640, height: 480}, 0],
		] as const) {
			const theirs = await pooled.read(crop, size, skip, false);
			const ours = inTurn.readNow(crop, size, skip, false);
			assert.ok(
				ours && theirs && ours.equals(theirs),
				`${size.width}x${size.height} after ${skip}: the same bytes`,
			);
		}
		const running = inTurn.read(crop, {width: 64, height: 48}, 0, false);
		// Refused without touching the running read: it still gives the size it asked for.
		assert.throws(() => inTurn.readNow(crop, {width: 32, height: 24}, 0, false), /a read is already running/);
		assert.equal((await running)?.length, 64 * 48 * 3);
		assert.throws(() => inTurn.readNow(crop, {width: 0, height: 48}, 0, false), /bad size/);
	} finally {
		pooled.close();
		inTurn.close();
	}
	assert.throws(
		() => inTurn.readNow({x: 0, y: 0, width: 640, height: 480}, {width: 64, height: 48}, 0, false),
		/closed/,
	);
});

test('VideoReader: a truncated file plays what it has, then ends; a close during a read is safe', async (t) => {
	const fs = await import('node:fs');
	const cut = `${process.env['TMPDIR'] ?? '/tmp'}/facetty-cut-${process.pid}.mp4`;
	// The clip's moov atom is at its start: the first 150 KB hold the index and some frames.
	fs.writeFileSync(cut, fs.readFileSync('media/clip.mp4').subarray(0, 150_000));
	t.after(() => fs.rmSync(cut, {force: true}));
	const reader = VideoReader.open(`file:${cut}`, 0)!;
	const whole = {x: 0, y: 0, width: 640, height: 480};
	let frames = 0;
	while (await reader.read(whole, {width: 64, height: 48}, 0, false)) frames++;
	assert.ok(frames > 0 && frames < 360, `${frames} frames`);
	reader.rewind();
	const pending = reader.read(whole, {width: 64, height: 48}, 0, true);
	reader.close();
	assert.ok(await pending, 'the read that was running ends with its picture');
	await assert.rejects(reader.read(whole, {width: 64, height: 48}, 0, false), /closed/);
	assert.throws(() => VideoReader.open('file:package.json', 0), /./);
});

test("a hostile peer's packets make FFmpeg write nothing to stderr (the codecs stay quiet; only file reading speaks)", async () => {
	// Before, FFmpeg was silenced whole; then a damaged camera file's "moov atom not found" was lost
	// from --log. A line a packet would let a peer fill the log as fast as it sends.
	const script = `
		import {VideoDecoder} from './source/native-codec.ts';
		for (const codec of ['h264', 'vp9']) {
			const decoder = new VideoDecoder(codec);
			for (let i = 0; i < 200; i++) {
				const bytes = Buffer.alloc(500);
				for (let j = 0; j < bytes.length; j++) bytes[j] = (i * 131 + j * 7919 + 13) & 0xff;
				try { decoder.decode(bytes, 64, 48, 0); } catch {}
			}
		}
		console.log('decoded');`;
	const {spawn} = await import('node:child_process');
	const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
	const code = await new Promise((resolve) => child.on('exit', resolve));
	assert.equal(code, 0, err);
	assert.equal(out.trim(), 'decoded');
	assert.equal(err, '');
});
