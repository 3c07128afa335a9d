import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	admission,
	GuessLimiter,
	type AdmissionLimits,
	type GuessLimits,
	type Unfinished,
} from '../../source/net/admission.js';

const limits: AdmissionLimits = {perSource: 4, total: 8, stalledMs: 2000};
const now = 100_000;

/** `n` connections from `source`, named source#i, the i-th silent for `stalled[i]` ms (default: stalled long). */
function from(source: string, n: number, silentMs: (i: number) => number = () => 5000): Unfinished<string>[] {
	return Array.from({length: n}, (_, i) => ({
		id: `${source}#${i}`,
		source,
		since: now - 10_000,
		progressed: now - silentMs(i),
	}));
}

test('admission: the rule, case by case', () => {
	const table: Array<[string, Unfinished<string>[], string, ReturnType<typeof admission<string>>]> = [
		['room for everyone', from('a', 2), 'b', {admit: true}],
		[
			'its own source full: its longest-silent goes',
			from('a', 4, (i) => 3000 + i * 100),
			'a',
			{admit: true, drop: 'a#3'},
		],
		[
			'its own source full, all still sending: refused',
			from('a', 4, () => 100),
			'a',
			{admit: false, why: 'source'},
		],
		[
			'full in all: the heaviest source gives way, not the lighter',
			[...from('a', 4, () => 9000), ...from('b', 2, () => 3000), ...from('c', 2)],
			'd',
			{admit: true, drop: 'a#0'},
		],
		[
			'full in all: a connection still sending is never dropped',
			[
				...from('a', 4, () => 500),
				...from('b', 2, () => 100),
				...from('c', 2, (i) => (i === 0 ? 2500 : 100)),
			],
			'd',
			{admit: true, drop: 'c#0'},
		],
		[
			'full in all: a source lighter than the newcomer is not dropped for it',
			[
				...from('a', 3, () => 100),
				...from('b', 1),
				...from('c', 1),
				...from('d', 1),
				...from('e', 1),
				...from('f', 1),
			],
			'a',
			{admit: false, why: 'total'},
		],
		[
			'full in all, everyone still sending: refused',
			[...from('a', 4, () => 100), ...from('b', 4, () => 100)],
			'c',
			{admit: false, why: 'total'},
		],
		[
			'full in all, nobody stalled yet (a crowd that came at once): a source filling its share gives way for a lighter one',
			[...from('a', 4, (i) => 1500 - i * 100), ...from('b', 4, () => 900)],
			'c',
			{admit: true, drop: 'a#0'},
		],
		[
			'full in all, nobody stalled yet, and nobody quiet for a quarter of the stall time: refused',
			[...from('a', 4, () => 400), ...from('b', 4, () => 400)],
			'c',
			{admit: false, why: 'total'},
		],
		[
			'full in all, nobody stalled yet: a source short of its share does not give way',
			[...from('a', 3, () => 1500), ...from('b', 3, () => 1500), ...from('c', 2, () => 1500)],
			'd',
			{admit: false, why: 'total'},
		],
		[
			'full in all, nobody stalled yet: a newcomer as heavy as the full source is refused',
			[...from('a', 4, () => 1500), ...from('b', 3, () => 1500), ...from('c', 1, () => 100)],
			'b',
			{admit: false, why: 'total'},
		],
		[
			'full in all, the newcomer heaviest: its own stalled one goes',
			[...from('a', 3, () => 3000), ...from('b', 3, () => 100), ...from('c', 2, () => 9000)],
			'a',
			{admit: true, drop: 'a#0'},
		],
	];
	for (const [name, entries, source, expected] of table) {
		assert.deepEqual(
			admission(entries, source, limits, now, () => 0),
			expected,
			name,
		);
	}
});

test('admission: ties between equally stalled connections are broken at random', () => {
	const entries = [...from('a', 4), ...from('b', 4)];
	const dropped = new Set<string>();
	for (let i = 0; i < 64; i++) {
		const verdict = admission(entries, 'c', limits, now, () => (i % 8) / 8);
		assert.ok(verdict.admit && verdict.drop);
		dropped.add(verdict.drop);
	}
	assert.equal(dropped.size, 8);
});

