import tty from 'node:tty';
import {errorReport} from '../text/error-message.js';

/** The standard streams that were a terminal when facetty started. */
const startedOnTerminal = [0, 1, 2].filter((fd) => tty.isatty(fd));

/**
 * Whether the terminal facetty started on has hung up (its window closed, ssh dropped): a hung-up
 * terminal fails every terminal call, so it no longer reads as one.
 */
function terminalHungUp(): boolean {
	return startedOnTerminal.some((fd) => !tty.isatty(fd));
}

/**
 * Ends the process as SIGHUP does when nothing handles it: no exit handlers run. Node's own exit
 * puts the terminal's modes back and asserts that this worked, which it cannot on a hung-up
 * terminal: the process then died of SIGSEGV or SIGABRT while printing the assertion (`facetty
 * play`, `preview` and the call screen did, whenever their terminal went away).
 */
function dieOfHangUp(): never {
	process.removeAllListeners('SIGHUP');
	process.kill(process.pid, 'SIGHUP');
	// Still here: SIGHUP is ignored (started under nohup), and there is no terminal either way.
	process.kill(process.pid, 'SIGKILL');
	throw new Error('unreachable: killed');
}

/**
 * Puts the terminal back however the process leaves: normal return, Ctrl+C arriving as a signal,
 * SIGTERM/SIGHUP, or an error nobody caught. A raw-mode program that dies with the cursor hidden
 * on the alternate screen leaves the user's shell unusable, so every path runs `restore` once.
 * A terminal that hung up has nothing to restore and takes no goodbye: the process dies of SIGHUP
 * (`dieOfHangUp`), whichever way the hang-up shows first (the signal, or EIO from a write or from
 * raw mode).
 */
export function guardTerminal(
	restore: () => void,
	errorOutput: NodeJS.WritableStream = process.stderr,
): () => void {
	let restored = false;
	const restoreOnce = () => {
		if (restored) return;
		restored = true;
		if (terminalHungUp()) dieOfHangUp();
		try {
			restore();
		} catch (error) {
			// The terminal went away while it was being restored.
			if (terminalHungUp()) dieOfHangUp();
			throw error;
		}
	};
	const onSignal = (signal: NodeJS.Signals) => {
		restoreOnce();
		if (signal === 'SIGHUP') dieOfHangUp();
		const numbers: Partial<Record<NodeJS.Signals, number>> = {SIGINT: 2, SIGTERM: 15};
		process.exit(128 + (numbers[signal] ?? 1));
	};
	const onFatal = (error: unknown) => {
		// Also when the terminal was restored already: the report below would fail on it.
		if (terminalHungUp()) dieOfHangUp();
		restoreOnce();
		errorOutput.write(`${errorReport(error)}\n`);
		process.exit(1);
	};
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	for (const signal of signals) process.on(signal, onSignal);
	process.on('exit', restoreOnce);
	process.on('uncaughtException', onFatal);
	process.on('unhandledRejection', onFatal);
	return () => {
		for (const signal of signals) process.off(signal, onSignal);
		process.off('exit', restoreOnce);
		process.off('uncaughtException', onFatal);
		process.off('unhandledRejection', onFatal);
		restoreOnce();
	};
}

/**
 * Calls `onQuit` on `q`, Esc or Ctrl+C typed at a terminal (raw mode, so Ctrl+C is a byte, not a
 * signal). Esc counts alone: a key such as an arrow also starts with it. Input that is not a
 * terminal is left alone: it may be a pipe the caller needs.
 */
export function listenForQuit(input: NodeJS.ReadStream, onQuit: () => void): () => void {
	if (!input.isTTY) return () => {};
	const onData = (data: Buffer) => {
		const escape = data.length === 1 && data[0] === 0x1b;
		if (escape || data.includes(0x71) || data.includes(0x51) || data.includes(0x03)) onQuit();
	};
	input.setRawMode(true);
	input.on('data', onData);
	input.resume();
	return () => {
		input.off('data', onData);
		input.setRawMode(false);
		input.pause();
	};
}
