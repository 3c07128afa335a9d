/**
 * The call screen's chrome, drawn by Ink: the status line, the lobby (listening, calling, ended),
 * the chat or help panel and the key hints. The video rectangles are left as empty boxes; the
 * picture layers of the compositor draw there (call-compositor.ts), from the same layout
 * (callScreenLayout), on top of these boxes.
 */
import React, {useMemo, useSyncExternalStore} from 'react';
import {Box, Text, useInput} from 'ink';
import type {CellRect, CellSize} from '../render/layout.js';
import {
	type CallScreenState,
	type ChatLine,
	chatAvailable,
	type KeyPress,
	mayCallAgain,
} from './call-state.js';
import {screenLayout, type ScreenLayout} from './layout.js';
import type {Store} from './store.js';
import {peerLabel, statusText, wrap, wrapEvenly} from './text.js';
import {textWidth} from '../terminal/ansi-slice.js';
import {helpLines, helpText} from './help-keys.js';
import {formatHostPort} from '../net/address.js';
import {cleanLine} from '../text/sanitize.js';

export type CallScreenLayout = ScreenLayout & {
	/** Video is showing (in a call): the peer's picture fills `video`. */
	readonly inCall: boolean;
};

export function callScreenLayout(state: CallScreenState, size: CellSize): CallScreenLayout {
	const inCall = state.phase.kind === 'in-call';
	const panel = state.help || state.typing || state.chat.length > 0 || inCall;
	// A help below the video takes the rows it needs (the border, the title and every key).
	const panelRows = state.help
		? 2 + helpText(state.role, Math.max(1, size.cols - 1), state.callAgain).length
		: undefined;
	const layout = screenLayout(size.cols, size.rows, {
		panel,
		pip: state.pip,
		selfAspect: state.selfAspect,
		// Outside a call the lobby's text, not a picture, fills the video's box.
		peerAspect: inCall ? state.peerAspect : undefined,
		panelRows,
	});
	return {...layout, inCall};
}

export {helpLines, helpText};

function pad(text: string, width: number): string {
	const w = textWidth(text);
	if (w >= width) return text;
	return text + ' '.repeat(width - w);
}

function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return text;
	const chars = [...text];
	let out = '';
	for (const char of chars) {
		if (textWidth(out + char) > width - 1) break;
		out += char;
	}
	return out + '…';
}

/** Foreground colours of the status line's dot, as Ink's `color` writes them. */
const dotColor = {green: '\x1b[32m', red: '\x1b[31m', yellow: '\x1b[33m'} as const;

/** Whether the screen has room for the chrome at all (else it says only that it is too small). */
function roomForChrome(size: CellSize): boolean {
	return size.rows >= 3 && size.cols >= 10;
}

/**
 * The status line as styled text, `cols` wide: a dot in the call's colour and the status inverted.
 * A plain string, not Ink: the call app draws it as a layer of its own, so the stats that change
 * it every second do not make Ink render the whole screen again (each such render allocated
 * about 8 MB). Undefined when the screen is too small for the chrome.
 */
export function statusLine(state: CallScreenState, size: CellSize): string | undefined {
	if (!roomForChrome(size)) return undefined;
	const {cols} = size;
	const phase = state.phase.kind;
	const dot = dotColor[phase === 'in-call' ? 'green' : phase === 'ended' ? 'red' : 'yellow'];
	// Written to the terminal as it is, not through Ink (which took escapes out of what it drew):
	// the one sanitizer sees it here too, so a piece that slipped past it elsewhere stays text.
	const status = cleanLine(statusText(state, cols - 3), {maxColumns: cols});
	const text = truncate(` ${status}`, cols - 2);
	return `${dot}● \x1b[39m\x1b[7m${pad(text, cols - 2)}\x1b[27m`;
}

export function cameraText(state: CallScreenState): string | undefined {
	switch (state.camera.kind) {
		case 'starting':
			return `starting camera ${state.cameraName}…`;
		case 'paused':
			return 'camera paused: the peer sees a paused card (p resumes)';
		case 'lost':
			return state.camera.neverStarted
				? `${state.camera.message.replace(/\.$/, '')} (trying again)`
				: `camera lost: ${state.camera.message} (trying again)`;
		case 'live':
			return undefined;
	}
}

