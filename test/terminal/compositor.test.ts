import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {makeFrame} from '../../source/frame.js';
import {areaScaler} from '../../source/render/area-scale.js';
import type {CellRect} from '../../source/render/layout.js';
import {Compositor, Layer} from '../../source/terminal/compositor.js';
import {PictureLayer} from '../../source/terminal/picture-layer.js';
import {TerminalSink} from '../../source/terminal/sink.js';
import {TextLayer} from '../../source/terminal/text-layer.js';
import {VirtualTerminal} from '../render/virtual-terminal.js';
import {sinkAt100kBps} from './slow-terminal.js';

const cols = 24;
const rows = 10;

function setUp(synchronized = true) {
	const terminal = new VirtualTerminal(cols, rows);
	const writes: string[] = [];
	const sink = new TerminalSink(
		{
			write: (data) => {
				const text = typeof data === 'string' ? data : Buffer.from(data).toString();
				writes.push(text);
				terminal.write(text);
				return true;
			},
			isTTY: synchronized,
		},
		{synchronized},
	);
	const compositor = new Compositor(sink, {cols, rows});
	return {terminal, writes, compositor};
}

/** A text layer filled with one letter, so a test can see whose cell is whose. */
function letterLayer(letter: string, z: number): TextLayer {
	const layer = new TextLayer(z);
	layer.setText(Array.from({length: rows}, () => letter.repeat(cols)).join('\n'));
	return layer;
}

/** What the screen should show: the letter of the topmost layer over each cell, else blank. */
function expected(layers: Array<{letter: string; z: number; rect: CellRect | undefined}>): string[] {
	const lines: string[] = [];
	for (let row = 0; row < rows; row++) {
		let line = '';
		for (let col = 0; col < cols; col++) {
			let best: {letter: string; z: number} | undefined;
			for (const layer of layers) {
				const r = layer.rect;
				if (!r || col < r.col || col >= r.col + r.cols || row < r.row || row >= r.row + r.rows) continue;
				if (!best || layer.z > best.z) best = layer;
			}
			line += best ? best.letter : ' ';
		}
		lines.push(line);
	}
	return lines;
}

function shown(terminal: VirtualTerminal): string[] {
	return Array.from({length: rows}, (_, row) =>
		Array.from({length: cols}, (_, col) => terminal.cell(col, row).char).join(''),
	);
}

function cellsOf(rect: CellRect | undefined): Set<number> {
	const cells = new Set<number>();
	if (!rect) return cells;
	for (let row = Math.max(0, rect.row); row < Math.min(rows, rect.row + rect.rows); row++)
		for (let col = Math.max(0, rect.col); col < Math.min(cols, rect.col + rect.cols); col++)
			cells.add(row * cols + col);
	return cells;
}

test('ownership: the topmost visible layer owns each cell', () => {
	const {compositor} = setUp();
	const low = compositor.add(letterLayer('a', 0));
	const high = compositor.add(letterLayer('b', 5));
	const middle = compositor.add(letterLayer('c', 2));
	low.setRect({col: 0, row: 0, cols, rows});
	high.setRect({col: 2, row: 2, cols: 4, rows: 3});
	middle.setRect({col: 4, row: 3, cols: 6, rows: 4});
	const {owner} = compositor.view;
	const table: Array<[number, number, Layer]> = [
		[0, 0, low],
		[2, 2, high],
		[5, 4, high],
		[6, 4, middle],
		[9, 6, middle],
		[10, 6, low],
		[4, 5, middle],
	];
	for (const [col, row, layer] of table) assert.equal(owner[row * cols + col], layer.id, `${col},${row}`);
	high.setRect(undefined);
	assert.equal(compositor.view.owner[4 * cols + 5], middle.id);
	assert.equal(compositor.view.owner[2 * cols + 2], low.id);
});

