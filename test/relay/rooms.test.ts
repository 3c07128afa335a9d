/**
 * Rooms at the relay: a room is made and joined by code, every member hears of every other, each
 * pair's link is paired and forwards exactly, a member who leaves is announced, a full room and a
 * wrong code are refused with their codes, and the relay counts rooms and members.
 */
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {once} from 'node:events';
import net from 'node:net';
import {test} from 'node:test';
import {
	joinAny,
	joinChannel,
	openRoom,
	RelayError,
	type RelayAddress,
	type RoomControl,
} from '../../source/relay/client.js';
import {encodeReply, encodeRequest, parseReply, parseRequest} from '../../source/relay/rendezvous.js';
import {startRelay, type RelayLimits} from '../../source/relay/server.js';
import {until} from '../session/helpers.js';

async function relayWith(limits: Partial<RelayLimits> = {}) {
	const relay = await startRelay({host: '127.0.0.1', port: 0, limits});
	return {relay, address: {host: '127.0.0.1', port: relay.port}};
}

/** A member whose control connection records who came and went. */
function watch(control: RoomControl): {members: Set<number>; left: number[]; tried: number[]} {
	const seen = {members: new Set<number>(), left: [] as number[], tried: [] as number[]};
	control.on('member', (id) => seen.members.add(id));
	control.on('left', (id) => {
		seen.members.delete(id);
		seen.left.push(id);
	});
	control.on('tried', (count) => seen.tried.push(count));
	control.start();
	return seen;
}

async function joinRoom(address: RelayAddress, channel: number, tag: number): Promise<RoomControl> {
	const joined = await joinAny(address, channel, tag);
	assert.equal(joined.kind, 'room');
	return (joined as {control: RoomControl}).control;
}

function collect(socket: net.Socket, bytes: number): Promise<Buffer> {
	const parts: Buffer[] = [];
	let length = 0;
	return new Promise((resolve) => {
		socket.on('data', (chunk: Buffer) => {
			parts.push(chunk);
			length += chunk.length;
			if (length >= bytes) resolve(Buffer.concat(parts));
		});
		socket.resume();
	});
}

test('three members: each hears of the others, every pair links and forwards exactly, a leaver is announced', async () => {
	const {relay, address} = await relayWith({relinksPerPair: 1});
	const first = await openRoom(address, 0x3f);
	const a = watch(first);
	const second = await joinRoom(address, first.channel, 0x3f);
	const b = watch(second);
	const third = await joinRoom(address, first.channel, 0x3f);
	const c = watch(third);
	assert.deepEqual([first.id, second.id, third.id], [1, 2, 3]);
	await until(
		'each member told of the two others',
		() => a.members.size === 2 && b.members.size === 2 && c.members.size === 2,
		3_000,
		10,
	);
	assert.deepEqual([...c.members].sort(), [1, 2]);
	assert.equal(relay.stats().roomsOpen, 1);
	assert.equal(relay.stats().roomMembers, 3);
	assert.match(relay.summary(), /1 room with 3 members/);

	// Both ends of each pair's link, in any order.
	const [ab, ba] = await Promise.all([first.link(2), second.link(1)]);
	const [ca, ac] = await Promise.all([third.link(1), first.link(3)]);
	const payload = randomBytes(200_000);
	const got = collect(ba.socket, payload.length);
	ab.socket.write(payload);
	assert.ok((await got).subarray(0, payload.length).equals(payload));
	const back = collect(ac.socket, 5);
	ca.socket.write('hello');
	assert.equal((await back).toString(), 'hello');

	// A pair whose call dropped while both stayed links again, as often as relinksPerPair allows;
	// a link to a member that does not exist is refused.
	const [ab2, ba2] = await Promise.all([first.link(2), second.link(1)]);
	const again = collect(ba2.socket, 5);
	ab2.socket.write('again');
	assert.equal((await again).toString(), 'again');
	await assert.rejects(first.link(2), (error: RelayError) => error.code === 'limit');
	await assert.rejects(first.link(7), (error: RelayError) => error.code === 'no-channel');

	third.leave();
	await until('the others told the third left', () => a.left.includes(3) && b.left.includes(3), 3_000, 10);
	assert.equal(relay.stats().roomMembers, 2);
	first.leave();
	second.leave();
	await until('the room closed', () => relay.stats().roomsOpen === 0, 3_000, 10);
	for (const s of [ab, ba, ca, ac, ab2, ba2]) s.socket.destroy();
	await relay.close();
});

