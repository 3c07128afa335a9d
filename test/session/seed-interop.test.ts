/**
 * facetty against peers that speak the original script's format, in both roles:
 * - test/peers/seed_peer.py, the project's own peer that behaves on the wire exactly as the script
 *   does (its quirks included), so these tests run in every clone;
 * - ../shared/peers/seed_peer.py, the script itself, when that folder exists next to the clone.
 * The peer's camera is media/clip.mp4: it reads frame 0 for its shape, then sends frames 1, 2,
 * 3... and never drops one, so the k-th frame we receive must be clip frame k. Ours is a fixed
 * test pattern, so every frame the peer dumps must be that pattern, byte for byte (the format is
 * raw).
 *
 * The script's reader trusts one recv() per frame: a frame of one segment read together with the
 * start of the next is mixed and ends its reader, and so is one that the kernel hands over in
 * parts. A 160x120 frame (57,600 bytes) was cut at 47,614 on a fresh-clone CI run: early in a
 * connection a write that large is pushed in pieces (small send buffer, half-window push). Ours is
 * 64x48 (9,216 bytes), which goes out as one segment. On a loaded machine the
 * script falls behind any fixed frame rate, and nothing facetty can see tells it what the script
 * has read (the format has no acknowledgement). So these tests feed our frames as the script
 * shows them: the next one only once it has dumped the last (--every 1), and then every frame it
 * showed must be ours and it must have kept reading.
 */
import assert from 'node:assert/strict';
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {makeFrame, type Frame} from '../../source/frame.js';
import {loadOpenCv} from '../../source/opencv.js';
import {encodeSeedFrame, encodeSeedShape, SeedParser} from '../../source/protocol/seed.js';
import type {Call} from '../../source/session/call.js';
import {dial, listen} from '../../source/session/connect.js';
import {firstFrameGraceMs} from '../../source/session/seed-link.js';
import {
	cleanupsAfterFile,
	ended,
	feed,
	meanAbsoluteDifference,
	nextFrames,
	patternFrame,
	withTimeout,
} from './helpers.js';
import {freePort} from '../e2e/tmux.js';
import {needsTool} from '../tools.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const clip = path.join(root, 'media/clip.mp4');
// Debian's cv2 is in /usr/bin/python3; the python3 first on PATH may be another one.
const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

type Peer = {name: string; script: string; needsDisplay: boolean};
const peers: Peer[] = [
	{name: 'our seed peer', script: path.join(root, 'test/peers/seed_peer.py'), needsDisplay: false},
	{
		name: 'the original script',
		script: sharedPeer(),
		needsDisplay: true,
	},
];

/** ../shared/peers next to the clone (or next to the folder of worktrees, for a git worktree). */
function sharedPeer(): string {
	const candidates = ['../shared/peers/seed_peer.py', '../../shared/peers/seed_peer.py'];
	const files = candidates.map((relative) => path.resolve(root, relative));
	return files.find((file) => fs.existsSync(file)) ?? files[0]!;
}

/** ../shared is not part of a clone (its absence skips, even under CI); the tools .ci/run installs are. */
function whyUnavailable(peer: Peer): string | undefined {
	if (!fs.existsSync(peer.script)) return `${peer.script} is missing`;
	if (peer.needsDisplay && spawnSync('which', ['xvfb-run']).status !== 0)
		return needsTool('xvfb-run is missing (apt-get install xvfb)');
	if (spawnSync(python, ['-c', 'import cv2']).status !== 0)
		return needsTool(`${python} lacks cv2 (apt-get install python3-opencv)`);
	return undefined;
}

const cleanups = cleanupsAfterFile();

const ourShape = {cols: 64, rows: 48};
const ourPattern = patternFrame(ourShape.cols, ourShape.rows, 3);
const ourShapeAsTheScriptSaysIt = `peer_shape=${ourShape.rows}x${ourShape.cols}`;

