import assert from 'node:assert/strict';
import {test} from 'node:test';
import {makeFrame} from '../../source/frame.js';
import {TerminalSink} from '../../source/terminal/sink.js';
import {CallCompositor} from '../../source/ui/call-compositor.js';
import {callScreenLayout} from '../../source/ui/call-screen.js';
import {initialCallState, reduceCall} from '../../source/ui/call-state.js';
import {VirtualTerminal} from '../render/virtual-terminal.js';

const size = {cols: 100, rows: 30};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function frame(width: number, height: number, paint: (x: number, y: number) => [number, number, number]) {
	const data = new Uint8Array(width * height * 3);
	for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 3);
	return makeFrame(width, height, data);
}

test('the call screen: a peer frame that changes N cells writes those cells and no self-view byte', async () => {
	const terminal = new VirtualTerminal(size.cols, size.rows);
	const sink = new TerminalSink({isTTY: true, write: (data) => (terminal.write(data), true)});
	const view = new CallCompositor(sink, size, {colorDepth: 'truecolor', threshold: 0});
	const state = reduceCall(initialCallState('call', 'test'), {type: 'call-started', protocol: 'v2'})[0];
	const layout = callScreenLayout(state, size);
	view.applyLayout(layout);
	view.setChrome('status\n' + 'chrome\n'.repeat(size.rows - 2) + 'hints');
	const pip = layout.pip!;
	// The peer sends at the size it is shown at: one pixel a column, two a row.
	const width = layout.video.cols;
	const height = layout.video.rows * 2;
	const peer = frame(width, height, (x, y) => [x % 256, y * 4, 90]);
	view.showPeer(peer);
	view.showSelf(frame(640, 480, (x) => [0, x % 200, 200]));
	for (let i = 0; i < 50 && !'▀▄█ '.includes(terminal.cell(pip.col + 2, pip.row + 1).char); i++)
		await sleep(20);
	await sleep(50);
	const self = new Set<number>();
	for (let row = pip.row; row < pip.row + pip.rows; row++)
		for (let col = pip.col; col < pip.col + pip.cols; col++) self.add(row * size.cols + col);
	const selfBefore = [...self].map((i) => JSON.stringify(terminal.cells[i]));

	for (const changed of [1, 7, 40]) {
		terminal.untouch();
		const data = Uint8Array.from(peer.data);
		// `changed` cells across the top rows, and the cells under the self view too.
		for (let n = 0; n < changed; n++)
			data.set([changed, 255, 255], (2 * Math.floor(n / 10) * width + (n % 10)) * 3);
		for (let y = (pip.row - layout.video.row) * 2; y < height; y++)
			for (let x = pip.col; x < width; x++) data.set([changed, 2, 3], (y * width + x) * 3);
		view.showPeer(makeFrame(width, height, data));
		await sleep(30);
		const selfTouched = [...terminal.touched].filter((i) => self.has(i));
		assert.deepEqual(selfTouched, [], `${changed} cells changed: self-view cells written`);
		const outside = [...terminal.touched].filter((i) => !self.has(i));
		assert.equal(outside.length, changed, `${outside.length} cells written for ${changed} changed`);
	}
	assert.deepEqual(
		[...self].map((i) => JSON.stringify(terminal.cells[i])),
		selfBefore,
		'the self view still shows itself',
	);
	view.close();
	sink.close();
});

test("the self view goes out in the peer picture's batches while the peer sends, and at once when it does not", async () => {
	let writes = 0;
	const terminal = new VirtualTerminal(size.cols, size.rows);
	const sink = new TerminalSink({isTTY: true, write: (data) => (writes++, terminal.write(data), true)});
	const view = new CallCompositor(sink, size, {colorDepth: 'truecolor', threshold: 0});
	const state = reduceCall(initialCallState('call', 'test'), {type: 'call-started', protocol: 'v2'})[0];
	const layout = callScreenLayout(state, size);
	view.applyLayout(layout);
	const width = layout.video.cols;
	const height = layout.video.rows * 2;
	const pip = layout.pip!;
	const selfShows = (green: number) =>
		terminal.quarterColour(pip.col + pip.cols - 3, pip.row + 2, 0) === green << 8;
	try {
		// Both cameras at 30 frames a second, the self view's half a frame after the peer's.
		let frames = 0;
		const peerTimer = setInterval(() => {
			frames++;
			view.showPeer(frame(width, height, (x, y) => [(x + frames) % 256, y * 4, 90]));
		}, 33);
		await sleep(17);
		const selfTimer = setInterval(() => view.showSelf(frame(64, 48, () => [0, 100 + (frames % 50), 0])), 33);
		await sleep(400);
		const before = {writes, frames};
		// Timers set meanwhile: each wakes the process when it is due, even cleared (Node keeps its
		// clock armed), and a wake costs about what drawing the self view does.
		let timers = 0;
		const realSetTimeout = globalThis.setTimeout;
		globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
			timers++;
			return realSetTimeout(...args);
		}) as typeof setTimeout;
		try {
			await sleep(1000);
		} finally {
			globalThis.setTimeout = realSetTimeout;
		}
		const batches = writes - before.writes;
		const peerFrames = frames - before.frames;
		clearInterval(selfTimer);
		clearInterval(peerTimer);
		assert.ok(peerFrames >= 20, `${peerFrames} peer frames`);
		// Drawn each by itself, the self view's frames would double the batches.
		assert.ok(batches <= peerFrames * 1.25, `${batches} batches for ${peerFrames} peer frames`);
		// The test's own sleep is one; the self view's backstop at most four a second.
		assert.ok(timers <= 6, `${timers} timers set in a second of frames`);

		// Both stop at once, a self view's frame waiting: a timer draws it, late but surely. (After a
		// pause, so no backstop of the frames before is still set; two peer frames give its rate.)
		await sleep(300);
		view.showPeer(frame(width, height, () => [0, 0, 0]));
		await sleep(33);
		view.showPeer(frame(width, height, () => [0, 0, 0]));
		await sleep(16);
		view.showSelf(frame(64, 48, () => [0, 211, 0]));
		await sleep(30);
		assert.ok(!selfShows(211), 'it waits for the peer frame due');
		await sleep(300);
		assert.ok(selfShows(211), 'and is drawn by itself when none came');

		// The peer stopped sending: a frame of your camera is drawn at once, not held for it.
		await sleep(400);
		view.showSelf(frame(64, 48, () => [0, 222, 0]));
		await sleep(15);
		assert.ok(selfShows(222), 'the self view is drawn at once');
	} finally {
		view.close();
		sink.close();
	}
});
