/**
 * Taking the terminal for a full-screen facetty view and giving it back: the alternate screen
 * and a hidden cursor while it is up (only when the output is a terminal), restored on every
 * way out (guardTerminal), and the one sink every byte of the view goes through.
 */
import ansiEscapes from 'ansi-escapes';
import {guardTerminal} from './restore.js';
import {type AnswerSource, type SinkOutput, TerminalSink} from './sink.js';

export type ScreenOutput = SinkOutput & {readonly isTTY?: boolean};

export type OpenScreenOptions = {
	readonly output: ScreenOutput;
	readonly errorOutput: NodeJS.WritableStream;
	/** DA1 answers from the terminal: flow control (only for a terminal). */
	readonly answers?: AnswerSource;
	/** Take the alternate screen and hide the cursor; default: when the output is a terminal. */
	readonly takeScreen?: boolean;
};

export type Screen = {
	readonly sink: TerminalSink;
	/** Gives the terminal back (safe to call twice). */
	close(): void;
};

const restoreText = '\x1b[m' + ansiEscapes.cursorShow + ansiEscapes.exitAlternativeScreen;

export function openScreen(options: OpenScreenOptions): Screen {
	const {output} = options;
	const take = options.takeScreen ?? Boolean(output.isTTY);
	const sink = new TerminalSink(output, {answers: take ? options.answers : undefined});
	if (take) sink.writeRaw(ansiEscapes.enterAlternativeScreen + ansiEscapes.cursorHide);
	const unguard = guardTerminal(() => {
		sink.close();
		if (take) output.write(restoreText);
	}, options.errorOutput);
	return {sink, close: unguard};
}
