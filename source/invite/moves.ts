/**
 * An invite's call can move from the relay to a direct connection (invite/direct.ts): the new
 * call goes to whoever holds the call at that moment.
 */
import type {Call} from '../session/call.js';

/**
 * Carries the calls that replace an invite's relayed call (the move to direct) to whoever holds
 * the call (its controller: control/controller.ts), even one that comes before they are ready.
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

export type DirectMoves = ReturnType<typeof directMoves>;
