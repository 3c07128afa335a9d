/**
 * The calls made by invite code, for `facetty invite`, `facetty join` and the setup screen: the
 * relay to meet at, opening an invite and holding it until the other side joins, and the call
 * that follows (the call screen in a terminal, else the plain status line).
 */
import type {CallPlan} from '../control/plan.js';
import {describeRelay, type RelayAddress} from '../relay/client.js';
import {inviteLifetime} from '../relay/limits.js';
import {invite, join, type Invite} from '../invite/session.js';
import {directMoves} from '../invite/moves.js';
import {parseCode} from '../invite/code.js';
import {chooseRelay} from '../invite/relay-choice.js';
import {interactiveTerminal} from '../tty.js';
import {hold, plainSessionOptions} from './plain.js';
import {runCallPlan} from './run.js';
import {listenForQuit} from '../terminal/restore.js';
import type {Call, CallOptions} from '../session/call.js';
import {errorMessage} from '../text/error-message.js';

/** A call by invite code: `facetty invite`, `facetty join` and the setup screen's. */
export type InvitePlan = Extract<CallPlan, {role: 'invite'}>;
export type JoinPlan = Extract<CallPlan, {role: 'join'}>;
type RelayCallPlan = InvitePlan | JoinPlan;

/** invite and join: the relay given or remembered, or undefined once the reason is written. */
export function relayOrSay(given: string | undefined, out: NodeJS.WritableStream): RelayAddress | undefined {
	const relay = chooseRelay(given);
	if (relay.ok) return relay.value;
	out.write(`facetty: ${relay.error}\n`);
	return undefined;
}

/** The call screen, as listen and call show it, for a call made by `connect`. */
export function showCall(
	plan: RelayCallPlan,
	label: string,
	connect: (options: CallOptions, moved: (next: Call) => void) => Promise<Call>,
): Promise<number> {
	return runCallPlan(plan, {label, connect});
}

/** The relay's and the handshake's sentences are already ours (never the relay's own text). */
export function failureText(error: unknown): string {
	return errorMessage(error);
}

/** An invite the relay opened: its code, and who carries its move to a direct call. */
export type OpenInvite = {
	readonly relay: RelayAddress;
	readonly pending: Invite;
	readonly moves: ReturnType<typeof directMoves>;
};

/** Asks the relay for a channel; rejects with a sentence (failureText) when it cannot. */
export async function openInvite(plan: InvitePlan, relay: RelayAddress): Promise<OpenInvite> {
	const moves = directMoves();
	const pending = await invite(relay, plainSessionOptions(plan), (direct) => moves.onDirect(direct));
	return {relay, pending, moves};
}

/**
 * Shows the code to give, waits for the other side, then holds the call: the call screen in a
 * terminal, else the plain status line. Ctrl-C before they join gives the invite up.
 */
export async function holdInvite(
	plan: InvitePlan,
	{relay, pending, moves}: OpenInvite,
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	const where = describeRelay(relay);
	// On a narrow terminal the code goes on a row of its own rather than break inside a word.
	const codeLine = `Your invite code: ${pending.text}`;
	const columns = (out as {columns?: number}).columns ?? Infinity;
	out.write(
		(codeLine.length <= columns ? `${codeLine}\n` : `Your invite code:\n  ${pending.text}\n`) +
			`The other side runs:  facetty join ${pending.text} --relay ${where}\n` +
			'(or chooses join on the setup screen of facetty and types the code)\n' +
			`It works once, for ${inviteLifetime}. Waiting for them...${process.stdin.isTTY ? ' (q or Esc cancels)' : ''}\n`,
	);
	pending.onWrongCode((count) =>
		out.write(
			`Someone tried a wrong code for this invite (${count} so far): the relay turned them away and ` +
				'the invite is still open. If it was not the other side, someone may be guessing.\n',
		),
	);
	let cancelled = false;
	const cancel = () => {
		cancelled = true;
		pending.cancel();
	};
	process.once('SIGINT', cancel);
	// At a terminal q, Esc and Ctrl+C cancel (raw mode: typed keys are not echoed as q^[).
	let stopKeys: (() => void) | undefined = listenForQuit(process.stdin, cancel);
	const releaseKeys = () => {
		stopKeys?.();
		stopKeys = undefined;
	};
	try {
		const call = await pending.call;
		process.off('SIGINT', cancel);
		releaseKeys();
		if (interactiveTerminal()) {
			let used = false;
			return await showCall(plan, `via relay ${where}`, (_options, moved) => {
				if (used) return Promise.reject(new Error('this invite was used: run facetty invite for a new code'));
				used = true;
				moves.follow(moved);
				return Promise.resolve(call);
			});
		}
		const hangUp = () => moves.hangUp(call);
		process.once('SIGINT', hangUp);
		try {
			return await hold(call, plan, `invite ${pending.code.channel}`, undefined, (moved) =>
				moves.follow(moved),
			);
		} finally {
			process.off('SIGINT', hangUp);
		}
	} catch (error) {
		if (cancelled) {
			out.write('facetty invite: cancelled; the code no longer works\n');
			return 0;
		}
		out.write(`facetty invite: ${failureText(error)}\n`);
		return 1;
	} finally {
		process.off('SIGINT', cancel);
		releaseKeys();
	}
}

/** `facetty join`: the relay, the code checked, then the call (setup's join runs it too). */
export async function joinByCode(
	plan: JoinPlan,
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	const relay = relayOrSay(plan.relay, out);
	if (!relay) return 2;
	try {
		parseCode(plan.code);
	} catch (error) {
		out.write(`facetty join: ${failureText(error)}\n`);
		return 2;
	}
	if (interactiveTerminal()) {
		return showCall(plan, `via relay ${describeRelay(relay)}`, (options, moved) =>
			join(relay, plan.code, options, moved),
		);
	}
	const moves = directMoves();
	let call;
	try {
		call = await join(relay, plan.code, plainSessionOptions(plan), (direct) => moves.onDirect(direct));
	} catch (error) {
		out.write(`facetty join: ${failureText(error)}\n`);
		return 1;
	}
	const joined = call;
	const hangUp = () => moves.hangUp(joined);
	process.once('SIGINT', hangUp);
	try {
		return await hold(joined, plan, 'join', undefined, (moved) => moves.follow(moved));
	} finally {
		process.off('SIGINT', hangUp);
	}
}
