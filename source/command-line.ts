/**
 * Turns what meow parsed into one typed command, checking every value, so the commands below
 * never see a bad flag. Pure: tested without starting anything.
 */
import {shells, type Shell} from './completion.js';
import {cameraProblem} from './sources/spec.js';
import {commandNames, flagProblem, writtenFlags, type CommandName} from './flags.js';
import {checkHost, defaultPort, formatHostPort, parseHostPort, parsePort} from './net/address.js';
import {parseCellSize, type ColorDepth, type GlyphChoice} from './render/layout.js';
import type {ProtocolChoice} from './session/call.js';
import type {CallPlan, CallSettings, Display} from './control/plan.js';
import {defaultConfigDir} from './config/config.js';
import {parseFingerprint} from './trust/identity.js';

export class UsageError extends Error {
	override name = 'UsageError';
}

export type Flags = {
	camera?: string;
	host: string;
	/** meow reads it as a string (so "5x" is refused, not read as NaN); tests may pass a number. */
	port: string | number;
	protocol: string;
	quality?: number;
	stats?: string;
	window: boolean;
	name?: string;
	color?: string;
	glyphs?: string;
	size?: string;
	pace: boolean;
	loop: boolean;
	threshold?: number;
	seconds?: number;
	secret?: string;
	requireEncryption?: boolean;
	peerKey?: string;
	relay?: string;
	log?: string;
	room?: boolean;
};

export type Command =
	| {kind: 'setup'}
	| ({kind: 'listen'; host: string; port: number} & CallSettings & Display)
	| ({kind: 'call'; target: string} & CallSettings & Display)
	| ({kind: 'preview'; camera: string} & Display)
	| ({kind: 'play'; file: string; pace: boolean; loop: boolean} & Display)
	| {kind: 'demo'; glyphs?: GlyphChoice}
	| {kind: 'relay'; host: string; port: number}
	| ({kind: 'invite'; relay?: string; room?: boolean} & CallSettings & Display)
	| ({kind: 'join'; code: string; relay?: string} & CallSettings & Display)
	| {kind: 'completion'; shell: Shell};

/** The commands that make a call. */
export type CallCommand = Extract<Command, {kind: 'listen' | 'call' | 'invite' | 'join'}>;

/**
 * A call command as one plan (control/plan.ts), with the user's own identity key and known_peers
 * (configDir; the command line always has them).
 */
export function callPlan<C extends CallCommand>(
	command: C,
	configDir: string = defaultConfigDir(),
): Extract<CallPlan, {role: C['kind']}> {
	return planOf(command, configDir) as Extract<CallPlan, {role: C['kind']}>;
}

function planOf(command: CallCommand, configDir: string): CallPlan {
	const {kind, ...rest} = command;
	switch (kind) {
		case 'listen':
			return {...rest, role: kind, host: command.host, port: command.port, configDir};
		case 'call':
			return {...rest, role: kind, target: command.target, configDir};
		case 'invite':
			return {...rest, role: kind, relay: command.relay, configDir};
		case 'join':
			return {...rest, role: kind, code: command.code, relay: command.relay, configDir};
	}
}

/**
 * `argv` is the raw command line (process.argv.slice(2)): every flag written in it must exist
 * and belong to the command (see flags.ts).
 */
export function parseCommandLine(
	input: readonly string[],
	flags: Flags,
	argv: readonly string[] = [],
): Command {
	const [name, ...rest] = input;
	if (name !== undefined && !(commandNames as readonly string[]).includes(name)) {
		throw new UsageError(`unknown command "${name}" (commands: ${commandNames.join(', ')})`);
	}
	for (const written of writtenFlags(argv)) {
		const problem = flagProblem(written, name as CommandName | undefined);
		if (problem) throw new UsageError(problem);
	}
	if (name === undefined) return {kind: 'setup'};
	const display = parseDisplay(flags);
	switch (name) {
		case 'listen': {
			expectArguments(name, rest, 0);
			const port = parsePort(flags.port, 'listen');
			if (!port.ok) throw new UsageError(`--port: ${lowerFirst(port.error)}`);
			const badHost = checkHost(flags.host);
			if (badHost) throw new UsageError(`--host: ${lowerFirst(badHost)}`);
			return {kind: 'listen', host: flags.host, port: port.value, ...parseCallSettings(flags), ...display};
		}
		case 'call': {
			expectArguments(name, rest, 1, 'HOST:PORT');
			const parsed = parseHostPort(rest[0]!, defaultPort);
			if (!parsed.ok) throw new UsageError(lowerFirst(parsed.error));
			return {kind: 'call', target: formatHostPort(parsed.value), ...parseCallSettings(flags), ...display};
		}
		case 'relay': {
			expectArguments(name, rest, 0);
			const port = parsePort(flags.port, 'listen');
			if (!port.ok) throw new UsageError(`--port: ${lowerFirst(port.error)}`);
			return {kind: 'relay', host: flags.host, port: port.value};
		}
		case 'invite':
			expectArguments(name, rest, 0);
			return {
				kind: 'invite',
				relay: relayFlag(flags),
				...(flags.room ? {room: true} : {}),
				...parseCallSettings(flags),
				...display,
			};
		case 'join':
			expectArguments(name, rest, 1, 'the invite CODE (for example 42-kettle-violet-orbit)');
			return {kind: 'join', code: rest[0]!, relay: relayFlag(flags), ...parseCallSettings(flags), ...display};
		case 'preview':
			expectArguments(name, rest, 0);
			return {kind: 'preview', camera: cameraFlag(flags), ...display};
		case 'play':
			expectArguments(name, rest, 1, 'FILE');
			return {kind: 'play', file: rest[0]!, pace: flags.pace, loop: flags.loop, ...display};
		case 'completion': {
			expectArguments(name, rest, 1, `a shell: ${shells.join(', ')}`);
			const shell = rest[0] as Shell;
			if (!shells.includes(shell))
				throw new UsageError(`completion is for ${shells.join(', ')}, not "${rest[0]}"`);
			return {kind: 'completion', shell};
		}
		default:
			expectArguments(name, rest, 0);
			return {kind: 'demo', glyphs: flags.glyphs as GlyphChoice | undefined};
	}
}