test('a full room is refused with a sentence, a wrong code is refused and the members told, the room stays', async () => {
	const {relay, address} = await relayWith({membersPerRoom: 2});
	const first = await openRoom(address, 0x10);
	const a = watch(first);
	await assert.rejects(
		joinAny(address, first.channel, 0x11),
		(error: RelayError) => error.code === 'wrong-code',
	);
	await until('the link attempt heard', () => a.tried.length === 1, 3_000, 10);
	const second = await joinRoom(address, first.channel, 0x10);
	watch(second);
	await assert.rejects(joinAny(address, first.channel, 0x10), (error: RelayError) => {
		assert.equal(error.code, 'room-full');
		// This relay's rooms take 2, not facetty's default 8.
		assert.match(error.message, /the room is full: .* \(2\)$/);
		return true;
	});
	// An invite's join (an older client) is told the code is a room's, not left hanging.
	const second2 = joinChannel(address, first.channel, 0x10);
	await assert.rejects(second2, RelayError);
	assert.equal(relay.stats().refused['room-full'], 2);
	first.leave();
	second.leave();
	await relay.close();
});

test('a link with a wrong key is refused and costs its source like a wrong code', async () => {
	const {relay, address} = await relayWith();
	const first = await openRoom(address, 0x01);
	watch(first);
	const second = await joinRoom(address, first.channel, 0x01);
	watch(second);
	const socket = net.connect({host: '127.0.0.1', port: address.port});
	socket.on('error', () => undefined);
	socket.write(
		encodeRequest({kind: 'link', channel: first.channel, id: 1, peer: 2, key: '0123456789abcdef'}),
	);
	const answer = collect(socket, 1);
	assert.match((await answer).toString('latin1'), /^err no-channel/);
	socket.destroy();
	first.leave();
	second.leave();
	await relay.close();
});

test('eight members from one address, with the default limits: all 28 links pair within the minute', async () => {
	const {relay, address} = await relayWith();
	const first = await openRoom(address, 0x22);
	const controls = [first];
	for (let i = 1; i < 8; i++) controls.push(await joinRoom(address, first.channel, 0x22));
	const sockets: net.Socket[] = [];
	// Each member links to every member it hears of, as a Room does.
	const links = controls.map(
		(control) =>
			new Promise<void>((resolve, reject) => {
				let linked = 0;
				control.on('member', (peer) => {
					control.link(peer).then((paired) => {
						sockets.push(paired.socket);
						if (++linked === 7) resolve();
					}, reject);
				});
				control.start();
			}),
	);
	await Promise.all(links);
	assert.equal(relay.stats().callsPaired, 28);
	assert.equal(relay.stats().roomMembers, 8);
	for (const control of controls) control.leave();
	for (const socket of sockets) socket.destroy();
	await relay.close();
});

test('a room nobody joins expires, and its creator is told', async () => {
	const {relay, address} = await relayWith({channelTtlMs: 100});
	const first = await openRoom(address, 0x05);
	const closed = once(first, 'closed');
	first.start();
	const [error] = (await closed) as [RelayError];
	assert.equal(error.code, 'expired');
	assert.equal(relay.stats().roomsOpen, 0);
	await relay.close();
});

test('the room lines: requests and replies round-trip; malformed ones are refused', () => {
	const requests = [
		{kind: 'room', tag: 0x3f},
		{kind: 'link', channel: 42, id: 1, peer: 8, key: '0123456789abcdef'},
	] as const;
	for (const request of requests) {
		const line = encodeRequest(request).toString('latin1').trimEnd();
		assert.deepEqual(parseRequest(line), request);
	}
	for (const bad of [
		'FTYR1 room 3F',
		'FTYR1 link 42 1 1 0123456789abcdef',
		'FTYR1 link 42 1 2 0123456789abcde',
		'FTYR1 link 42 0 2 0123456789abcdef',
		'FTYR1 link 42 1000 2 0123456789abcdef',
	])
		assert.ok('error' in parseRequest(bad), bad);
	const replies = [
		{kind: 'room', channel: 7, id: 3, key: 'ffffffffffffffff'},
		{kind: 'member', id: 8},
		{kind: 'left', id: 2},
		{kind: 'ping'},
	] as const;
	for (const reply of replies) {
		const line = encodeReply(reply).toString('latin1').trimEnd();
		assert.deepEqual(parseReply(line), reply);
	}
	for (const bad of ['room 7 3 xyz', 'member 0', 'left 01', 'room 0 1 ffffffffffffffff'])
		assert.ok('error' in parseReply(bad), bad);
	assert.deepEqual(parseReply('err room-full the room is full (8 members)'), {
		kind: 'err',
		code: 'room-full',
		text: 'the room is full (8 members)',
	});
});

/** A member that joins by hand and never answers the relay's pings (a frozen process). */
async function silentMember(address: RelayAddress, channel: number, tag: number) {
	const socket = net.connect(address);
	socket.on('error', () => undefined);
	await once(socket, 'connect');
	socket.write(encodeRequest({kind: 'join', channel, tag}));
	let text = '';
	socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
	return {socket, lines: () => text.split('\n').filter(Boolean)};
}

