/**
 * A member frozen longer than the relay waits for its pings' answers is dropped by the relay: the
 * others hear it left, its seat is free for a newcomer (a full room stays full with a ghost
 * otherwise), and when it wakes it reads why and joins the room again as a new member instead of
 * sitting alone. The frozen member is a real process stopped with SIGSTOP: its kernel still answers
 * TCP, so the relay's keepalive sees a live connection.
 */
import assert from 'node:assert/strict';
import {once} from 'node:events';
import {test, type TestContext} from 'node:test';
import {joinAny, RelayError, type RoomControl} from '../../source/relay/client.js';
import {startRelay} from '../../source/relay/server.js';
import {createRoom} from '../../source/room/room.js';
import {codeTag, parseCode} from '../../source/invite/code.js';
import {until} from '../session/helpers.js';
import {cuttingProxy, memberProcess, twoMembersAtRelay} from './helpers.js';

type Limits = {membersPerRoom: number; memberPingMs: number; memberSilenceMs: number};

/**
 * Two members in this process and a third in its own, in their calls; the relay's limits made
 * short. Stops them all in t.after.
 */
async function roomWithChild(t: TestContext, limits: Limits) {
	const {relay, address, first, rooms, seen} = await twoMembersAtRelay(t, {limits});
	const left = rooms.map(() => [] as number[]);
	rooms.forEach((room, i) => room.control.on('left', (id) => left[i]!.push(id)));

	const heard = {notices: [] as string[], ended: undefined as string | undefined};
	const child = memberProcess(t, relay.port, first.text, 'Cy', (line) => {
		if (typeof line['notice'] === 'string') heard.notices.push(line['notice']);
		if (typeof line['ended'] === 'string') heard.ended = line['ended'];
	});
	const third = 3;
	await until(
		'the three in their calls',
		() => rooms.every((room) => room.members.get(third)?.state === 'in-call'),
		60_000,
	);
	const {channel, words} = parseCode(first.text);
	const joinIt = () => joinAny(address, channel, codeTag(words));
	// Full while the third is in it.
	await assert.rejects(joinIt(), (error: RelayError) => error.code === 'room-full');

	/** Freezes the child until the relay dropped it; how long that took. */
	const freezeUntilDropped = async (): Promise<number> => {
		child.kill('SIGSTOP');
		const frozenAt = Date.now();
		await until(
			'the relay to drop the frozen member',
			() => left.every((ids) => ids.includes(third)),
			30_000,
		);
		const after = Date.now() - frozenAt;
		// Its last pong came up to one ping before the freeze; slack for a loaded machine.
		assert.ok(after <= limits.memberSilenceMs + 2 * limits.memberPingMs + 3000, `${after} ms`);
		assert.equal(relay.stats().roomMembers, 2);
		assert.ok(rooms.every((room) => !room.members.has(third)));
		t.diagnostic(`dropped by the relay ${after} ms after it froze`);
		return after;
	};
	/** A newcomer takes the freed seat (refused as room-full before the relay dropped anyone). */
	const newcomer = async (): Promise<RoomControl> => {
		const joined = await joinIt();
		assert.equal(joined.kind, 'room');
		const control = (joined as {control: RoomControl}).control;
		t.after(() => control.leave());
		control.start();
		await until('the newcomer', () => rooms.every((room) => room.members.has(control.id)), 10_000);
		return control;
	};
	return {relay, rooms, seen, child, heard, freezeUntilDropped, newcomer};
}

