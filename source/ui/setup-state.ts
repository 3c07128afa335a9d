/**
 * The setup screen as a pure reducer: a form of six fields (mode, address, camera, name,
 * window, secret) moved through with the arrow keys or Tab, edited by typing, started with Enter.
 * The secret is shown masked and never saved.
 */
import type {SavedChoices} from '../config/config.js';
import {cleanText, type KeyPress} from './call-state.js';
import {defaultPort, parseHostPort, parsePort} from '../net/address.js';

export const setupFields = ['mode', 'address', 'camera', 'name', 'window', 'secret'] as const;
export const maxSecretLength = 200;
export type SetupField = (typeof setupFields)[number];

export type SetupState = {
	readonly field: SetupField;
	readonly mode: 'listen' | 'call';
	readonly port: string;
	readonly target: string;
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
			readonly mode: 'listen' | 'call';
			readonly port: number;
			readonly target: string;
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
		camera: state.camera,
		name: state.name || undefined,
		window: state.window,
	};
}

function validate(state: SetupState): string | undefined {
	if (state.mode === 'listen') {
		const port = parsePort(state.port);
		if (!port.ok) return port.error;
	} else {
		const target = parseHostPort(state.target);
		if (!target.ok) return target.error;
	}
	if (!state.camera.trim()) return 'Choose a camera (←/→) or type one.';
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
	if ((key.ctrl && key.input === 'c') || key.escape) return [state, {kind: 'quit'}];
	const index = setupFields.indexOf(state.field);
	const move = (by: number) => setupFields[(index + by + setupFields.length) % setupFields.length]!;
	if (key.upArrow || (key.tab && key.shift))
		return [{...state, field: move(-1), error: undefined}, undefined];
	if (key.downArrow || key.tab) return [{...state, field: move(1), error: undefined}, undefined];
	if (key.return) {
		const error = validate(state);
		if (error) return [{...state, error}, undefined];
		return [
			state,
			{
				kind: 'start',
				mode: state.mode,
				port: Number(state.port),
				target: state.target,
				camera: state.camera.trim(),
				name: cleanText(state.name),
				window: state.window,
				secret: state.secret.trim() === '' ? '' : state.secret,
			},
		];
	}
	const sideways = key.leftArrow ? -1 : key.rightArrow ? 1 : 0;
	switch (state.field) {
		case 'mode':
			if (sideways || key.input === ' ')
				return [{...state, mode: state.mode === 'listen' ? 'call' : 'listen'}, undefined];
			if (key.input === 'l') return [{...state, mode: 'listen'}, undefined];
			if (key.input === 'c') return [{...state, mode: 'call'}, undefined];
			return [state, undefined];
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
		case 'name':
			return [{...state, name: edit(state.name, key, 60)}, undefined];
		case 'secret':
			return [{...state, secret: edit(state.secret, key, maxSecretLength)}, undefined];
	}
}
