/**
 * A member that falls silent without closing anything (its process frozen, as a cut cable or a
 * dropping firewall leaves it: no FIN, no reset) is gone from the others' rooms within a few
 * seconds, and the others go on. The silent member is a real process stopped with SIGSTOP: its
 * kernel still answers TCP (the relay's keep-alive sees a live connection), only its bytes stop.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {silentGraceMs} from '../../source/room/relink.js';
import {defaultTimeouts} from '../../source/session/call.js';
import type {RoomStats} from '../../source/room/room.js';
import {until} from '../session/helpers.js';
import {memberProcess, twoMembersAtRelay} from './helpers.js';

test(
	'a member frozen mid-call (no FIN, no reset) is gone from the others within a few seconds, and back when it runs again',
	{timeout: 120_000},
	async (t) => {
		const {relay, first, second, rooms, seen} = await twoMembersAtRelay(t);

		let childStats: RoomStats | undefined;
		const child = memberProcess(t, relay.port, first.text, 'Cy', (line) => {
			if ('peers' in line) childStats = line as unknown as RoomStats;
		});
		const third = 3;
		// Every pair in its call, pictures from the third arriving at both, and its own pictures in.
		await until(
			'the three in their calls',
			() =>
				rooms.every(
					(room) => room.members.size === 2 && [...room.members.values()].every((m) => m.state === 'in-call'),
				) &&
				seen.every((counts) => (counts.get(third) ?? 0) >= 5) &&
				(childStats?.peers.every((peer) => peer.state === 'in-call' && peer.fps_in > 0) ?? false),
			60_000,
		);
		// Let the pairs settle where they go (direct or relay) before the freeze.
		await new Promise((resolve) => setTimeout(resolve, 3000));

		child.kill('SIGSTOP');
		const frozenAt = Date.now();
		const goneAfter: Array<number | undefined> = [undefined, undefined];
		rooms.forEach((room, i) => {
			const check = () => {
				if (goneAfter[i] === undefined && !room.members.has(third)) goneAfter[i] = Date.now() - frozenAt;
			};
			room.on('members', check);
		});
		await until('the frozen member to be gone', () => goneAfter.every((ms) => ms !== undefined), 60_000);
		// Three seconds of silence, one attempt to link again that the member does not come to, and
		// slack for a loaded machine (it took half a minute, every attempt's wait, before).
		const bound = defaultTimeouts.memberSilenceMs + silentGraceMs + 2500;
		for (const ms of goneAfter) assert.ok(ms! <= bound, `gone after ${goneAfter.join(' and ')} ms`);
		// The two go on with each other.
		seen[0]!.clear();
		seen[1]!.clear();
		await until('the two to go on', () => (seen[0]!.get(2) ?? 0) >= 5 && (seen[1]!.get(1) ?? 0) >= 5, 10_000);
		assert.equal(first.members.get(2)?.state, 'in-call');
		assert.equal(second.members.get(1)?.state, 'in-call');
		t.diagnostic(`gone after ${goneAfter.join(' and ')} ms`);

		// It was only stopped (a loaded machine can stop a process for seconds): once it runs again its
		// pairs link again, and it is back in both rooms with its pictures.
		child.kill('SIGCONT');
		await until(
			'the member to come back',
			() => rooms.every((room) => room.members.get(third)?.state === 'in-call'),
			30_000,
		);
		seen[0]!.clear();
		seen[1]!.clear();
		await until('its pictures again', () => seen.every((counts) => (counts.get(third) ?? 0) >= 5), 10_000);
		// Its silence was a stall: its pairs now allow it twice as long before taking it for gone.
		for (const room of rooms)
			assert.equal(
				room.members.get(third)!.call!.options.silenceTimeoutMs,
				2 * defaultTimeouts.memberSilenceMs,
			);
	},
);
