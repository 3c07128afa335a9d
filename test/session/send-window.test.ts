import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	ackGiveUpMs,
	baseFramesInFlight,
	maxFramesInFlight,
	SendWindow,
} from '../../source/session/send-window.js';

type Link = {roundTripMs: number; bytesPerMs: number};

/**
 * A frame of `bytes` every 33 ms over a link: it queues behind the frames before it, crosses at
 * the link's rate, and its ack comes back half a round trip later. Returns frames sent and the
 * worst time from sending to ack.
 */
function simulate(
	link: Link,
	bytes: number,
	frames: number,
	/** How long the peer holds frame seq's ack (held-acks.ts), which it says in the ack. */
	holdMs: (seq: number) => number = () => 0,
): {sent: number; worstDelay: number} {
	const window = new SendWindow();
	window.setRoundTrip(link.roundTripMs);
	const acks: Array<{seq: number; at: number; held: number}> = [];
	let linkFreeAt = 0;
	let sent = 0;
	let worstDelay = 0;
	for (let now = 0, seq = 0; seq < frames; now++) {
		for (const ack of acks.filter((a) => a.at === now)) window.acked(ack.seq, now, ack.held);
		if (now % 33 !== 0) continue;
		seq++;
		if (!window.canSend()) continue;
		window.sent(seq, now, bytes);
		const arrives = Math.max(now, linkFreeAt) + Math.ceil(bytes / link.bytesPerMs);
		linkFreeAt = arrives;
		const held = holdMs(seq);
		const ackAt = arrives + link.roundTripMs + held;
		acks.push({seq, at: ackAt, held});
		worstDelay = Math.max(worstDelay, ackAt - now);
		sent++;
	}
	return {sent, worstDelay};
}

// 2 mbit/s is 250 bytes a millisecond.
const slowFarLink = {roundTripMs: 80, bytesPerMs: 250};

test('two frames may always be in flight, before anything is known of the link', () => {
	const window = new SendWindow();
	window.sent(1, 0, 1000);
	assert.equal(window.canSend(), true);
	window.sent(2, 0, 1000);
	assert.equal(window.framesInFlight, baseFramesInFlight);
	assert.equal(window.canSend(), false);
});

test('a long round trip with room to spare carries every frame', () => {
	// 6.5 KB frames take 26 ms to cross: the link has room for 30 a second, but a round trip of
	// 80 ms needs about 4 frames in flight to carry them all.
	const {sent} = simulate(slowFarLink, 6500, 300);
	assert.ok(sent >= 294, `${sent} of 300 sent`);
});

test('a full link keeps two frames in flight: latency stays near one round trip and two frames', () => {
	// 30 KB frames take 120 ms each: at most 8 a second get through; the rest are dropped.
	const {sent, worstDelay} = simulate(slowFarLink, 30_000, 300);
	assert.ok(sent < 90, `${sent} of 300 sent`);
	assert.ok(worstDelay <= 80 + 2 * 120 + 1, `a frame waited ${worstDelay} ms for its ack`);
});

test('a peer that holds its acks up to 40 ms (and says so) still gets every frame a link with room carries', () => {
	// Its own camera's next frame comes at any moment of its 33 ms interval, or the 40 ms timer.
	const hold = (seq: number) => (seq * 17) % 41;
	const {sent} = simulate(slowFarLink, 6500, 300, hold);
	assert.ok(sent >= 294, `${sent} of 300 sent`);
	// And a full link stays as bounded as with prompt acks, give or take the hold.
	const full = simulate(slowFarLink, 30_000, 300, hold);
	assert.ok(full.sent < 90, `${full.sent} of 300 sent`);
	assert.ok(full.worstDelay <= 80 + 2 * 120 + 40 + 1, `a frame waited ${full.worstDelay} ms for its ack`);
});

test('never more than the cap, however fast the link', () => {
	const window = new SendWindow();
	window.setRoundTrip(1);
	window.sent(1, 0, 1000);
	window.acked(1, 2);
	for (let seq = 2; window.canSend(); seq++) window.sent(seq, 10, 1000);
	assert.equal(window.framesInFlight, maxFramesInFlight);
});

test('an ack covers the frames sent before it; a peer that stops acking is given up on', () => {
	const window = new SendWindow();
	window.sent(1, 0, 100);
	window.sent(2, 0, 100);
	window.sent(3, 0, 100);
	window.acked(2, 50);
	assert.equal(window.framesInFlight, 1);
	assert.equal(window.gaveUp(ackGiveUpMs), false);
	assert.equal(window.gaveUp(ackGiveUpMs + 1), true);
	assert.equal(window.framesInFlight, 0);
});
