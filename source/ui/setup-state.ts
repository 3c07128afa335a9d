/**
 * The setup screen as a pure reducer: a form moved through with the arrow keys or Tab, edited by
 * typing, started with Enter. The mode decides the fields: listen and call (address, camera, name,
 * window, secret), invite (relay, camera, name, window) and join (code, relay, camera, name,
 * window); an invite's code is its secret. The secret is shown masked and never saved.
 */
import type {SavedChoices} from '../config/config.js';
import {cleanText, type KeyPress} from './call-state.js';
import {defaultPort, parseHostPort, parsePort} from '../net/address.js';
import {parseCode, typedCodeProblem} from '../invite/code.js';
import {parseRelay} from '../invite/relay-choice.js';
import {errorMessage} from '../text/error-message.js';

/** `room`: invite to a room (`facetty invite --room`); `join` takes either kind of code. */
export const setupModes = ['listen', 'call', 'invite', 'room', 'join'] as const;
export type SetupMode = (typeof setupModes)[number];
export const setupFields = [
	'mode',
	'address',
	'code',
	'relay',
	'camera',
	'name',
	'window',
	'secret',
] as const;
export const maxSecretLength = 200;
/** Room for a code's number and words, typed with blanks to spare. */
export const maxCodeLength = 100;
export type SetupField = (typeof setupFields)[number];

/** The fields a mode asks for, in the order the form shows them. */
export function fieldsOf(mode: SetupMode): readonly SetupField[] {
	switch (mode) {
		case 'listen':
		case 'call':
			return ['mode', 'address', 'camera', 'name', 'window', 'secret'];
		case 'invite':
		case 'room':
			return ['mode', 'relay', 'camera', 'name', 'window'];
		case 'join':
			return ['mode', 'code', 'relay', 'camera', 'name', 'window'];
	}
}

/** The most fields any mode shows (the layout keeps a row for each). */
export const mostFields = Math.max(...setupModes.map((mode) => fieldsOf(mode).length));

export type SetupState = {
	readonly field: SetupField;
	readonly mode: SetupMode;
	readonly port: string;
	readonly target: string;
	/** join: the invite code as typed. */
	readonly code: string;
	/** invite, join: the relay's HOST:PORT (offered from the config). */
	readonly relay: string;
	readonly camera: string;
	/** Cameras to cycle through with ←/→: found devices, the test pattern, the demo clip. */
	readonly cameras: readonly string[];
	readonly probing: boolean;
	readonly name: string;
	readonly window: boolean;
	/** Optional shared passphrase (--secret); kept in memory only, never in the config file. */
	readonly secret: string;
	readonly addresses: readonly string[];
	readonly error?: string;
};

export type SetupResult =
	| {readonly kind: 'quit'}
	| {
			readonly kind: 'start';
			readonly mode: SetupMode;
			readonly port: number;
			readonly target: string;
			/** join: the code, as typed (it was read by parseCode). */
			readonly code: string;
			/** invite, join: the relay's HOST:PORT (read by parseRelay). */
			readonly relay: string;
			readonly camera: string;
			readonly name: string;
			readonly window: boolean;
			/** Empty: no secret. */
			readonly secret: string;
	  };

export function initialSetup(
	saved: SavedChoices,
	addresses: readonly string[],
	cameras: readonly string[],
): SetupState {
	return {
		field: 'mode',
		mode: saved.mode ?? 'listen',
		port: String(saved.port ?? defaultPort),
		target: saved.target ?? '',
		code: '',
		relay: saved.relay ?? '',
		camera: saved.camera ?? cameras[0] ?? 'test',
		cameras,
		probing: true,
		name: saved.name ?? '',
		window: saved.window ?? false,
		secret: '',
		addresses,
	};
}

export function choicesOf(state: SetupState): SavedChoices {
	const port = Number(state.port);
	return {
		mode: state.mode,
		port: Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined,
		target: state.target || undefined,
		// A relay is kept only as one that can be used: invite and join would meet at it.
		relay: parseRelay(state.relay).ok ? state.relay.trim() : undefined,
		camera: state.camera,
		name: state.name || undefined,
		window: state.window,
	};
}

/** The code module's sentences follow "facetty join: "; here each starts a line of its own. */
function sentence(text: string): string {
	const upper = text.charAt(0).toUpperCase() + text.slice(1);
	return /[.!?]$/.test(upper) ? upper : `${upper}.`;
}

/** A code as typed, whole: a wrong word is named before a missing one. */
function codeProblem(code: string): string | undefined {
	const wrong = typedCodeProblem(code, false);
	if (wrong) return sentence(wrong);
	try {
		parseCode(code);
		return undefined;
	} catch (error) {
		return sentence(errorMessage(error));
	}
}

/** Back on the form after what it started was refused (the relay could not open an invite). */
export function refused(state: SetupState, field: SetupField, reason: string): SetupState {
	return {...state, field, error: sentence(reason)};
}

/** What keeps the form from starting, and the field to go back to. */
function validate(state: SetupState): {field: SetupField; error: string} | undefined {
	const {mode} = state;
	if (mode === 'listen') {
		const port = parsePort(state.port);
		if (!port.ok) return {field: 'address', error: port.error};
	}
	if (mode === 'call') {
		const target = parseHostPort(state.target, defaultPort);
		if (!target.ok) return {field: 'address', error: target.error};
	}
	if (mode === 'join') {
		const error = codeProblem(state.code);
		if (error) return {field: 'code', error};
	}
	if (mode === 'invite' || mode === 'room' || mode === 'join') {
		const relay = parseRelay(state.relay);
		if (!relay.ok) return {field: 'relay', error: relay.error};
	}
	if (!state.camera.trim()) return {field: 'camera', error: 'Choose a camera (←/→) or type one.'};
	return undefined;
}