test('a member of a full room of 8 that stops answering pings is dropped: the others hear it left, a ninth gets its seat, it is told', async (t) => {
	// The default room size; the ping and the limit made short.
	const {relay, address} = await relayWith({memberPingMs: 100, memberSilenceMs: 600});
	t.after(() => relay.close());
	const first = await openRoom(address, 0x21);
	t.after(() => first.leave());
	const a = watch(first);
	const frozen = await silentMember(address, first.channel, 0x21);
	t.after(() => frozen.socket.destroy());
	const others: Array<ReturnType<typeof watch>> = [];
	for (let i = 3; i <= 8; i++) {
		const member = await joinRoom(address, first.channel, 0x21);
		t.after(() => member.leave());
		others.push(watch(member));
	}
	await until('a full room of 8', () => a.members.size === 7, 3_000, 10);
	assert.equal(relay.stats().roomMembers, 8);
	// Full while it is listed.
	await assert.rejects(
		joinAny(address, first.channel, 0x21),
		(error: RelayError) => error.code === 'room-full',
	);
	const droppedAt = Date.now();
	await until(
		'every member told the frozen one left',
		() => [a, ...others].every((seen) => seen.left.includes(2)),
		3000,
		10,
	);
	const after = Date.now() - droppedAt;
	assert.ok(after <= 600 + 2 * 100 + 500, `dropped after ${after} ms`);
	assert.equal(relay.stats().roomMembers, 7);
	assert.equal(relay.stats().refused.silent, 1);
	await until(
		'the frozen member told why',
		() => frozen.lines().some((line) => line.startsWith('err silent ')),
		3_000,
		10,
	);
	// Pings came before the verdict, and the answering members stayed through them.
	assert.ok(frozen.lines().filter((line) => line === 'ping').length >= 3);
	const ninth = await joinRoom(address, first.channel, 0x21);
	t.after(() => ninth.leave());
	ninth.start();
	await until('the ninth in the freed seat', () => a.members.has(ninth.id), 3_000, 10);
	await new Promise((resolve) => setTimeout(resolve, 1000));
	assert.equal(relay.stats().roomMembers, 8, 'members that answer stay');
	assert.equal(relay.stats().refused.silent, 1);
});

test('a member that sends anything but one pong a ping on its room connection is closed and leaves', async (t) => {
	const {relay, address} = await relayWith({memberPingMs: 60_000});
	t.after(() => relay.close());
	const first = await openRoom(address, 0x22);
	t.after(() => first.leave());
	const a = watch(first);
	for (const [id, bytes] of [
		[2, 'pong\n'],
		[3, 'hello\n'],
	] as const) {
		const member = await silentMember(address, first.channel, 0x22);
		t.after(() => member.socket.destroy());
		await until('the member listed', () => a.members.has(id), 3_000, 10);
		// No ping was sent yet: an unasked pong is as wrong as any other line.
		member.socket.write(bytes);
		await until('the member dropped for its line', () => a.left.includes(id), 3_000, 10);
	}
	assert.equal(relay.stats().roomMembers, 1);
});

test(
	'a member that hears nothing from the relay (no ping) for its limit takes the room connection as lost',
	{timeout: 10_000},
	async (t) => {
		// A relay that answers the room request and then says nothing: a path that went dead.
		const server = net.createServer((socket) => {
			socket.once('data', () =>
				socket.write(encodeReply({kind: 'room', channel: 7, id: 1, key: 'ffffffffffffffff'})),
			);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		t.after(() => server.close());
		const control = await openRoom(
			{host: '127.0.0.1', port: (server.address() as net.AddressInfo).port},
			0x07,
		);
		t.after(() => control.leave());
		const closed = once(control, 'closed');
		const started = Date.now();
		control.start(400);
		const [error] = (await closed) as [RelayError];
		assert.equal(error.code, 'closed');
		assert.match(error.message, /sent nothing for/);
		assert.ok(Date.now() - started >= 400);
	},
);

test('a member answers every ping with one pong, and stays in the room', async (t) => {
	const {relay, address} = await relayWith({memberPingMs: 50, memberSilenceMs: 300});
	t.after(() => relay.close());
	const first = await openRoom(address, 0x23);
	t.after(() => first.leave());
	watch(first);
	let closed = false;
	first.on('closed', () => (closed = true));
	await new Promise((resolve) => setTimeout(resolve, 1200));
	assert.equal(closed, false);
	assert.equal(relay.stats().roomMembers, 1);
	assert.equal(relay.stats().refused.silent, 0);
});