test('hiding a layer damages exactly the cells it covered, redrawn from what is under them', () => {
	const {terminal, compositor} = setUp();
	const chrome = compositor.add(letterLayer('.', 0));
	const top = compositor.add(letterLayer('#', 1));
	chrome.setRect({col: 0, row: 0, cols, rows});
	const rect = {col: 3, row: 2, cols: 5, rows: 4};
	top.setRect(rect);
	compositor.paint();
	assert.deepEqual(
		shown(terminal),
		expected([
			{letter: '.', z: 0, rect: chrome.rect},
			{letter: '#', z: 1, rect},
		]),
	);
	terminal.untouch();
	top.setRect(undefined);
	compositor.paint();
	assert.deepEqual(
		[...terminal.touched].sort((a, b) => a - b),
		[...cellsOf(rect)].sort((a, b) => a - b),
	);
	assert.deepEqual(shown(terminal), expected([{letter: '.', z: 0, rect: chrome.rect}]));
});

test('property: after any moves, shows and hides, the screen is what the layers say, and only damaged cells are written', () => {
	const rectArb = fc.option(
		fc
			.record({
				col: fc.integer({min: -2, max: cols}),
				row: fc.integer({min: -2, max: rows}),
				cols: fc.integer({min: 0, max: cols}),
				rows: fc.integer({min: 0, max: rows}),
			})
			.map((r): CellRect => r),
		{nil: undefined},
	);
	fc.assert(
		fc.property(
			fc.array(fc.tuple(fc.integer({min: 0, max: 2}), rectArb), {minLength: 1, maxLength: 12}),
			(steps) => {
				const {terminal, compositor} = setUp();
				const letters = ['a', 'b', 'c'];
				const layers = letters.map((letter, z) => compositor.add(letterLayer(letter, z)));
				compositor.paint();
				for (const [which, rect] of steps) {
					const layer = layers[which]!;
					const before = layer.rect;
					terminal.untouch();
					layer.setRect(rect);
					compositor.paint();
					const allowed = new Set([...cellsOf(before), ...cellsOf(layer.rect)]);
					for (const cell of terminal.touched)
						assert.ok(allowed.has(cell), `cell ${cell} written, not damaged`);
					assert.deepEqual(
						shown(terminal),
						expected(layers.map((l, z) => ({letter: letters[z]!, z, rect: l.rect}))),
					);
				}
			},
		),
		{numRuns: 200},
	);
});

function solid(width: number, height: number, bgr: [number, number, number]) {
	const data = new Uint8Array(width * height * 3);
	for (let i = 0; i < data.length; i += 3) data.set(bgr, i);
	return makeFrame(width, height, data);
}

/**
 * A peer's picture over the whole screen and a self view at `pip` on top, each shown one solid
 * frame (2.4:1 frames fill the whole 24x10 rectangle: each cell a pixel wide, two tall).
 */
function peerAndSelf(compositor: Compositor) {
	const picture = (z: number) => new PictureLayer({z, scale: areaScaler(), threshold: 0});
	const peer = compositor.add(picture(1));
	const self = compositor.add(picture(2));
	peer.setRect({col: 0, row: 0, cols, rows});
	const pip = {col: 14, row: 5, cols: 8, rows: 4};
	self.setRect(pip);
	peer.show(solid(24, 20, [0, 0, 200]));
	self.show(solid(16, 8, [0, 200, 0]));
	return {peer, self, pip};
}

test('a picture layer never draws under a layer above it, and a frame that changes writes only its own cells', () => {
	const {terminal, compositor} = setUp();
	const {peer, self, pip} = peerAndSelf(compositor);
	compositor.paint();
	assert.equal(terminal.quarterColour(15, 6, 0), 0x00c800);
	assert.equal(terminal.quarterColour(2, 2, 0), 0xc80000);
	terminal.untouch();
	peer.show(solid(24, 20, [200, 0, 0]));
	compositor.paint();
	const selfCells = cellsOf(pip);
	assert.ok(terminal.touched.size > 0);
	for (const cell of terminal.touched) assert.ok(!selfCells.has(cell), `self-view cell ${cell} written`);
	assert.equal(terminal.quarterColour(15, 6, 0), 0x00c800);
	assert.equal(terminal.quarterColour(2, 2, 0), 0x0000c8);
	// The self view goes: its cells, and only those, now show the peer.
	terminal.untouch();
	self.setRect(undefined);
	compositor.paint();
	assert.deepEqual(
		[...terminal.touched].sort((a, b) => a - b),
		[...selfCells].sort((a, b) => a - b),
	);
	assert.equal(terminal.quarterColour(15, 6, 0), 0x0000c8);
});

