/**
 * Byte-level writers for the few escape sequences the renderer emits, into a caller's Buffer at a
 * position, returning the new position. Numbers are written from precomputed digit tables so the
 * hot loop never builds strings.
 */

const ESC = 0x1b;
const LEFT_BRACKET = 0x5b;
const SEMICOLON = 0x3b;

/** Digits of 0..255, three slots each, and how many of the slots are used. */
const byteDigits = new Uint8Array(256 * 3);
const byteDigitCount = new Uint8Array(256);
for (let n = 0; n < 256; n++) {
	const text = String(n);
	byteDigitCount[n] = text.length;
	for (let i = 0; i < text.length; i++) byteDigits[n * 3 + i] = text.charCodeAt(i);
}

export function decimalLength(n: number): number {
	return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : String(n).length;
}

function putByteNumber(out: Uint8Array, at: number, n: number): number {
	const count = byteDigitCount[n]!;
	const from = n * 3;
	out[at] = byteDigits[from]!;
	if (count > 1) out[at + 1] = byteDigits[from + 1]!;
	if (count > 2) out[at + 2] = byteDigits[from + 2]!;
	return at + count;
}

function putNumber(out: Uint8Array, at: number, n: number): number {
	if (n < 256) return putByteNumber(out, at, n);
	const length = decimalLength(n);
	for (let i = length - 1; i >= 0; i--) {
		out[at + i] = 0x30 + (n % 10);
		n = Math.floor(n / 10);
	}
	return at + length;
}

export function putAscii(out: Uint8Array, at: number, text: string): number {
	for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
	return at + text.length;
}

/** `ESC [ n letter`, with n left out when it is 1 (the default every cursor move shares). */
export function putCsi(out: Uint8Array, at: number, n: number, letter: number): number {
	out[at++] = ESC;
	out[at++] = LEFT_BRACKET;
	if (n !== 1) at = putNumber(out, at, n);
	out[at++] = letter;
	return at;
}

export function csiLength(n: number): number {
	return n === 1 ? 3 : 3 + decimalLength(n);
}

/** Cursor position, 0-based arguments; the column is left out when it is the first. */
export function putCursorPosition(out: Uint8Array, at: number, col: number, row: number): number {
	out[at++] = ESC;
	out[at++] = LEFT_BRACKET;
	if (row !== 0) at = putNumber(out, at, row + 1);
	if (col !== 0) {
		out[at++] = SEMICOLON;
		at = putNumber(out, at, col + 1);
	}
	out[at++] = 0x48; // H
	return at;
}

export function cursorPositionLength(col: number, row: number): number {
	return 3 + (row === 0 ? 0 : decimalLength(row + 1)) + (col === 0 ? 0 : 1 + decimalLength(col + 1));
}

/**
 * `;n` for 0..255 in four slots each (the unused ones 0), and how many are used: a channel is
 * written as four bytes whatever its digits and the position moved by the count, so the branch on
 * how many digits a channel has (random from pixel to pixel in video) is not taken per digit.
 */
const channelBytes = new Uint8Array(256 * 4);
const channelByteCount = new Uint8Array(256);
for (let n = 0; n < 256; n++) {
	const text = `;${n}`;
	channelByteCount[n] = text.length;
	for (let i = 0; i < text.length; i++) channelBytes[n * 4 + i] = text.charCodeAt(i);
}

/**
 * `2;r;g;b` of packed 0xRRGGBB. Each channel is four bytes from `channelBytes` (up to two bytes
 * past the returned position are overwritten; the caller's buffer has room), written out three
 * times: as a function called per channel V8 did not inline it.
 */
function putRgb(out: Uint8Array, at: number, rgb: number): number {
	out[at] = 0x32; // 2
	const red = rgb >>> 16;
	let from = red * 4;
	out[at + 1] = channelBytes[from]!;
	out[at + 2] = channelBytes[from + 1]!;
	out[at + 3] = channelBytes[from + 2]!;
	out[at + 4] = channelBytes[from + 3]!;
	at += 1 + channelByteCount[red]!;
	const green = (rgb >>> 8) & 255;
	from = green * 4;
	out[at] = channelBytes[from]!;
	out[at + 1] = channelBytes[from + 1]!;
	out[at + 2] = channelBytes[from + 2]!;
	out[at + 3] = channelBytes[from + 3]!;
	at += channelByteCount[green]!;
	const blue = rgb & 255;
	from = blue * 4;
	out[at] = channelBytes[from]!;
	out[at + 1] = channelBytes[from + 1]!;
	out[at + 2] = channelBytes[from + 2]!;
	out[at + 3] = channelBytes[from + 3]!;
	return at + channelByteCount[blue]!;
}

function putIndexed(out: Uint8Array, at: number, index: number): number {
	out[at++] = 0x35; // 5
	out[at++] = SEMICOLON;
	return putByteNumber(out, at, index);
}

/** putColours in truecolor: `ESC [ 38;2;r;g;b ; 48;2;r;g;b m`, a negative colour left out. */
export function putTruecolours(out: Uint8Array, at: number, fg: number, bg: number): number {
	out[at] = ESC;
	out[at + 1] = LEFT_BRACKET;
	at += 2;
	if (fg >= 0) {
		out[at] = 0x33; // 3
		out[at + 1] = 0x38; // 8
		out[at + 2] = SEMICOLON;
		at = putRgb(out, at + 3, fg);
		if (bg >= 0) out[at++] = SEMICOLON;
	}
	if (bg >= 0) {
		out[at] = 0x34; // 4
		out[at + 1] = 0x38; // 8
		out[at + 2] = SEMICOLON;
		at = putRgb(out, at + 3, bg);
	}
	out[at] = 0x6d; // m
	return at + 1;
}

/**
 * One SGR setting the foreground and/or background (a negative colour is left alone): packed
 * 0xRRGGBB as `38;2;r;g;b` when truecolor, else a palette index as `38;5;n`.
 */
export function putColours(out: Uint8Array, at: number, fg: number, bg: number, truecolor: boolean): number {
	if (truecolor) return putTruecolours(out, at, fg, bg);
	out[at++] = ESC;
	out[at++] = LEFT_BRACKET;
	if (fg >= 0) {
		out[at++] = 0x33; // 3
		out[at++] = 0x38; // 8
		out[at++] = SEMICOLON;
		at = putIndexed(out, at, fg);
		if (bg >= 0) out[at++] = SEMICOLON;
	}
	if (bg >= 0) {
		out[at++] = 0x34; // 4
		out[at++] = 0x38; // 8
		out[at++] = SEMICOLON;
		at = putIndexed(out, at, bg);
	}
	out[at++] = 0x6d; // m
	return at;
}

/** Most bytes one cell can cost: a cursor move, both colours in truecolor, a 4-byte glyph (a sextant or octant). */
export const maxBytesPerCell = 16 + 36 + 4;

export const resetColours = '\x1b[m';