test(
	'a member frozen past the relay’s limit is dropped: the others hear it left, its seat is free, and it joins again when it wakes',
	{timeout: 180_000},
	async (t) => {
		const {relay, rooms, seen, child, heard, freezeUntilDropped, newcomer} = await roomWithChild(t, {
			membersPerRoom: 3,
			memberPingMs: 500,
			memberSilenceMs: 5000,
		});
		await freezeUntilDropped();
		const ninth = await newcomer();
		ninth.leave();
		await until('the newcomer to leave', () => rooms.every((room) => !room.members.has(ninth.id)), 10_000);

		// It wakes: it reads that the relay dropped it, joins again as a new member, and is back in
		// both rooms with its pictures.
		child.kill('SIGCONT');
		const wokeAt = Date.now();
		const sentence = () => heard.notices.find((n) => /dropped this member from the room/.test(n));
		await until('its sentence', () => sentence() !== undefined, 15_000);
		assert.match(sentence()!, /joining the room again/);
		const back = () => [...rooms[0]!.members.values()].find((m) => m.id > ninth.id);
		await until(
			'the member to be back as a new member',
			() => back() !== undefined && rooms.every((room) => room.members.get(back()!.id)?.state === 'in-call'),
			60_000,
		);
		t.diagnostic(`back in both rooms as member ${back()!.id} ${Date.now() - wokeAt} ms after it woke`);
		assert.equal(back()!.name, 'Cy');
		seen[0]!.clear();
		seen[1]!.clear();
		await until(
			'its pictures again',
			() => seen.every((counts) => (counts.get(back()!.id) ?? 0) >= 5),
			15_000,
		);
		assert.equal(heard.ended, undefined);
		assert.equal(relay.stats().roomMembers, 3);
	},
);

test(
	'a member dropped by the relay whose seat was taken meanwhile ends, saying why, when it wakes',
	{timeout: 180_000},
	async (t) => {
		const {child, heard, freezeUntilDropped, newcomer} = await roomWithChild(t, {
			membersPerRoom: 3,
			memberPingMs: 500,
			memberSilenceMs: 5000,
		});
		await freezeUntilDropped();
		await newcomer();
		const exited = once(child, 'exit');
		child.kill('SIGCONT');
		await exited;
		assert.match(heard.ended ?? '', /dropped this member from the room/);
		assert.match(heard.ended ?? '', /could not join the room again: the room is full/);
	},
);

test(
	'a member frozen longer than its pairs’ first attempts to link again, but not dropped by the relay, finds its pairs when it wakes',
	{timeout: 180_000},
	async (t) => {
		// The relay's limit past the freeze: only the others' patience is tested here.
		const {relay, first, rooms} = await twoMembersAtRelay(t, {
			limits: {memberSilenceMs: 120_000},
			camera: false,
		});
		const removed: string[] = [];
		for (const room of rooms) room.on('notice', (notice) => removed.push(notice));
		let childStats: {peers: Array<{state: string}>} | undefined;
		const child = memberProcess(t, relay.port, first.text, 'Cy', (line) => {
			if ('t' in line) childStats = line as unknown as typeof childStats;
		});
		const third = 3;
		await until(
			'the three in their calls',
			() => rooms.every((room) => room.members.get(third)?.state === 'in-call'),
			60_000,
		);
		child.kill('SIGSTOP');
		// Three seconds of silence, then 250 + 500 + 1000 + 2000 ms of pauses and four waits of 5 s:
		// the pairs' first attempts (relinkDelaysMs) are all over by 27 s.
		await new Promise((resolve) => setTimeout(resolve, 32_000));
		assert.ok(rooms.every((room) => !room.members.has(third)));
		child.kill('SIGCONT');
		const wokeAt = Date.now();
		await until(
			'the woken member in its calls again (not alone)',
			() =>
				rooms.every((room) => room.members.get(third)?.state === 'in-call') &&
				childStats?.peers.length === 2 &&
				childStats.peers.every((peer) => peer.state === 'in-call'),
			30_000,
		);
		t.diagnostic(`in its calls again ${Date.now() - wokeAt} ms after it woke`);
		assert.ok(!removed.some((notice) => /could not be reached again/.test(notice)), removed.join('\n'));
	},
);

test('a member whose room connection drops joins again, and ends saying so when the room is gone', async (t) => {
	const relay = await startRelay({host: '127.0.0.1', port: 0});
	t.after(() => relay.close());
	const proxy = await cuttingProxy({host: '127.0.0.1', port: relay.port});
	t.after(() => proxy.close());
	const room = await createRoom(proxy.address, {name: 'Ada'});
	t.after(() => room.leave());
	const notices: string[] = [];
	room.on('notice', (notice) => notices.push(notice));
	const ended = once(room, 'ended');
	// Its only member's connection cut: the relay forgets the room, and the join again finds none.
	proxy.cut((line) => line.startsWith('FTYR1 room '));
	const [reason] = (await ended) as [string];
	assert.match(notices.join('\n'), /lost the connection to the room: .*; joining the room again/);
	assert.match(reason, /could not join the room again: the room is gone from the relay/);
});
