/**
 * The one sanitizer: every string that comes from a peer or from outside (a chat line, a goodbye
 * reason, a display name, an agent, an error text that quotes peer data, a message from OpenCV,
 * FFmpeg or OpenSSL) passes here before any terminal sees it, on every path: the call screen,
 * the setup screen, plain mode, logs.
 *
 * What comes out holds only characters that print and take the width they are measured at:
 * - no escape sequences: whole ones are removed, then any ESC left;
 * - no C0 controls (ESC, BEL, backspace, CR...): tabs and line breaks become one space (in
 *   `cleanLines`, line breaks split the text instead, each line cleaned on its own);
 * - no DEL, no C1 controls (U+0080–U+009F, which a terminal reading UTF-8 may take as CSI, OSC...);
 * - no format characters (Unicode Cf): bidi embeddings, overrides and isolates (U+202A–U+202E,
 *   U+2066–U+2069), marks (U+200E/F, U+061C), zero-width characters (U+200B–U+200D, U+2060,
 *   U+FEFF), soft hyphens, tags;
 * - unassigned code points and lone surrogates become U+FFFD (terminals disagree on their width);
 * - a character carries at most a few combining marks, and nothing of width 0 is left on its own;
 * - an emoji skin-tone modifier (U+1F3FB–U+1F3FF) that follows no emoji it can modify is removed:
 *   Ink counts "a🏻" as 1 column, a terminal draws it in 3, and the rest of the row would shift;
 * - the width, measured as terminals and Ink measure it (string-width: wide East Asian
 *   characters and emoji take 2 columns, combining marks 0), is capped; a cut text ends in "…".
 */
import {eastAsianWidth} from 'get-east-asian-width';
import stringWidth from 'string-width';
import {errorMessage} from './error-message.js';

/**
 * Whole escape sequences (CSI, and OSC, DCS, SOS, PM, APC up to their terminator; in 7-bit and
 * C1 form) go first, so a coloured native log or a peer's `ESC ] 0 ; title BEL` leaves its text
 * and not its parameters; an unterminated one loses only its introducer, below.
 */
