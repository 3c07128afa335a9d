/**
 * The room check code: equal on every screen in an honest room, a mismatch or different codes when
 * a middle-man sits on any pair, and fixed by each member's nonce that the others commit before.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	decodeRoomReveal,
	decodeRoomView,
	encodeRoomReveal,
	encodeRoomView,
} from '../../source/protocol/room.js';
import {RoomCheck, type RoomCheckState} from '../../source/trust/room-check.js';
import type {RoomReveal, RoomView} from '../../source/protocol/room.js';

type Wire = {from: string; to: string; view?: RoomView; reveal?: RoomReveal};

/**
 * Members exchange views and reveals until nothing is left to deliver; `tamper` may change (or
 * drop) what passes between two members, as a middle-man on that pair would. Every message goes
 * through the wire format.
 */
function run(
	members: Map<string, RoomCheck>,
	pairCodes: (a: string, b: string) => number,
	tamper: (message: Wire) => Wire | undefined = (m) => m,
): Map<string, RoomCheckState> {
	const queue: Wire[] = [];
	for (const [name, check] of members) {
		const pairs = new Map([...members.keys()].filter((m) => m !== name).map((m) => [m, pairCodes(name, m)]));
		const view = check.setPairs(pairs);
		for (const to of pairs.keys()) queue.push({from: name, to, view});
	}
	while (queue.length > 0) {
		const sent = tamper(queue.shift()!);
		if (!sent) continue;
		const check = members.get(sent.to)!;
		if (sent.view) {
			const reveal = check.receiveView(sent.from, decodeRoomView(encodeRoomView(sent.view)));
			if (reveal)
				for (const to of members.keys()) if (to !== sent.to) queue.push({from: sent.to, to, reveal});
		} else if (sent.reveal) check.receiveReveal(sent.from, decodeRoomReveal(encodeRoomReveal(sent.reveal)));
	}
	return new Map([...members].map(([name, check]) => [name, check.state]));
}

const names = ['1 SHA256:aaaa', '2 SHA256:bbbb', '3 SHA256:cccc'];
const honestCode = (a: string, b: string) => (a < b ? a + b : b + a).length * 1000 + 17;

function room(): Map<string, RoomCheck> {
	return new Map(names.map((name) => [name, new RoomCheck(name)]));
}

test('an honest room: every member shows the same six digits, and a new round gives a new code', () => {
	const first = run(room(), honestCode);
	const codes = [...first.values()].map((s) => (s.kind === 'code' ? s.code : s.kind));
	assert.match(codes[0]!, /^\d{3} \d{3}$/);
	assert.deepEqual(new Set(codes).size, 1);
	const second = run(room(), honestCode);
	assert.notEqual([...second.values()][0], first.get(names[0]!));
});

test('a middle-man on one pair that forwards the views faithfully: the third member sees the two reports differ', () => {
	const [a, b, c] = names as [string, string, string];
	// b and c each ran their own TLS session with the middle-man: their pair codes differ.
	const codes = (x: string, y: string) => {
		if ((x === b && y === c) || (x === c && y === b)) return x === b ? 111_111 : 222_222;
		return honestCode(x, y);
	};
	const states = run(room(), codes);
	assert.deepEqual(states.get(a), {kind: 'mismatch', between: [b, c]});
	assert.equal(states.get(b)!.kind, 'mismatch');
	assert.equal(states.get(c)!.kind, 'mismatch');
});

test("a middle-man that rewrites c's view for b hides it from b, not from a: no screen shows the honest code unchallenged", () => {
	const [a, b, c] = names as [string, string, string];
	const codes = (x: string, y: string) => {
		if ((x === b && y === c) || (x === c && y === b)) return x === b ? 111_111 : 222_222;
		return honestCode(x, y);
	};
	const states = run(room(), codes, (message) => {
		if (message.from === c && message.to === b && message.view)
			return {
				...message,
				view: {
					...message.view,
					pairs: message.view.pairs.map((p) => (p.member === b ? {...p, sas: 111_111} : p)),
				},
			};
		return message;
	});
	assert.deepEqual(states.get(a), {kind: 'mismatch', between: [b, c]});
});

test('a cut-off member fed a made-up room shows a code the middle-man could not choose', () => {
	// c's world: a' and b' are the middle-man's; everything c hears it chose, after seeing c's view.
	const [a, b, c] = names as [string, string, string];
	const real = room();
	const realStates = run(new Map([...real].filter(([n]) => n !== c)), honestCode);
	const realCode = realStates.get(a);
	assert.equal(realCode?.kind, 'code');
	const tries = new Set<string>();
	for (let i = 0; i < 20; i++) {
		const fake = room();
		const states = run(fake, honestCode);
		const shown = states.get(c);
		assert.equal(shown?.kind, 'code');
		tries.add((shown as {code: string}).code);
	}
	// The same made-up room every time, and still a fresh code each time: c's own nonce decides it.
	assert.ok(tries.size >= 19, `${tries.size} distinct codes`);
	assert.equal(realStates.get(b)?.kind, 'code');
	assert.deepEqual(realStates.get(a), realStates.get(b));
});

test('a reveal that does not open its commitment is a mismatch', () => {
	const [a, b] = names as [string, string];
	const two = new Map([a, b].map((name) => [name, new RoomCheck(name)]));
	const states = run(two, honestCode, (message) =>
		message.reveal && message.from === b
			? {...message, reveal: {...message.reveal, nonce: Buffer.alloc(32, 7)}}
			: message,
	);
	assert.deepEqual(states.get(a), {kind: 'mismatch', between: [a, b]});
	assert.equal(states.get(b)?.kind, 'code');
});

test('views of another round wait; a member alone has no code', () => {
	const [a, b] = names as [string, string];
	const check = new RoomCheck(a);
	assert.equal(check.setPairs(new Map()), undefined);
	assert.deepEqual(check.state, {kind: 'alone'});
	check.setPairs(new Map([[b, 5]]));
	const other = new RoomCheck(b);
	const stale = other.setPairs(
		new Map([
			[a, 5],
			[names[2]!, 6],
		]),
	)!;
	assert.equal(check.receiveView(b, stale), undefined);
	assert.deepEqual(check.state, {kind: 'waiting'});
});
