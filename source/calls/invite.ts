/**
 * The calls made by invite code, for `facetty invite`, `facetty join` and the setup screen: the
 * relay to meet at, opening an invite and holding it until the other side joins, and the call
 * that follows (the call screen in a terminal, else the plain status line).
 */
import type {CallSettings, Display} from '../command-line.js';
import {describeRelay, type RelayAddress} from '../relay/client.js';
import {inviteLifetime} from '../relay/limits.js';
import {invite, join, type Invite} from '../invite/session.js';
import {directMoves} from '../invite/moves.js';
import {parseCode} from '../invite/code.js';
import {chooseRelay} from '../invite/relay-choice.js';
import {defaultConfigDir} from '../config/config.js';
import {interactiveTerminal} from '../tty.js';
import {hold, sessionOptions, type CallCommandOptions} from './plain.js';
import {runCallCommand} from './run.js';
import {listenForQuit} from '../terminal/restore.js';
import type {Call, CallOptions} from '../session/call.js';
import {errorMessage} from '../text/error-message.js';

export type RelayCallCommand = {relay?: string} & CallSettings & Display;

/** invite and join: the relay given or remembered, or undefined once the reason is written. */
export function relayOrSay(given: string | undefined, out: NodeJS.WritableStream): RelayAddress | undefined {
	const relay = chooseRelay(given);
	if (relay.ok) return relay.value;
	out.write(`facetty: ${relay.error}\n`);
	return undefined;
}

export function callOptionsOf(command: RelayCallCommand): CallCommandOptions {
	return {
		camera: command.camera,
		quality: command.quality,
		stats: command.stats,
		seconds: command.seconds,
		name: command.name,
		peerKey: command.peerKey,
		configDir: defaultConfigDir(),
	};
}

/** The call screen, as listen and call show it, for a call made by `connect`. */
export function showCall(
	command: RelayCallCommand,
	label: string,
	connect: (options: CallOptions, moved: (next: Call) => void) => Promise<Call>,
): Promise<number> {
	return runCallCommand({...command, role: 'call', target: label, connect});
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
export async function openInvite(command: RelayCallCommand, relay: RelayAddress): Promise<OpenInvite> {
	const moves = directMoves();
	const pending = await invite(relay, sessionOptions(callOptionsOf(command)), (direct) =>
		moves.onDirect(direct),
	);
	return {relay, pending, moves};
}

/**
 * Shows the code to give, waits for the other side, then holds the call: the call screen in a
 * terminal, else the plain status line. Ctrl-C before they join gives the invite up.
 */
export async function holdInvite(
	command: RelayCallCommand,
	{relay, pending, moves}: OpenInvite,
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	const options = callOptionsOf(command);
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
			return await showCall(command, `via relay ${where}`, (_options, moved) => {
				if (used) return Promise.reject(new Error('this invite was used: run facetty invite for a new code'));
				used = true;
				moves.follow(moved);
				return Promise.resolve(call);
			});
		}
		const hangUp = () => moves.hangUp(call);
		process.once('SIGINT', hangUp);
		try {
			return await hold(call, options, `invite ${pending.code.channel}`, undefined, (moved) =>
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
	command: RelayCallCommand & {code: string},
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	const relay = relayOrSay(command.relay, out);
	if (!relay) return 2;
	try {
		parseCode(command.code);
	} catch (error) {
		out.write(`facetty join: ${failureText(error)}\n`);
		return 2;
	}
	if (interactiveTerminal()) {
		return showCall(command, `via relay ${describeRelay(relay)}`, (options, moved) =>
			join(relay, command.code, options, moved),
		);
	}
	const options = callOptionsOf(command);
	const moves = directMoves();
	let call;
	try {
		call = await join(relay, command.code, sessionOptions(options), (direct) => moves.onDirect(direct));
	} catch (error) {
		out.write(`facetty join: ${failureText(error)}\n`);
		return 1;
	}
	const joined = call;
	const hangUp = () => moves.hangUp(joined);
	process.once('SIGINT', hangUp);
	try {
		return await hold(joined, options, 'join', undefined, (moved) => moves.follow(moved));
	} finally {
		process.off('SIGINT', hangUp);
	}
}