function runPeer(
	peer: Peer,
	args: string[],
	{camera = clip, dumpAll = true} = {},
): {child: ChildProcess; output: Promise<string>; dump: string} {
	const dump = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-seed-'));
	cleanups.push(() => fs.rmSync(dump, {recursive: true, force: true}));
	const command = [python, peer.script, ...args, '--camera', camera];
	if (dumpAll) command.push('--dump', dump, '--every', '1');
	if (peer.needsDisplay) command.unshift('xvfb-run', '-a');
	const child = spawn(command[0]!, command.slice(1), {stdio: ['ignore', 'pipe', 'pipe'], detached: true});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<string>((resolve) => child.on('exit', () => resolve(output)));
	// The peer (and xvfb-run's children) run in their own process group: end all of it, by its id,
	// if the test ends first.
	cleanups.push(() => {
		if (child.exitCode === null && child.pid) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	});
	return {child, output: withTimeout(exited, 30_000, 'the seed peer to exit'), dump};
}

async function clipFrames(count: number): Promise<Uint8Array[]> {
	const cv = await loadOpenCv();
	const capture = new cv.VideoCapture(clip);
	const frames: Uint8Array[] = [];
	for (let i = 0; i < count; i++) frames.push(new Uint8Array(capture.read().getData()));
	capture.release();
	return frames;
}

async function checkReceived(frames: Frame[]): Promise<void> {
	const expected = await clipFrames(frames.length + 3);
	// Frame 0 of the clip went into the script's shape; the first frame may also arrive before a
	// test that awaits the 'call' event is listening: the frames are consecutive clip frames from
	// 1 or 2 on.
	const first = frames[0]!;
	const offset = [1, 2].find((k) => meanAbsoluteDifference(first.data, expected[k]!) < 1);
	assert.ok(offset !== undefined, 'the first received frame is clip frame 1 or 2');
	frames.forEach((frame, k) => {
		assert.deepEqual([frame.width, frame.height], [640, 480]);
		const difference = meanAbsoluteDifference(frame.data, expected[k + offset]!);
		assert.ok(
			difference < 1,
			`received frame ${k} is clip frame ${k + offset} (mean difference ${difference})`,
		);
	});
}

const dumped = (dump: string) => fs.readdirSync(dump).filter((name) => name.endsWith('.png'));

async function checkDumped(dump: string, output: string): Promise<void> {
	const cv = await loadOpenCv();
	// The last one may be cut short: the script exits (os._exit) while its reader may be writing it.
	const files = dumped(dump).sort().slice(0, -1);
	// Paced by what it showed, the script's reader never dies: it shows frame after frame.
	assert.ok(files.length >= 10, `the script showed our frames (dumped ${files.length}):\n${output}`);
	assert.doesNotMatch(output, /Traceback/, 'the script read every frame whole');
	for (const name of files) {
		const image = await cv.imreadAsync(path.join(dump, name));
		assert.deepEqual([image.cols, image.rows], [ourShape.cols, ourShape.rows]);
		assert.ok(
			Buffer.from(image.getData()).equals(Buffer.from(ourPattern.data)),
			`${name} is exactly our frame`,
		);
	}
}

/**
 * Feeds `call` our pattern one frame at a time: the next once the script has shown every frame on
 * the wire (`onWire` of them were sent before). A frame is given only when the last one was shown,
 * so it never replaces a waiting one: each one given is one sent.
 */
function feedAsShown(call: Call, dump: string, onWire = 0): void {
	let given = onWire;
	const timer = setInterval(() => {
		if (call.ended) clearInterval(timer);
		else if (dumped(dump).length >= given) {
			given++;
			call.sendFrame({...ourPattern, capturedAt: Date.now()});
		}
	}, 10);
	cleanups.push(() => clearInterval(timer));
}

