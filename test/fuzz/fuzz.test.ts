import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ProtocolError} from '../../source/protocol/errors.js';
import {expectProtocolError, fuzz, Random, targets} from './run.js';

test("fuzz: every parser, 20000 mutated inputs each, only ProtocolError (from the relay's line parsers: a refusal) or consistent results", (t) => {
	const results = fuzz({iterations: 20_000, seed: 20240606});
	for (const r of results) t.diagnostic(`${r.target}: ${r.iterations} inputs, ${r.refused} refused`);
	assert.equal(results.length, targets.length);
	for (const r of results) {
		assert.equal(r.iterations, 20_000);
		// A fuzzer whose inputs are all refused (or all accepted) is not exploring.
		assert.ok(
			r.refused > 0 || r.target === 'greeting' || r.target === 'jpeg header' || r.target.startsWith('known'),
			r.target,
		);
		assert.ok(r.refused < r.iterations, `${r.target}: every input refused`);
	}
});

test('fuzz: the oracle refuses quietly on ProtocolError and reports anything else with the input', () => {
	const input = Buffer.from([1, 2, 3]);
	assert.equal(
		expectProtocolError('t', input, () => {
			throw new ProtocolError('bad-message', 'no');
		}),
		'refused',
	);
	assert.equal(
		expectProtocolError('t', input, () => undefined),
		'ok',
	);
	assert.throws(
		() =>
			expectProtocolError('t', input, () => {
				throw new RangeError('out of bounds');
			}),
		/t: input 010203 threw RangeError: out of bounds/,
	);
});

test('fuzz: the generator replays a seed (a failure can be reproduced from it) and spreads over [0, 1)', () => {
	const sequence = (seed: number) => {
		const random = new Random(seed);
		return Array.from({length: 1000}, () => random.next());
	};
	assert.deepEqual(sequence(7), sequence(7));
	assert.notDeepEqual(sequence(7), sequence(8));
	const values = sequence(7);
	assert.ok(values.every((value) => value >= 0 && value < 1));
	assert.equal(new Set(values).size, values.length, 'no value repeats within 1000');
	const low = values.filter((value) => value < 0.5).length;
	assert.ok(low > 420 && low < 580, `${low} of 1000 below one half`);
});
