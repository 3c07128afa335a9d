/**
 * Cutting a line of Ink's output into column spans, so the chrome can be written around the
 * video without touching it. Ink's lines hold text and SGR (colour) sequences, sometimes OSC 8
 * links; each span comes back padded with spaces to its exact width and ends with a pen reset.
 */

import {codePointWidth} from '../text/sanitize.js';

const escapePattern = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/y;

/** Terminal columns a code point takes: the one measure, in text/sanitize.ts. */
export {codePointWidth};

export function textWidth(text: string): number {
	let width = 0;
	for (const char of text.replace(new RegExp(escapePattern.source, 'g'), ''))
		width += codePointWidth(char.codePointAt(0)!);
	return width;
}

/**
 * Columns [start, end) of `line`, as text that draws exactly those columns: the colours in force
 * at `start` are carried in, a wide character cut in half becomes a space, and the pen is reset at
 * the end.
 */
export function sliceColumns(line: string, start: number, end: number): string {
	let column = 0;
	let pen = '';
	let out = '';
	let index = 0;
	let started = false;
	while (index < line.length && column < end) {
		escapePattern.lastIndex = index;
		const match = escapePattern.exec(line);
		if (match) {
			const sequence = match[0];
			if (started) out += sequence;
			else if (sequence.endsWith('m'))
				pen = sequence === '\x1b[0m' || sequence === '\x1b[m' ? '' : pen + sequence;
			index += sequence.length;
			continue;
		}
		const code = line.codePointAt(index)!;
		const char = String.fromCodePoint(code);
		index += char.length;
		const width = codePointWidth(code);
		if (width === 0) {
			if (started) out += char;
			continue;
		}
		if (column + width <= start) {
			column += width;
			continue;
		}
		if (!started) {
			started = true;
			out += pen;
			if (column < start) {
				// A wide character straddles the start: its visible half becomes a space.
				out += ' '.repeat(column + width - start);
				column += width;
				continue;
			}
		}
		if (column + width > end) {
			out += ' '.repeat(end - column);
			column = end;
			break;
		}
		out += char;
		column += width;
	}
	if (!started) {
		out += pen;
		column = start;
	}
	out += '\x1b[0m';
	if (column < end) out += ' '.repeat(end - column);
	return out;
}
