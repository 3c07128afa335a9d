import assert from 'node:assert/strict';
import {test} from 'node:test';
import {makeFrame} from '../../source/frame.js';
import {areaScaler} from '../../source/render/area-scale.js';
import {TerminalSurface, type SurfaceOptions} from '../../source/terminal/surface.js';
import {VirtualTerminal} from '../render/virtual-terminal.js';

function setUp(options: Partial<SurfaceOptions> = {}) {
	const terminal = new VirtualTerminal(40, 12);
	const surface = new TerminalSurface({
		stream: {write: (data) => (terminal.write(data), true)},
		region: {col: 0, row: 0, cols: 40, rows: 12},
		scale: areaScaler(),
		threshold: 0,
		...options,
	});
	return {terminal, surface};
}

/** 8x8 pixels: left half red, right half blue (BGR). */
const frame = makeFrame(
	8,
	8,
	new Uint8Array(8 * 8 * 3).map((_, i) => ((i / 3) % 8 < 4 ? [0, 0, 255] : [255, 0, 0])[i % 3]!),
);

test('a frame fills the centred square of its region, the rest cleared, cursor and screen restored on close', () => {
	const {terminal, surface} = setUp({alternateScreen: true, hideCursor: true});
	surface.open();
	assert.equal(terminal.alternateScreen, true);
	assert.equal(terminal.cursorVisible, false);
	assert.ok(surface.draw(frame) > 0);
	// 12 rows of 2 pixels make a 24 px square picture: 24 cells wide (square pixels), centred.
	assert.equal(terminal.quarterColour(8, 0, 0), 0xff0000);
	assert.equal(terminal.quarterColour(31, 11, 2), 0x0000ff);
	assert.equal(terminal.cell(7, 5).char, ' ');
	assert.equal(terminal.cell(32, 5).char, ' ');
	assert.equal(surface.draw(frame), 0, 'nothing changed, nothing written');
	surface.close();
	assert.equal(terminal.alternateScreen, false);
	assert.equal(terminal.cursorVisible, true);
	assert.equal(terminal.fg, -1);
});

test('after invalidate() everything is drawn again over whatever was there', () => {
	const {terminal, surface} = setUp();
	surface.draw(frame);
	terminal.write('\x1b[H\x1b[2Jscribble');
	surface.invalidate();
	surface.draw(frame);
	assert.equal(terminal.quarterColour(8, 0, 0), 0xff0000);
	assert.equal(terminal.cell(0, 0).char, ' ');
});

test('a region too small says so, and a picture comes back when it grows', () => {
	const {terminal, surface} = setUp();
	surface.setRegion({col: 0, row: 0, cols: 30, rows: 2});
	surface.draw(frame);
	const line = terminal.cells
		.slice(0, 30)
		.map((cell) => cell.char)
		.join('');
	assert.match(line, /terminal too small/);
	surface.setRegion({col: 0, row: 0, cols: 40, rows: 12});
	surface.draw(frame);
	assert.equal(terminal.quarterColour(8, 0, 0), 0xff0000);
});

test('inside a reserved region it draws only there and leaves the cursor where it was', () => {
	const {terminal, surface} = setUp({region: {col: 20, row: 6, cols: 20, rows: 6}, keepCursor: true});
	terminal.write('\x1b[3;5H');
	surface.draw(frame);
	assert.deepEqual([terminal.col, terminal.row], [4, 2]);
	assert.equal(terminal.cell(0, 0).char, '?');
	assert.equal(terminal.cell(19, 11).char, '?');
	assert.equal(terminal.quarterColour(24, 6, 0), 0xff0000);
});
