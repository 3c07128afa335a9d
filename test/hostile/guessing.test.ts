/**
 * Online guessing of --secret (issue 17 case 4): 200 addresses guess as fast as the listener lets
 * them, and the listener checks at most about one guess a second in all; each turned-away guesser
 * is told WAIT, and the listener says why in its 'rejected' sentences.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {listen} from '../../source/session/connect.js';
import {guessOnce, sleep} from './attacks.js';

test('200 addresses guessing --secret get at most about one guess a second checked, in all', async (t) => {
	const listener = await listen({host: '127.0.0.1', port: 0, codec: 'raw', secret: 'correct horse'});
	t.after(() => listener.close());
	const reasons = new Set<string>();
	let checkedByListener = 0;
	listener.on('rejected', (error) => {
		const code = (error as {code?: string}).code;
		if (code === 'secret-mismatch') checkedByListener++;
		if (code === 'too-many') reasons.add(error.message.replace(/\d+ (s|min)\b/, 'N $1'));
	});
	const seconds = 12;
	const until = Date.now() + seconds * 1000;
	const outcomes = new Map<string, number>();
	await Promise.all(
		Array.from({length: 200}, async (_, i) => {
			const address = `127.0.10.${i + 1}`;
			while (Date.now() < until) {
				const outcome = await guessOnce(listener.port, address, `guess ${i} ${Date.now()}`);
				outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
				await sleep(400);
			}
		}),
	);
	t.diagnostic(
		`outcomes: ${[...outcomes].map(([o, n]) => `${o} ${n}`).join(', ')}; listener checked ${checkedByListener}`,
	);
	t.diagnostic(`the listener said: ${[...reasons].join(' | ')}`);
	const checked = outcomes.get('checked') ?? 0;
	// The burst (4), then one a second.
	assert.ok(checked <= seconds + 4 + 1, `${checked} guesses checked in ${seconds} s`);
	assert.ok(checked >= seconds / 2, `${checked} guesses checked in ${seconds} s: the limit is not a lockout`);
	assert.ok((outcomes.get('WAIT') ?? 0) > 0, 'guessers were told WAIT');
	assert.ok(
		[...reasons].some((r) => /secrets were tried lately from everywhere/.test(r)),
		[...reasons].join(' | '),
	);
	// The right secret gets in once the guessing stops.
	await sleep(1500);
	assert.equal(await guessOnce(listener.port, '127.0.11.1', 'correct horse'), 'right');
});
