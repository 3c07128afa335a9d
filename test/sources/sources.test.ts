import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import type {AddressInfo} from 'node:net';
import {after, test} from 'node:test';
import type {Frame} from '../../source/frame.js';
import {openSource, SourceError, type FrameSource} from '../../source/sources/index.js';
import {loadOpenCv} from '../../source/opencv.js';
import {meanAbsoluteDifference} from '../session/helpers.js';

const clip = 'media/clip.mp4';
const still = 'media/still.png';

async function collect(source: FrameSource, count: number, timeoutMs = 10_000): Promise<Frame[]> {
	const frames: Frame[] = [];
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`only ${frames.length} of ${count} frames in ${timeoutMs} ms`)),
			timeoutMs,
		);
		const off = source.onFrame((frame) => {
			frames.push(frame);
			if (frames.length === count) {
				clearTimeout(timer);
				off();
				resolve();
			}
		});
		source.onError((error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
	return frames;
}

function nextError(source: FrameSource, timeoutMs = 10_000): Promise<SourceError> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no error was reported')), timeoutMs);
		source.onError((error) => {
			clearTimeout(timer);
			resolve(error);
		});
	});
}

/** Runs a source that will end, counting its frames; resolves with the error that ended it. */
async function runToEnd(source: FrameSource): Promise<{error: SourceError; frames: number}> {
	const ended = nextError(source, 20_000);
	let frames = 0;
	source.onFrame(() => frames++);
	await source.start();
	const error = await ended;
	await source.stop();
	return {error, frames};
}