/** The keys the hint line offers now: the few that matter in this state, all of them true. */
export function hintKeys(state: CallScreenState, cols: number): string {
	// Each list goes from the most to the fewest keys: the first that fits whole is shown.
	const fit = (...choices: string[][]) =>
		choices.map((keys) => keys.join(' · ')).find((keys) => textWidth(keys) <= cols) ?? '';
	if (state.keyChange) return fit(['y accept the new key', 'n refuse'], ['y accept', 'n refuse'], ['y', 'n']);
	if (state.typing) return fit(['Enter send', 'Esc back to video'], ['Enter send', 'Esc back'], ['Esc back']);
	if (mayCallAgain(state))
		return fit(
			['r call again', 'q quit', '? help'],
			['r call again', 'q quit'],
			['r again', 'q quit'],
			['q quit'],
		);
	// No call to pause the camera for, nor a picture to keep the self view beside.
	if (state.phase.kind === 'ended') return fit(['q quit', '? help'], ['q quit']);
	const chat = chatAvailable(state) ? ['Enter chat'] : [];
	const pause =
		state.camera.kind === 'paused' ? ['p resume'] : state.camera.kind === 'live' ? ['p pause'] : [];
	// A narrow terminal keeps quitting, the chat and the help (which lists the rest), then less.
	return fit(
		['q quit', ...pause, 'v self view', ...chat, '? help'],
		['q quit', ...chat, '? help'],
		['q quit', '? help'],
		['q quit'],
	);
}

function Hints({state, cols}: {state: CallScreenState; cols: number}) {
	const camera = cameraInLobby(state) ? undefined : cameraText(state);
	// Outside a call the lobby shows the notice whole; the hint line has room for a piece only.
	const message = (noticeInLobby(state) ? undefined : state.notice) ?? camera;
	const keys = hintKeys(state, cols);
	const room = Math.max(0, cols - textWidth(keys) - 3);
	return (
		<Box height={1} width={cols} justifyContent="space-between">
			<Text color={state.camera.kind === 'lost' ? 'red' : 'yellow'}>
				{/* A few letters of a sentence say nothing: below a dozen columns, none. */}
				{message && room >= 12 ? truncate(message, room) : ''}
			</Text>
			<Text dimColor>{truncate(keys, cols)}</Text>
		</Box>
	);
}

function noticeInLobby(state: CallScreenState): boolean {
	return state.phase.kind !== 'in-call' && state.notice !== undefined;
}

/** Outside a call a camera that cannot open is said whole in the lobby (what to try instead). */
function cameraInLobby(state: CallScreenState): boolean {
	return state.phase.kind !== 'in-call' && state.camera.kind === 'lost' && !state.keyChange;
}

/** `optional`: left out first when the lobby has too few rows (a blank, or keys the hints also say). */
type LobbyLine = {text: string; color?: string; bold?: boolean; optional?: boolean};

/** The warning about a changed peer key, with both fingerprints and where they are kept. */
export function keyChangeLines(change: NonNullable<CallScreenState['keyChange']>): LobbyLine[] {
	return [
		{text: `WARNING: the key of ${change.name} has changed`, bold: true, color: 'red'},
		{text: ''},
		// Same-length labels, so the two centred fingerprints line up.
		{text: `old key: ${change.recorded}`},
		{text: `new key: ${change.presented}`},
		{text: ''},
		{text: 'Someone may be in the middle of this call, or the peer has a new key (a new computer,'},
		{text: 'a deleted config directory). Ask them another way before you accept.'},
		{text: `Known keys are kept in ${change.knownPeersFile}`},
		{text: ''},
		{text: 'Accept the new key and go on with the call?', bold: true},
		{text: 'y: accept   n, q or Esc: refuse (the default)', color: 'yellow'},
	];
}

