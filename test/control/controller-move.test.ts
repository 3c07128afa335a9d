/**
 * The call controller (as the call screen uses it) follows an invite's move from the relay to direct: the status line
 * goes from "via relay HOST" to "direct HOST:PORT", the check code stays, and the picture keeps
 * coming (now from the direct call).
 */
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import type {Frame} from '../../source/frame.js';
import {invite, join} from '../../source/invite/session.js';
import {startRelay, type RelayServer} from '../../source/relay/server.js';
import type {Call} from '../../source/session/call.js';
import {CallController} from '../../source/control/controller.js';
import {initialCallState, reduceCall, type CallScreenState} from '../../source/ui/call-state.js';
import {statusText} from '../../source/ui/text.js';
import {ended, feed, patternFrame, withTimeout} from '../session/helpers.js';

let relay: RelayServer;
before(async () => {
	relay = await startRelay({host: '127.0.0.1', port: 0});
});
after(() => relay.close());

test('the call screen moves from "via relay" to "direct" with the same check code, and video goes on', async () => {
	const address = {host: '127.0.0.1', port: relay.port};
	let inviterNow: Call | undefined;
	let stopInviter: () => void = () => undefined;
	const inv = await invite(address, {name: 'inviter'}, (direct) => {
		stopInviter();
		inviterNow = direct;
		stopInviter = feed(direct, (i) => patternFrame(160, 96, i));
	});
	void inv.call.then((call) => {
		inviterNow = call;
		stopInviter = feed(call, (i) => patternFrame(160, 96, i));
	});
	let state: CallScreenState = initialCallState('call', 'test', 'via relay');
	const statuses: string[] = [];
	let relayedSas: string | undefined;
	const frames: Frame[] = [];
	let frameWaiter: (() => void) | undefined;
	const connection = new CallController({
		role: 'call',
		target: 'via relay',
		connect: (options, moved) => join(address, inv.text, options, moved),
		dispatch: (action) => {
			state = reduceCall(state, action)[0];
			if (state.phase.kind !== 'in-call') return;
			statuses.push(statusText(state));
			if (/via relay/.test(statusText(state))) relayedSas ??= state.security?.sas;
		},
		onFrame: (frame) => {
			frames.push(frame);
			frameWaiter?.();
		},
		onCallStarted: () => undefined,
	});
	connection.dial();
	const movedTo = async () => {
		while (!statuses.some((s) => /\(direct /.test(s))) await new Promise((r) => setTimeout(r, 20));
	};
	await withTimeout(movedTo(), 5000, 'the screen to say direct');
	const first = statuses.find((s) => /via relay 127\.0\.0\.1:/.test(s));
	assert.ok(first, `the screen never said via relay: ${statuses.join(' | ')}`);
	assert.match(statuses.at(-1)!, /in call with inviter \(direct [\d.]+:\d+\)/);
	assert.match(relayedSas ?? '', /^\d{3} \d{3}$/);
	assert.equal(state.security?.sas, relayedSas);
	assert.ok(state.chat.some((line) => /The call moved: now direct/.test(line.text)));
	// The picture keeps coming after the move, from the direct call.
	const before = frames.length;
	await withTimeout(
		new Promise<void>((resolve) => {
			frameWaiter = () => frames.length >= before + 5 && resolve();
		}),
		5000,
		'frames after the move',
	);
	stopInviter();
	await connection.close();
	const end = await ended(inviterNow!);
	assert.match(end.reason, /hung up/);
	assert.ok(
		statuses.every((s) => !/ended/.test(s)),
		'the screen saw the relayed call end',
	);
});
