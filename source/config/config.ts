/**
 * The config directory and what is kept in it: the identity key and known_peers (trust/), and
 * the setup screen's memory: the last choices, in a small JSON file in the user's config
 * directory ($XDG_CONFIG_HOME/facetty/config.json, ~/.config/facetty/config.json, or
 * %APPDATA%\facetty\config.json). A missing or broken file is the same as no file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {cleanLine} from '../text/sanitize.js';
import {asError} from '../text/error-message.js';
import {glyphChoices, type GlyphChoice} from '../render/layout.js';

/**
 * A key file or the config directory that facetty will not use as it is, as one sentence that
 * names the file and says what to do (never a stack trace).
 */
export class KeyFileError extends Error {
	override name = 'KeyFileError';
}

const mode = (bits: number) => (bits & 0o777).toString(8);

/** Whether a file or directory is someone else's: its owner is neither this user nor root. */
function foreign(stat: fs.Stats): boolean {
	const uid = process.getuid?.();
	return uid !== undefined && stat.uid !== uid && stat.uid !== 0;
}

/**
 * The config directory, checked the way ssh's StrictModes checks ~/.ssh: made (0700) if missing;
 * refused when another user owns it or can write in it (they could swap the identity key or
 * known_peers); closed to other users (0700) with a warning when they can only look in. The same
 * for known_peers (0600). Returns the warnings; throws a KeyFileError to refuse.
 */
export function secureConfigDir(dir: string): string[] {
	if (process.platform === 'win32') return [];
	const warnings: string[] = [];
	fs.mkdirSync(dir, {recursive: true, mode: 0o700});
	const stat = fs.statSync(dir);
	if (!stat.isDirectory())
		throw new KeyFileError(`${dir} should be facetty's config directory but is not a directory`);
	if (foreign(stat))
		throw new KeyFileError(
			`${dir} belongs to another user (uid ${stat.uid}); facetty keeps your keys only in a directory of yours`,
		);
	if (stat.mode & 0o022) {
		throw new KeyFileError(
			`${dir} can be written by other users (mode ${mode(stat.mode)}): they could swap your identity key or known_peers. If that is not so, run: chmod 700 ${dir}`,
		);
	}
	if (stat.mode & 0o055) {
		fs.chmodSync(dir, 0o700);
		warnings.push(`${dir} was open to other users (mode ${mode(stat.mode)}); facetty made it 700`);
	}
	const knownPeers = path.join(dir, 'known_peers');
	const warning = closeKnownPeers(knownPeers);
	if (warning) warnings.push(warning);
	return warnings;
}

/**
 * Checks known_peers and makes it 0600 if others can read it, through a descriptor opened
 * without following a symbolic link: a link's target is checked but never changed (a chmod by
 * name followed a link to whatever file it named, and changed that file's mode).
 */
function closeKnownPeers(file: string): string | undefined {
	let fd: number;
	try {
		fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return undefined;
		if (code !== 'ELOOP') throw error;
		// A symbolic link: what it points to is what is read, so that is checked, and left as it is.
		let target: fs.Stats;
		try {
			target = fs.statSync(file);
		} catch {
			return undefined;
		}
		checkKnownPeersFile(file, target);
		if (!(target.mode & 0o044)) return undefined;
		const real = fs.realpathSync(file);
		return `${file} is a link to ${real}, which other users can read (mode ${mode(target.mode)}); facetty does not change a file through a link: run chmod 600 ${real}`;
	}
	try {
		const stat = fs.fstatSync(fd);
		checkKnownPeersFile(file, stat);
		if (!stat.isFile() || !(stat.mode & 0o044)) return undefined;
		fs.fchmodSync(fd, 0o600);
		return `${file} could be read by other users (mode ${mode(stat.mode)}); facetty made it 600`;
	} finally {
		fs.closeSync(fd);
	}
}

/** known_peers decides whom to trust: refused when another user owns it or can change it. */
export function checkKnownPeersFile(file: string, stat: fs.Stats): void {
	if (process.platform === 'win32') return;
	if (foreign(stat))
		throw new KeyFileError(
			`${file} belongs to another user (uid ${stat.uid}); move it away to start a new one`,
		);
	if (stat.mode & 0o022) {
		throw new KeyFileError(
			`${file} can be changed by other users (mode ${mode(stat.mode)}), so it cannot say whom to trust. Check its lines, then run: chmod 600 ${file}`,
		);
	}
}

const savedModes = ['listen', 'call', 'invite', 'room', 'join'] as const;

export type SavedChoices = {
	mode?: (typeof savedModes)[number];
	port?: number;
	target?: string;
	camera?: string;
	name?: string;
	window?: boolean;
	/** The relay invite and join last used (HOST:PORT). */
	relay?: string;
	/** Glyph set for every picture when no --glyphs is given (set by hand; auto when absent). */
	glyphs?: GlyphChoice;
};

/** The one config directory: config.json, identity.pem and known_peers all live here. */
export function defaultConfigDir(
	env: Readonly<Record<string, string | undefined>> = process.env,
	platform: NodeJS.Platform = process.platform,
	home = os.homedir(),
): string {
	const base =
		env['XDG_CONFIG_HOME'] ||
		(platform === 'win32' && env['APPDATA'] ? env['APPDATA'] : path.join(home, '.config'));
	return path.join(base, 'facetty');
}

export function configPath(
	env: Readonly<Record<string, string | undefined>> = process.env,
	platform: NodeJS.Platform = process.platform,
	home = os.homedir(),
): string {
	return path.join(defaultConfigDir(env, platform, home), 'config.json');
}

/** Only the fields that have the right type survive. */
export function parseChoices(text: string): SavedChoices {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return {};
	}
	if (!raw || typeof raw !== 'object') return {};
	const r = raw as Record<string, unknown>;
	const out: SavedChoices = {};
	const savedMode = savedModes.find((m) => m === r['mode']);
	if (savedMode) out.mode = savedMode;
	if (typeof r['port'] === 'number' && Number.isInteger(r['port']) && r['port'] > 0 && r['port'] < 65536)
		out.port = r['port'];
	// The file is outside input like a peer's words: its text is drawn on the setup screen and
	// echoed in errors, so it passes the one sanitizer (an OSC 52 there reached the terminal).
	for (const key of ['target', 'camera', 'name', 'relay'] as const) {
		const value = r[key];
		if (typeof value === 'string' && value.length <= 1000) {
			const clean = cleanLine(value, {maxColumns: 1000, keepSpaces: true});
			if (clean !== '') out[key] = clean;
		}
	}
	if (typeof r['window'] === 'boolean') out.window = r['window'];
	const glyphs = glyphChoices.find((choice) => choice === r['glyphs']);
	if (glyphs) out.glyphs = glyphs;
	return out;
}

export function loadChoices(file = configPath()): SavedChoices {
	try {
		return parseChoices(fs.readFileSync(file, 'utf8'));
	} catch {
		return {};
	}
}

/** Saves; a failure (read-only home) is returned, not thrown: forgetting is not worth a crash. */
export function saveChoices(choices: SavedChoices, file = configPath()): Error | undefined {
	try {
		fs.mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
		fs.writeFileSync(file, JSON.stringify(choices, null, '\t') + '\n', {mode: 0o600});
		return undefined;
	} catch (error) {
		return asError(error);
	}
}
