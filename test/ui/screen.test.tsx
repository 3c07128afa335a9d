import assert from 'node:assert/strict';
import {test} from 'node:test';
import React from 'react';
import {render} from 'ink-testing-library';
import {sliceColumns, textWidth} from '../../source/terminal/ansi-slice.js';
import {
	initialCallState,
	reduceCall,
	type CallAction,
	type CallScreenState,
} from '../../source/ui/call-state.js';
import {statusText} from '../../source/ui/text.js';
import {callStats} from '../session/helpers.js';
import {
	CallScreen,
	CallScreenView,
	callScreenLayout,
	helpLines,
	hintKeys,
	newestMessages,
	statusLine,
} from '../../source/ui/call-screen.js';
import {mountOffscreen} from '../../source/ui/ink-mount.js';
import {Store} from '../../source/ui/store.js';
import {ttyInput} from './captured-terminal.js';
import {PassThrough} from 'node:stream';
import {contains, overlaps, screenLayout} from '../../source/ui/layout.js';
import {layoutPicture} from '../../source/render/layout.js';
import {key, run} from './call-reducer.js';

function state(...actions: CallAction[]): CallScreenState {
	let s = initialCallState('call', 'test', '10.0.0.9:5000');
	for (const action of actions) s = reduceCall(s, action)[0];
	return s;
}

test('layout: video, picture-in-picture and panel never overlap the chrome rows or each other', () => {
	for (let cols = 0; cols <= 220; cols += 7) {
		for (let rows = 0; rows <= 70; rows += 3) {
			for (const panel of [false, true]) {
				const l = screenLayout(cols, rows, {panel, pip: true});
				const screen = {col: 0, row: 0, cols, rows};
				if (l.video.rows > 0 && l.video.cols > 0) {
					assert.ok(contains(screen, l.video), `${cols}x${rows}`);
					assert.ok(l.video.row >= 1 && l.video.row + l.video.rows <= rows - 1, `${cols}x${rows}`);
				}
				if (l.pip) assert.ok(contains(l.video, l.pip), `${cols}x${rows} pip`);
				if (l.panel) {
					assert.ok(contains(screen, l.panel));
					assert.ok(!overlaps(l.panel, l.video), `${cols}x${rows} panel`);
				}
			}
		}
	}
	assert.equal(screenLayout(160, 48, {panel: true, pip: false}).panelSide, 'right');
	assert.equal(screenLayout(80, 24, {panel: true, pip: false}).panelSide, 'bottom');
});

test('sliceColumns cuts styled text to exact widths and carries the colour in', () => {
	const line = 'ab\x1b[31mcdef\x1b[39mgh';
	assert.equal(sliceColumns(line, 0, 2), 'ab\x1b[0m');
	assert.equal(sliceColumns(line, 3, 5), '\x1b[31mde\x1b[0m');
	assert.equal(sliceColumns(line, 6, 10), '\x1b[31m\x1b[39mgh\x1b[0m  ');
	assert.equal(textWidth(sliceColumns('日本語', 1, 4)), 3);
	assert.equal(sliceColumns('', 2, 4), '\x1b[0m  ');
});

