/**
 * Rooms end to end in one process, through a real relay on loopback: three members (one made the
 * room, two joined by its code) each see both others' pictures and names, agree on one check code,
 * a wrong code is refused, and when one leaves the other two go on seeing each other.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {makeFrame} from '../../source/frame.js';
import {startRelay} from '../../source/relay/server.js';
import {createRoom, type Room} from '../../source/room/room.js';
import {joinCode} from '../../source/room/join.js';
import {formatCode, parseCode} from '../../source/invite/code.js';
import {wrongWords} from '../invite/wrong-words.js';
import {until} from '../session/helpers.js';

/** Every member sends a small grey picture of its own shade ten times a second. */
function camera(room: Room, shade: number): NodeJS.Timeout {
	return setInterval(() => room.sendFrame(makeFrame(32, 24, new Uint8Array(32 * 24 * 3).fill(shade))), 100);
}

function codeOf(room: Room): string | undefined {
	return room.checkState.kind === 'code' ? room.checkState.code : undefined;
}

test('three members: pictures from each other, names, one check code; a wrong code is refused; one leaves, two go on', async () => {
	const relay = await startRelay({host: '127.0.0.1', port: 0});
	const address = {host: '127.0.0.1', port: relay.port};
	const options = (name: string) => ({name, interCodecs: [], shownSize: {width: 32, height: 24}});
	const first = await createRoom(address, options('Ada'));
	// Alone in the room: nobody wants Ada's picture, so her camera may read small (feedCamera).
	assert.equal(first.idle, true);
	const joined = [
		await joinCode(address, first.text, options('Bo')),
		await joinCode(address, first.text, options('Cy')),
	];
	assert.deepEqual(
		joined.map((j) => j.kind),
		['room', 'room'],
	);
	const rooms = [first, ...joined.map((j) => (j as {room: Room}).room)];
	const seen = rooms.map(() => new Map<number, number>());
	rooms.forEach((room, i) => room.on('frame', (id) => seen[i]!.set(id, (seen[i]!.get(id) ?? 0) + 1)));
	const cameras = rooms.map((room, i) => camera(room, 40 + i * 80));
	try {
		await until(
			'pictures from both others at each',
			() => seen.every((byMember) => byMember.size === 2 && [...byMember.values()].every((n) => n >= 3)),
			15_000,
		);
		await until(
			'one check code on every screen',
			() => rooms.every((room) => codeOf(room) !== undefined && codeOf(room) === codeOf(first)),
			15_000,
		);
		assert.match(codeOf(first)!, /^\d{3} \d{3}$/);
		assert.deepEqual(
			first.others().map((m) => m.name),
			['Bo', 'Cy'],
		);
		// Both others show this member at 32x24: its camera is read at that size, not 640x480.
		assert.deepEqual(first.sendSizeFor({width: 640, height: 480}), {width: 32, height: 24});
		assert.equal(first.idle, false);
		const stats = rooms[2]!.stats();
		assert.equal(stats.members, 3);
		assert.deepEqual(
			stats.peers.map((p) => p.name),
			['Ada', 'Bo'],
		);
		// Through the relay, or already moved to a direct connection (room-direct.test.ts).
		assert.match(stats.peers[0]!.via, /^(via relay 127\.0\.0\.1:|direct )/);

		// Another word: the relay turns it away (or, 1 time in 256, CPace does).
		const code = parseCode(first.text);
		const wrong = formatCode({
			...code,
			words: [code.words[0]!, code.words[1]!, code.words[2] === 'orbit' ? 'kettle' : 'orbit'],
		});
		await assert.rejects(joinCode(address, wrong, options('Eve')));

		rooms[1]!.leave();
		await until(
			'Bo gone from the others',
			() => first.members.size === 1 && rooms[2]!.members.size === 1,
			5000,
		);
		const before = [...seen[0]!.entries()];
		seen[0]!.clear();
		seen[2]!.clear();
		await until(
			'the two left going on',
			() => (seen[0]!.get(3) ?? 0) >= 3 && (seen[2]!.get(1) ?? 0) >= 3,
			15_000,
		);
		assert.ok(before.length === 2);
		await until(
			'one check code for the two left',
			() => codeOf(first) !== undefined && codeOf(first) === codeOf(rooms[2]!),
			15_000,
		);
	} finally {
		cameras.forEach(clearInterval);
		for (const room of rooms) room.leave();
		await relay.close();
	}
});

test('a wrong code the relay cannot tell (same tag) gets in at the relay, and every member turns it away', async () => {
	const relay = await startRelay({host: '127.0.0.1', port: 0});
	const address = {host: '127.0.0.1', port: relay.port};
	const first = await createRoom(address, {name: 'Ada', interCodecs: []});
	const second = await joinCode(address, first.text, {name: 'Bo', interCodecs: []});
	const rooms = [first, (second as {room: Room}).room];
	try {
		await until('a check code at each', () => rooms.every((room) => room.checkState.kind === 'code'), 15_000);
		const code = parseCode(first.text);
		const guess = formatCode({...code, words: wrongWords(code.words, true)});
		const joined = await joinCode(address, guess, {name: 'Eve', interCodecs: []});
		assert.equal(joined.kind, 'room');
		const eve = (joined as {room: Room}).room;
		const reason = await new Promise<string>((resolve) => eve.once('ended', resolve));
		assert.match(reason, /^wrong code/);
		await until(
			'the wrong-code joiner gone',
			() => first.members.size === 1 && rooms[1]!.members.size === 1,
			15_000,
		);
		await until(
			'a check code at each again',
			() => rooms.every((room) => room.checkState.kind === 'code'),
			15_000,
		);
	} finally {
		for (const room of rooms) room.leave();
		await relay.close();
	}
});
