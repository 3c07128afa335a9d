/**
 * A pair of a room whose channel drops while both members stay links again, within a bound, and a
 * member gone for good leaves the others' rooms at once. A cutting proxy in front of the relay
 * plays the network: it can cut one pair's link (both members stay, as on a flaky path), or all of
 * one member's connections (a machine that went away).
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {makeFrame} from '../../source/frame.js';
import {startRelay, type RelayLimits} from '../../source/relay/server.js';
import {createRoom, type Room, type RoomOptions} from '../../source/room/room.js';
import {relinkDelaysMs} from '../../source/room/relink.js';
import {joinCode} from '../../source/room/join.js';
import {cuttingProxy} from './helpers.js';
import {until} from '../session/helpers.js';

function camera(rooms: Room[]): NodeJS.Timeout {
	return setInterval(() => {
		rooms.forEach((room, i) =>
			room.sendFrame(makeFrame(32, 24, new Uint8Array(32 * 24 * 3).fill(40 + i * 80))),
		);
	}, 100);
}

/** Three members; members 1 and 2 come through one proxy, member 3 through its own. */
async function threeMembers(limits: Partial<RelayLimits> = {}) {
	const relay = await startRelay({host: '127.0.0.1', port: 0, limits});
	const target = {host: '127.0.0.1', port: relay.port};
	const [near, far] = [await cuttingProxy(target), await cuttingProxy(target)];
	// No direct offers: every pair goes through the proxies, which can cut it.
	const options = (name: string): RoomOptions => ({name, interCodecs: [], directAddresses: []});
	const first = await createRoom(near.address, options('Ada'));
	const second = ((await joinCode(near.address, first.text, options('Bo'))) as {room: Room}).room;
	const third = ((await joinCode(far.address, first.text, options('Cy'))) as {room: Room}).room;
	const rooms = [first, second, third];
	const seen = rooms.map(() => new Map<number, number>());
	rooms.forEach((room, i) => room.on('frame', (id) => seen[i]!.set(id, (seen[i]!.get(id) ?? 0) + 1)));
	const timer = camera(rooms);
	const inCall = (room: Room) => [...room.members.values()].every((m) => m.state === 'in-call');
	await until('every pair', () => rooms.every((room) => room.members.size === 2 && inCall(room)), 20_000);
	return {
		relay,
		near,
		far,
		rooms,
		seen,
		inCall,
		async close() {
			clearInterval(timer);
			for (const room of rooms) room.leave();
			near.close();
			far.close();
			await relay.close();
		},
	};
}

test('a pair whose link drops while both stay links again, and pictures come back; the others never noticed', async () => {
	const room = await threeMembers();
	const [first, second, third] = room.rooms as [Room, Room, Room];
	try {
		const paired = room.relay.stats().callsPaired;
		const thirdLeft: number[] = [];
		third.on('members', () => thirdLeft.push(third.members.size));
		room.near.cutPair(1, 2);
		await until('member 1 to see the drop', () => first.members.get(2)?.state === 'linking', 5000);
		assert.equal(second.members.get(1)?.state, 'linking');
		assert.equal(first.members.size, 2, 'member 2 stays in member 1 room while it links again');
		await until(
			'the pair back in its call',
			() => first.members.get(2)?.state === 'in-call' && second.members.get(1)?.state === 'in-call',
			10_000,
		);
		assert.equal(room.relay.stats().callsPaired, paired + 1);
		room.seen[0]!.clear();
		room.seen[1]!.clear();
		await until(
			'pictures over the pair again',
			() => (room.seen[0]!.get(2) ?? 0) >= 5 && (room.seen[1]!.get(1) ?? 0) >= 5,
			10_000,
		);
		assert.ok(
			thirdLeft.every((size) => size === 2),
			'member 3 saw nobody leave',
		);
		await until('the check code', () => room.rooms.every((r) => r.checkState.kind === 'code'), 10_000);
		const codes = room.rooms.map((r) => (r.checkState as {code: string}).code);
		assert.ok(codes.every((code) => code === codes[0]));
	} finally {
		await room.close();
	}
});

test('a pair whose path falls silent (no FIN, no reset) while both stay links again, and neither drops the other', async () => {
	const room = await threeMembers();
	const [first, second] = room.rooms as [Room, Room, Room];
	try {
		const gone: string[] = [];
		first.on('members', () => !first.members.has(2) && gone.push('member 1 dropped member 2'));
		second.on('members', () => !second.members.has(1) && gone.push('member 2 dropped member 1'));
		room.near.silencePair(1, 2);
		await until('member 1 to hear the silence', () => first.members.get(2)?.state === 'linking', 10_000);
		await until(
			'the pair back in its call',
			() => first.members.get(2)?.state === 'in-call' && second.members.get(1)?.state === 'in-call',
			15_000,
		);
		room.seen[0]!.clear();
		await until('pictures over the pair again', () => (room.seen[0]!.get(2) ?? 0) >= 5, 10_000);
		assert.deepEqual(gone, []);
	} finally {
		await room.close();
	}
});

test('a pair that keeps dropping links again only as often as the relay allows, then each side drops the other', async () => {
	const room = await threeMembers({relinksPerPair: 1});
	const [first, second, third] = room.rooms as [Room, Room, Room];
	try {
		room.near.cutPair(1, 2);
		await until('the first drop', () => first.members.get(2)?.state === 'linking', 5000);
		await until('the first relink', () => first.members.get(2)?.state === 'in-call', 10_000);
		room.near.cutPair(1, 2);
		const cutAt = Date.now();
		// The relay refuses the pair a second relink: each side's attempts run out, then it gives up.
		await until('both sides to give up', () => !first.members.has(2) && !second.members.has(1), 15_000);
		const tookMs = Date.now() - cutAt;
		// The first relink used the first pause: a pair not steady for 30 s does not get it back.
		const backoff = relinkDelaysMs.slice(1).reduce((sum, ms) => sum + ms, 0);
		assert.ok(tookMs >= backoff, `gave up after ${tookMs} ms, before the backoff's ${backoff} ms`);
		assert.ok(tookMs < backoff + 5000, `gave up only after ${tookMs} ms`);
		// The rest of the room goes on: both still have member 3.
		assert.equal(first.members.get(3)?.state, 'in-call');
		assert.equal(second.members.get(3)?.state, 'in-call');
		assert.equal(third.members.size, 2);
	} finally {
		await room.close();
	}
});

test('a member gone for good (its machine closed every connection) leaves the others within a few seconds', async () => {
	const room = await threeMembers();
	const [first, second] = room.rooms as [Room, Room, Room];
	try {
		room.far.vanish();
		const goneAt = Date.now();
		await until('member 3 to be gone', () => !first.members.has(3) && !second.members.has(3), 5000);
		const tookMs = Date.now() - goneAt;
		assert.ok(tookMs < 3000, `took ${tookMs} ms`);
		// Not linked again later: it stays gone, and the two go on.
		await new Promise((resolve) =>
			setTimeout(
				resolve,
				relinkDelaysMs.reduce((a, b) => a + b, 0),
			),
		);
		assert.ok(!first.members.has(3) && !second.members.has(3));
		room.seen[0]!.clear();
		await until('the two to go on', () => (room.seen[0]!.get(2) ?? 0) >= 5, 5000);
	} finally {
		await room.close();
	}
});
