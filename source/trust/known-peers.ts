/**
 * known_peers, like ssh's known_hosts: one line per peer, `<name> <fingerprint>`, `#` comments,
 * in the config directory. The caller records the address it dialled (`host:port`) on the first
 * call; a later call there presenting another key is stopped until the user accepts the change.
 * The file is rewritten whole (temporary file, then rename), mode 0600. Lines it cannot read are
 * kept as they are and otherwise ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import {checkKnownPeersFile} from '../config/config.js';
import {parseFingerprint} from './identity.js';

export const knownPeersFileName = 'known_peers';
/** A hostile or damaged file must not make facetty read gigabytes. */
const maxFileBytes = 1024 * 1024;

export type KnownPeerEntry = {name: string; fingerprint: string};

export function parseKnownPeers(text: string): {entries: KnownPeerEntry[]; lines: string[]} {
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	const entries: KnownPeerEntry[] = [];
	for (const line of lines) {
		const trimmed = line.trim();
		if (trimmed === '' || trimmed.startsWith('#')) continue;
		const [name, key, ...extra] = trimmed.split(/\s+/);
		const fingerprint = key ? parseFingerprint(key) : undefined;
		if (!name || !fingerprint || extra.length > 0) continue;
		entries.push({name, fingerprint});
	}
	return {entries, lines};
}

/** How a name's recorded key compares with the one presented (the verdict is trust/peer-key.ts's). */
export type KnownPeerMatch = 'new' | 'known' | 'changed';

export class KnownPeers {
	readonly file: string;
	constructor(configDir: string) {
		this.file = path.join(configDir, knownPeersFileName);
	}

	private read(): {entries: KnownPeerEntry[]; lines: string[]} {
		let text = '';
		try {
			const stat = fs.statSync(this.file);
			checkKnownPeersFile(this.file, stat);
			if (stat.size > maxFileBytes)
				throw new Error(`${this.file} is larger than 1 MB; is it the right file?`);
			text = fs.readFileSync(this.file, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
		return parseKnownPeers(text);
	}

	lookup(name: string): string | undefined {
		return this.read().entries.find((e) => e.name === name)?.fingerprint;
	}

	/** Names recorded for a fingerprint (the accepter uses this to say who is calling). */
	namesOf(fingerprint: string): string[] {
		return this.read()
			.entries.filter((e) => e.fingerprint === fingerprint)
			.map((e) => e.name);
	}

	check(name: string, fingerprint: string): {status: KnownPeerMatch; recorded?: string} {
		const recorded = this.lookup(name);
		if (recorded === undefined) return {status: 'new'};
		return recorded === fingerprint ? {status: 'known', recorded} : {status: 'changed', recorded};
	}

	/** Records (or replaces) the fingerprint for `name`. */
	record(name: string, fingerprint: string): void {
		if (/\s/.test(name) || name === '' || name.startsWith('#'))
			throw new Error(`bad peer name ${JSON.stringify(name)}`);
		const {lines} = this.read();
		const kept = lines.filter((line) => line.trim().split(/\s+/)[0] !== name);
		if (kept.length === 0) kept.push('# facetty known peers: <name> <fingerprint>');
		kept.push(`${name} ${fingerprint}`);
		fs.mkdirSync(path.dirname(this.file), {recursive: true, mode: 0o700});
		const temporary = `${this.file}.${process.pid}.tmp`;
		fs.writeFileSync(temporary, kept.join('\n') + '\n', {mode: 0o600});
		fs.renameSync(temporary, this.file);
	}
}