test('the call screen shows the status, the lobby, chat and the seed note, in the layout boxes', () => {
	const size = {cols: 100, rows: 30};
	const listening = reduceCall(initialCallState('listen', 'test'), {
		type: 'listening',
		addresses: ['192.168.1.20'],
		port: 5000,
	})[0];
	let view = render(<CallScreenView state={listening} size={size} />);
	let frame = view.lastFrame() ?? '';
	assert.match(frame, /listening on port 5000/);
	assert.match(frame, /facetty call 192\.168\.1\.20:5000/);
	view.unmount();

	const inCall = state(
		{type: 'call-started', protocol: 'v2', name: 'Ada'},
		{
			type: 'stats',
			stats: {
				t: '',
				state: 'in-call',
				protocol: 'v2',
				codec: 'jpeg',
				fps_in: 29.7,
				fps_out: 30,
				bytes_in: 125_000,
				bytes_out: 50_000,
				frames_in: 0,
				frames_out: 0,
				dropped: 3,
				rtt_ms: 2.4,
				latency_ms_p50: null,
				latency_ms_p95: null,
				peer_shape: null,
				shown_shape: null,
			},
			security: {encrypted: false, verifiedBySecret: false},
		},
		{type: 'chat-received', text: 'hello from Ada'},
	);
	view = render(<CallScreenView state={inCall} size={size} />);
	frame = view.lastFrame() ?? '';
	const lines = frame.split('\n');
	// 100 columns: the kbit/s each way stay; "in call with", the count dropped and the protocol go.
	assert.match(
		lines[0]!,
		/Ada \(10\.0\.0\.9:5000\) · not encrypted · in 30 fps 1000 kbit\/s · out 30 fps 400 kbit\/s · rtt 2 ms/,
	);
	assert.match(
		statusText(inCall),
		/in call with Ada \(10\.0\.0\.9:5000\) · not encrypted · v2 jpeg · in 30 fps 1000 kbit\/s · out 30 fps 400 kbit\/s · rtt 2 ms · dropped 3/,
	);
	assert.match(frame, /Ada: hello from Ada/);
	// The video rectangle is left blank for the surface.
	const layout = callScreenLayout(inCall, size);
	for (let row = layout.video.row; row < layout.video.row + layout.video.rows; row++) {
		assert.equal((lines[row] ?? '').slice(0, layout.video.cols).trim(), '', `row ${row}`);
	}
	view.unmount();

	view = render(<CallScreenView state={state({type: 'call-started', protocol: 'seed'})} size={size} />);
	assert.match(view.lastFrame() ?? '', /chat is unavailable/);
	view.unmount();
});

test('the call screen fits tiny terminals without breaking lines', () => {
	for (const size of [
		{cols: 20, rows: 6},
		{cols: 9, rows: 2},
		{cols: 40, rows: 10},
	]) {
		const s = state({type: 'call-started', protocol: 'v2'}, {type: 'chat-received', text: 'x '.repeat(50)});
		const view = render(<CallScreenView state={s} size={size} />);
		const lines = (view.lastFrame() ?? '').split('\n');
		assert.ok(lines.length <= size.rows, `${size.cols}x${size.rows}: ${lines.length} lines`);
		for (const line of lines) assert.ok(textWidth(line) <= size.cols, `${size.cols}x${size.rows}: "${line}"`);
		view.unmount();
	}
});

