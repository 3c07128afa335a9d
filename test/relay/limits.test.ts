import assert from 'node:assert/strict';
import {test} from 'node:test';
import {relaySentence} from '../../source/relay/client.js';
import {defaultRelayLimits, durationInWords, inviteLifetime} from '../../source/relay/limits.js';

test('durations in words: whole minutes as minutes, the rest in seconds', () => {
	assert.equal(durationInWords(10 * 60_000), '10 minutes');
	assert.equal(durationInWords(60_000), '1 minute');
	assert.equal(durationInWords(90_000), '90 seconds');
	assert.equal(durationInWords(1000), '1 second');
});

test("the invite's lifetime the sentences promise is the relay's channel lifetime", () => {
	assert.equal(inviteLifetime, durationInWords(defaultRelayLimits.channelTtlMs));
	assert.equal(relaySentence('expired'), `the invite expired: nobody joined within ${inviteLifetime}`);
});
