/**
 * The one writer to the terminal while a facetty screen is up. Ink renders the chrome into a
 * stand-in stdout (InkStream); this writes only the rows (and parts of rows) Ink's lines changed,
 * at absolute positions, outside the rectangles the video surfaces own ("holes"). Video surfaces
 * write through `surfaceStream`, and every batch goes out as one write inside synchronized output
 * (?2026), so a terminal shows chrome and video together, never half of either.
 */
import type {RenderOptions} from 'ink';
import {EventEmitter} from 'node:events';
import ansiEscapes from 'ansi-escapes';
import type {CellRect} from '../render/layout.js';
import type {SurfaceStream} from '../terminal/surface.js';
import {keysOnly} from '../terminal/terminal-input.js';
import {sliceColumns} from './ansi-slice.js';

export const beginSync = '\x1b[?2026h';
export const endSync = '\x1b[?2026l';

export type ScreenOutput = {
	write(data: Uint8Array | string): boolean;
	readonly writableLength?: number;
};

/** Visible spans [start, end) of a row once the holes are cut out of it. */
export function rowSpans(row: number, cols: number, holes: readonly CellRect[]): Array<[number, number]> {
	let spans: Array<[number, number]> = [[0, cols]];
	for (const hole of holes) {
		if (hole.cols <= 0 || hole.rows <= 0 || row < hole.row || row >= hole.row + hole.rows) continue;
		const next: Array<[number, number]> = [];
		for (const [start, end] of spans) {
			const holeEnd = hole.col + hole.cols;
			if (holeEnd <= start || hole.col >= end) next.push([start, end]);
			else {
				if (hole.col > start) next.push([start, hole.col]);
				if (holeEnd < end) next.push([holeEnd, end]);
			}
		}
		spans = next;
	}
	return spans;
}

export class ScreenWriter {
	private lines: string[] = [];
	private written: string[] = [];
	private holes: readonly CellRect[] = [];
	private batch: Array<string | Uint8Array> | undefined;
	private clearNext = true;
	private size: {cols: number; rows: number};
	/** Bytes written, for benchmarks: chrome and video. */
	readonly bytes = {chrome: 0, video: 0};

	constructor(
		private readonly out: ScreenOutput,
		size: {cols: number; rows: number},
	) {
		this.size = {...size};
	}

	/** Where surfaces write: into the open batch, or straight out inside synchronized output. */
	readonly surfaceStream: SurfaceStream = {
		write: (data) => {
			this.bytes.video += data.length;
			if (this.batch) this.batch.push(data);
			else
				this.out.write(
					typeof data === 'string'
						? beginSync + data + endSync
						: Buffer.concat([Buffer.from(beginSync), data, Buffer.from(endSync)]),
				);
			return true;
		},
	};

	/** True while the terminal is behind (a slow pipe or terminal): video frames should be skipped. */
	get congested(): boolean {
		return (this.out.writableLength ?? 0) > 1 << 19;
	}

	/** Runs `work` with every write gathered into one synchronized write. Nested calls join the outer one. */
	transaction(work: () => void): void {
		if (this.batch) {
			work();
			return;
		}
		this.batch = [];
		try {
			work();
		} finally {
			const parts = this.batch;
			this.batch = undefined;
			if (parts.length > 0) {
				this.out.write(
					Buffer.concat([
						Buffer.from(beginSync),
						...parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)),
						Buffer.from(endSync),
					]),
				);
			}
		}
	}

	/** The terminal changed size: everything is drawn again (the caller invalidates its surfaces). */
	resize(size: {cols: number; rows: number}): void {
		this.size = {...size};
		this.clearNext = true;
		this.written = [];
	}

	/** New holes (the layout changed): chrome rows are all written again. */
	setHoles(holes: readonly CellRect[]): void {
		const same =
			holes.length === this.holes.length &&
			holes.every((h, i) => {
				const o = this.holes[i]!;
				return h.col === o.col && h.row === o.row && h.cols === o.cols && h.rows === o.rows;
			});
		if (same) return;
		this.holes = holes.map((h) => ({...h}));
		this.written = [];
	}

	/** Ink's latest frame (lines joined by newlines). */
	setChrome(text: string): void {
		this.lines = text.split('\n');
		this.paint();
	}

	/** Writes every chrome row that differs from what the terminal shows. */
	paint(): void {
		this.transaction(() => {
			let text = '';
			if (this.clearNext) {
				text += '\x1b[m' + ansiEscapes.eraseScreen;
				this.clearNext = false;
			}
			for (let row = 0; row < this.size.rows; row++) {
				const line = this.lines[row] ?? '';
				if (this.written[row] === line) continue;
				this.written[row] = line;
				for (const [start, end] of rowSpans(row, this.size.cols, this.holes)) {
					text += ansiEscapes.cursorTo(start, row) + sliceColumns(line, start, end);
				}
			}
			if (text) {
				this.bytes.chrome += text.length;
				this.batch!.push(text);
			}
		});
	}

	/** Forget what the terminal shows: the next paint writes every row. */
	invalidate(): void {
		this.written = [];
	}
}

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
