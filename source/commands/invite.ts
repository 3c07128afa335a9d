/**
 * `facetty invite [--relay HOST:PORT]`: asks the relay for a channel, shows the one-time code to
 * give the other side, and holds the call once they join (the plain status line, as `listen` does
 * outside a terminal). The relay given is remembered in the config for next time.
 */
import type {CallSettings, Display} from '../command-line.js';
import {describeRelay, type RelayAddress} from '../relay/client.js';
import {invite, type Invite} from '../invite/session.js';
import {chooseRelay} from '../invite/relay-choice.js';
import {defaultConfigDir} from '../trust/identity.js';
import {hold, runCallCommand, sessionOptions, type CallCommandOptions} from './call.js';
import type {Call, CallOptions} from '../session/call.js';

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

export const interactive = () => Boolean(process.stdout.isTTY && process.stdin.isTTY);

/**
 * Carries the calls that replace an invite's relayed call (the move to direct) to whoever holds
 * the call (the screen, or hold's status line), even one that comes before they are ready.
 */
export function directMoves() {
	let deliver: ((next: Call) => void) | undefined;
	let early: Call | undefined;
	const made: Call[] = [];
	return {
		onDirect(next: Call): void {
			made.push(next);
			if (deliver) deliver(next);
			else early = next;
		},
		follow(moved: (next: Call) => void): void {
			deliver = moved;
			const waiting = early;
			early = undefined;
			if (waiting) setImmediate(() => moved(waiting));
		},
		/** Ctrl-C: whichever call is the live one. */
		hangUp(first: Call): void {
			for (const call of [first, ...made]) call.hangUp('hung up');
		},
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
	return error instanceof Error ? error.message : String(error);
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

export async function runInvite(
	command: RelayCallCommand,
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	const relay = relayOrSay(command.relay, out);
	if (!relay) return 2;
	let opened;
	try {
		opened = await openInvite(command, relay);
	} catch (error) {
		out.write(`facetty invite: ${failureText(error)}\n`);
		return 1;
	}
	return holdInvite(command, opened, out);
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
			'It works once, for 10 minutes. Waiting for them...\n',
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
	try {
		const call = await pending.call;
		process.off('SIGINT', cancel);
		if (interactive()) {
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
	}
}