function Lobby({state, rect, pip}: {state: CallScreenState; rect: CellRect; pip: CellRect | undefined}) {
	const phase = state.phase;
	const lines: LobbyLine[] = [];
	switch (phase.kind) {
		case 'starting':
			lines.push({text: 'Starting…'});
			break;
		case 'listening':
			lines.push({text: `Waiting for a call on port ${phase.port}.`, bold: true});
			lines.push({text: ''});
			lines.push({text: 'The other person runs one of:'});
			for (const address of phase.addresses) {
				lines.push({
					text: `facetty call ${formatHostPort({host: address, port: phase.port})}`,
					color: 'cyan',
				});
			}
			for (const warning of state.warnings) {
				lines.push({text: ''});
				lines.push({text: `Warning: ${warning}.`, color: 'yellow'});
			}
			break;
		case 'connecting':
			lines.push({text: `Calling ${phase.target}…`, bold: true});
			break;
		case 'handshaking':
			if (state.keyChange) lines.push(...keyChangeLines(state.keyChange));
			else lines.push({text: `Connecting to ${peerLabel(state)}…`, bold: true});
			break;
		case 'ended':
			lines.push({
				text: `${phase.connected ? 'Call ended' : 'The call did not start'}: ${phase.reason}`,
				bold: true,
				color: phase.failed ? 'red' : undefined,
			});
			if (state.role === 'call') lines.push({text: ''});
			if (state.callAgain) lines.push({text: 'Press r or Enter to call again, q to quit.', optional: true});
			else if (state.role === 'call')
				// Two lines, so a narrow screen never breaks "Press q" apart.
				lines.push(
					{
						text: 'An invite code works once: for another call, one of you runs facetty invite.',
						optional: true,
					},
					{text: 'Press q to quit.', optional: true},
				);
			break;
		case 'in-call':
			break;
	}
	if (cameraInLobby(state)) {
		lines.push({text: ''});
		lines.push({text: cameraText(state)!, color: 'red'});
	}
	if (noticeInLobby(state) && !state.keyChange) {
		lines.push({text: ''});
		lines.push({text: state.notice!, color: 'yellow'});
	}
	// Your own picture covers its corner of this box, text and all: the lines are centred in the
	// rows above it when they fit there, else they wrap narrow enough to stay left of it.
	const wrapAt = (cols: number) => {
		const wrapped = (from: LobbyLine[]) =>
			from.flatMap((line) => wrapEvenly(line.text, Math.max(0, cols - 2)).map((text) => ({...line, text})));
		// Too many for the rows: blank lines and optional ones go, so no sentence is cut in half.
		const all = wrapped(lines);
		return all.length <= rect.rows ? all : wrapped(lines.filter((line) => line.text && !line.optional));
	};
	const above = pip ? pip.row - rect.row : rect.rows;
	let shown = wrapAt(rect.cols);
	let height = rect.rows;
	if (pip && shown.length <= above) height = above;
	else if (pip) shown = wrapAt(Math.min(rect.cols, Math.max(20, 2 * (pip.col - rect.col) - rect.cols)));
	return (
		<Box width={rect.cols} height={rect.rows} flexDirection="column" overflow="hidden">
			<Box
				width={rect.cols}
				height={height}
				flexDirection="column"
				justifyContent="center"
				alignItems="center"
			>
				{shown.slice(0, height).map((line, index) => (
					<Text key={index} color={line.color} bold={line.bold}>
						{line.text || ' '}
					</Text>
				))}
			</Box>
		</Box>
	);
}

type BodyLine = {text: string; color?: string; dim?: boolean};
const wrappedChat = new WeakMap<ChatLine, {key: string; lines: BodyLine[]}>();

/** A chat message's wrapped lines at `width`, remembered with the line (state keeps ChatLine objects). */
function wrappedChatLine(line: ChatLine, peerName: string | undefined, width: number): BodyLine[] {
	const who = line.from === 'me' ? 'you: ' : line.from === 'peer' ? `${peerName ?? 'peer'}: ` : '';
	const key = `${width} ${who}`;
	const known = wrappedChat.get(line);
	if (known?.key === key) return known.lines;
	const color = line.from === 'me' ? 'cyan' : line.from === 'peer' ? 'green' : undefined;
	const lines = wrap(who + line.text, width).map((text) => ({text, color, dim: line.from === 'note'}));
	wrappedChat.set(line, {key, lines});
	return lines;
}

function ChatPanel({state, rect, side}: {state: CallScreenState; rect: CellRect; side: 'right' | 'bottom'}) {
	// The border takes a column (side) or a row (bottom).
	const width = Math.max(1, rect.cols - (side === 'right' ? 2 : 1));
	const height = Math.max(0, rect.rows - (side === 'bottom' ? 1 : 0));
	const title = state.help ? 'Keys' : 'Chat';
	const body: BodyLine[] = [];
	/** Each chat message's wrapped lines, oldest first. */
	const messages: BodyLine[][] = [];
	if (state.help) {
		for (const text of helpText(state.role, width, state.callAgain)) body.push({text});
	}

	const input = state.help
		? ''
		: state.typing
			? `> ${state.draft}▌`
			: chatAvailable(state)
				? state.draft
					? `> ${state.draft} (Enter goes on)`
					: 'Enter or Tab to write'
				: state.protocol === 'seed'
					? 'chat is unavailable with this peer'
					: '';
	const inputLines = input ? wrap(input, width).slice(-3) : [];
	const room = Math.max(0, height - 1 - inputLines.length);
	// The chat keeps its newest lines; the help its first ones (quitting comes first).
	if (!state.help && room > 0) {
		// Only the newest messages that can show are wrapped, each once per width: a flood of
		// long lines would otherwise be wrapped again, all 200 of them, on every redraw.
		let rowsFilled = 0;
		for (let i = state.chat.length - 1; i >= 0 && rowsFilled <= room; i--) {
			const message = wrappedChatLine(state.chat[i]!, state.peer.name, width);
			messages.unshift(message);
			rowsFilled += message.length;
		}
	}
	const visible = room <= 0 ? [] : state.help ? body.slice(0, room) : newestMessages(messages, room);
	return (
		<Box
			width={rect.cols}
			height={rect.rows}
			flexDirection="column"
			borderStyle="single"
			borderTop={side === 'bottom'}
			borderLeft={side === 'right'}
			borderRight={false}
			borderBottom={false}
			borderDimColor
			overflow="hidden"
			paddingLeft={side === 'right' ? 1 : 0}
		>
			<Text bold>{truncate(title, width)}</Text>
			<Box flexDirection="column" flexGrow={1}>
				{visible.map((line, index) => (
					<Text key={index} color={line.color} dimColor={line.dim}>
						{line.text || ' '}
					</Text>
				))}
			</Box>
			{inputLines.map((line, index) => (
				<Text key={`input${index}`} color={state.typing ? 'white' : undefined} dimColor={!state.typing}>
					{line || ' '}
				</Text>
			))}
		</Box>
	);
}

