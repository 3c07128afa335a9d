/**
 * The setup screen's memory: the last choices, in a small JSON file in the user's config
 * directory ($XDG_CONFIG_HOME/facetty/config.json, ~/.config/facetty/config.json, or
 * %APPDATA%\facetty\config.json). A missing or broken file is the same as no file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type SavedChoices = {
	mode?: 'listen' | 'call';
	port?: number;
	target?: string;
	camera?: string;
	name?: string;
	window?: boolean;
	/** The relay invite and join last used (HOST:PORT). */
	relay?: string;
};

export function configPath(
	env: Readonly<Record<string, string | undefined>> = process.env,
	platform: NodeJS.Platform = process.platform,
	home = os.homedir(),
): string {
	const base =
		env['XDG_CONFIG_HOME'] ||
		(platform === 'win32' && env['APPDATA'] ? env['APPDATA'] : path.join(home, '.config'));
	return path.join(base, 'facetty', 'config.json');
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
	if (r['mode'] === 'listen' || r['mode'] === 'call') out.mode = r['mode'];
	if (typeof r['port'] === 'number' && Number.isInteger(r['port']) && r['port'] > 0 && r['port'] < 65536)
		out.port = r['port'];
	for (const key of ['target', 'camera', 'name', 'relay'] as const) {
		const value = r[key];
		if (typeof value === 'string' && value.length <= 1000) out[key] = value;
	}
	if (typeof r['window'] === 'boolean') out.window = r['window'];
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
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(file, JSON.stringify(choices, null, '\t') + '\n');
		return undefined;
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}
