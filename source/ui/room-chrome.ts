/**
 * The room screen's text: each tile's label (name and link state), the chat line, the status line
 * (the room's code, members and check code, who is not shown) and the key hints or the chat being
 * typed; and the help box over the pictures. Pure: what the room is now in, lines of text out.
 * Every name and chat line comes from a peer: each passes the sanitizer here, once, at its width.
 */
import {cleanLine, cutToWidth, displayWidth} from '../text/sanitize.js';
import {helpText} from './help-keys.js';
import type {RoomLayout} from './room-layout.js';

export type RoomChromeMember = {
	readonly id: number;
	readonly name: string | undefined;
	/** The link's state, or its frame rate once in the call. */
	readonly state: string;
	readonly fps: number | undefined;
};

export type RoomChromeState = {
	readonly size: {cols: number; rows: number};
	readonly layout: RoomLayout;
	readonly others: readonly RoomChromeMember[];
	readonly selfName: string | undefined;
	/** The self view's note (paused, camera lost), if any. */
	readonly selfState: string;
	readonly code: string;
	readonly check: string;
	/** The newest chat line or notice, as it came (sanitized here). */
	readonly lastChat: string;
	readonly typing: string | undefined;
	readonly help: boolean;
};

/** The smallest terminal the room screen draws in: below it, one sentence says so. */
export const smallestRoomScreen = {cols: 20, rows: 8};

export function memberName(member: {id: number; name: string | undefined}, columns = 40): string {
	return cleanLine(member.name ?? `member ${member.id}`, {maxColumns: columns});
}

const linkWords: Record<string, string> = {
	linking: 'linking…',
	connecting: 'connecting…',
	handshaking: 'handshaking…',
};

/** A tile's label: the name whole if it can be, then what the link does, cut to the tile. */
export function tileLabel(name: string, state: string, width: number): string {
	if (width <= 0) return '';
	const full = `${name} · ${state}`;
	if (displayWidth(full) <= width) return full;
	// The name is who this is: it keeps the room before the state does.
	const stateWidth = displayWidth(state) + 3;
	if (width - stateWidth >= Math.min(8, displayWidth(name)))
		return `${cutToWidth(name, width - stateWidth)} · ${state}`;
	return cutToWidth(name, width);
}

/** The key hints: the longest list that fits whole. */
export function roomHints(cols: number, typing: boolean, help: boolean): string {
	const fit = (...choices: string[][]) =>
		choices.map((keys) => keys.join(' · ')).find((keys) => displayWidth(keys) <= cols) ?? '';
	if (help) return fit(['? or Esc closes the help'], ['Esc closes'], ['Esc']);
	if (typing) return fit(['Enter send', 'Esc back'], ['Esc back']);
	return fit(
		['q leave', 'Enter chat', 'p pause', 'v self view', 'f next large', '? help'],
		['q leave', 'Enter chat', '? help'],
		['q leave', '? help'],
		['q leave'],
	);
}

/**
 * The status line: the room's code, how many are in it and the check code, then who is not shown;
 * a narrow terminal drops words before it drops the check code (read aloud to compare screens).
 */
export function roomStatus(
	cols: number,
	code: string,
	members: number,
	checkWords: string,
	hidden: readonly string[],
): string {
	const check = cleanLine(checkWords, {maxColumns: 200});
	const count = `${members} member${members === 1 ? '' : 's'}`;
	const choices = [
		[`room ${code}`, count, check, ...(hidden.length ? [`not shown: ${hidden.join(', ')}`] : [])],
		[`room ${code}`, count, check, ...(hidden.length ? [`${hidden.length} not shown`] : [])],
		[`room ${code}`, count, check],
		[code, `${members} in`, check.replace(/^check code /, 'check ')],
		[check.replace(/^check code /, 'check '), code],
	].map((words) => words.join(' | '));
	return choices.find((text) => displayWidth(text) <= cols) ?? choices[choices.length - 1]!;
}

