/**
 * The call screen's state machine, as a pure reducer: everything the chrome shows comes from here,
 * and every event (network, camera, keys) is an action. Tested without a terminal.
 */
import {directLabel} from '../invite/direct.js';
import {cleanLine} from '../text/sanitize.js';
import type {CallSecurity, PeerKeyChange} from '../session/call.js';
import type {CallStats} from '../session/stats.js';
import type {CallSetup, ControlAction} from '../control/controller.js';

/** The screen's side of a call: a listener goes back to listening, a caller may call again. */
export type ScreenRole = CallSetup['role'];

export type Phase =
	| {readonly kind: 'starting'}
	| {readonly kind: 'listening'; readonly addresses: readonly string[]; readonly port: number}
	| {readonly kind: 'connecting'; readonly target: string}
	| {readonly kind: 'handshaking'}
	| {readonly kind: 'in-call'}
	/** The call is over; `again`: the caller may call again (r), the listener is listening again. */
	/** `connected`: the call was up (else it ended before: refused, unreachable, wrong code). */
	| {readonly kind: 'ended'; readonly reason: string; readonly failed: boolean; readonly connected: boolean};

export type CameraState =
	| {readonly kind: 'starting'}
	| {readonly kind: 'live'}
	| {readonly kind: 'paused'}
	/** neverStarted: no frame came yet, so the camera was never there to be lost. */
	| {readonly kind: 'lost'; readonly message: string; readonly neverStarted?: boolean};

export type ChatLine = {readonly from: 'me' | 'peer' | 'note'; readonly text: string};

export type Security = Readonly<CallSecurity>;

export type CallScreenState = {
	readonly role: ScreenRole;
	readonly phase: Phase;
	/** How the peer is named on screen: the name it gave, else its address. */
	readonly peer: {readonly name?: string; readonly address?: string};
	readonly protocol?: 'seed' | 'v2';
	readonly stats?: CallStats;
	readonly security?: Security;
	readonly camera: CameraState;
	readonly cameraName: string;
	readonly chat: readonly ChatLine[];
	readonly typing: boolean;
	readonly draft: string;
	readonly pip: boolean;
	/** Your camera's width / height, once a frame came: the self view takes its shape. */
	readonly selfAspect?: number;
	/** The peer's picture's width / height, once a frame came: the self view may fit beside it. */
	readonly peerAspect?: number;
	readonly help: boolean;
	/** One line about something that happened (refused caller, window closed, ...). */
	readonly notice?: string;
	/** Where a listener listens, kept so it can go back to listening after a call. */
	readonly lobby?: {readonly addresses: readonly string[]; readonly port: number};
	/** What the listener warns about how it is set up (e.g. reachable without --secret). */
	readonly warnings: readonly string[];
	/** A known peer presented another key: the user is asked (y accepts, anything else refuses). */
	readonly keyChange?: PeerKeyChange;
	/** A caller may call again (r, Enter) once a call ended; not by an invite code, which works once. */
	readonly callAgain: boolean;
};

/** What the reducer is told: what the controller reports of the calls, the camera, the keys. */
export type CallAction =
	| ControlAction
	| {readonly type: 'camera'; readonly camera: CameraState}
	/** A frame of your camera (or its card) of this size: the self view follows its shape. */
	| {readonly type: 'self-size'; readonly width: number; readonly height: number}
	/** A frame of the peer's of this size: the self view may move into a band the picture leaves empty. */
	| {readonly type: 'peer-size'; readonly width: number; readonly height: number}
	| {readonly type: 'key'; readonly key: KeyPress};

/** What the reducer needs to know about a key (Ink's useInput, reduced). */
export type KeyPress = {
	readonly input: string;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
	readonly escape?: boolean;
	readonly return?: boolean;
	readonly tab?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
};

/** What the app must do because of a key; the reducer stays pure, the app carries these out. */
export type Effect =
	| {readonly type: 'quit'}
	| {readonly type: 'send-chat'; readonly text: string}
	| {readonly type: 'pause'; readonly paused: boolean}
	| {readonly type: 'redial'}
	/** Ends the current call only: a listener goes on listening, a caller may call again. */
	| {readonly type: 'hang-up'}
	| {readonly type: 'layout-changed'}
	/** Answers the session's question about a changed peer key. */
	| {readonly type: 'answer-key-change'; readonly accept: boolean};

export const maxChatLines = 200;
export const maxDraftLength = 500;

export function initialCallState(
	role: ScreenRole,
	cameraName: string,
	target?: string,
	{singleUse = false}: {singleUse?: boolean} = {},
): CallScreenState {
	return {
		callAgain: role === 'call' && !singleUse,
		role,
		phase: role === 'call' && target ? {kind: 'connecting', target} : {kind: 'starting'},
		peer: target ? {address: target} : {},
		camera: {kind: 'starting'},
		cameraName,
		chat: [],
		typing: false,
		draft: '',
		pip: true,
		help: false,
		warnings: [],
	};
}

