/**
 * The call screen in sextants and octants, replayed on the model terminal: after a resize, a self
 * view turned off and on, and a change of glyph set mid-call, every cell shows what a screen
 * drawn afresh in the final state shows (no stale cell of an old picture, size or set).
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {makeFrame, type Frame} from '../../source/frame.js';
import {maskOfGlyph} from '../../source/render/glyphs.js';
import {pixelsPerCell, type Glyphs} from '../../source/render/layout.js';
import {TerminalSink} from '../../source/terminal/sink.js';
import {CallCompositor} from '../../source/ui/call-compositor.js';
import {callScreenLayout} from '../../source/ui/call-screen.js';
import type {CellSize} from '../../source/render/layout.js';
import {initialCallState, reduceCall} from '../../source/ui/call-state.js';
import {VirtualTerminal} from '../render/virtual-terminal.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function frame(width: number, height: number, seed: number): Frame {
	const data = new Uint8Array(width * height * 3);
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			// Edges at every angle: a disc and stripes, so every glyph shape turns up.
			const inside = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (height / 3) ** 2;
			const stripe = Math.floor((x + 2 * y + seed) / 5) % 2 === 0;
			data.set(
				inside ? [40, 180, 230] : stripe ? [200, 30 + seed, 20] : [10, 10, 90 + x],
				(y * width + x) * 3,
			);
		}
	return makeFrame(width, height, data);
}

type Screen = {terminal: VirtualTerminal; sink: TerminalSink; view: CallCompositor; written: () => number};

/** `size`: what the screen is drawn for; the model terminal is `largest` (it grows by a resize). */
function openCall(size: CellSize, glyphs: Glyphs, largest = size): Screen {
	const terminal = new VirtualTerminal(largest.cols, largest.rows);
	let bytes = 0;
	const sink = new TerminalSink({
		isTTY: true,
		write: (data) => ((bytes += data.length), terminal.write(data), true),
	});
	const view = new CallCompositor(sink, size, {colorDepth: 'truecolor', glyphs, threshold: 0});
	return {terminal, sink, view, written: () => bytes};
}

function place(screen: Screen, size: CellSize, pip: boolean) {
	let state = reduceCall(initialCallState('call', 'test'), {type: 'call-started', protocol: 'v2'})[0];
	if (!pip) state = {...state, pip: false};
	const layout = callScreenLayout(state, size);
	screen.view.applyLayout(layout);
	screen.view.setChrome('status\n' + 'chrome\n'.repeat(size.rows - 2) + 'hints');
	return layout;
}

/** Until nothing is written for half a second (a budget spreads a picture over frames; a busy machine pauses). */
async function settle(screen: Screen, selfFramesBefore = -1): Promise<void> {
	// The self view is scaled by OpenCV off the event loop: it must have come first.
	for (let i = 0; i < 400 && screen.view.self.framesDrawn <= selfFramesBefore; i++) await sleep(20);
	let last = -1;
	let still = 0;
	for (let i = 0; i < 400 && still < 12; i++) {
		await sleep(40);
		still = screen.written() === last ? still + 1 : 0;
		last = screen.written();
	}
}

/** Each cell as one would see it: a glyph of the set as its pixels' colours, anything else as it is. */
function seen(terminal: VirtualTerminal, glyphs: Glyphs): string[] {
	const {across, down} = pixelsPerCell(glyphs);
	const out: string[] = [];
	for (let row = 0; row < terminal.rows; row++)
		for (let col = 0; col < terminal.cols; col++) {
			const cell = terminal.cell(col, row);
			if (maskOfGlyph(cell.char, glyphs) === undefined) {
				out.push(JSON.stringify(cell));
				continue;
			}
			const pixels = Array.from({length: across * down}, (_, p) => terminal.pixelColour(col, row, glyphs, p));
			out.push(pixels.join(','));
		}
	return out;
}

test('sextants then octants, through a resize, the self view off and on, and a change of set mid-call: no stale cell', async () => {
	const first = {cols: 90, rows: 28};
	const second = {cols: 110, rows: 32};
	const peer = frame(320, 240, 0);
	const self = frame(320, 240, 7);
	const live = openCall(first, 'sextant', second);
	try {
		place(live, first, true);
		live.view.showPeer(peer);
		live.view.showSelf(self);
		await settle(live);
		assert.ok(
			live.terminal.cells.some(
				(cell) => cell.char.codePointAt(0)! >= 0x1fb00 && cell.char.codePointAt(0)! <= 0x1fb3b,
			),
			'sextants drawn',
		);
		live.view.resize(second);
		place(live, second, true);
		await settle(live);
		place(live, second, false);
		await settle(live);
		const selfFrames = live.view.self.framesDrawn;
		live.view.setGlyphs('octant');
		place(live, second, true);
		live.view.showPeer(frame(320, 240, 3));
		await settle(live, selfFrames);
		assert.ok(
			live.terminal.cells.some(
				(cell) => cell.char.codePointAt(0)! >= 0x1cd00 && cell.char.codePointAt(0)! <= 0x1cde5,
			),
			'octants drawn',
		);

		const fresh = openCall(second, 'octant');
		try {
			place(fresh, second, true);
			fresh.view.showPeer(frame(320, 240, 3));
			fresh.view.showSelf(self);
			await settle(fresh, 0);
			const want = seen(fresh.terminal, 'octant');
			const got = seen(live.terminal, 'octant');
			const stale = got.flatMap((cell, i) =>
				cell === want[i] ? [] : [`${i % second.cols},${Math.floor(i / second.cols)}`],
			);
			const first = got.findIndex((cell, i) => cell !== want[i]);
			assert.deepEqual(
				stale,
				[],
				`cells that differ from a fresh screen (first: ${got[first]} for ${want[first]})`,
			);
		} finally {
			fresh.view.close();
			fresh.sink.close();
		}
	} finally {
		live.view.close();
		live.sink.close();
	}
});
