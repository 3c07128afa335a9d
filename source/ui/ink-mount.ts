/**
 * The Ink mount: Ink renders the chrome (status line, lobby, chat, hints) into a stand-in stdout
 * that hands each whole frame to the compositor's text layer instead of printing it; keys come
 * from the real input (terminal replies already taken out of it).
 */
import type {ReactElement} from 'react';
import {render, type RenderOptions} from 'ink';
import {EventEmitter} from 'node:events';
import {keysOnly} from '../terminal/terminal-input.js';

/**
 * What Ink gets as stdout: it has the real terminal's size and follows its resizes, and hands each
 * rendered frame to `onFrame` instead of printing it. Ink must run with `debug: true`, so every
 * write is one whole frame.
 */
export class InkStream extends EventEmitter {
	columns: number;
	rows: number;
	readonly isTTY = false;
	writable = true;
	destroyed = false;
	writableEnded = false;

	constructor(
		size: {cols: number; rows: number},
		private readonly onFrame: (text: string) => void,
	) {
		super();
		this.columns = size.cols;
		this.rows = size.rows;
	}

	write(data: string | Uint8Array): boolean {
		this.onFrame(typeof data === 'string' ? data : Buffer.from(data).toString());
		return true;
	}

	setSize(size: {cols: number; rows: number}): void {
		this.columns = size.cols;
		this.rows = size.rows;
		this.emit('resize');
	}
}

/**
 * Ink's options for drawing into an InkStream: whole frames (debug), keys from the real input,
 * and Ctrl+C and the console left to the app.
 */
export function offscreenInkOptions(
	stream: InkStream,
	input: NodeJS.ReadStream,
	errorOutput: NodeJS.WritableStream,
): RenderOptions {
	return {
		stdout: stream as unknown as NodeJS.WriteStream,
		// Replies to the terminal queries (DA1, DECRQSS…) are taken out before Ink sees a key.
		stdin: keysOnly(input),
		stderr: errorOutput as NodeJS.WriteStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	};
}

export type InkMount = {setSize(size: {cols: number; rows: number}): void; unmount(): void};

/** Renders `element` off screen; each frame of it goes to `onFrame`. */
export function mountOffscreen(
	element: ReactElement,
	options: {
		readonly size: {cols: number; rows: number};
		readonly input: NodeJS.ReadStream;
		readonly errorOutput: NodeJS.WritableStream;
		readonly onFrame: (text: string) => void;
	},
): InkMount {
	const stream = new InkStream(options.size, options.onFrame);
	const ink = render(element, offscreenInkOptions(stream, options.input, options.errorOutput));
	return {setSize: (size) => stream.setSize(size), unmount: () => ink.unmount()};
}