test('one synchronized pair a batch on a terminal, none elsewhere', () => {
	for (const tty of [true, false]) {
		const {writes, compositor, terminal} = setUp(tty);
		const layer = compositor.add(letterLayer('x', 0));
		layer.setRect({col: 0, row: 0, cols, rows});
		compositor.paint();
		layer.setText('y');
		compositor.paint();
		assert.equal(writes.length, 2);
		for (const write of writes) {
			const pairs = write.match(/\x1b\[\?2026[hl]/g) ?? [];
			assert.deepEqual(pairs, tty ? ['\x1b[?2026h', '\x1b[?2026l'] : []);
			if (tty) assert.ok(write.startsWith('\x1b[?2026h') && write.endsWith('\x1b[?2026l'));
		}
		assert.equal(terminal.synchronizedFrames, tty ? 2 : 0);
	}
});

/** A picture-like layer that spends all the budget it is given and says what it was given. */
class GreedyLayer extends Layer {
	readonly given: number[] = [];
	constructor(z: number) {
		super(z, true);
	}
	get dirty(): boolean {
		return true;
	}
	paint(_view: unknown, budget: number): string[] {
		this.given.push(budget);
		return ['x'.repeat(Math.min(budget, 100_000))];
	}
	forget(): void {}
}

test('over a slow link a picture above another (the self view) gets a share of the budget, not all of it', () => {
	const sink = sinkAt100kBps();
	const budget = sink.budget;
	assert.ok(budget < 10_000, `budget ${budget}`);
	const compositor = new Compositor(sink, {cols, rows});
	const peer = new GreedyLayer(1);
	const self = new GreedyLayer(2);
	compositor.add(peer);
	compositor.add(self);
	peer.setRect({col: 0, row: 0, cols, rows});
	self.setRect({col: cols - 6, row: rows - 3, cols: 6, rows: 3});
	compositor.paint();
	compositor.close();
	sink.close();
	assert.ok(self.given[0]! <= budget / 8, `self view given ${self.given[0]} of ${budget}`);
	assert.ok(self.given[0]! > 0, 'the self view still gets some');
	assert.ok(peer.given[0]! >= (budget * 7) / 8 - 1, `peer given ${peer.given[0]} of ${budget}`);
});

test('a frame shown with the next paint goes out in the batch another layer asks for, and not by itself', async () => {
	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
	const {writes, compositor, terminal} = setUp();
	const {peer, self} = peerAndSelf(compositor);
	await sleep(20);
	assert.equal(writes.length, 1, 'both layers in the first batch');

	// The self view's frame waits; the peer's, 10 ms later, takes it along.
	self.show(solid(16, 8, [0, 100, 0]), 'withNextPaint');
	assert.equal(self.frameWaiting, true);
	await sleep(10);
	assert.equal(writes.length, 1, 'not drawn by itself at once');
	peer.show(solid(24, 20, [200, 0, 0]));
	await sleep(20);
	assert.equal(writes.length, 2, 'one batch for both frames');
	assert.equal(self.frameWaiting, false);
	assert.equal(terminal.quarterColour(15, 6, 0), 0x006400, "the self view in the peer frame's batch");
	assert.equal(terminal.quarterColour(2, 2, 0), 0x0000c8);

	// Nothing else paints: it waits (whoever deferred it brings the paint), and shown again, soon.
	self.show(solid(16, 8, [0, 50, 0]), 'withNextPaint');
	await sleep(60);
	assert.equal(writes.length, 2, 'no timer of its own');
	self.show(solid(16, 8, [0, 60, 0]));
	await sleep(20);
	assert.equal(writes.length, 3);
	assert.equal(terminal.quarterColour(15, 6, 0), 0x003c00);
	compositor.close();
});