for (const peer of peers) {
	const skip = whyUnavailable(peer);
	if (skip) console.log(`# interop tests with ${peer.name} skipped: ${skip}`);

	for (const [how, options] of [
		['with --protocol seed', {protocol: 'seed'}],
		['by default (auto, no flag)', {}],
	] as const) {
		test(`our caller with ${peer.name} as accepter, ${how}`, {skip, timeout: 60_000}, async () => {
			const port = await freePort();
			const seedPeer = runPeer(peer, ['accepter', '--port', String(port), '--seconds', '5']);
			let call: Call | undefined;
			// The script needs a moment to start listening; a refused connection just means "not yet".
			for (let attempt = 0; attempt < 100 && !call; attempt++) {
				const attemptCall = dial('127.0.0.1', port, {...options});
				feedAsShown(attemptCall, seedPeer.dump);
				const outcome = await withTimeout(
					new Promise<string>((resolve) => {
						attemptCall.once('state', (state) => resolve(state));
						attemptCall.once('ended', (end) => resolve(end.reason));
					}),
					10_000,
					'a connection',
				);
				if (outcome === 'handshaking') call = attemptCall;
				else await new Promise((resolve) => setTimeout(resolve, 100));
			}
			assert.ok(call, 'connected to the script');
			cleanups.push(() => call.hangUp());
			const frames = await nextFrames(call, 10, 20_000);
			await checkReceived(frames);
			const output = await seedPeer.output;
			assert.match(output, /seed_peer shown=\d+ /);
			assert.ok(output.includes(ourShapeAsTheScriptSaysIt), output);
			await checkDumped(seedPeer.dump, output);
			await ended(call);
			assert.equal(call.protocol, 'seed');
			assert.equal(call.security.note, "not encrypted — the original script's format");
		});
	}

	test(`our listener with ${peer.name} as initiator`, {skip, timeout: 60_000}, async () => {
		// The default listener (auto, no flag): its picture reaches the script's greeting, since the
		// shape is announced before the call is live.
		const l = await listen({host: '127.0.0.1', port: 0});
		cleanups.push(() => l.close());
		const accepted = withTimeout(
			new Promise<Call>((resolve) => l.once('call', resolve)),
			20_000,
			'the script to call',
		);
		// Until the script is in the call, the listener's picture at a camera's pace: its size goes
		// into the greeting, and facetty pauses after its first frame, so none pile up meanwhile.
		const early = setInterval(() => l.sendFrame({...ourPattern, capturedAt: Date.now()}), 100);
		cleanups.push(() => clearInterval(early));
		const seedPeer = runPeer(peer, ['initiator', '--peer', `127.0.0.1:${l.port}`, '--seconds', '5']);
		const call = await accepted;
		clearInterval(early);
		const received = nextFrames(call, 10, 20_000);
		// Once that pause is over and the frame held back by it is sent, the rest go one by one.
		await new Promise((resolve) => setTimeout(resolve, firstFrameGraceMs + 250));
		await withTimeout(
			(async () => {
				while (call.waitingFrame) await new Promise((resolve) => setTimeout(resolve, 20));
			})(),
			10_000,
			'the frame held back to be sent',
		);
		feedAsShown(call, seedPeer.dump, call.meter.framesOut);
		const frames = await received;
		assert.equal(call.protocol, 'seed');
		assert.equal(call.security.note, "not encrypted — the original script's format");
		await checkReceived(frames);
		const output = await seedPeer.output;
		assert.match(output, /seed_peer shown=\d+ /);
		assert.ok(output.includes(ourShapeAsTheScriptSaysIt), output);
		await checkDumped(seedPeer.dump, output);
		await ended(call);
	});
}

test("after its first frame to the script facetty pauses (the script's window opens meanwhile)", async () => {
	// An accepter that answers as the script does, with facetty's own parser reading what comes.
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	cleanups.push(() => new Promise((resolve) => server.close(resolve)));
	const arrivals: number[] = [];
	server.once('connection', (socket) => {
		const shape = {rows: 4, cols: 4};
		const parser = new SeedParser();
		let greeted = false;
		socket.write('done');
		socket.on('data', (chunk: Buffer) => {
			if (!greeted) {
				// The caller's "done", then our shape and a frame: it sends frames after ours.
				greeted = true;
				socket.write(Buffer.concat([encodeSeedShape(shape), encodeSeedFrame(shape, new Uint8Array(48))]));
				chunk = chunk.subarray(4);
			}
			for (const event of parser.push(chunk)) if (event.type === 'frame') arrivals.push(Date.now());
		});
	});
	const call = dial('127.0.0.1', (server.address() as net.AddressInfo).port, {protocol: 'seed'});
	cleanups.push(() => call.hangUp());
	const stop = feed(call, () => ({...ourPattern, capturedAt: Date.now()}));
	cleanups.push(stop);
	await withTimeout(
		(async () => {
			while (arrivals.length < 4) await new Promise((resolve) => setTimeout(resolve, 20));
		})(),
		20_000,
		'four frames',
	);
	// A lower bound only (a loaded machine makes the pause longer, never shorter): long enough for
	// a window to open, where the camera's pace would send the next frame within 33 ms.
	const pause = arrivals[1]! - arrivals[0]!;
	assert.ok(pause >= 500, `pause ${pause} ms`);
	call.hangUp();
});