/** The call ended and r (or Enter) would make it again. */
export function mayCallAgain(state: CallScreenState): boolean {
	return state.phase.kind === 'ended' && state.callAgain;
}

/** The sentence that tells people what the check code is for. */
export function checkCodeHint(sas: string): string {
	return `Check code ${sas}: read it to each other. If it matches on both screens, nobody is in the middle.`;
}

/**
 * Notes for the chat pane when a call starts: the check code, the secret (for a call by invite
 * code, the code is the secret), the peer's key.
 */
export function securityNotes(
	security: Security | undefined,
	peer: string,
	{role, byCode}: {role: ScreenRole; byCode: boolean},
): string[] {
	if (!security) return [];
	if (!security.encrypted)
		return [`Not encrypted: ${security.note?.replace(/^not encrypted: /, '') ?? 'plain TCP'}.`];
	const notes: string[] = [];
	if (security.sas) notes.push(checkCodeHint(security.sas));
	if (security.verifiedBySecret)
		notes.push(
			byCode
				? 'Code verified: the other side has the same invite code.'
				: 'Secret verified: the peer knows the same secret.',
		);
	switch (security.peerKey) {
		case 'new':
			notes.push(`First call to ${peer}: its key is remembered now (known_peers).`);
			break;
		case 'known':
			notes.push(`${peer} has the same key as on earlier calls.`);
			break;
		case 'pinned':
			notes.push(`The peer's key matches --peer-key.`);
			break;
		case 'accepted-change':
			notes.push(`You accepted the new key of ${peer}; it is remembered now.`);
			break;
		default:
			if (security.peerKnownAs?.length) {
				const whose = role === 'listen' ? "The caller's key" : `The key of ${peer}`;
				notes.push(`${whose} is known here as ${knownAsText(security.peerKnownAs)} (known_peers).`);
			}
	}
	return notes;
}

/** How many of known_peers' names for one key the note says; the rest are counted. */
const knownAsShown = 2;

/**
 * known_peers' names for a key, the newest first (record() appends): every address this machine
 * ever dialled it at is one, so the list grows call after call; the note names the newest few.
 */
function knownAsText(names: readonly string[]): string {
	const newest = [...new Set(names)].reverse();
	const shown = newest.slice(0, knownAsShown).join(', ');
	const more = newest.length - knownAsShown;
	return more > 0 ? `${shown} and ${more} ${more === 1 ? 'other' : 'others'}` : shown;
}

/** Chat is possible only in a v2 call (the seed format has no chat). */
export function chatAvailable(state: CallScreenState): boolean {
	return state.phase.kind === 'in-call' && state.protocol === 'v2';
}

function addChat(state: CallScreenState, line: ChatLine): CallScreenState {
	const chat = [...state.chat, line];
	return {...state, chat: chat.length > maxChatLines ? chat.slice(-maxChatLines) : chat};
}

/** Chat text from the wire or the keyboard, as one line (the one sanitizer: text/sanitize.ts). */
export function cleanText(text: string): string {
	return cleanLine(text, {maxColumns: 500, keepSpaces: true});
}

