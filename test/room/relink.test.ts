import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	lostRelinkPauseMs,
	PairRelinks,
	relinkDelaysMs,
	relinkSteadyMs,
	silentGraceMs,
} from '../../source/room/relink.js';
import {defaultTimeouts} from '../../source/session/call.js';

const delays = (
	relinks: PairRelinks,
	id: number,
	times: number,
	silent: boolean,
	at: (i: number) => number,
) => Array.from({length: times}, (_, i) => relinks.dropped(id, `drop ${i}`, silent, at(i)));

test('a dropped pair links again after each pause in turn, then is given up with its first reason', () => {
	const relinks = new PairRelinks();
	assert.equal(relinks.again(2), false);
	const steps = delays(relinks, 2, relinkDelaysMs.length + 1, false, () => 1000);
	assert.deepEqual(
		steps.slice(0, -1),
		relinkDelaysMs.map((delayMs) => ({delayMs})),
	);
	assert.deepEqual(steps.at(-1), {giveUp: 'drop 0; it could not be reached again'});
	assert.equal(relinks.again(2), true);
	// Another member's pair has its own count.
	assert.deepEqual(relinks.dropped(3, 'x', false, 1000), {delayMs: relinkDelaysMs[0]});
	relinks.clear();
});

test('a pair steady in its call for a while has all its attempts back; a shorter call does not', () => {
	const relinks = new PairRelinks();
	relinks.dropped(2, 'first', false, 0);
	relinks.dropped(2, 'second', false, 100);
	relinks.inCall(2, 1000);
	assert.deepEqual(relinks.dropped(2, 'third', false, 1000 + relinkSteadyMs - 1), {
		delayMs: relinkDelaysMs[2],
	});
	relinks.inCall(2, 50_000);
	assert.deepEqual(relinks.dropped(2, 'fourth', false, 50_000 + relinkSteadyMs), {
		delayMs: relinkDelaysMs[0],
	});
	// The reason is the new drop's, not the one before the steady call.
	const rest = delays(relinks, 2, relinkDelaysMs.length, false, () => 90_000);
	assert.deepEqual(rest.at(-1), {giveUp: 'fourth; it could not be reached again'});
	relinks.clear();
});

test('a member gone silent is tried at a pause until lostMemberMs, and not once the relay refuses it', () => {
	const relinks = new PairRelinks();
	const start = 10_000;
	const first = delays(relinks, 4, relinkDelaysMs.length, true, () => start);
	assert.ok(first.every((step) => 'delayMs' in step));
	assert.deepEqual(relinks.dropped(4, 'x', true, start + 1000), {delayMs: lostRelinkPauseMs});
	assert.deepEqual(relinks.dropped(4, 'x', true, start + defaultTimeouts.lostMemberMs - 1), {
		delayMs: lostRelinkPauseMs,
	});
	assert.ok('giveUp' in relinks.dropped(4, 'x', true, start + defaultTimeouts.lostMemberMs));

	delays(relinks, 5, relinkDelaysMs.length, true, () => start);
	relinks.refused(5);
	assert.ok('giveUp' in relinks.dropped(5, 'x', false, start + 1000));
	relinks.clear();
});

test("a pair that fell silent allows its next calls twice the silence, up to the call's idle limit", () => {
	const relinks = new PairRelinks();
	assert.equal(relinks.silenceFor(2), undefined);
	let allowed = defaultTimeouts.memberSilenceMs;
	const seen: number[] = [];
	for (let i = 0; i < 6; i++) {
		relinks.fellSilent(2, allowed);
		allowed = relinks.silenceFor(2)!;
		seen.push(allowed);
	}
	assert.equal(seen[0], 2 * defaultTimeouts.memberSilenceMs);
	assert.equal(seen.at(-1), defaultTimeouts.idleMs);
	assert.ok(seen.every((ms, i) => i === 0 || ms >= seen[i - 1]!));
	relinks.forget(2);
	assert.equal(relinks.silenceFor(2), undefined);
	assert.equal(relinks.again(2), false);
});

test('the grace runs once unless the pair is back in its call; forget clears the pending attempt', async () => {
	const relinks = new PairRelinks();
	relinks.dropped(2, 'silent', true);
	let gone = 0;
	relinks.graceFor(2, () => gone++);
	relinks.graceFor(2, () => gone++);
	relinks.dropped(3, 'silent', true);
	let goneToo = 0;
	relinks.graceFor(3, () => goneToo++);
	relinks.inCall(3);
	let attempts = 0;
	relinks.schedule(2, 10, () => attempts++);
	relinks.schedule(2, 20, () => attempts++);
	relinks.dropped(4, 'x', false);
	let forgotten = 0;
	relinks.schedule(4, 10, () => forgotten++);
	relinks.forget(4);
	await new Promise((resolve) => setTimeout(resolve, silentGraceMs + 200));
	assert.equal(gone, 1);
	assert.equal(goneToo, 0);
	assert.equal(attempts, 1, 'one pending attempt a pair');
	assert.equal(forgotten, 0);
	relinks.clear();
});