function edit(value: string, key: KeyPress, max = 200): string {
	if (key.backspace || key.delete) return [...value].slice(0, -1).join('');
	if (key.ctrl || key.meta) return value;
	// Keys that arrive in one read (a burst of Backspaces, a paste) come as one input: each
	// Backspace in it deletes, the rest is typed.
	let chars = [...value];
	for (const char of key.input) {
		if (char === '\u007f' || char === '\b') chars = chars.slice(0, -1);
		else if (!/[\u0000-\u001f]/.test(char)) chars.push(char);
	}
	return chars.join('').slice(0, max);
}

export type SetupAction =
	| {
			readonly type: 'key';
			readonly key: KeyPress & {
				readonly upArrow?: boolean;
				readonly downArrow?: boolean;
				readonly leftArrow?: boolean;
				readonly rightArrow?: boolean;
				readonly shift?: boolean;
			};
	  }
	| {readonly type: 'cameras'; readonly cameras: readonly string[]; readonly done: boolean};

export function reduceSetup(state: SetupState, action: SetupAction): [SetupState, SetupResult | undefined] {
	if (action.type === 'cameras')
		return [{...state, cameras: action.cameras, probing: !action.done}, undefined];
	const key = action.key;
	if (key.input.length > 1 && /[\t\r]/.test(key.input) && !key.ctrl && !key.meta)
		return burst(state, key.input);
	if ((key.ctrl && key.input === 'c') || key.escape) return [state, {kind: 'quit'}];
	const fields = fieldsOf(state.mode);
	const index = Math.max(0, fields.indexOf(state.field));
	const move = (by: number) => fields[(index + by + fields.length) % fields.length]!;
	if (key.upArrow || (key.tab && key.shift)) return [leave(state, move(-1)), undefined];
	if (key.downArrow || key.tab) return [leave(state, move(1)), undefined];
	if (key.return) {
		const problem = validate(state);
		if (problem) return [{...state, ...problem}, undefined];
		return [
			state,
			{
				kind: 'start',
				mode: state.mode,
				port: Number(state.port),
				target: state.target,
				code: state.mode === 'join' ? state.code.trim() : '',
				relay: ['invite', 'room', 'join'].includes(state.mode) ? state.relay.trim() : '',
				camera: state.camera.trim(),
				name: cleanText(state.name),
				window: state.window,
				// An invite's code is its secret: the field is not shown, so nothing typed there counts.
				secret: fieldsOf(state.mode).includes('secret') && state.secret.trim() !== '' ? state.secret : '',
			},
		];
	}
	const sideways = key.leftArrow ? -1 : key.rightArrow ? 1 : 0;
	switch (state.field) {
		case 'mode': {
			const at = setupModes.indexOf(state.mode);
			const step = sideways || (key.input === ' ' ? 1 : 0);
			const byLetter = setupModes.find((mode) => mode[0] === key.input);
			const mode = step ? setupModes[(at + step + setupModes.length) % setupModes.length]! : byLetter;
			return [mode ? {...state, mode, error: undefined} : state, undefined];
		}
		case 'window':
			if (sideways || key.input === ' ') return [{...state, window: !state.window}, undefined];
			if (key.input === 'y') return [{...state, window: true}, undefined];
			if (key.input === 'n') return [{...state, window: false}, undefined];
			return [state, undefined];
		case 'camera': {
			if (sideways && state.cameras.length > 0) {
				const at = state.cameras.indexOf(state.camera);
				const next = state.cameras[(at + sideways + state.cameras.length) % state.cameras.length]!;
				return [{...state, camera: next}, undefined];
			}
			return [{...state, camera: edit(state.camera, key, 1000), error: undefined}, undefined];
		}
		case 'address':
			if (state.mode === 'listen') {
				return [{...state, port: edit(state.port, key, 5).replace(/\D/g, ''), error: undefined}, undefined];
			}
			return [{...state, target: edit(state.target, key), error: undefined}, undefined];
		case 'code': {
			// Checked as it is typed: a wrong number or a finished word that is not in the list is
			// said at once, not only at Enter.
			const code = edit(state.code, key, maxCodeLength);
			const error = typedCodeProblem(code);
			return [{...state, code, error: error ? sentence(error) : undefined}, undefined];
		}
		case 'relay':
			return [{...state, relay: edit(state.relay, key), error: undefined}, undefined];
		case 'name':
			return [{...state, name: edit(state.name, key, 60)}, undefined];
		case 'secret':
			return [{...state, secret: edit(state.secret, key, maxSecretLength)}, undefined];
	}
}

/**
 * Keys that came in one read (a fast typist over ssh, a paste: "42-kettle-violet-orbit\t"): the
 * text typed, then Tab or Enter as the keys they are, in order, until one starts or quits.
 */
function burst(state: SetupState, input: string): [SetupState, SetupResult | undefined] {
	let result: SetupResult | undefined;
	for (const piece of input.split(/([\t\r])/)) {
		if (piece === '') continue;
		const key =
			piece === '\t' ? {input: '', tab: true} : piece === '\r' ? {input: '', return: true} : {input: piece};
		[state, result] = reduceSetup(state, {type: 'key', key});
		if (result) break;
	}
	return [state, result];
}

/** Moving off a field: a code that cannot be right is said as the cursor leaves it. */
function leave(state: SetupState, field: SetupField): SetupState {
	const error = state.field === 'code' && state.code.trim() !== '' ? codeProblem(state.code) : undefined;
	return {...state, field, error};
}
