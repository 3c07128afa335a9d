/**
 * The one home of the keys the help lists, for the call screen (a listener or a caller) and the
 * room screen: the keys they share are written once, so the two helps never drift apart.
 */
import {textWidth} from '../terminal/ansi-slice.js';
import {wrap} from './text.js';

/** Whose help: a call's listener or caller, or a room's member. */
export type HelpScreen = 'listen' | 'call' | 'room';

type KeyLine = [string, string];

/** The help's keys, a key (or keys) and what it does (only a caller calls again, not by code). */
export function helpLines(screen: HelpScreen, callAgain = screen === 'call'): ReadonlyArray<KeyLine> {
	const camera: KeyLine[] = [
		['p', 'pause or resume your camera'],
		['v', 'show or hide your picture'],
	];
	if (screen === 'room')
		return [
			['q, Ctrl+C', 'leave the room'],
			['Enter, Tab', 'chat to the whole room; Enter sends, Esc goes back'],
			...camera,
			['f', 'make the next member large'],
			['?, Esc', 'close this help'],
		];
	return [
		['q, Ctrl+C', 'hang up and quit'],
		['Enter, Tab', 'type a chat line; Enter sends it, Esc goes back'],
		...camera,
		...(screen === 'listen'
			? [['h', 'hang up and keep listening'] as KeyLine]
			: callAgain
				? [['h', 'hang up (r calls again)'] as KeyLine, ['r, Enter', 'call again once it ended'] as KeyLine]
				: [['h', 'hang up'] as KeyLine]),
		['?, Esc', 'close this help'],
	];
}

const helpKeyColumn =
	Math.max(...(['call', 'room'] as const).flatMap((s) => helpLines(s).map(([key]) => textWidth(key)))) + 1;

function pad(text: string, width: number): string {
	const w = textWidth(text);
	return w >= width ? text : text + ' '.repeat(width - w);
}

/** The help as lines of `width` columns: a key, then what it does, wrapped under itself. */
export function helpText(screen: HelpScreen, width: number, callAgain = screen === 'call'): string[] {
	const lines: string[] = [];
	const indent = width >= 2 * helpKeyColumn ? helpKeyColumn : 0;
	for (const [key, what] of helpLines(screen, callAgain)) {
		if (indent === 0) {
			lines.push(...wrap(`${key}: ${what}`, width));
			continue;
		}
		wrap(what, width - indent).forEach((text, index) =>
			lines.push(`${pad(index === 0 ? key : '', indent)}${text}`),
		);
	}
	return lines;
}
