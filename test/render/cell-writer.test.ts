/**
 * The escape writer on its own: the shortest cursor moves, colours already set reused, and a
 * glyph flipped when that saves setting a colour.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {CellWriter} from '../../source/render/cell-writer.js';
import {fullMask, upperHalfMask} from '../../source/render/glyphs.js';
import {VirtualTerminal} from './virtual-terminal.js';

const text = (writer: CellWriter) => Buffer.from(writer.finish()).toString();
const white = 0xffffff;
const black = 0;

test('same-row gaps use a relative move and rows start with CR LF when that is shorter', () => {
	const writer = new CellWriter(true);
	writer.begin(60);
	writer.cell(0, 0, white, black, upperHalfMask, 0, false);
	writer.cell(20, 0, white, black, upperHalfMask, 0, false);
	writer.cell(29, 0, white, black, upperHalfMask, 0, true);
	writer.cell(0, 1, white, black, upperHalfMask, 0, false);
	const bytes = text(writer);
	assert.match(bytes, /▀\x1b\[19C▀/);
	assert.match(bytes, /▀\r\n▀/, 'after the last column the cursor is not known: CR LF, not a relative move');
	const terminal = new VirtualTerminal(30, 2);
	terminal.write(bytes);
	for (const [col, row] of [
		[0, 0],
		[20, 0],
		[29, 0],
		[0, 1],
	] as const) {
		assert.equal(terminal.quarterColour(col, row, 0), white);
		assert.equal(terminal.quarterColour(col, row, 2), black);
	}
});

test('a colour within the reuse margin of the pen is not set again; the glyph flips when that saves a colour', () => {
	const writer = new CellWriter(true);
	writer.begin(4);
	writer.cell(0, 0, 0x646464, 0x0a0a0a, upperHalfMask, 6, false);
	const first = writer.at;
	// Within 6 of both pen colours: only the glyph.
	assert.equal(writer.cell(1, 0, 0x686868, 0x0c0c0c, upperHalfMask, 6, false), upperHalfMask);
	assert.equal(writer.at - first, 3);
	// The same two colours the other way up: ▄ in the same pen, no colour set.
	assert.equal(writer.cell(2, 0, 0x0a0a0a, 0x646464, upperHalfMask, 0, false), fullMask ^ upperHalfMask);
	assert.equal(writer.at - first, 6);
	// Outside the margin: a colour is set.
	writer.cell(3, 0, 0x808080, 0x0a0a0a, upperHalfMask, 6, false);
	assert.ok(writer.at - first > 9);
	const terminal = new VirtualTerminal(4, 1);
	terminal.write(text(writer));
	assert.equal(terminal.quarterColour(2, 0, 0), 0x0a0a0a);
	assert.equal(terminal.quarterColour(2, 0, 2), 0x646464);
	assert.equal(terminal.quarterColour(3, 0, 0), 0x808080);
});

test('a frame starts knowing neither pen nor cursor, and nothing written is nothing at all', () => {
	const writer = new CellWriter(true);
	writer.begin(2);
	writer.cell(1, 0, white, white, fullMask, 0, false);
	writer.finish();
	writer.begin(2);
	assert.equal(writer.finish().length, 0);
	writer.begin(2);
	writer.cell(1, 0, white, white, fullMask, 0, false);
	// The cursor and the colour are set again: something else may have moved them in between.
	assert.equal(text(writer), '\x1b[;2H\x1b[48;2;255;255;255m \x1b[m');
});