/** The address module's sentences start a message; here they follow "facetty: ". */
function lowerFirst(sentence: string): string {
	return sentence.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase()).replace(/\.$/, '');
}

function relayFlag(flags: Flags): string | undefined {
	if (flags.relay === undefined) return undefined;
	const parsed = parseHostPort(flags.relay, defaultPort);
	if (!parsed.ok) throw new UsageError(`--relay: ${lowerFirst(parsed.error)}`);
	return flags.relay;
}

/** --camera, refused at once when it names a file that is not there (a listener would wait on it). */
function cameraFlag(flags: Flags): string {
	const camera = flags.camera ?? '0';
	const problem = cameraProblem(camera);
	if (problem) throw new UsageError(`--camera: ${lowerFirst(problem)}`);
	return camera;
}

function expectArguments(command: string, rest: readonly string[], count: number, what = ''): void {
	if (rest.length < count) throw new UsageError(`${command} needs ${what}`);
	if (rest.length > count) throw new UsageError(`${command} does not take "${rest.slice(count).join(' ')}"`);
}

function parseCallSettings(flags: Flags): CallSettings {
	const quality = flags.quality;
	if (quality !== undefined && (!Number.isInteger(quality) || quality < 1 || quality > 100)) {
		throw new UsageError(`--quality must be a whole number from 1 to 100, not ${quality}`);
	}
	const protocol = flags.protocol as ProtocolChoice;
	const secret = flags.secret;
	if (secret !== undefined && secret.trim() === '') throw new UsageError('--secret needs a passphrase');
	const requireEncryption = flags.requireEncryption ?? false;
	if (protocol === 'seed' && secret !== undefined) {
		throw new UsageError(
			'--secret needs an encrypted call; the seed format (--protocol seed) cannot carry it',
		);
	}
	if (protocol === 'seed' && requireEncryption) {
		throw new UsageError(
			'--require-encryption and --protocol seed contradict each other: seed cannot be encrypted',
		);
	}
	let peerKey: string | undefined;
	if (flags.peerKey !== undefined) {
		peerKey = parseFingerprint(flags.peerKey);
		if (!peerKey) {
			throw new UsageError(
				`--peer-key must be a fingerprint as facetty shows it (SHA256: and 43 base64 characters), not "${flags.peerKey}"`,
			);
		}
		if (protocol === 'seed')
			throw new UsageError('--peer-key needs an encrypted call; --protocol seed has no keys');
	}
	return {
		camera: cameraFlag(flags),
		protocol,
		quality,
		stats: flags.stats,
		seconds: positive('seconds', flags.seconds),
		window: flags.window,
		name: flags.name,
		secret,
		requireEncryption,
		peerKey,
	};
}

function parseDisplay(flags: Flags): Display {
	let size: Display['size'];
	if (flags.size !== undefined) {
		size = parseCellSize(flags.size);
		if (!size) throw new UsageError(`--size must be COLSxROWS, for example 160x48, not "${flags.size}"`);
	}
	const threshold = flags.threshold;
	if (threshold !== undefined && (!Number.isFinite(threshold) || threshold < 0 || threshold > 255)) {
		throw new UsageError(`--threshold must be from 0 to 255, not ${threshold}`);
	}
	return {
		color: flags.color as ColorDepth | undefined,
		glyphs: flags.glyphs as GlyphChoice | undefined,
		threshold,
		size,
	};
}

function positive(name: string, value: number | undefined): number | undefined {
	if (value !== undefined && !(value > 0))
		throw new UsageError(`--${name} must be more than 0, not ${value}`);
	return value;
}
