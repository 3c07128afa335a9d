/**
 * The calls made by invite code (`facetty invite` and the setup screen's invite): the relay to
 * meet at, and the call that follows once the other side joins (invite/hold.ts waits for it). A
 * join, of a call or a room, is calls/room.ts joinEither.
 */
import type {CallPlan} from '../control/plan.js';
import {describeRelay, type RelayAddress} from '../relay/client.js';
import {holdInvite, openInvite, type OpenInvite} from '../invite/hold.js';
import type {DirectMoves} from '../invite/moves.js';
import type {Call} from '../session/call.js';
import {chooseRelay} from '../invite/relay-choice.js';
import {interactiveTerminal} from '../tty.js';
import {holdCall, plainSessionOptions} from './plain.js';
import {runCallPlan} from './run.js';
import {errorMessage} from '../text/error-message.js';

/** A call by invite code: `facetty invite`, `facetty join` and the setup screen's. */
export type InvitePlan = Extract<CallPlan, {role: 'invite'}>;
export type JoinPlan = Extract<CallPlan, {role: 'join'}>;

/** invite and join: the relay given or remembered, or undefined once the reason is written. */
export function relayOrSay(given: string | undefined, out: NodeJS.WritableStream): RelayAddress | undefined {
	const relay = chooseRelay(given);
	if (relay.ok) return relay.value;
	out.write(`facetty: ${relay.error}\n`);
	return undefined;
}

/** The relay's and the handshake's sentences are already ours (never the relay's own text). */
export function failureText(error: unknown): string {
	return errorMessage(error);
}

/** Asks the relay for a channel for this plan's call; rejects with a sentence (failureText). */
export function openInviteFor(plan: InvitePlan, relay: RelayAddress): Promise<OpenInvite> {
	return openInvite(relay, plainSessionOptions(plan));
}

/**
 * Shows the code to give, waits for the other side, then holds the call: the call screen in a
 * terminal, else the plain status line. Giving the invite up before they join exits 0.
 */
export async function callByInvite(
	plan: InvitePlan,
	opened: OpenInvite,
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	const {relay, pending, moves} = opened;
	let outcome;
	try {
		outcome = await holdInvite(opened, out);
	} catch (error) {
		out.write(`facetty invite: ${failureText(error)}\n`);
		return 1;
	}
	if ('cancelled' in outcome) {
		out.write('facetty invite: cancelled; the code no longer works\n');
		return 0;
	}
	return holdMadeCall(plan, outcome.joined, {
		relay,
		moves,
		label: `invite ${pending.code.channel}`,
		used: 'this invite was used: run facetty invite for a new code',
	});
}

/**
 * Holds a call the relay already made (an invite joined, or a code joined): the call screen in a
 * terminal, else the plain status line, following its move to a direct connection. `used`: what
 * the screen says if asked to call again (a code works once).
 */
export function holdMadeCall(
	plan: CallPlan,
	call: Call,
	how: {relay: RelayAddress; moves: DirectMoves; label: string; used: string},
): Promise<number> {
	const {moves} = how;
	const label = `via relay ${describeRelay(how.relay)}`;
	if (interactiveTerminal()) {
		let used = false;
		return runCallPlan(plan, {
			label,
			connect: (_options, moved) => {
				if (used) return Promise.reject(new Error(how.used));
				used = true;
				moves.follow(moved);
				return Promise.resolve(call);
			},
		});
	}
	return holdCall(
		{
			target: label,
			connect: (_options, moved) => {
				moves.follow(moved);
				return Promise.resolve(call);
			},
		},
		plan,
		how.label,
		() => moves.hangUp(call),
	);
}