async function rejectsWith(source: FrameSource, code: string, pattern: RegExp): Promise<void> {
	await assert.rejects(source.start(), (error: unknown) => {
		assert.ok(error instanceof SourceError, `not a SourceError: ${String(error)}`);
		assert.equal(error.code, code);
		assert.match(error.message, pattern);
		return true;
	});
	assert.equal(source.running, false);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

test('the media clip opens as a camera at the size asked for, paced at its own rate', async () => {
	const source = openSource(clip, {width: 320, height: 240, fps: 60});
	await source.start();
	try {
		assert.equal(source.fps, 30, 'a 30 fps file is not played faster when 60 are asked for');
		assert.match(source.description, /clip\.mp4 \(640x480, 30 fps\)/);
		const frames = await collect(source, 16);
		for (const frame of frames) {
			assert.equal(frame.width, 320);
			assert.equal(frame.height, 240);
			assert.equal(frame.data.length, 320 * 240 * 3);
		}
		const gaps = frames.slice(1).map((frame, index) => frame.capturedAt - frames[index]!.capturedAt);
		const typical = median(gaps);
		assert.ok(typical >= 25 && typical <= 42, `median gap ${typical} ms, expected about 33 ms`);
		assert.notDeepEqual(frames[0]!.data, frames[15]!.data, 'the picture moves');
	} finally {
		await source.stop();
	}
});

test('asking a file for fewer frames per second passes over frames rather than slowing the clip', async () => {
	const source = openSource(clip, {width: 64, height: 48, fps: 10});
	await source.start();
	try {
		assert.equal(source.fps, 10);
		const frames = await collect(source, 6);
		const gaps = frames.slice(1).map((frame, index) => frame.capturedAt - frames[index]!.capturedAt);
		const typical = median(gaps);
		assert.ok(typical >= 80 && typical <= 125, `median gap ${typical} ms, expected about 100 ms`);
	} finally {
		await source.stop();
	}
});

test('a source can be stopped and started again', async () => {
	const source = openSource(clip, {width: 80, height: 60});
	await source.start();
	await collect(source, 3);
	await source.stop();
	assert.equal(source.running, false);
	let lateFrames = 0;
	const off = source.onFrame(() => lateFrames++);
	await new Promise((resolve) => setTimeout(resolve, 100));
	assert.equal(lateFrames, 0, 'no frame after stop');
	off();
	await source.start();
	assert.equal(source.running, true);
	const frames = await collect(source, 3);
	assert.equal(frames[0]!.width, 80);
	await source.stop();
});

test('a file played without loop reports its end once, as an error, not a crash', async () => {
	const source = openSource(clip, {width: 32, height: 24, loop: false, paced: false});
	const {error, frames} = await runToEnd(source);
	assert.equal(error.code, 'ended');
	assert.match(error.message, /The video media\/clip\.mp4 ended\./);
	assert.equal(frames, 360, 'every frame of the 12 s clip at 30 fps');
	assert.equal(source.running, false);
});

test('a looped file goes on past its end', async () => {
	const source = openSource(clip, {width: 32, height: 24, paced: false});
	await source.start();
	const frames = await collect(source, 400, 20_000);
	assert.equal(frames.length, 400);
	await source.stop();
});

test('a still image is a camera that shows the same picture', async () => {
	const source = openSource(still, {width: 160, height: 120, fps: 50});
	await source.start();
	const frames = await collect(source, 3);
	await source.stop();
	assert.equal(frames[0]!.width, 160);
	assert.deepEqual(frames[0]!.data, frames[2]!.data);
	assert.ok(frames[2]!.capturedAt >= frames[0]!.capturedAt);
});

test('an image scaled to another aspect is centre-cropped, not squashed', async () => {
	const source = openSource(still, {width: 100, height: 100});
	await source.start();
	const [frame] = await collect(source, 1);
	await source.stop();
	assert.equal(frame!.width, 100);
	assert.equal(frame!.height, 100);
	// The size alone does not tell: a squash gives 100x100 too. The picture must be the middle
	// 480x480 of the 640x480 image, scaled, and clearly not the whole image squeezed.
	const cv = await loadOpenCv();
	const image = await cv.imreadAsync(still);
	const side = Math.min(image.cols, image.rows);
	const middle = image.getRegion(new cv.Rect((image.cols - side) / 2, (image.rows - side) / 2, side, side));
	const cropped = new Uint8Array(middle.resize(100, 100, 0, 0, cv.INTER_AREA).getData());
	const squashed = new Uint8Array(image.resize(100, 100, 0, 0, cv.INTER_AREA).getData());
	const fromCrop = meanAbsoluteDifference(frame!.data, cropped);
	const fromSquash = meanAbsoluteDifference(frame!.data, squashed);
	assert.ok(fromCrop < 4, `differs from the centre crop by ${fromCrop}`);
	assert.ok(fromSquash > fromCrop * 3, `squashed ${fromSquash}, cropped ${fromCrop}`);
});

test('the test pattern needs no file and moves', async () => {
	const source = openSource('test', {width: 96, height: 72, fps: 30});
	await source.start();
	const frames = await collect(source, 5);
	await source.stop();
	assert.equal(frames[0]!.data.length, 96 * 72 * 3);
	assert.notDeepEqual(frames[0]!.data, frames[4]!.data);
});

test('errors are plain sentences', async () => {
	await rejectsWith(openSource('no-such-clip.mp4'), 'file-missing', /^no-such-clip\.mp4 does not exist\.$/);
	await rejectsWith(openSource('no-such.png'), 'file-missing', /^no-such\.png does not exist\.$/);
	await rejectsWith(
		openSource('package.json'),
		'not-a-video',
		/package\.json is not a video facetty can read\./,
	);
	await rejectsWith(openSource('/dev/video97'), 'device-missing', /^No camera device at \/dev\/video97\./);
	// A camera index with no device behind it, whether or not this machine has cameras: the
	// sentence names the ones it has, or says there are none.
	const devices = fs
		.readdirSync('/dev')
		.filter((name) => /^video\d+$/.test(name))
		.map((name) => Number(name.slice(5)))
		.sort((a, b) => a - b);
	const index = [7, 97, 997].find((n) => !devices.includes(n))!;
	const cameras =
		devices.length === 0
			? 'No camera is connected to this machine; try --camera test, or a video file.'
			: `Cameras on this machine: ${devices.map((n) => `${n} (/dev/video${n})`).join(', ')}.`;
	await rejectsWith(
		openSource(String(index)),
		'camera-unavailable',
		new RegExp(`^Camera ${index} cannot be opened\\. ${cameras.replace(/[.()/]/g, '\\$&')}$`),
	);
});

test('a file that is not an image says so', async (t) => {
	const fake = `${process.env['TMPDIR'] ?? '/tmp'}/facetty-not-an-image-${process.pid}.png`;
	fs.writeFileSync(fake, 'hello');
	t.after(() => fs.rmSync(fake, {force: true}));
	await rejectsWith(openSource(fake), 'not-an-image', /is not an image OpenCV can read\./);
});

const servers: Array<net.Server | http.Server> = [];
after(() => {
	for (const server of servers) server.close();
});

async function listen<T extends net.Server | http.Server>(server: T): Promise<number> {
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
}

test('a URL nobody listens on is reported at once', async () => {
	const server = net.createServer();
	const port = await listen(server);
	server.close();
	await rejectsWith(
		openSource(`http://127.0.0.1:${port}/cam`),
		'url-unreachable',
		/cannot be reached \(ECONNREFUSED\)/,
	);
});

test('a URL that accepts but never answers gives up after the timeout', async () => {
	const sockets: net.Socket[] = [];
	const server = net.createServer((socket) => sockets.push(socket));
	const port = await listen(server);
	const started = Date.now();
	await rejectsWith(
		openSource(`rtsp://user:secret@127.0.0.1:${port}/live`, {urlTimeoutSeconds: 1}),
		'url-unreachable',
		/^rtsp:\/\/\*\*\*@127\.0\.0\.1:\d+\/live did not answer within 1 seconds\.$/,
	);
	assert.ok(Date.now() - started < 5000);
	for (const socket of sockets) socket.destroy();
});

test('a URL that answers 404 says so', async () => {
	const server = http.createServer((_request, response) => response.writeHead(404).end());
	const port = await listen(server);
	await rejectsWith(
		openSource(`http://127.0.0.1:${port}/cam.mjpg`),
		'url-unreadable',
		/answered with status 404/,
	);
});

test('a video served over HTTP plays, and its end is reported as the stream ending', async (t) => {
	// The server runs in another process: OpenCV opens a stream synchronously, so a server in this
	// process could not answer during the open.
	const server = spawn(
		process.execPath,
		[
			'-e',
			`const fs = require('fs');
			const server = require('http').createServer((request, response) => {
				response.writeHead(200, {'content-type': 'video/mp4'});
				fs.createReadStream(${JSON.stringify(clip)}).pipe(response);
			});
			server.listen(0, '127.0.0.1', () => console.log(server.address().port));`,
		],
		{stdio: ['ignore', 'pipe', 'inherit']},
	);
	t.after(() => server.kill());
	const port = await new Promise<number>((resolve) =>
		server.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString()))),
	);
	const source = openSource(`http://127.0.0.1:${port}/clip.mp4`, {width: 64, height: 48, paced: false});
	const {error, frames} = await runToEnd(source);
	assert.equal(error.code, 'ended');
	assert.match(error.message, /^The stream at http:\/\/127\.0\.0\.1:\d+\/clip\.mp4 ended\.$/);
	assert.ok(frames > 300, `${frames} frames`);
});