test('admission: a crowd that redials never drops a caller whose handshake is under way', () => {
	// 16 sources x 4 stalled connections fill 64 slots; a caller arrives and keeps sending while
	// the crowd redials 1000 times (each arrival makes its own source heaviest).
	const crowd: AdmissionLimits = {perSource: 4, total: 64, stalledMs: 2000};
	let entries: Unfinished<string>[] = Array.from({length: 16}, (_, s) => from(`10.0.0.${s}`, 4)).flat();
	let t = now;
	const arrive = (id: string, source: string, stalled: boolean) => {
		const verdict = admission(entries, source, crowd, t, Math.random);
		if (!verdict.admit) return false;
		entries = entries.filter((e) => e.id !== verdict.drop);
		entries.push({id, source, since: t, progressed: stalled ? t - 3000 : t});
		return true;
	};
	assert.ok(arrive('caller', '192.0.2.1', false));
	for (let i = 0; i < 1000; i++) {
		t += 10;
		entries = entries.map((e) => (e.id === 'caller' ? {...e, progressed: t} : e));
		arrive(`x${i}`, `10.0.0.${i % 16}`, true);
		assert.ok(
			entries.some((e) => e.id === 'caller'),
			`the caller is still there after ${i + 1} arrivals`,
		);
		assert.ok(entries.length <= 64);
	}
});

const guessLimits: GuessLimits = {
	freeFailures: 1,
	baseMs: 1000,
	maxMs: 60_000,
	perSecond: 1,
	burst: 4,
	forgetMs: 600_000,
	maxSources: 100,
};

test('guesses: one in flight per source, exponential waits from the second wrong one, cleared by a right one', () => {
	const limiter = new GuessLimiter(guessLimits, 0);
	let t = 0;
	assert.deepEqual(limiter.take('a', t), {ok: true});
	assert.equal(limiter.check('a', t).ok, false, 'one guess in flight at a time');
	limiter.settle('a', false, t);
	assert.deepEqual(limiter.take('a', t), {ok: true}, 'the first wrong guess is free (a typo retried)');
	limiter.settle('a', false, t);
	const waits: number[] = [];
	for (let i = 0; i < 6; i++) {
		const verdict = limiter.check('a', t);
		assert.ok(!verdict.ok && verdict.why === 'source');
		waits.push(verdict.waitMs);
		t += verdict.waitMs + 10_000; // the overall bucket is full again
		assert.deepEqual(limiter.take('a', t), {ok: true});
		limiter.settle('a', false, t);
	}
	assert.deepEqual(waits, [1000, 2000, 4000, 8000, 16_000, 32_000]);
	assert.equal((limiter.check('a', t + 59_999) as {ok: boolean}).ok, false, 'capped at maxMs');
	t += 60_000;
	assert.deepEqual(limiter.take('a', t), {ok: true});
	limiter.settle('a', true, t);
	assert.deepEqual(limiter.check('a', t), {ok: true}, 'a right guess clears the record');
});

test('guesses: at most about one a second in all, from any number of sources', () => {
	const limiter = new GuessLimiter(guessLimits, 0);
	let taken = 0;
	// 200 sources, each trying every 10 ms for 100 s.
	for (let t = 0; t < 100_000; t += 10) {
		const source = `s${(t / 10) % 200}`;
		if (limiter.take(source, t).ok) {
			taken++;
			limiter.settle(source, false, t + 5);
		}
	}
	assert.ok(taken <= 100 + guessLimits.burst, `${taken} guesses in 100 s`);
	assert.ok(taken >= 50, `${taken} guesses in 100 s: the limit is not a lockout`);
});

test('guesses: sources remembered stay bounded', () => {
	const limiter = new GuessLimiter({...guessLimits, perSecond: 1e9, burst: 1e9, maxSources: 10}, 0);
	for (let i = 0; i < 1000; i++) {
		for (let wrong = 0; wrong < 2; wrong++) {
			limiter.take(`s${i}`, i);
			limiter.settle(`s${i}`, false, i);
		}
	}
	assert.deepEqual(limiter.check('s0', 1000), {ok: true}, 'the oldest were forgotten');
	assert.equal(limiter.check('s999', 1000).ok, false);
});