export function reduceCall(state: CallScreenState, action: CallAction): [CallScreenState, Effect[]] {
	switch (action.type) {
		case 'listening':
			return [
				{
					...state,
					phase: {kind: 'listening', addresses: action.addresses, port: action.port},
					lobby: {addresses: action.addresses, port: action.port},
					warnings: action.warnings ?? state.warnings,
				},
				[],
			];
		case 'warning':
			return state.warnings.includes(action.text)
				? [state, []]
				: [{...state, warnings: [...state.warnings, action.text]}, []];
		case 'security':
			return [{...state, security: action.security}, []];
		case 'key-change':
			return [{...state, keyChange: action.change, help: false, typing: false}, [{type: 'layout-changed'}]];
		case 'key-change-timeout':
			return state.keyChange ? answerKeyChange(state, false) : [state, []];
		case 'dialing':
			return [
				{
					...state,
					phase: {kind: 'connecting', target: action.target},
					peer: {address: action.target},
					protocol: undefined,
					stats: undefined,
					security: undefined,
					keyChange: undefined,
				},
				[],
			];
		case 'call-state':
			if (state.phase.kind === 'ended' || state.phase.kind === action.state) return [state, []];
			if (action.state === 'connecting') {
				const target = state.phase.kind === 'connecting' ? state.phase.target : (state.peer.address ?? '');
				return [{...state, phase: {kind: 'connecting', target}}, []];
			}
			return [
				{...state, phase: action.state === 'handshaking' ? {kind: 'handshaking'} : {kind: 'in-call'}},
				[],
			];
		case 'call-started': {
			const security = action.security ?? state.security;
			const peer = {name: action.name, address: action.address ?? state.peer.address};
			const label = peerLabel({peer});
			const chatNote: ChatLine[] = [
				// A caller that may not call again made its call by invite code (it works once).
				...securityNotes(security, label, {
					role: state.role,
					byCode: state.role === 'call' && !state.callAgain,
				}).map((text) => ({from: 'note' as const, text})),
				...(action.protocol === 'seed'
					? [{from: 'note' as const, text: 'The peer speaks the original format: chat is unavailable.'}]
					: []),
			];
			return [
				{
					...state,
					phase: {kind: 'in-call'},
					protocol: action.protocol,
					peer,
					security,
					keyChange: undefined,
					chat: [...state.chat, ...chatNote].slice(-maxChatLines),
					notice: undefined,
				},
				[{type: 'layout-changed'}],
			];
		}
		case 'call-moved': {
			const address = action.address ?? state.peer.address;
			const note: ChatLine = {from: 'note', text: `The call moved: now ${address ?? 'elsewhere'}.`};
			return [
				{
					...state,
					peer: {...state.peer, address},
					security: action.security ?? state.security,
					chat: [...state.chat, note].slice(-maxChatLines),
				},
				[],
			];
		}
		case 'call-ended': {
			const reason = action.because ? `${action.reason} (${action.because})` : action.reason;
			// A listener goes back to listening; a caller stays on the ended screen (r calls again).
			const lobby = state.role === 'listen' ? state.lobby : undefined;
			const next: CallScreenState = {
				...state,
				phase: lobby
					? {kind: 'listening', addresses: lobby.addresses, port: lobby.port}
					: {
							kind: 'ended',
							reason,
							failed: action.failed,
							connected: state.phase.kind === 'in-call',
						},
				notice: lobby ? `The last call ended: ${reason}` : state.notice,
				typing: false,
				draft: '',
				stats: undefined,
				security: undefined,
				keyChange: undefined,
			};
			// In the chat only after a call that was live, to close what was said; why it ended is said
			// once, in the lobby (a chat pane opened just for it would crowd that out).
			const wasLive = state.phase.kind === 'in-call';
			return [
				wasLive ? addChat(next, {from: 'note', text: 'The call ended.'}) : next,
				[{type: 'layout-changed'}],
			];
		}
		case 'stats':
			// The last report of a call that ended says nothing the ended screen shows.
			if (action.stats.state === 'ended') return [state, []];
			return [{...state, stats: action.stats, security: action.security ?? state.security}, []];
		case 'chat-received': {
			const text = cleanText(action.text);
			return text ? [addChat(state, {from: 'peer', text}), []] : [state, []];
		}
		case 'camera': {
			const never =
				state.camera.kind === 'starting' ||
				(state.camera.kind === 'lost' && state.camera.neverStarted === true);
			const camera =
				action.camera.kind === 'lost' && never ? {...action.camera, neverStarted: true} : action.camera;
			return [{...state, camera}, []];
		}
		case 'self-size': {
			const aspect = action.width / action.height;
			if (!(aspect > 0 && Number.isFinite(aspect)) || aspect === state.selfAspect) return [state, []];
			return [{...state, selfAspect: aspect}, [{type: 'layout-changed'}]];
		}
		case 'peer-size': {
			const aspect = action.width / action.height;
			if (!(aspect > 0 && Number.isFinite(aspect)) || aspect === state.peerAspect) return [state, []];
			return [{...state, peerAspect: aspect}, [{type: 'layout-changed'}]];
		}
		case 'notice':
			return [{...state, notice: action.text}, []];
		case 'key':
			return reduceKey(state, action.key);
	}
}

function answerKeyChange(state: CallScreenState, accept: boolean): [CallScreenState, Effect[]] {
	return [
		{
			...state,
			keyChange: undefined,
			notice: accept ? undefined : 'You refused the changed key: the call is not made.',
		},
		[{type: 'answer-key-change', accept}, {type: 'layout-changed'}],
	];
}

/** The peer's name and address, as the screen shows it. */
export function peerLabel(state: Pick<CallScreenState, 'peer'>): string {
	const {name, address} = state.peer;
	// An invite's call says its route in place of an address ("via relay HOST:PORT", then "direct
	// HOST:PORT" once it moved): "in call with direct 192.0.2.2:58184" would read as a name.
	const prefix = `${directLabel} `;
	if (address?.startsWith(prefix)) {
		const where = address.slice(prefix.length);
		return name ? `${name} (${address})` : `${where} (${directLabel})`;
	}
	if (address?.startsWith('via ')) return `${name ?? 'the peer'} ${address}`;
	if (name && address) return `${name} (${address})`;
	return name ?? address ?? 'the peer';
}

