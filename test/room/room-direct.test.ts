/**
 * A room's pairs move off the relay as calls by code do: three members on this machine, where the
 * direct path is reachable, except that member 2 offers an address nobody answers at. The pairs
 * 1-2 and 1-3 (member 1 offers) move to direct connections and `--stats` says so; the pair 2-3
 * (member 2 offers) fails its direct attempt and stays on the relay; pictures go on over all three.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {makeFrame} from '../../source/frame.js';
import {startRelay} from '../../source/relay/server.js';
import {createRoom, type Room, type RoomOptions} from '../../source/room/room.js';
import {joinCode} from '../../source/room/join.js';
import {until} from '../session/helpers.js';

function camera(room: Room, shade: number): NodeJS.Timeout {
	return setInterval(() => room.sendFrame(makeFrame(32, 24, new Uint8Array(32 * 24 * 3).fill(shade))), 100);
}

function viaOf(room: Room): Map<number, string> {
	return new Map(room.stats().peers.map((peer) => [peer.id, peer.via]));
}

test('pairs that reach each other move to direct connections; a pair whose direct attempt fails stays on the relay', async () => {
	const relay = await startRelay({host: '127.0.0.1', port: 0});
	const address = {host: '127.0.0.1', port: relay.port};
	const options = (name: string, more: RoomOptions = {}): RoomOptions => ({
		name,
		interCodecs: [],
		shownSize: {width: 32, height: 24},
		...more,
	});
	const first = await createRoom(address, options('Ada'));
	const second = await joinCode(address, first.text, options('Bo', {directAddresses: ['198.51.100.7']}));
	const third = await joinCode(address, first.text, options('Cy'));
	const rooms = [first, (second as {room: Room}).room, (third as {room: Room}).room];
	const seen = rooms.map(() => new Map<number, number>());
	rooms.forEach((room, i) => room.on('frame', (id) => seen[i]!.set(id, (seen[i]!.get(id) ?? 0) + 1)));
	const cameras = rooms.map((room, i) => camera(room, 40 + i * 80));
	try {
		const direct = /^direct (127\.0\.0\.1|192\.0\.2\.2|[\d.:]+):\d+$/;
		await until(
			"member 1's pairs to move direct",
			() =>
				direct.test(viaOf(rooms[0]!).get(2) ?? '') &&
				direct.test(viaOf(rooms[0]!).get(3) ?? '') &&
				direct.test(viaOf(rooms[1]!).get(1) ?? '') &&
				direct.test(viaOf(rooms[2]!).get(1) ?? ''),
			20_000,
		);
		// Member 2's offer: one address, which nothing answers within the dial's second.
		await new Promise((resolve) => setTimeout(resolve, 3000));
		assert.match(viaOf(rooms[1]!).get(3)!, /^via relay 127\.0\.0\.1:/);
		assert.match(viaOf(rooms[2]!).get(2)!, /^via relay 127\.0\.0\.1:/);
		// The relayed calls of the moved pairs are hung up: the relay carries one pair now.
		await until('the relay to carry one pair', () => relay.stats().callsActive === 1, 10_000);
		for (const byMember of seen) byMember.clear();
		await until(
			'pictures over every pair after the moves',
			() => seen.every((byMember) => byMember.size === 2 && [...byMember.values()].every((n) => n >= 5)),
			10_000,
		);
		for (const room of rooms) {
			assert.equal(room.members.size, 2);
			assert.ok([...room.members.values()].every((member) => member.state === 'in-call'));
		}
		const codes = rooms.map((room) => (room.checkState.kind === 'code' ? room.checkState.code : undefined));
		assert.ok(codes[0] !== undefined && codes.every((code) => code === codes[0]), `check codes ${codes}`);
	} finally {
		cameras.forEach(clearInterval);
		for (const room of rooms) room.leave();
		await relay.close();
	}
});