/**
 * The newest chat messages that fit in `rows`, each whole: an older one that fits only in part is
 * left out rather than shown from the middle of a sentence. A newest one taller than the pane
 * shows its end (the latest words).
 */
export function newestMessages<T>(messages: readonly T[][], rows: number): T[] {
	const shown: T[] = [];
	for (let i = messages.length - 1; i >= 0; i--) {
		const message = messages[i]!;
		if (shown.length + message.length > rows) {
			if (shown.length === 0) return message.slice(-rows);
			break;
		}
		shown.unshift(...message);
	}
	return shown;
}

/**
 * The whole chrome. `status: false` leaves the status line's row blank, for a layer of its own
 * to draw (`statusLine`).
 */
export function CallScreenView({
	state,
	size,
	status = true,
}: {
	state: CallScreenState;
	size: CellSize;
	status?: boolean;
}) {
	const layout = callScreenLayout(state, size);
	const {cols, rows} = layout;
	if (!roomForChrome(layout)) {
		return (
			<Box width={cols} height={rows}>
				<Text>
					{['facetty: terminal too small', 'terminal too small', 'too small'].find(
						(text) => text.length <= cols,
					) ?? truncate('too small', cols)}
				</Text>
			</Box>
		);
	}
	const bodyRows = rows - 2;
	const main = layout.video;
	return (
		<Box flexDirection="column" width={cols} height={rows}>
			<Box height={1} width={cols}>
				{status ? <Text>{statusLine(state, layout)}</Text> : null}
			</Box>
			<Box width={cols} height={bodyRows} flexDirection={layout.panelSide === 'bottom' ? 'column' : 'row'}>
				{layout.inCall ? (
					<Box width={main.cols} height={main.rows} />
				) : (
					<Lobby state={state} rect={main} pip={layout.pip} />
				)}
				{layout.panel && layout.panelSide ? (
					<ChatPanel state={state} rect={layout.panel} side={layout.panelSide} />
				) : null}
			</Box>
			<Hints state={state} cols={cols} />
		</Box>
	);
}

export function toKeyPress(
	input: string,
	key: {
		ctrl: boolean;
		meta: boolean;
		escape: boolean;
		return: boolean;
		tab: boolean;
		backspace: boolean;
		delete: boolean;
	},
): KeyPress {
	return {
		input,
		ctrl: key.ctrl,
		meta: key.meta,
		escape: key.escape,
		return: key.return,
		tab: key.tab,
		backspace: key.backspace,
		delete: key.delete,
	};
}

/** What only the status line shows: a change of these alone leaves the rest of the chrome as it is. */
const statusOnly: ReadonlySet<string> = new Set<keyof CallScreenState>(['stats', 'security']);

/** Whether the chrome without its status line shows the same for `a` as for `b`. */
export function sameBelowStatus(a: CallScreenState, b: CallScreenState): boolean {
	if (a === b) return true;
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const key of keys) {
		if (statusOnly.has(key)) continue;
		if (a[key as keyof CallScreenState] !== b[key as keyof CallScreenState]) return false;
	}
	return true;
}

/**
 * The chrome from the store. `status: false` (the call app, which draws the status line as a
 * layer of its own): a state that changed only in what the status line says renders nothing, so
 * the stats reported every second do not render the whole screen again.
 */
export function CallScreen({
	store,
	size,
	onKey,
	status = true,
}: {
	store: Store<CallScreenState>;
	size: Store<CellSize>;
	onKey: (key: KeyPress) => void;
	status?: boolean;
}) {
	const snapshot = useMemo(() => {
		if (status) return store.get;
		let shown: CallScreenState | undefined;
		return () => {
			const next = store.get();
			if (!shown || !sameBelowStatus(shown, next)) shown = next;
			return shown;
		};
	}, [store, status]);
	const state = useSyncExternalStore(store.subscribe, snapshot);
	const terminal = useSyncExternalStore(size.subscribe, size.get);
	useInput((input, key) => onKey(toKeyPress(input, key)));
	return <CallScreenView state={state} size={terminal} status={status} />;
}