test('the help shows every key once, even at 40x12, in lines that fit; Esc is said once', () => {
	for (const role of ['call', 'listen'] as const) {
		for (const size of [
			{cols: 40, rows: 12},
			{cols: 80, rows: 24},
			{cols: 160, rows: 48},
		]) {
			let s = reduceCall(
				role === 'call'
					? initialCallState('call', 'test', '10.0.0.9:5000')
					: initialCallState('listen', 'test'),
				{type: 'call-started', protocol: 'v2'},
			)[0];
			s = reduceCall(s, {type: 'key', key: {input: '?'}})[0];
			assert.equal(s.help, true);
			const view = render(<CallScreenView state={s} size={size} />);
			const lines = (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n');
			const text = lines.join('\n');
			const where = `${role} ${size.cols}x${size.rows}`;
			assert.ok(lines.length <= size.rows, where);
			for (const line of lines) assert.ok(textWidth(line) <= size.cols, `${where}: "${line}"`);
			for (const [key] of helpLines(role))
				assert.ok(text.includes(key), `${where}: ${key} missing:\n${text}`);
			assert.equal(text.split('Esc').length - 1, 2, `${where}: Esc in the chat line and the close line`);
			assert.match(text, /q, Ctrl\+C +hang up and quit/);
			view.unmount();
		}
	}
});

test('the lobby text stays clear of your own picture, which covers its corner', () => {
	const size = {cols: 100, rows: 24};
	const listening = reduceCall(
		{
			...initialCallState('listen', 'test'),
			warnings: ['listening on 0.0.0.0 without --secret: anyone who can reach this port can call'],
		},
		{type: 'listening', addresses: ['192.0.2.2', '127.0.0.1'], port: 3223},
	)[0];
	const layout = callScreenLayout(listening, size);
	const pip = layout.pip!;
	assert.ok(pip);
	const view = render(<CallScreenView state={listening} size={size} />);
	const frame = view.lastFrame() ?? '';
	assert.match(frame.replace(/\s+/g, ' '), /anyone who can reach this port can call/);
	const lines = frame.split('\n');
	for (let row = pip.row; row < pip.row + pip.rows; row++) {
		assert.equal(
			sliceColumns(lines[row] ?? '', pip.col, pip.col + pip.cols)
				.replace(/\x1b\[[0-9;]*m/g, '')
				.trim(),
			'',
			`row ${row}`,
		);
	}
	view.unmount();
});

test("the listener's warning wraps in even rows: no word left alone on a row (80x24, 40x12)", () => {
	for (const size of [
		{cols: 80, rows: 24},
		{cols: 40, rows: 12},
	]) {
		const listening = reduceCall(
			{
				...initialCallState('listen', 'test'),
				warnings: ['listening on 0.0.0.0 without --secret: anyone who can reach this port can call'],
			},
			{type: 'listening', addresses: ['192.0.2.2', '127.0.0.1'], port: 3223},
		)[0];
		const view = render(<CallScreenView state={listening} size={size} />);
		const lines = (view.lastFrame() ?? '')
			.replace(/\x1b\[[0-9;]*m/g, '')
			.split('\n')
			.map((line) => line.trim());
		const first = lines.findIndex((line) => line.startsWith('Warning:'));
		const end = lines.findIndex((line, index) => index > first && line.endsWith('can call.'));
		assert.ok(first >= 0 && end > first, lines.join('\n'));
		const rows = lines.slice(first, end + 1).map((line) => line.length);
		// Even: the last row is at least half as long as the longest.
		assert.ok(rows.at(-1)! * 2 >= Math.max(...rows), `${size.cols}x${size.rows}: ${rows.join(', ')}`);
		view.unmount();
	}
});

test('outside a call, a camera that cannot open is said whole in the lobby, not cut in the hint line', () => {
	const message =
		'Camera 0 cannot be opened. No camera is connected to this machine; try --camera test, or a video file.';
	const listening = reduceCall(
		reduceCall(initialCallState('listen', '0'), {type: 'listening', addresses: ['127.0.0.1'], port: 3223})[0],
		{type: 'camera', camera: {kind: 'lost', message, neverStarted: true}},
	)[0];
	const view = render(<CallScreenView state={listening} size={{cols: 80, rows: 24}} />);
	const frame = (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
	assert.match(frame.replace(/\s+/g, ' '), /try --camera test, or a video file \(trying again\)/);
	// Said once: the hint line keeps only the keys.
	assert.equal(frame.split('Camera 0 cannot').length, 2);
	view.unmount();
});

test('on a narrow terminal the key hints keep quitting and the help', () => {
	const view = render(
		<CallScreenView state={state({type: 'call-started', protocol: 'v2'})} size={{cols: 40, rows: 12}} />,
	);
	const lines = (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n');
	assert.match(lines.at(-1)!, /q quit · Enter chat · \? help/);
	view.unmount();
	// Narrower still: fewer keys, each whole, never a cut one.
	for (const cols of [12, 16, 20, 24, 30]) {
		for (const s of [
			state({type: 'call-started', protocol: 'v2'}),
			state({type: 'call-started', protocol: 'v2'}, {type: 'key', key: {input: '', tab: true}}),
			state({type: 'call-ended', reason: 'the peer hung up', failed: false}),
		]) {
			const narrow = render(<CallScreenView state={s} size={{cols, rows: 8}} />);
			const last = (narrow.lastFrame() ?? '')
				.replace(/\x1b\[[0-9;]*m/g, '')
				.split('\n')
				.at(-1)!;
			assert.match(last, /q quit|Esc/, `${cols}: "${last}"`);
			assert.doesNotMatch(last, /…/, `${cols}: "${last}"`);
			narrow.unmount();
		}
	}
});

test('at 40 columns the status line keeps the check code whole and drops whole numbers, never cutting one', () => {
	const s = state(
		{
			type: 'call-started',
			protocol: 'v2',
			security: {encrypted: true, sas: '959 809', verifiedBySecret: true, peerKey: 'new'},
		},
		{type: 'stats', stats: callStats({bytes_in: 125_000, bytes_out: 50_000, dropped: 3, rtt_ms: 2})},
	);
	for (const cols of [40, 52, 64, 80]) {
		const view = render(<CallScreenView state={s} size={{cols, rows: 12}} />);
		const status = (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0]!;
		assert.match(status, /check 959 809/, `${cols}: ${status}`);
		assert.doesNotMatch(status, /…/, `${cols}: ${status}`);
		view.unmount();
	}
});

test('a call that was up says it ended; the hints then offer no pause nor self view, only quit and help', () => {
	const s = state(
		{type: 'call-started', protocol: 'v2'},
		{type: 'call-ended', reason: 'the peer hung up', failed: false},
	);
	const view = render(<CallScreenView state={s} size={{cols: 100, rows: 24}} />);
	const text = (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
	assert.match(text, /Call ended: the peer hung up/);
	view.unmount();
	const once = reduceCall(
		reduceCall(initialCallState('call', 'test', 'via relay 127.0.0.1:4511', {singleUse: true}), {
			type: 'call-started',
			protocol: 'v2',
		})[0],
		{type: 'call-ended', reason: 'the peer hung up', failed: false},
	)[0];
	assert.equal(hintKeys(once, 100), 'q quit · ? help');
	// Narrow, "Press q to quit." stays whole on a line of its own.
	const narrow = render(<CallScreenView state={once} size={{cols: 40, rows: 24}} />);
	const lines = (narrow.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n');
	assert.ok(
		lines.some((line) => line.trim() === 'Press q to quit.'),
		lines.join('\n'),
	);
	narrow.unmount();
});

test('a call that never started ends in the lobby alone: the reason whole, no chat pane saying it again', () => {
	const reason = 'could not reach 127.0.0.1:47901: nothing listens on that port (connection refused)';
	const s = state({type: 'call-ended', reason, failed: true});
	assert.equal(s.chat.length, 0);
	for (const size of [
		{cols: 40, rows: 12},
		{cols: 80, rows: 24},
	]) {
		const view = render(<CallScreenView state={s} size={size} />);
		const text = (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
		assert.match(
			text.replace(/\s+/g, ' '),
			/The call did not start: could not reach 127\.0\.0\.1:47901: nothing listens on that port \(connection refused\)/,
		);
		assert.equal(text.split('nothing listens').length, 2, `said once at ${size.cols}x${size.rows}:\n${text}`);
		// Nothing cut (the camera's "starting…" is a whole word).
		assert.doesNotMatch(text.replace('starting camera test…', ''), /…/);
		view.unmount();
	}
});

test('the chat pane shows whole messages: an older one that fits only in part is left out, not cut', () => {
	assert.deepEqual(newestMessages([['a1', 'a2', 'a3'], ['b1'], ['c1', 'c2']], 4), ['b1', 'c1', 'c2']);
	assert.deepEqual(newestMessages([['a1'], ['b1', 'b2', 'b3', 'b4', 'b5']], 3), ['b3', 'b4', 'b5']);
	const s = state(
		{
			type: 'call-started',
			protocol: 'v2',
			security: {encrypted: true, sas: '929 485', verifiedBySecret: false, peerKey: 'new'},
		},
		{type: 'chat-received', text: 'hello there'},
	);
	// The check code's note (several lines in the side panel) either shows from its start or not at
	// all; from 6 to 30 rows both happen, and the newest message always shows.
	const shown: boolean[] = [];
	for (let rows = 6; rows <= 30; rows++) {
		const view = render(<CallScreenView state={s} size={{cols: 100, rows}} />);
		const text = (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
		view.unmount();
		assert.match(text, /peer: hello there/, `${rows} rows`);
		const head = /Check code 929 485/.test(text);
		const tail = /\bmiddle\./.test(text);
		assert.equal(head, tail, `${rows} rows: the note is cut\n${text}`);
		shown.push(head);
	}
	assert.ok(
		shown.includes(false) && shown.includes(true),
		`the note shown at rows 6..30: ${shown.join(' ')}`,
	);
});

test('a call by invite code that ended: no "call again" (the code works once), the reason said once', () => {
	const reason = 'wrong code: the relay closed this invite; ask for a new one';
	let s = initialCallState('call', 'test', 'via relay 127.0.0.1:4511', {singleUse: true});
	s = reduceCall(s, {type: 'call-ended', reason, failed: true})[0];
	assert.deepEqual(run(s, key('r'))[1], []);
	assert.deepEqual(run(s, key('', {return: true}))[1], []);
	assert.equal(statusText(s), 'call ended: wrong code');
	assert.ok(!helpLines('call', s.callAgain).some(([key]) => key.startsWith('r')), 'help offers no r');
	for (const size of [
		{cols: 40, rows: 12},
		{cols: 100, rows: 30},
	]) {
		const view = render(<CallScreenView state={s} size={size} />);
		const text = (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
		assert.doesNotMatch(text, /call again|r again/, `at ${size.cols}x${size.rows}:\n${text}`);
		assert.equal(
			text.replace(/\s+/g, ' ').split('closed this invite').length,
			2,
			`said once at ${size.cols}x${size.rows}:\n${text}`,
		);
		if (size.cols === 100) assert.match(text.replace(/\s+/g, ' '), /An invite code works once/);
		view.unmount();
	}
	// A call to an address may be made again.
	const dialled = reduceCall(initialCallState('call', 'test', 'h:1'), {
		type: 'call-ended',
		reason,
		failed: true,
	})[0];
	assert.ok(helpLines('call', dialled.callAgain).some(([key]) => key.startsWith('r')));
});

test("the self view takes your camera's shape: a 16:9 picture fills its box, as a 4:3 one does", () => {
	for (const [width, height] of [
		[640, 480],
		[1280, 720],
		[480, 640],
	] as const) {
		const [s, effects] = run(initialCallState('call', 'test', 'h:1'), {type: 'self-size', width, height});
		assert.deepEqual(effects, [{type: 'layout-changed'}]);
		assert.deepEqual(run(s, {type: 'self-size', width, height})[1], [], 'the same size again: nothing to do');
		for (const cols of [80, 160, 240]) {
			const pip = screenLayout(cols, 60, {panel: false, pip: true, selfAspect: s.selfAspect}).pip!;
			const {picture} = layoutPicture({width, height}, pip);
			assert.deepEqual(picture, pip, `${width}x${height} at ${cols}: the picture fills its box`);
		}
	}
});

test('after a live call, why it ended is said once (the lobby), and the chat is closed with a note', () => {
	const reason = 'the peer hung up (time for dinner)';
	const listening = {type: 'listening', addresses: ['10.0.0.2'], port: 3223} as const;
	for (const role of ['listen', 'call'] as const) {
		const [s] = run(
			initialCallState(role, 'test', role === 'call' ? '10.0.0.2:3223' : undefined),
			...(role === 'listen' ? [listening] : []),
			{type: 'call-started', protocol: 'v2'},
			{type: 'chat-received', text: 'see you'},
			{type: 'call-ended', reason, failed: false},
		);
		assert.deepEqual(s.chat.at(-1), {from: 'note', text: 'The call ended.'});
		for (const size of [
			{cols: 40, rows: 12},
			{cols: 120, rows: 36},
		]) {
			const view = render(<CallScreenView state={s} size={size} />);
			const text = (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '').replace(/\s+/g, ' ');
			assert.equal(
				text.split('time for dinner').length - 1,
				1,
				`${role} at ${size.cols}x${size.rows}: ${text}`,
			);
			assert.match(text, /see you/);
			view.unmount();
		}
	}
});

test("the self view goes into an empty band beside or below the peer's picture when one holds it, else over its corner", () => {
	const cases = [
		// 250x50, chat beside: a 4:3 picture 48 rows tall leaves 43 columns each side.
		{cols: 250, rows: 50, peer: 4 / 3, band: 'right'},
		// A wide picture in a tall window leaves rows below it.
		{cols: 60, rows: 50, peer: 16 / 9, band: 'below'},
		// 200x60 with the chat beside: a 4:3 picture leaves 4 columns, too few.
		{cols: 200, rows: 60, peer: 4 / 3, band: undefined},
	] as const;
	for (const {cols, rows, peer, band} of cases) {
		const l = screenLayout(cols, rows, {panel: true, pip: true, selfAspect: 4 / 3, peerAspect: peer});
		const picture = layoutPicture({width: peer, height: 1}, l.video).picture;
		const where = `${cols}x${rows} ${JSON.stringify(l.pip)} ${JSON.stringify(picture)}`;
		assert.ok(l.pip && contains(l.video, l.pip), where);
		assert.ok(l.pip.cols >= 16, where);
		if (band === undefined) {
			assert.deepEqual(
				l.pip,
				screenLayout(cols, rows, {panel: true, pip: true, selfAspect: 4 / 3}).pip,
				where,
			);
			continue;
		}
		assert.ok(!overlaps(l.pip, picture), where);
		if (band === 'right') assert.ok(l.pip.col >= picture.col + picture.cols, where);
		else assert.ok(l.pip.row >= picture.row + picture.rows, where);
	}
	// On the screen: once the peer's first frame says its shape, the layout moves the self view.
	let s = initialCallState('call', 'test');
	s = reduceCall(s, {type: 'call-started', protocol: 'v2', address: '127.0.0.1:3223'})[0];
	const before = callScreenLayout(s, {cols: 250, rows: 50});
	const [after, effects] = reduceCall(s, {type: 'peer-size', width: 640, height: 480});
	assert.deepEqual(effects, [{type: 'layout-changed'}]);
	const moved = callScreenLayout(after, {cols: 250, rows: 50});
	const picture = layoutPicture({width: 4 / 3, height: 1}, moved.video).picture;
	assert.ok(before.pip && overlaps(before.pip, picture), 'over the picture before its shape is known');
	assert.ok(moved.pip && !overlaps(moved.pip, picture), JSON.stringify([moved.pip, picture]));
	assert.deepEqual(reduceCall(after, {type: 'peer-size', width: 320, height: 240})[1], []);
});

test('at 80 columns the status line shows the kbit/s each way, and the check code whole', () => {
	const security = {encrypted: true, sas: '959 809', verifiedBySecret: true, peerKey: 'known'} as const;
	const stats = callStats({
		fps_in: 24,
		fps_out: 30,
		bytes_in: 366_000,
		bytes_out: 365_625,
		dropped: 12,
		rtt_ms: 61,
		screen_lag_ms: 75,
		codec: 'jpeg',
	});
	for (const who of [
		{address: '192.0.2.2:58184'},
		{address: '192.0.2.2:58184', name: 'Ada Lovelace'},
		{address: 'direct 192.0.2.2:58184'},
		{address: 'via relay relay.example.org:3223', name: 'Ada'},
	]) {
		const s = state(
			{type: 'call-started', protocol: 'v2', security, ...who},
			{type: 'stats', stats, security},
		);
		const view = render(<CallScreenView state={s} size={{cols: 80, rows: 24}} />);
		const status = (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0]!;
		assert.match(status, /check 959 809/, status);
		assert.match(status, /in 24 fps 2928 kbit\/s · out 30 fps 2925 kbit\/s/, status);
		assert.doesNotMatch(status, /…/, status);
		view.unmount();
	}
	// A call that moved to a direct connection: not "in call with direct 192.0.2.2:58184".
	const moved = state({type: 'call-started', protocol: 'v2', address: 'direct 192.0.2.2:58184'});
	assert.match(statusText(moved), /^in call with 192\.0\.2\.2:58184 \(direct\)/);
	const relayed = state({type: 'call-started', protocol: 'v2', address: 'via relay r.example:3223'});
	assert.match(statusText(relayed), /^in call with the peer via relay r\.example:3223/);
});

test("the call app's chrome: a stats report changes the status line only, and Ink does not render the screen again for it", async () => {
	const size = {cols: 160, rows: 48};
	const store = new Store(state({type: 'call-started', protocol: 'v2'}));
	const frames: string[] = [];
	const ink = mountOffscreen(
		<CallScreen store={store} size={new Store(size)} onKey={() => undefined} status={false} />,
		{
			size,
			input: ttyInput() as unknown as NodeJS.ReadStream,
			errorOutput: new PassThrough(),
			onFrame: (text) => frames.push(text),
		},
	);
	const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
	try {
		await settle();
		const rendered = frames.length;
		assert.ok(rendered > 0);
		assert.equal(frames.at(-1)!.split('\n')[0], '', 'the status row is left to the status layer');
		const lines: string[] = [];
		for (const fps of [10, 20, 30]) {
			store.set(reduceCall(store.get(), {type: 'stats', stats: callStats({fps_in: fps})})[0]);
			lines.push(statusLine(store.get(), size)!.replace(/\x1b\[[0-9;]*m/g, ''));
			await settle();
		}
		assert.equal(frames.length, rendered, 'no render for the stats');
		assert.deepEqual(
			lines.map((line) => /in (\d+) fps/.exec(line)?.[1]),
			['10', '20', '30'],
			'the status line says each report',
		);
		assert.equal(textWidth(lines[0]!), size.cols);
		// What the rest of the chrome shows still renders it.
		store.set(reduceCall(store.get(), {type: 'chat-received', text: 'hello there'})[0]);
		await settle();
		assert.equal(frames.length, rendered + 1);
		assert.match(frames.at(-1)!, /hello there/);
	} finally {
		ink.unmount();
	}
});

test('the status line drawn by itself is the one the whole chrome shows, and none on a screen too small', () => {
	const s = state({type: 'call-started', protocol: 'v2'}, {type: 'stats', stats: callStats({fps_in: 12})});
	for (const size of [
		{cols: 100, rows: 30},
		{cols: 40, rows: 12},
	]) {
		const whole = render(<CallScreenView state={s} size={size} />);
		const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
		assert.equal(plain((whole.lastFrame() ?? '').split('\n')[0]!), plain(statusLine(s, size)!));
		whole.unmount();
	}
	assert.equal(statusLine(s, {cols: 9, rows: 30}), undefined);
	assert.equal(statusLine(s, {cols: 100, rows: 2}), undefined);
});

test('the status line, written to the terminal without Ink, carries no escape from the state', () => {
	const s = state({type: 'call-started', protocol: 'v2'}, {type: 'stats', stats: callStats()});
	const sly = {...s, peer: {name: 'mallory\x1b]0;owned\x07\x1b[2J'}};
	const line = statusLine(sly, {cols: 100, rows: 30})!;
	// Only the line's own colours: the dot's and the inverse.
	assert.deepEqual(line.match(/\x1b[^m]*m|\x1b|\x07/g), ['\x1b[32m', '\x1b[39m', '\x1b[7m', '\x1b[27m']);
	assert.match(line, /mallory/);
});
