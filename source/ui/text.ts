/** Small text helpers for the chrome: word wrapping to a width, and the status line's pieces. */
import type {CallStats} from '../session/stats.js';
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

export function formatStats(stats: CallStats | undefined, short = false): string[] {
	if (!stats) return [];
	const rate = (bytes: number) => (short ? '' : ` ${kbit(bytes)}`);
	const parts = [
		`in ${Math.round(stats.fps_in)} fps${rate(stats.bytes_in)}`,
		`out ${Math.round(stats.fps_out)} fps${rate(stats.bytes_out)}`,
		`rtt ${stats.rtt_ms === null ? '-' : `${Math.round(stats.rtt_ms)} ms`}`,
		// How far the terminal is behind what facetty wrote (DA1), beside the network's round trip.
		...(stats.screen_lag_ms === undefined || stats.screen_lag_ms === null
			? []
			: [`screen ${Math.round(stats.screen_lag_ms)} ms`]),
		`dropped ${stats.dropped}`,
	];
	return parts;
}

export {peerLabel} from './call-state.js';

/** The status line's word on privacy: `encrypted · check 959 809 · secret verified`, or `not encrypted`. */
export function securityText(security: Security | undefined): string | undefined {
	if (!security) return undefined;
	if (!security.encrypted) return 'not encrypted';
	return [
		'encrypted',
		...(security.sas ? [`check ${security.sas}`] : []),
		...(security.verifiedBySecret ? ['secret verified'] : []),
	].join(' · ');
}

/**
 * The one-line status: what the call is doing, then its numbers. Given a width, a shorter form
 * (no kbit/s, the check code without "encrypted") is used when the full one does not fit, and
 * then whole parts go from the end (the numbers first) rather than a part being cut; when only
 * the peer and the check code are left and still too wide, the check code comes first, whole.
 */
export function statusText(state: CallScreenState, width = Infinity): string {
	const full = statusParts(state, false).join(' · ');
	if (displayWidth(full) <= width) return full;
	if (state.phase.kind === 'ended') {
		// The lobby says why, whole; a narrow status line says its first clause, or just that.
		const clause = `call ended: ${state.phase.reason.split(':')[0]}`;
		return displayWidth(clause) <= width ? clause : 'call ended';
	}
	const parts = statusParts(state, true);
	while (parts.length > 2 && displayWidth(parts.join(' · ')) > width) parts.pop();
	const text = parts.join(' · ');
	if (displayWidth(text) <= width || parts.length < 2 || state.phase.kind !== 'in-call') return text;
	// Still too wide: the check code alone says it is encrypted.
	if (state.security?.sas) parts[1] = `check ${state.security.sas}`;
	// The peer's label after the check code, if a useful piece of it fits; else the code alone.
	const first = `${parts[1]} · `;
	return displayWidth(first) + 8 <= width
		? first + cutToWidth(parts[0]!, width - displayWidth(first))
		: parts[1]!;
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
		case 'in-call': {
			const stats = state.stats;
			const security = short ? shortSecurityText(state.security) : securityText(state.security);
			const codec = stats?.codec ? ` ${stats.codec}` : '';
			// Privacy right after the peer, so a narrow terminal cuts the numbers, not the check code.
			return [
				`${short ? '' : 'in call with '}${peerLabel(state)}`,
				...(security ? [security] : []),
				`${state.protocol ?? '?'}${codec}`,
				...formatStats(stats, short),
			];
		}
	}
}

/** The status line's word on privacy when room is short: without "secret verified". */
function shortSecurityText(security: Security | undefined): string | undefined {
	if (!security) return undefined;
	if (!security.encrypted) return 'not encrypted';
	return ['encrypted', ...(security.sas ? [`check ${security.sas}`] : [])].join(' · ');
}
