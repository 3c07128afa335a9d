/**
 * The controller turns call events into actions: each row drives real Call objects (no socket, no
 * network) through what a session would say, and lists the actions the views are given.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Call, type CallOptions, type CallSecurity, type PeerKeyChange} from '../../source/session/call.js';
import {CallController, type ControlAction, type ControllerOptions} from '../../source/control/controller.js';
import {callStats} from '../session/helpers.js';
import {makeFrame} from '../../source/frame.js';

const encrypted: CallSecurity = {encrypted: true, sas: '123 456', verifiedBySecret: true};
const change: PeerKeyChange = {name: 'h:1', recorded: 'SHA256:a', presented: 'SHA256:b', knownPeersFile: 'k'};

const made: Call[] = [];

/** A call as the session leaves it: no socket, no stats report to speak out of turn (an hour). */
function quietCall(): Call {
	const call = new Call('caller', {statsIntervalMs: 3_600_000});
	made.push(call);
	return call;
}

function goLive(call: Call, name: string, address: string): void {
	call.protocol = 'v2';
	call.peerName = name;
	call.remoteAddress = address;
	call.setState('handshaking');
	call.setSecurity(encrypted);
	call.setState('in-call');
}

/** One action as a short line: its type and what the row checks of it, and the link it names. */
function summary(action: ControlAction, link: string | undefined): string {
	const on = link ? ` @${link}` : '';
	switch (action.type) {
		case 'dialing':
			return `dialing ${action.target}${on}`;
		case 'call-state':
			return `state ${action.state}${on}`;
		case 'call-started':
			return `started ${action.protocol} ${action.name} ${action.address} ${action.security?.sas}${on}`;
		case 'call-moved':
			return `moved ${action.address} ${action.security?.sas}${on}`;
		case 'call-ended':
			return `ended ${action.reason}${action.because ? ` (${action.because})` : ''} failed=${action.failed}${on}`;
		case 'chat-received':
			return `chat ${action.text}${on}`;
		case 'stats':
			return `stats ${action.stats.state}${on}`;
		case 'security':
			return `security ${action.security.sas}${on}`;
		case 'key-change':
			return `key-change ${action.change.name}`;
		default:
			return action.type;
	}
}

type Harness = {
	controller: CallController;
	actions: string[];
	frames: string[];
	/** The options the controller gave the session. */
	options: () => CallOptions;
	/** Hands the controller a call that replaces the first (an invite's move to direct). */
	move: (next: Call) => void;
};

/** A controller whose call is made by `connect` (as invite and join make theirs). */
async function dialled(made: Promise<Call>, extra: Partial<ControllerOptions> = {}): Promise<Harness> {
	const actions: string[] = [];
	const frames: string[] = [];
	let given: CallOptions = {};
	let moved: (next: Call) => void = () => undefined;
	const controller = new CallController({
		role: 'call',
		target: 'via relay r:1',
		chatBatchMs: 0,
		connect: (options, onMoved) => {
			given = options;
			moved = onMoved;
			return made;
		},
		dispatch: (action, link) => actions.push(summary(action, link)),
		onFrame: (frame, link) => frames.push(`${frame.width} @${link}`),
		...extra,
	});
	controller.dial();
	await new Promise((resolve) => setImmediate(resolve));
	return {controller, actions, frames, options: () => given, move: (next) => moved(next)};
}

const frame = (width: number) => makeFrame(width, 2, new Uint8Array(width * 2 * 3));