/**
 * Several keys in one read (a paste, or typing over a slow SSH link, where keys arrive together):
 * each line break sends the text before it. The whole read is taken as typed text, never as
 * commands: a pasted line with a `q` in it must not quit the call. Typing ends as after Enter
 * when the read ends with a line break; text after the last one stays in the input.
 */
function typeLines(state: CallScreenState, input: string): [CallScreenState, Effect[]] {
	const lines = input.split(/\r\n|\r|\n/);
	let current = state;
	const effects: Effect[] = [];
	lines.forEach((line, index) => {
		if (line) current = typeText(current, line);
		if (index < lines.length - 1) {
			const [next, more] = sendDraft(current);
			current = next;
			effects.push(...more);
		}
	});
	current = {...current, typing: lines.at(-1) !== ''};
	return [current, current.typing === state.typing ? effects : [...effects, {type: 'layout-changed'}]];
}

function typeText(state: CallScreenState, input: string): CallScreenState {
	const typed = input.replace(/[\u0000-\u001f\u007f]/g, '');
	if (!typed) return state;
	return {...state, draft: (state.draft + typed).slice(0, maxDraftLength)};
}

/** Enter while typing: the line goes out (when there is one) and typing ends, so keys are commands again. */
function sendDraft(state: CallScreenState): [CallScreenState, Effect[]] {
	const text = cleanText(state.draft);
	const done = {...state, draft: '', typing: false};
	if (!text) return [done, []];
	if (!chatAvailable(state)) {
		return [addChat(done, {from: 'note', text: 'Not sent: no chat in this call.'}), []];
	}
	return [addChat(done, {from: 'me', text}), [{type: 'send-chat', text}]];
}

function reduceKey(state: CallScreenState, key: KeyPress): [CallScreenState, Effect[]] {
	if (state.keyChange) {
		// Only an explicit y accepts a changed key; q, Esc, n (and Ctrl+C, which also quits) refuse.
		if (key.ctrl && key.input === 'c') {
			const [next, effects] = answerKeyChange(state, false);
			return [next, [...effects, {type: 'quit'}]];
		}
		if (key.input === 'y' || key.input === 'Y') return answerKeyChange(state, true);
		if (key.escape || ['n', 'N', 'q', 'Q'].includes(key.input)) return answerKeyChange(state, false);
		return [state, []];
	}
	if (key.ctrl && key.input === 'c') return [state, [{type: 'quit'}]];
	if (state.typing) {
		// Esc leaves the input and keeps what was typed: Tab or Enter brings it back.
		if (key.escape) return [{...state, typing: false}, [{type: 'layout-changed'}]];
		if (!key.return && /[\r\n]/.test(key.input)) return typeLines(state, key.input);
		if (key.return) {
			const [next, effects] = sendDraft(state);
			return [next, [...effects, {type: 'layout-changed'}]];
		}
		if (key.backspace || key.delete) return [{...state, draft: [...state.draft].slice(0, -1).join('')}, []];
		if (key.ctrl || key.meta || key.tab) return [state, []];
		return [typeText(state, key.input), []];
	}
	if (key.escape && state.help) return [{...state, help: false}, [{type: 'layout-changed'}]];
	if (key.tab || key.return) {
		if (mayCallAgain(state) && key.return) return [state, [{type: 'redial'}]];
		if (state.protocol === 'seed' && state.phase.kind === 'in-call') {
			return [{...state, notice: 'Chat is unavailable: the peer speaks the original format.'}, []];
		}
		// No chat before a call (nothing to send it to): the hints offer it only in a call.
		if (state.phase.kind !== 'in-call') return [state, []];
		return [{...state, typing: true, help: false}, [{type: 'layout-changed'}]];
	}
	switch (key.input) {
		case 'q':
		case 'Q':
			return [state, [{type: 'quit'}]];
		case '?':
			return [{...state, help: !state.help}, [{type: 'layout-changed'}]];
		case 'v':
		case 'V':
			return [{...state, pip: !state.pip}, [{type: 'layout-changed'}]];
		case 'p':
		case 'P': {
			if (state.camera.kind === 'live')
				return [{...state, camera: {kind: 'paused'}}, [{type: 'pause', paused: true}]];
			if (state.camera.kind === 'paused')
				return [{...state, camera: {kind: 'live'}}, [{type: 'pause', paused: false}]];
			return [state, []];
		}
		case 'r':
		case 'R':
			if (mayCallAgain(state)) return [state, [{type: 'redial'}]];
			return [state, []];
		case 'h':
		case 'H':
			if (['in-call', 'handshaking', 'connecting'].includes(state.phase.kind))
				return [state, [{type: 'hang-up'}]];
			return [state, []];
		default:
			return [state, []];
	}
}