test('a running source changes the size it delivers when asked, and back to its own', async () => {
	for (const spec of [clip, still, 'test']) {
		const source = openSource(spec, {fps: 60});
		await source.start();
		try {
			assert.deepEqual(source.nativeSize, {width: 640, height: 480}, spec);
			source.setSize({width: 128, height: 96});
			const frames = await collect(source, 4);
			assert.deepEqual([frames[3]!.width, frames[3]!.height], [128, 96], spec);
			source.setSize(undefined);
			const later = await collect(source, 4);
			assert.deepEqual([later[3]!.width, later[3]!.height], [640, 480], spec);
		} finally {
			await source.stop();
		}
	}
});

test('a file read as fast as it decodes does not pile up OpenCV buffers', async () => {
	// V8 does not see the pixels of OpenCV's Mats, so unless each is freed once copied out, 1200
	// frames of 640x480 pile up hundreds of MB before a collection (813 MB measured before the fix,
	// about 150 MB after, OpenCV's own start-up included).
	const source = openSource(clip, {paced: false, width: 160, height: 96});
	const before = process.memoryUsage().rss;
	let peak = before;
	let frames = 0;
	await new Promise<void>((resolve, reject) => {
		source.onError(reject);
		source.onFrame(() => {
			if (++frames % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
			if (frames === 1200) resolve();
		});
		source.start().catch(reject);
	});
	await source.stop();
	const grewMb = (peak - before) / 1048576;
	assert.ok(grewMb < 400, `resident memory grew by ${Math.round(grewMb)} MB over 1200 frames`);
});

test('a stream that got ahead (frames queued during a stall) is caught up with, not followed behind', async (t) => {
	// An MJPEG stream of solid grey frames, frame n at level 8n: fifteen at once as the reader
	// connects (what queues in the socket while a busy reader stalls), then one every 33 ms. Paced
	// on top of the stream's own pace, the reader stayed those fifteen frames (half a second)
	// behind for good.
	const cv = await loadOpenCv();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-stream-'));
	t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
	for (let n = 0; n < 32; n++) {
		const mat = new cv.Mat(48, 64, cv.CV_8UC3, [8 * n, 8 * n, 8 * n]);
		fs.writeFileSync(path.join(dir, `${n}.jpg`), cv.imencode('.jpg', mat));
	}
	const server = spawn(
		process.execPath,
		[
			'-e',
			`const fs = require('fs');
			const frames = Array.from({length: 32}, (_, n) => fs.readFileSync(${JSON.stringify(dir)} + '/' + n + '.jpg'));
			const server = require('http').createServer((request, response) => {
				response.writeHead(200, {'content-type': 'multipart/x-mixed-replace;boundary=b'});
				if (request.method === 'HEAD') return response.end();
				let n = 0;
				const send = () => {
					const jpeg = frames[n % 32];
					response.write('--b\\r\\nContent-Type: image/jpeg\\r\\nContent-Length: ' + jpeg.length + '\\r\\n\\r\\n');
					response.write(jpeg);
					response.write('\\r\\n');
					console.log(n + ' ' + Date.now());
					n++;
				};
				while (n < 15) send();
				const timer = setInterval(send, 33);
				response.on('close', () => clearInterval(timer));
			});
			server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));`,
		],
		{stdio: ['ignore', 'pipe', 'inherit']},
	);
	t.after(() => server.kill());
	const sent: Array<{n: number; at: number}> = [];
	let output = '';
	const port = await new Promise<number>((resolve) =>
		server.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const lines = output.split('\n');
			output = lines.pop()!;
			for (const line of lines) {
				const [a, b] = line.split(' ');
				if (a === 'port') resolve(Number(b));
				else sent.push({n: Number(a), at: Number(b)});
			}
		}),
	);
	const source = openSource(`http://127.0.0.1:${port}/stream.mjpg`);
	const shown: Array<{n: number; at: number}> = [];
	source.onFrame((frame) => {
		let sum = 0;
		for (const value of frame.data) sum += value;
		shown.push({n: Math.round(sum / frame.data.length / 8), at: Date.now()});
	});
	await source.start();
	t.after(() => source.stop());
	await new Promise((resolve) => setTimeout(resolve, 1500));
	await source.stop();
	// From the second half on: how many frames the stream had sent that were newer than the one shown.
	const behind = shown.slice(Math.floor(shown.length / 2)).map(({n, at}) => {
		const latest = sent.filter((frame) => frame.at <= at).at(-1)?.n ?? 0;
		return (latest - n + 32) % 32;
	});
	behind.sort((a, b) => a - b);
	assert.ok(behind.length > 5, `${shown.length} frames shown`);
	assert.ok(behind[Math.floor(behind.length / 2)]! <= 3, `frames behind the stream: ${behind.join(' ')}`);
});

test(
	'a video file is read and scaled without loading OpenCV (its libraries cost about 90 MB)',
	{skip: process.platform !== 'linux'},
	async () => {
		const script = `
		import fs from 'node:fs';
		import {openSource} from './source/sources/index.ts';
		import {scaleFrame} from './source/sources/scale.ts';
		const source = openSource('media/clip.mp4', {width: 124, height: 93});
		await source.start();
		const frame = await new Promise((resolve) => source.onFrame(resolve));
		await scaleFrame(frame, {width: 40, height: 30});
		await source.stop();
		console.log(/libopencv/.test(fs.readFileSync('/proc/self/maps', 'utf8')) ? 'opencv' : 'none');`;
		const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const code = await new Promise((resolve) => child.on('exit', resolve));
		assert.equal(code, 0);
		assert.equal(output.trim(), 'none');
	},
);
