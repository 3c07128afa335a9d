/** Small text helpers for the chrome: word wrapping to a width, and the status line's pieces. */
import {cutToWidth, displayWidth} from '../text/sanitize.js';
import {peerLabel, type CallScreenState, type Security} from './call-state.js';

const graphemes = new Intl.Segmenter();

/**
 * Word-wraps plain text (sanitized: text/sanitize.ts) to `width` columns, measured as the terminal
 * does (wide characters take 2); long words are cut between characters, never inside one.
 */
export function wrap(text: string, width: number): string[] {
	if (width <= 0) return [];
	const lines: string[] = [];
	let line = '';
	let lineWidth = 0;
	const push = () => {
		lines.push(line.trimEnd());
		line = '';
		lineWidth = 0;
	};
	for (const word of text.split(/(\s+)/)) {
		if (word === '') continue;
		const w = displayWidth(word);
		if (/^\s+$/.test(word)) {
			if (lineWidth > 0 && lineWidth + 1 <= width) {
				line += ' ';
				lineWidth += 1;
			}
			continue;
		}
		if (lineWidth + w <= width) {
			line += word;
			lineWidth += w;
			continue;
		}
		if (lineWidth > 0) push();
		for (const {segment: char} of graphemes.segment(word)) {
			const cw = displayWidth(char);
			if (lineWidth + cw > width) push();
			line += char;
			lineWidth += cw;
		}
	}
	if (line.trim() !== '' || lines.length === 0) push();
	return lines;
}

/**
 * Wraps like `wrap`, in as few rows, but as narrow as that allows: the rows come out even, so a
 * centred sentence does not leave its last word alone on a row.
 */
export function wrapEvenly(text: string, width: number): string[] {
	const lines = wrap(text, width);
	if (lines.length < 2) return lines;
	let low = 1;
	let high = width;
	// The narrowest width that still takes as few rows (fewer columns never take fewer rows).
	while (low < high) {
		const middle = Math.floor((low + high) / 2);
		if (wrap(text, middle).length <= lines.length) high = middle;
		else low = middle + 1;
	}
	return wrap(text, high);
}

export function kbit(bytesPerSecond: number): string {
	return `${Math.round((bytesPerSecond * 8) / 1000)} kbit/s`;
}

export {peerLabel} from './call-state.js';

/**
 * The status line's word on privacy: `encrypted · check 959 809 · secret verified`, or `not
 * encrypted`; short of room, without "encrypted" before a check code (the code says it) or
 * without "secret verified".
 */
export function securityText(
	security: Security | undefined,
	{encryptedWord = true, verified = true} = {},
): string | undefined {
	if (!security) return undefined;
	if (!security.encrypted) return 'not encrypted';
	return [
		...(encryptedWord || !security.sas ? ['encrypted'] : []),
		...(security.sas ? [`check ${security.sas}`] : []),
		...(security.verifiedBySecret && verified ? ['secret verified'] : []),
	].join(' · ');
}

/**
 * The one-line status: what the call is doing, then its numbers. Given a width, a call's status
 * drops, one at a time until it fits, what says least: "in call with" (the green dot says it),
 * the dropped count, the screen's lag, "encrypted" before the check code (the code says it),
 * the protocol, the round trip, the peer's address beside its name (or its port), "secret verified"; the
 * kbit/s each way go last of all but the frame rates, so they show at 80 columns. Then whole
 * parts go from the end rather than a part being cut; when only the peer and the check code are
 * left and still too wide, the check code comes first, whole.
 */
export function statusText(state: CallScreenState, width = Infinity): string {
	const full = statusParts(state, false).join(' · ');
	if (displayWidth(full) <= width) return full;
	if (state.phase.kind === 'ended') {
		// The lobby says why, whole; a narrow status line says its first clause, or just that.
		const clause = `call ended: ${state.phase.reason.split(':')[0]}`;
		return displayWidth(clause) <= width ? clause : 'call ended';
	}
	if (state.phase.kind === 'in-call') {
		for (let level = 1; level <= inCallDrops; level++) {
			const text = inCallParts(state, level).join(' · ');
			if (displayWidth(text) <= width) return text;
		}
	}
	const parts = state.phase.kind === 'in-call' ? inCallParts(state, inCallDrops) : statusParts(state, true);
	while (parts.length > 2 && displayWidth(parts.join(' · ')) > width) parts.pop();
	const text = parts.join(' · ');
	if (displayWidth(text) <= width || parts.length < 2 || state.phase.kind !== 'in-call') return text;
	// Still too wide: the peer's label after the check code, if a useful piece of it fits; else the code alone.
	const first = `${parts[1]} · `;
	return displayWidth(first) + 8 <= width
		? first + cutToWidth(parts[0]!, width - displayWidth(first))
		: parts[1]!;
}

/** The peer in a few columns: its name, else its host without the port (a caller's port says nothing). */
function shortPeerLabel(state: CallScreenState): string {
	const {name, address} = state.peer;
	if (name) return name;
	if (!address || address.startsWith('via ')) return 'the peer';
	return address.replace(/^direct /, '').replace(/:\d+$/, '');
}

/** How many of inCallParts' drops there are. */
const inCallDrops = 9;

/** A call's status parts with the first `level` of its drops (see statusText) made. */
function inCallParts(state: CallScreenState, level: number): string[] {
	const stats = state.stats;
	const dropped = (step: number) => level >= step;
	const privacy = securityText(state.security, {encryptedWord: !dropped(4), verified: !dropped(8)});
	const codec = stats?.codec ? ` ${stats.codec}` : '';
	const rate = (bytes: number) => (dropped(9) ? '' : ` ${kbit(bytes)}`);
	const lag = stats?.screen_lag_ms;
	return [
		`${dropped(1) ? '' : 'in call with '}${dropped(7) ? shortPeerLabel(state) : peerLabel(state)}`,
		...(privacy ? [privacy] : []),
		...(dropped(5) ? [] : [`${state.protocol ?? '?'}${codec}`]),
		...(stats
			? [
					`in ${Math.round(stats.fps_in)} fps${rate(stats.bytes_in)}`,
					`out ${Math.round(stats.fps_out)} fps${rate(stats.bytes_out)}`,
					...(dropped(6) ? [] : [`rtt ${stats.rtt_ms === null ? '-' : `${Math.round(stats.rtt_ms)} ms`}`]),
					...(dropped(3) || lag === undefined || lag === null ? [] : [`screen ${Math.round(lag)} ms`]),
					...(dropped(2) ? [] : [`dropped ${stats.dropped}`]),
				]
			: []),
	];
}

function statusParts(state: CallScreenState, short: boolean): string[] {
	const phase = state.phase;
	switch (phase.kind) {
		case 'starting':
			return [state.role === 'listen' ? 'starting to listen…' : 'starting…'];
		case 'listening':
			return [
				short ? `listening on port ${phase.port}` : `listening on port ${phase.port}: waiting for a call`,
			];
		case 'connecting':
			return [`calling ${phase.target}…`];
		case 'handshaking':
			return [
				state.keyChange
					? `the key of ${state.keyChange.name} has changed: y accept · n refuse`
					: `connecting to ${peerLabel(state)}…`,
			];
		case 'ended': {
			// The lobby below says the whole sentence; here at most its heading ("wrong code: …").
			const heading = phase.reason.includes(':') ? phase.reason.split(':')[0] : undefined;
			return [heading ? `call ended: ${heading}` : 'call ended'];
		}
		case 'in-call':
			return inCallParts(state, 0);
	}
}
