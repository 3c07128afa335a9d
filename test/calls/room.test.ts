/**
 * The plain status line of a room: members, the check code (or why there is none) and each
 * member's frames, names cleaned of anything a terminal would act on.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {checkText, formatRoomStatus} from '../../source/calls/room.js';
import type {PeerStats} from '../../source/room/room.js';

const peer = (over: Partial<PeerStats>): PeerStats => ({
	id: 2,
	name: 'Bo',
	state: 'in-call',
	fps_in: 24.5,
	bytes_in: 40_000,
	fps_out: 25,
	bytes_out: 41_000,
	latency_ms_p95: 80,
	rtt_ms: 3,
	codec: 'h264',
	via: 'via relay 127.0.0.1:3223',
	...over,
});

test('a room status line: members, check code, and each member in the order they came', () => {
	const line = formatRoomStatus(
		{
			t: '',
			state: 'in-room',
			members: 3,
			check: '123 456',
			peers: [peer({}), peer({id: 3, name: null, state: 'handshaking'})],
		},
		{kind: 'code', code: '123 456'},
	);
	assert.equal(line, '3 in the room | check code 123 456 | Bo 24.5 fps 320 kbit/s | member 3 handshaking');
});

test('a name with escape sequences is shown cleaned; a mismatch names the members', () => {
	const line = formatRoomStatus(
		{t: '', state: 'in-room', members: 2, check: null, peers: [peer({name: 'Eve\x1b[2J\x1b]0;x\x07'})]},
		{kind: 'waiting'},
	);
	assert.doesNotMatch(line, /\x1b|\x07/);
	assert.match(line, /check code …/);
	assert.equal(
		checkText({kind: 'mismatch', between: ['2 SHA256:aa', '3 SHA256:bb']}),
		'CHECK FAILED between members 2 and 3: someone may be in the middle',
	);
});