const rows: Array<{name: string; run: () => Promise<{actions: string[]; expected: string[]}>}> = [
	{
		name: 'a call goes live, chats, ends',
		run: async () => {
			const call = quietCall();
			const h = await dialled(Promise.resolve(call));
			goLive(call, 'ann', '10.0.0.2:5');
			call.emit('chat', 'hi');
			call.emit('stats', callStats({state: 'in-call'}));
			call.hangUp('bye');
			return {
				actions: h.actions,
				expected: [
					'dialing via relay r:1 @via relay r:1',
					'state handshaking @via relay r:1',
					'security 123 456 @via relay r:1',
					'started v2 ann 10.0.0.2:5 123 456 @via relay r:1',
					'chat hi @via relay r:1',
					'stats in-call @via relay r:1',
					'ended bye failed=false @via relay r:1',
				],
			};
		},
	},
	{
		name: 'a call made already live (an invite the other side joined) starts at once',
		run: async () => {
			const call = quietCall();
			goLive(call, 'bo', 'via relay r:1');
			const h = await dialled(Promise.resolve(call));
			return {
				actions: h.actions,
				expected: [
					'dialing via relay r:1 @via relay r:1',
					'started v2 bo via relay r:1 123 456 @via relay r:1',
				],
			};
		},
	},
	{
		name: 'a call that fails says why, with the error when it says more',
		run: async () => {
			const call = quietCall();
			const h = await dialled(Promise.resolve(call));
			call.fail(new Error('connection refused'));
			const other = quietCall();
			const h2 = await dialled(Promise.resolve(other));
			other.emit('ended', {reason: 'connection refused', error: new Error('connect ECONNREFUSED')});
			return {
				actions: [...h.actions, ...h2.actions],
				expected: [
					'dialing via relay r:1 @via relay r:1',
					'ended connection refused failed=true @via relay r:1',
					'dialing via relay r:1 @via relay r:1',
					'ended connection refused (connect ECONNREFUSED) failed=true @via relay r:1',
				],
			};
		},
	},
	{
		name: 'a refused join (connect rejects) ends the call, failed',
		run: async () => {
			const h = await dialled(Promise.reject(new Error('this code is not open at the relay')));
			return {
				actions: h.actions,
				expected: [
					'dialing via relay r:1 @via relay r:1',
					'ended this code is not open at the relay failed=true @via relay r:1',
				],
			};
		},
	},
	{
		name: "the move to direct: the same link goes on, the relayed call's end and frames are not reported",
		run: async () => {
			const relayed = quietCall();
			const h = await dialled(Promise.resolve(relayed));
			goLive(relayed, 'ann', 'via relay r:1');
			relayed.emit('frame', frame(4));
			const direct = quietCall();
			goLive(direct, 'ann', 'direct 10.0.0.2:7');
			h.move(direct);
			relayed.emit('frame', frame(5));
			relayed.hangUp('moved to a direct connection');
			direct.emit('frame', frame(6));
			direct.hangUp('bye');
			return {
				actions: [...h.actions, ...h.frames],
				expected: [
					'dialing via relay r:1 @via relay r:1',
					'state handshaking @via relay r:1',
					'security 123 456 @via relay r:1',
					'started v2 ann via relay r:1 123 456 @via relay r:1',
					'moved direct 10.0.0.2:7 123 456 @via relay r:1',
					'ended bye failed=false @via relay r:1',
					'4 @via relay r:1',
					'6 @via relay r:1',
				],
			};
		},
	},
	{
		name: 'a move that is not in the call, or comes after the end, is hung up unreported',
		run: async () => {
			const relayed = quietCall();
			const h = await dialled(Promise.resolve(relayed));
			goLive(relayed, 'ann', 'via relay r:1');
			const early = quietCall();
			h.move(early);
			relayed.hangUp('bye');
			const late = quietCall();
			goLive(late, 'ann', 'direct 10.0.0.2:7');
			h.move(late);
			return {
				actions: [
					...h.actions.slice(4),
					early.ended?.reason ?? 'early live',
					late.ended?.reason ?? 'late live',
				],
				expected: ['ended bye failed=false @via relay r:1', 'hung up', 'hung up'],
			};
		},
	},
	{
		name: 'the changed-key question: asked, answered, and refused when nobody answers',
		run: async () => {
			const call = quietCall();
			const h = await dialled(Promise.resolve(call), {keyChangeSeconds: 0.05});
			const yes = h.options().confirmPeerKeyChange!(change);
			h.controller.settleKeyChange(true);
			const unanswered = h.options().confirmPeerKeyChange!(change);
			await new Promise((resolve) => setTimeout(resolve, 80));
			// The screen answers the timeout with a refusal (its reducer's effect).
			h.controller.settleKeyChange(false);
			return {
				actions: [...h.actions, `answered ${await yes}`, `unanswered ${await unanswered}`],
				expected: [
					'dialing via relay r:1 @via relay r:1',
					'key-change h:1',
					'key-change h:1',
					'key-change-timeout',
					'answered true',
					'unanswered false',
				],
			};
		},
	},
	{
		name: 'the plain status line asks nothing: a changed key is the session refusal',
		run: async () => {
			const h = await dialled(Promise.resolve(quietCall()), {asksAboutKeys: false});
			return {
				actions: [String(h.options().confirmPeerKeyChange)],
				expected: ['undefined'],
			};
		},
	},
	{
		name: 'the size shown is asked of a live v2 call, once per size',
		run: async () => {
			const call = quietCall();
			const h = await dialled(Promise.resolve(call));
			h.controller.showAt({width: 80, height: 48});
			const before = call.shownSize;
			goLive(call, 'ann', 'a:1');
			const asked = call.shownSize;
			h.controller.showAt({width: 80, height: 48});
			h.controller.showAt({width: 40, height: 24});
			return {
				actions: [String(JSON.stringify(before)), JSON.stringify(asked), JSON.stringify(call.shownSize)],
				expected: ['undefined', '{"width":80,"height":48}', '{"width":40,"height":24}'],
			};
		},
	},
	{
		name: 'chat lines that come together are reported together, after the batch time',
		run: async () => {
			const call = quietCall();
			const h = await dialled(Promise.resolve(call), {chatBatchMs: 30});
			goLive(call, 'ann', 'a:1');
			call.emit('chat', 'one');
			call.emit('chat', 'two');
			const soon = h.actions.filter((line) => line.startsWith('chat')).length;
			await new Promise((resolve) => setTimeout(resolve, 60));
			call.hangUp('bye');
			return {
				actions: [`at once ${soon}`, ...h.actions.filter((line) => line.startsWith('chat'))],
				expected: ['at once 0', 'chat one @via relay r:1', 'chat two @via relay r:1'],
			};
		},
	},
	{
		name: 'chat lines that come in the same breath as the hang-up are reported before the end',
		run: async () => {
			const call = quietCall();
			const h = await dialled(Promise.resolve(call), {chatBatchMs: 30});
			goLive(call, 'ann', 'a:1');
			call.emit('chat', 'bye now');
			call.hangUp('bye');
			await new Promise((resolve) => setTimeout(resolve, 60));
			return {
				actions: h.actions.filter((line) => line.startsWith('chat') || line.startsWith('ended')),
				expected: ['chat bye now @via relay r:1', 'ended bye failed=false @via relay r:1'],
			};
		},
	},
	{
		name: 'closed: the call is hung up, and one made later too',
		run: async () => {
			const call = quietCall();
			const h = await dialled(Promise.resolve(call));
			goLive(call, 'ann', 'a:1');
			await h.controller.close();
			let resolveLate: (call: Call) => void = () => undefined;
			const late = quietCall();
			const h2 = await dialled(new Promise<Call>((resolve) => (resolveLate = resolve)));
			await h2.controller.close();
			resolveLate(late);
			await new Promise((resolve) => setImmediate(resolve));
			return {
				actions: [call.ended?.reason ?? 'live', String(h.controller.active), late.ended?.reason ?? 'live'],
				expected: ['hung up', 'false', 'hung up'],
			};
		},
	},
];

for (const row of rows) {
	test(`controller: ${row.name}`, async () => {
		try {
			const {actions, expected} = await row.run();
			assert.deepEqual(actions, expected);
		} finally {
			for (const call of made.splice(0)) call.hangUp('test over');
		}
	});
}