/** The whole screen's text lines (the text layer under the pictures). */
export function roomChrome(state: RoomChromeState): string[] {
	const {size, layout} = state;
	const lines = Array.from({length: size.rows}, () => '');
	if (
		size.cols < smallestRoomScreen.cols ||
		size.rows < smallestRoomScreen.rows ||
		layout.tiles.length === 0
	) {
		const sentence = `The terminal is ${size.cols}x${size.rows}: the room needs at least ${smallestRoomScreen.cols}x${smallestRoomScreen.rows}. Make it larger, or press q to leave.`;
		let row = 0;
		for (const word of sentence.split(' ')) {
			if (row >= lines.length) break;
			const line = lines[row]!;
			if (line && displayWidth(`${line} ${word}`) > size.cols) row++;
			if (row >= lines.length) break;
			lines[row] = cutToWidth(lines[row] ? `${lines[row]} ${word}` : word, size.cols);
		}
		return lines;
	}
	const put = (row: number, col: number, text: string, width: number) => {
		if (row < 0 || row >= lines.length) return;
		const line = lines[row]!;
		const pad = Math.max(0, col - displayWidth(line));
		lines[row] = line + ' '.repeat(pad) + cutToWidth(text, width);
	};
	// Labels left to right along each row, so each starts after the one before it.
	const labels: Array<{row: number; col: number; text: string; width: number}> = [];
	layout.members.forEach((index, i) => {
		const member = state.others[index];
		const tile = layout.tiles[i];
		if (!member || !tile) return;
		const rate = member.fps !== undefined ? `${member.fps} fps` : (linkWords[member.state] ?? member.state);
		const width = tile.label.cols - 1;
		labels.push({...tile.label, text: tileLabel(memberName(member), rate, width), width});
	});
	if (layout.self) {
		const width = layout.self.label.cols - 1;
		const name = `${cleanLine(state.selfName ?? 'you', {maxColumns: 40})} (you)`;
		labels.push({
			...layout.self.label,
			// A tile too narrow for the name and "(you)" says just "you": which tile is yours counts most.
			text:
				displayWidth(name) > width
					? cutToWidth('you', width)
					: state.selfState
						? tileLabel(name, state.selfState, width)
						: name,
			width,
		});
	}
	labels.sort((a, b) => a.row - b.row || a.col - b.col);
	for (const label of labels) put(label.row, label.col, label.text, label.width);
	const hidden = state.others
		.filter((_, index) => !layout.members.includes(index))
		.map((member) => memberName(member, 20));
	const base = layout.chrome.row;
	const chat = cleanLine(state.lastChat, {maxColumns: 400});
	const status = roomStatus(size.cols, state.code, state.others.length + 1, state.check, hidden);
	if (state.typing !== undefined) {
		// The end of what is being typed stays in sight, however long it grows.
		const prompt = 'say: ';
		const typed = cleanLine(state.typing, {maxColumns: 1000});
		const room = Math.max(1, size.cols - displayWidth(prompt) - 1);
		let tail = typed;
		while (displayWidth(tail) > room) tail = [...tail].slice(1).join('');
		put(base, 0, chat, size.cols);
		put(base + 1, 0, status, size.cols);
		put(base + 2, 0, `${prompt}${tail}▌`, size.cols);
	} else {
		put(base, 0, chat, size.cols);
		put(base + 1, 0, status, size.cols);
		put(base + 2, 0, roomHints(size.cols, false, state.help), size.cols);
	}
	return lines;
}

/** The help box: centred over the pictures, a border of text around the keys. */
export function roomHelp(size: {cols: number; rows: number}): {
	rect: {col: number; row: number; cols: number; rows: number};
	lines: string[];
} {
	const cols = Math.max(1, Math.min(size.cols, 64));
	const body = helpText('room', Math.max(1, cols - 4));
	const rows = Math.max(1, Math.min(size.rows, body.length + 2));
	const inner = cols - 2;
	const edge = (left: string, fill: string, right: string) => left + fill.repeat(Math.max(0, inner)) + right;
	const title = ' Keys ';
	const top =
		cols >= title.length + 4 ? `┌─${title}${'─'.repeat(inner - title.length - 1)}┐` : edge('┌', '─', '┐');
	const lines = [top];
	for (const text of body.slice(0, Math.max(0, rows - 2)))
		lines.push(`│ ${text}${' '.repeat(Math.max(0, inner - 1 - displayWidth(text)))}│`);
	lines.push(edge('└', '─', '┘'));
	const shown = lines.slice(0, rows);
	return {
		rect: {
			col: Math.floor((size.cols - cols) / 2),
			row: Math.max(0, Math.floor((size.rows - rows) / 2)),
			cols,
			rows,
		},
		lines: shown,
	};
}
