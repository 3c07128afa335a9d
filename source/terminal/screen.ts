/**
 * Taking the terminal for a full-screen facetty view and giving it back: the alternate screen
 * and a hidden cursor while it is up (only when the output is a terminal), restored on every
 * way out (guardTerminal), and the one sink every byte of the view goes through.
 */
import ansiEscapes from 'ansi-escapes';
import type {TerminalReply} from './replies.js';
import {guardTerminal} from './restore.js';
import {type AnswerSource, type SinkOutput, TerminalSink} from './sink.js';
import {terminalInputFor, type TerminalInput} from './terminal-input.js';

export type ScreenOutput = SinkOutput & {readonly isTTY?: boolean};

export type OpenScreenOptions = {
	readonly output: ScreenOutput;
	readonly errorOutput: NodeJS.WritableStream;
	/** The terminal's input: its DA1 answers drive flow control (when both ends are a terminal). */
	readonly input?: NodeJS.ReadStream;
	/** DA1 answers from elsewhere (tests); default: from `input`. */
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
	const terminalInput =
		!options.answers && take && options.input?.isTTY
			? terminalInputFor(options.input, output as {write(data: string): unknown})
			: undefined;
	// Raw from the first batch on: the terminal's answers must be read at once, never echoed
	// or held in a line buffer until Ink gets round to raw mode.
	terminalInput?.stream.setRawMode(true);
	const answers = options.answers ?? (terminalInput ? deviceAttributeAnswers(terminalInput) : undefined);
	const sink = new TerminalSink(output, {answers: take ? answers : undefined});
	if (take) sink.writeRaw(ansiEscapes.enterAlternativeScreen + ansiEscapes.cursorHide);
	const unguard = guardTerminal(() => {
		sink.close();
		terminalInput?.stream.setRawMode(false);
		if (take) output.write(restoreText);
	}, options.errorOutput);
	return {sink, close: unguard};
}

/** The DA1 answers among a terminal's replies (already kept out of the keys Ink reads). */
export function deviceAttributeAnswers(input: TerminalInput): AnswerSource {
	return {
		onAnswer(listener) {
			const onReply = (reply: TerminalReply) => {
				if (reply.kind === 'da1') listener();
			};
			input.on('reply', onReply);
			return () => input.off('reply', onReply);
		},
	};
}
