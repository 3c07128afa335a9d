import assert from 'node:assert/strict';
import {test} from 'node:test';
import {relaySentence} from '../../source/relay/client.js';
import {defaultRelayLimits, durationInWords, inviteLifetime} from '../../source/relay/limits.js';
import {relinkDelaysMs, relinkWaitMs} from '../../source/room/relink.js';
import {defaultTimeouts} from '../../source/session/call-types.js';

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

test("a room's limits at the relay and at its members fit together", () => {
	const {memberPingMs, memberSilenceMs} = defaultRelayLimits;
	// The relay drops a silent member at most one ping after its limit: the others still try its
	// pairs then, so a member that wakes just before finds them.
	assert.ok(memberSilenceMs + memberPingMs < defaultTimeouts.lostMemberMs);
	// ...and later than the pairs' first attempts, which a merely stalled member answers.
	const firstAttempts =
		defaultTimeouts.memberSilenceMs +
		relinkDelaysMs.reduce((sum, ms) => sum + ms, 0) +
		relinkDelaysMs.length * relinkWaitMs;
	assert.ok(firstAttempts < defaultTimeouts.lostMemberMs);
	// A member hears several pings before it takes the relay for lost.
	assert.ok(defaultTimeouts.roomRelayQuietMs >= 4 * memberPingMs);
	// Generous against stalls of a loaded machine (7.6 s seen at load 15) between two pings.
	assert.ok(memberSilenceMs - memberPingMs >= 3 * 7600);
	assert.match(relaySentence('silent'), /dropped this member from the room/);
	// A room's size is the only thing taken from the relay's text, and only as digits.
	assert.match(relaySentence('room-full', 'the room is full (5 members)'), /lets a room have \(5\)$/);
	assert.doesNotMatch(relaySentence('room-full', 'the room is full (\x1b[2J members)'), /\(/);
	assert.doesNotMatch(relaySentence('room-full', 'the room is full (8 members) and more'), /\(/);
});