/**
 * One 8 s call from a default caller (no flag: auto, its camera's 640x480 at 30 fps, as `facetty
 * call` with --camera media/clip.mp4) to `peer` as accepter, whose camera is the clip at a
 * webcam's 30 fps (test/peers/paced_camera.py). Returns how many frames the peer showed.
 */
async function shownInEightSeconds(
	peer: Peer,
	pictures: Uint8Array[],
): Promise<{shown: number; died: string | undefined}> {
	const port = await freePort();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-camera-'));
	cleanups.push(() => fs.rmSync(folder, {recursive: true, force: true}));
	const fifo = path.join(folder, 'camera.y4m');
	spawnSync('mkfifo', [fifo]);
	const camera = spawn(python, [path.join(root, 'test/peers/paced_camera.py'), clip, fifo, '30'], {
		stdio: 'ignore',
	});
	cleanups.push(() => camera.kill('SIGKILL'));
	const seedPeer = runPeer(peer, ['accepter', '--port', String(port), '--seconds', '8'], {
		camera: fifo,
		dumpAll: false,
	});
	let call: Call | undefined;
	// The script listens once its camera has opened: the fifo's writer loads the clip first, which
	// took over 12 s on a loaded machine.
	const giveUpAt = Date.now() + 40_000;
	while (!call && Date.now() < giveUpAt) {
		const attemptCall = dial('127.0.0.1', port, {});
		const outcome = await withTimeout(
			new Promise<string>((resolve) => {
				attemptCall.once('state', (state) => resolve(state));
				attemptCall.once('ended', (end) => resolve(end.reason));
			}),
			10_000,
			'a connection',
		);
		if (outcome === 'handshaking') call = attemptCall;
		else await new Promise((resolve) => setTimeout(resolve, 100));
	}
	assert.ok(call, 'connected to the script');
	cleanups.push(() => call.hangUp());
	const stop = feed(call, (i) => makeFrame(640, 480, pictures[i % pictures.length]!, Date.now()));
	const output = await seedPeer.output;
	stop();
	call.hangUp();
	camera.kill('SIGKILL');
	const shown = /seed_peer shown=(\d+) /.exec(output);
	assert.ok(shown, output);
	assert.equal(call.protocol, 'seed');
	// How the script's reader ended, when it did: "cannot reshape array of size N" is a short recv().
	return {shown: Number(shown[1]), died: /^\w+Error: .*$/m.exec(output)?.[0]};
}

const original = peers.find((peer) => peer.needsDisplay)!;
/** Calls made at most, and how many must show >= 100 frames (the script's own reader ends others). */
const originalCalls = 10;
const originalShowing = 2;
test(
	`the original script as accepter, its camera at 30 fps, shows >= 100 of a default caller's frames in 8 s in ${originalShowing} of at most ${originalCalls} calls`,
	{skip: whyUnavailable(original), timeout: 600_000},
	async (t) => {
		// Its reader trusts each recv() to fill: a frame that reaches it in parts ends it (issue 18
		// measured 20, 11 and 4 frames before it died). Loopback TCP hands a 921,600-byte frame over
		// in pieces however it is written (the window, and segments held to half of it), so some
		// calls end that way whatever the sender does, mostly on the first frame: 17 of the 40
		// calls of eight CI runs (15 on the first frame), which failed a test of two in five about
		// one run in ten (CI run 35: 1 of 5). Calls go on until two showed 100 frames, ten at most
		// (fewer than two in ten: about one run in 350 at that rate): a format facetty got wrong
		// would show nothing in any.
		const pictures = await clipFrames(90);
		const calls: Array<{shown: number; died: string | undefined}> = [];
		const showing = () => calls.filter(({shown}) => shown >= 100).length;
		while (calls.length < originalCalls && showing() < originalShowing)
			calls.push(await shownInEightSeconds(original, pictures));
		const said = calls.map(({shown, died}) => (died ? `${shown} (${died})` : String(shown))).join(', ');
		t.diagnostic(`the script showed ${said} frames in 8 s`);
		assert.ok(showing() >= originalShowing, `the script showed ${said} frames in 8 s`);
	},
);