const escapeSequence =
	/(?:\x1b\[|\u009b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|(?:\x1b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\x07\x1b\u009c]*(?:\x07|\x1b\\|\u009c)|\x1b[\x20-\x2f]*[\x30-\x7e]/g;
/** Controls and format characters: removed (a peer's ESC is dropped, the rest of its text shows). */
const invisible = /[\p{Cc}\p{Cf}]/gu;
/** Everything a terminal (or a reader) would take as the end of a line, or a tab. */
const lineBreak = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/;
const spacing = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const unassigned = /[\p{Cn}\p{Cs}]/gu;
const strayEmojiModifier = /(?<!\p{Emoji_Modifier_Base})\p{Emoji_Modifier}/gu;
const mark = /\p{M}/u;
/** Zalgo text stacks dozens of marks on one letter, drawing over the rows above and below. */
const maxMarksPerCharacter = 4;

const segmenter = new Intl.Segmenter();

const printableAscii = /^[\x20-\x7e]*$/;
/**
 * string-width's answer per grapheme cluster, for clusters seen before: its emoji test (a /v
 * regular expression of RGI emoji) costs microseconds a cluster, and a flood of chat lines of
 * emoji spent most of the call screen's time there. Bounded: emptied when full.
 */
const clusterWidths = new Map<string, number>();
const maxCachedClusters = 4096;

/**
 * Columns `text` takes on a terminal (text holding no escape sequences: sanitized text): exactly
 * string-width's measure (it sums its clusters, so summing them here gives the same), taken
 * cluster by cluster with a cache and a shortcut for the code points of plain text.
 */
export function displayWidth(text: string): number {
	if (printableAscii.test(text)) return text.length;
	let width = 0;
	if (!complexCluster.test(text)) {
		for (const char of text) width += codePointWidth(char.codePointAt(0)!);
		return width;
	}
	for (const {segment} of segmenter.segment(text)) width += clusterWidth(segment);
	return width;
}

/**
 * What can join code points into one cluster (marks and other extenders, the prepended letters,
 * emoji, Hangul jamo), or make string-width measure a code point other than by its East Asian
 * Width. Text without any is measured and cut a code point at a time:
 * Intl.Segmenter costs about 5 µs a cluster, 20 ms for a 4 KB chat line.
 */
const complexCluster =
	/[\p{M}\p{Grapheme_Extend}\p{Default_Ignorable_Code_Point}\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\p{Cc}\p{Cf}\p{Cn}\p{Cs}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0d4e\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]/u;
/** What can make a cluster take no column, or stack on one character (see printableGraphemes). */
const mayBeInvisible = /[\p{M}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Lone code points whose width is the East Asian Width (or 0 for a mark or format character), as
 * string-width decides: no emoji, no Hangul jamo, no default-ignorable letter among them.
 */
function plainCodePoint(code: number): boolean {
	return (
		(code >= 0xa0 && code < 0x300 && code !== 0xad) ||
		(code >= 0x370 && code < 0x1100) ||
		(code >= 0x3040 && code < 0x3100) ||
		(code >= 0x4e00 && code < 0xa000) ||
		(code >= 0xac00 && code < 0xd7a4)
	);
}

function clusterWidth(cluster: string): number {
	if (cluster.length === 1) {
		const code = cluster.charCodeAt(0);
		if (code >= 0x20 && code < 0x7f) return 1;
		if (plainCodePoint(code)) return codePointWidth(code);
	}
	let width = clusterWidths.get(cluster);
	if (width === undefined) {
		width = stringWidth(cluster, {countAnsiEscapeCodes: true});
		if (clusterWidths.size >= maxCachedClusters) clusterWidths.clear();
		clusterWidths.set(cluster, width);
	}
	return width;
}

const zeroWidth = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;

/**
 * Columns one code point takes, by the same Unicode East Asian Width data string-width uses:
 * 0 for controls, marks and format characters, 2 for wide and fullwidth ones (most emoji), else 1.
 * For code that walks text a code point at a time (cutting Ink's lines into columns).
 */
export function codePointWidth(code: number): number {
	if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
	if (code < 0x300) return 1;
	if (zeroWidth.test(String.fromCodePoint(code))) return 0;
	return eastAsianWidth(code);
}

export type LineOptions = {
	/** Widest the line may be, in terminal columns; longer lines are cut and end in "…". Default 200. */
	readonly maxColumns?: number;
	/** Keep runs of spaces (chat) instead of collapsing them to one (names, reasons). Default false. */
	readonly keepSpaces?: boolean;
};

export const defaultMaxColumns = 200;

/** One line of text that is safe to print anywhere: see the top of this file. */
export function cleanLine(text: string, options: LineOptions = {}): string {
	const maxColumns = options.maxColumns ?? defaultMaxColumns;
	let out = toWellFormed(rawCut(text, maxColumns))
		.replace(escapeSequence, '')
		.replace(spacing, ' ')
		.replace(invisible, '')
		.replace(unassigned, '\uFFFD')
		.replace(strayEmojiModifier, '');
	out = printableGraphemes(out);
	out = options.keepSpaces ? out.trim() : out.replace(/\s+/g, ' ').trim();
	return cutToWidth(out, maxColumns);
}

/**
 * UTF-16 units of raw text worth cleaning per column shown: a column of real text takes one to a
 * few (a letter and its marks, an emoji sequence: a family of four is 11 for 2 columns).
 */
const rawUnitsPerColumn = 16;

/**
 * A long line is cut before it is cleaned, since cleaning costs per character: only what could
 * still show within `maxColumns` is kept (a surrogate pair is never split).
 */
function rawCut(text: string, maxColumns: number): string {
	const budget = Math.max(64, maxColumns * rawUnitsPerColumn);
	if (text.length <= budget) return text;
	const last = text.charCodeAt(budget - 1);
	return text.slice(0, last >= 0xd800 && last < 0xdc00 ? budget - 1 : budget);
}

export type LinesOptions = LineOptions & {
	/** Most lines kept (the last of them a lone "…" when some were dropped). Default 20. */
	readonly maxLines?: number;
};

/**
 * Text meant to span several lines (a multi-line chat message, a native log): split at every
 * kind of line break, each line cleaned; empty lines at either end dropped. Joined with "\n".
 */
export function cleanLines(text: string, options: LinesOptions = {}): string {
	const maxLines = options.maxLines ?? 20;
	// Lines are cleaned only until it is known that more follow than are kept.
	const kept: string[] = [];
	let blanks = 0;
	for (const raw of toWellFormed(text).split(lineBreak)) {
		const line = cleanLine(raw, options);
		if (line === '') {
			if (kept.length > 0) blanks++;
			continue;
		}
		if (kept.length + blanks >= maxLines) {
			const shown = [...kept, ...Array<string>(Math.min(blanks, maxLines)).fill('')];
			return [...shown.slice(0, maxLines - 1), '…'].join('\n');
		}
		for (; blanks > 0; blanks--) kept.push('');
		kept.push(line);
	}
	return kept.join('\n');
}

/** Bytes from outside (a native library's log, a peer's field): decoded as UTF-8, lossily, then cleaned. */
export function cleanBytes(bytes: Uint8Array, options: LinesOptions = {}): string {
	return cleanLines(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), options);
}

/**
 * Bytes of a peer's that should have been ASCII (a seed-format frame shape), quoted for an error
 * sentence: anything but printable ASCII shows as "?", at most `max` characters.
 */
export function quoteBytes(text: string, max: number): string {
	return text.replace(/[^\x20-\x7e]/g, '?').slice(0, max);
}

/**
 * Text someone typed (an argument, a config value), or a message that quotes it, as a sentence
 * about what is wrong with it shows it: its controls and format characters show as "?" (so "127.0.0.1?]0;T?" says why it is
 * not an address, where removing them would leave a valid-looking one), the rest cleaned.
 */
export function quoteText(text: string, maxColumns = 80): string {
	return cleanLine(text.replace(/(?![\t\n\r])[\p{Cc}\p{Cf}]/gu, '?'), {maxColumns, keepSpaces: true});
}

/** An error's message, or whatever was thrown, as one clean line. */
export function cleanError(error: unknown, options: LineOptions = {}): string {
	return cleanLine(errorMessage(error), options);
}

/**
 * The longest start of `text` (already clean) that fits in `columns`; when something was cut it
 * ends in "…". Never splits a character or a cluster (a letter and its marks, an emoji).
 */
export function cutToWidth(text: string, columns: number): string {
	if (columns <= 0) return '';
	if (printableAscii.test(text)) {
		return text.length <= columns ? text : text.slice(0, columns - 1).trimEnd() + '…';
	}
	// No cluster is wider than 2 columns or shorter than one UTF-16 unit.
	if (text.length * 2 <= columns) return text;
	const pieces = complexCluster.test(text)
		? Array.from(segmenter.segment(text), ({segment}) => segment)
		: text;
	// One walk: where the "…" would go, and whether anything is left past `columns`.
	let width = 0;
	let cutAt = -1;
	let index = 0;
	for (const piece of pieces) {
		width += typeof pieces === 'string' ? codePointWidth(piece.codePointAt(0)!) : clusterWidth(piece);
		if (cutAt < 0 && width > columns - 1) cutAt = index;
		if (width > columns) return text.slice(0, cutAt).trimEnd() + '…';
		index += piece.length;
	}
	return text;
}

/** Clusters that take no column (a mark with nothing to sit on) go; long stacks of marks are cut. */
function printableGraphemes(text: string): string {
	if (!mayBeInvisible.test(text)) return text;
	let out = '';
	for (const {segment} of segmenter.segment(text)) {
		if (clusterWidth(segment) === 0) continue;
		// Marks on a space would be left alone by trimming: the space stays, its marks go.
		if (/^\s/u.test(segment)) {
			out += segment[0];
			continue;
		}
		let marks = 0;
		let kept = '';
		for (const char of segment) {
			if (mark.test(char) && ++marks > maxMarksPerCharacter) continue;
			kept += char;
		}
		out += kept;
	}
	return out;
}

/** Lone surrogates become U+FFFD (what String.prototype.toWellFormed does in newer Node). */
function toWellFormed(text: string): string {
	return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
