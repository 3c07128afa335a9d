/**
 * A member that stops reading slows nobody else: three members, and the third stops reading what
 * the first sends it. The first member's picture is encoded once for both others
 * (encoder-pool.ts), so a stalled pair must skip frames rather than hold the shared encoder; the
 * second member still receives the first's picture at the rate it did before.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startRelay} from '../../source/relay/server.js';
import {createRoom, type Room, type RoomOptions} from '../../source/room/room.js';
import {joinCode} from '../../source/room/join.js';
import {patternFrame, until} from '../session/helpers.js';
import {cuttingProxy} from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test(
	'a member that stops reading one pair does not lower the frame rate the others receive',
	{timeout: 90_000},
	async (t) => {
		const relay = await startRelay({host: '127.0.0.1', port: 0});
		const proxy = await cuttingProxy({host: '127.0.0.1', port: relay.port});
		// No direct offers: every pair goes through the proxy, which stalls one. The stalled pair
		// stays stalled for the measurement: a member hearing nothing for memberSilenceMs would link
		// the pair again (room-silent.test.ts), which is not what this test is about.
		const options = (name: string): RoomOptions => ({
			name,
			shownSize: {width: 160, height: 120},
			directAddresses: [],
			silenceTimeoutMs: 60_000,
		});
		const first = await createRoom(proxy.address, options('Ada'));
		const second = ((await joinCode(proxy.address, first.text, options('Bo'))) as {room: Room}).room;
		const third = ((await joinCode(proxy.address, first.text, options('Cy'))) as {room: Room}).room;
		const rooms = [first, second, third];
		const seen = rooms.map(() => new Map<number, number>());
		rooms.forEach((room, i) => room.on('frame', (id) => seen[i]!.set(id, (seen[i]!.get(id) ?? 0) + 1)));
		let index = 0;
		const camera = setInterval(() => {
			index++;
			for (const room of rooms) room.sendFrame(patternFrame(160, 120, index));
		}, 1000 / 15);
		/** Frames a second member `to` receives from member 1 over the next `ms`. */
		const rateFromFirst = async (to: number, ms: number) => {
			seen[to - 1]!.delete(1);
			await sleep(ms);
			return ((seen[to - 1]!.get(1) ?? 0) * 1000) / ms;
		};
		try {
			const inCall = (room: Room) =>
				room.members.size === 2 && [...room.members.values()].every((m) => m.state === 'in-call');
			await until('every pair in its call', () => rooms.every(inCall), 30_000);
			await sleep(3000);
			const before = await rateFromFirst(2, 4000);
			proxy.stopReading(3, 1);
			await sleep(1000);
			const [after, stalled] = await Promise.all([rateFromFirst(2, 4000), rateFromFirst(3, 4000)]);
			t.diagnostic(
				`member 2 from member 1: ${before.toFixed(1)} fps before, ${after.toFixed(1)} with member 3 stalled (${stalled.toFixed(1)})`,
			);
			assert.ok(before >= 3, `only ${before} fps before the stall`);
			assert.ok(stalled < before / 2, 'member 3 did not stall');
			assert.ok(after >= before * 0.6, `member 2 fell from ${before.toFixed(1)} to ${after.toFixed(1)} fps`);
		} finally {
			clearInterval(camera);
			for (const room of rooms) room.leave();
			proxy.close();
			await relay.close();
		}
	},
);
