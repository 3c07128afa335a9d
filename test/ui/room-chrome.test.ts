/**
 * The room screen's text at 80x24 and 40x12: names and chat from peers reach the screen only
 * sanitized and inside their tile, the status line carries the code, members and check code,
 * the help lists the room's keys from the one list, and a terminal too small says so.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {displayWidth} from '../../source/text/sanitize.js';
import {helpLines} from '../../source/ui/help-keys.js';
import {roomChrome, roomHelp, roomHints, roomStatus, tileLabel} from '../../source/ui/room-chrome.js';
import {roomLayout} from '../../source/ui/room-layout.js';

function state(
	size: {cols: number; rows: number},
	others: number,
	extra: Partial<Parameters<typeof roomChrome>[0]> = {},
) {
	const members = Array.from({length: others}, (_, i) => ({
		id: i + 1,
		name: i === 0 ? 'eve\x1b[2J\x1b]0;pwned\x07 the long-named' : `member${i + 1}`,
		state: i === 1 ? 'handshaking' : 'in-call',
		fps: i === 1 ? undefined : 24,
	}));
	return {
		size,
		layout: roomLayout(size, others),
		others: members,
		selfName: 'me',
		selfState: '',
		code: '4-apple-river',
		check: 'check code 1234 5678',
		lastChat: 'eve: hi\x1b[31m there',
		typing: undefined,
		help: false,
		...extra,
	};
}

for (const size of [
	{cols: 80, rows: 24},
	{cols: 40, rows: 12},
]) {
	test(`${size.cols}x${size.rows}: every line fits, nothing from a peer carries an escape, the status line says code, members, check`, () => {
		for (let others = 1; others <= 7; others++) {
			const lines = roomChrome(state(size, others));
			assert.equal(lines.length, size.rows);
			for (const line of lines) {
				assert.ok(displayWidth(line) <= size.cols, `${others}: ${JSON.stringify(line)}`);
				assert.ok(!/[\x00-\x1f\x7f]/.test(line), `${others}: ${JSON.stringify(line)}`);
			}
			const status = lines[size.rows - 2]!;
			// The check code is read aloud to compare screens: it stays whole at every width.
			assert.match(status, /4-apple-river/, status);
			assert.match(status, /1234 5678/, status);
			assert.match(lines[size.rows - 3]!, /^eve: hi/);
			assert.match(lines.join('\n'), /eve/, 'the first member is named');
		}
	});
}

test('a label keeps the name before the state; a short tile keeps just the name', () => {
	assert.equal(tileLabel('alice', '24 fps', 30), 'alice · 24 fps');
	assert.equal(tileLabel('alexandrina-the-great', '24 fps', 20), 'alexandrin… · 24 fps');
	assert.equal(tileLabel('alexandrina', 'handshaking…', 10), 'alexandri…');
});

test('members left out are named on the status line', () => {
	const hidden = ['member7'];
	assert.equal(
		roomStatus(100, 'CODE', 8, 'check code 1234 5678', hidden),
		'room CODE | 8 members | check code 1234 5678 | not shown: member7',
	);
	assert.equal(
		roomStatus(60, 'CODE', 8, 'check code 1234 5678', ['member7', 'member8']),
		'room CODE | 8 members | check code 1234 5678 | 2 not shown',
	);
	assert.equal(roomStatus(24, 'CODE', 8, 'check code 1234 5678', hidden), 'check 1234 5678 | CODE');
	const lines = roomChrome(state({cols: 60, rows: 8}, 7));
	assert.equal(lines[6], 'room 4-apple-river | 8 members | check code 1234 5678');
});

test('a terminal too small for the room gets a sentence, not a broken screen', () => {
	const lines = roomChrome(state({cols: 18, rows: 6}, 2));
	const text = lines.join(' ').replace(/\s+/g, ' ');
	assert.match(text, /The terminal is 18x6: the room needs at least 20x8/);
	for (const line of lines) assert.ok(displayWidth(line) <= 18);
});

test('the help lists every room key from the one list, inside the screen', () => {
	for (const size of [
		{cols: 80, rows: 24},
		{cols: 40, rows: 12},
	]) {
		const box = roomHelp(size);
		assert.ok(box.rect.col >= 0 && box.rect.col + box.rect.cols <= size.cols);
		assert.ok(box.rect.row >= 0 && box.rect.row + box.rect.rows <= size.rows);
		assert.equal(box.lines.length, box.rect.rows);
		for (const line of box.lines) assert.equal(displayWidth(line), box.rect.cols, JSON.stringify(line));
		const text = box.lines.join('\n');
		for (const [key] of helpLines('room')) assert.ok(text.includes(key), `${size.cols}: ${key}`);
	}
	assert.ok(roomHints(80, false, false).includes('? help'));
	assert.ok(roomHints(40, false, false).includes('? help'));
	assert.equal(roomHints(80, false, true), '? or Esc closes the help');
});

test('the chat being typed keeps its end in sight', () => {
	const lines = roomChrome(state({cols: 40, rows: 12}, 2, {typing: 'x'.repeat(100) + 'END'}));
	assert.match(lines[11]!, /^say: x+END▌$/);
	assert.ok(displayWidth(lines[11]!) <= 40);
});

test('your own tile is marked as yours at any width', () => {
	const wide = roomChrome(state({cols: 80, rows: 24}, 2));
	assert.match(wide[0]!, /me \(you\)/);
	const narrow = roomChrome(state({cols: 40, rows: 12}, 2, {selfName: 'Ada-with-a-long-name'}));
	assert.match(narrow.join('\n'), /\byou\b/);
	assert.doesNotMatch(narrow.join('\n'), /\(yo…/);
});
