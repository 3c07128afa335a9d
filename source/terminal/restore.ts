import {errorReport} from '../text/error-message.js';

/**
 * Puts the terminal back however the process leaves: normal return, Ctrl+C arriving as a signal,
 * SIGTERM/SIGHUP, or an error nobody caught. A raw-mode program that dies with the cursor hidden
 * on the alternate screen leaves the user's shell unusable, so every path runs `restore` once.
 */
export function guardTerminal(
	restore: () => void,
	errorOutput: NodeJS.WritableStream = process.stderr,
): () => void {
	let restored = false;
	const restoreOnce = () => {
		if (restored) return;
		restored = true;
		restore();
	};
	const onSignal = (signal: NodeJS.Signals) => {
		restoreOnce();
		const numbers: Partial<Record<NodeJS.Signals, number>> = {SIGINT: 2, SIGTERM: 15, SIGHUP: 1};
		process.exit(128 + (numbers[signal] ?? 1));
	};
	const onFatal = (error: unknown) => {
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
