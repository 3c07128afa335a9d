/**
 * Every flag of the command line, in one table: its type, which commands take it, and its line
 * of help. meow's flag list, the help's Options section and the checks that refuse an unknown
 * flag or one a command does not take are all made from this table, so a new flag is one entry.
 */
import type {AnyFlags} from 'meow';
import {defaultPort} from './net/address.js';

export const commandNames = [
	'listen',
	'call',
	'preview',
	'play',
	'demo',
	'relay',
	'invite',
	'join',
	'completion',
] as const;
export type CommandName = (typeof commandNames)[number];

export type FlagSpec = {
	type: 'string' | 'number' | 'boolean';
	default?: string | number | boolean;
	choices?: readonly string[];
	/** The commands that take it. */
	for: readonly CommandName[];
	/** How the help writes it, e.g. "--camera SPEC" (default: --name). */
	usage?: string;
	/** The help's text; lines after the first are continuation lines. */
	help: string | readonly string[];
};

/** The commands that make a call: directly, or through a relay by invite code. */
const call = ['listen', 'call', 'invite', 'join'] as const;
const drawing = ['listen', 'call', 'invite', 'join', 'preview', 'play'] as const;

/** Keys are meow's camelCase names; on the command line they are kebab-case (--peer-key). */
export const flagTable = {
	camera: {
		type: 'string',
		for: ['listen', 'call', 'invite', 'join', 'preview'],
		usage: '--camera SPEC',
		help: [
			'0, 1 (camera index), /dev/video2, rtsp://... or http://... (stream),',
			'clip.mp4 (video file, looped), photo.png (still image), test (pattern);',
			'default 0',
		],
	},
	host: {
		type: 'string',
		default: '0.0.0.0',
		for: ['listen', 'relay'],
		usage: '--host H',
		help: 'the address to listen on (default 0.0.0.0, every address)',
	},
	port: {
		type: 'string',
		default: String(defaultPort),
		for: ['listen', 'relay'],
		usage: '--port P',
		help: `the port to listen on (default ${defaultPort}; 0: any free port, shown when listening)`,
	},
	protocol: {
		type: 'string',
		default: 'auto',
		choices: ['auto', 'seed', 'v2'],
		for: ['listen', 'call'],
		usage: '--protocol P',
		help: [
			"auto (default): facetty's own when the peer speaks it, else the original",
			"script's format; seed: only the original format; v2: only facetty's own",
		],
	},
	quality: {
		type: 'number',
		for: call,
		usage: '--quality N',
		help: [
			'picture quality of the video sent, 1-100 (default 90), the same for',
			'every codec: the JPEG quality, or the H.264/VP9 level that matches it',
			'(90: about 39-40 dB PSNR at terminal sizes; a narrow link may lower it)',
		],
	},
	stats: {
		type: 'string',
		for: call,
		usage: '--stats FILE',
		help: [
			'append one line of JSON call statistics per second to FILE (among',
			'them the codec sent, h264/vp9/jpeg444, and its target bitrate)',
		],
	},
	secret: {
		type: 'string',
		// invite and join: the code is the secret, and encryption is required.
		for: ['listen', 'call'],
		usage: '--secret WORDS',
		help: [
			'a passphrase both sides must give; when they differ the call is refused on',
			'both sides, before any video (other users of this machine can see command',
			"lines: the setup screen's secret field does not show it)",
		],
	},
	requireEncryption: {
		type: 'boolean',
		default: false,
		for: ['listen', 'call'],
		help: [
			"refuse calls that cannot be encrypted (the original script's format);",
			'every facetty-to-facetty call is encrypted anyway',
		],
	},
	peerKey: {
		type: 'string',
		for: call,
		usage: '--peer-key SHA256:…',
		help: [
			'accept only the peer with this identity fingerprint, as ssh pins a host',
			'key (fingerprints are shown when a key changes, and kept in',
			'~/.config/facetty/known_peers)',
		],
	},
	window: {
		type: 'boolean',
		default: false,
		for: call,
		help: [
			'also show the received video in an OpenCV window, at full size',
			'(Enter in the window, or closing it, closes it; the call goes on)',
		],
	},
	name: {type: 'string', for: call, usage: '--name NAME', help: 'the name the other side sees'},
	seconds: {
		type: 'number',
		for: call,
		usage: '--seconds N',
		help: 'hang up N seconds after the call begins (a room: leave N seconds after the start)',
	},
	color: {
		type: 'string',
		choices: ['truecolor', '256'],
		for: drawing,
		usage: '--color C',
		help: 'truecolor or 256 (default: detected, asking tmux or the terminal)',
	},
	glyphs: {
		type: 'string',
		choices: ['auto', 'half', 'quad', 'sextant', 'octant'],
		for: [...drawing, 'demo'],
		usage: '--glyphs G',
		help: [
			'pixels a cell: half 1x2, quad 2x2, sextant 2x3, octant 2x4 (sharper edges',
			'where the terminal draws them); auto (default): the finest set the',
			'terminal, tmux and ssh are found to pass',
		],
	},
	threshold: {
		type: 'number',
		for: drawing,
		usage: '--threshold N',
		help: 'levels a colour may drift before a cell is redrawn (default 6; 0 = exact)',
	},
	size: {
		type: 'string',
		for: ['play', 'preview'],
		usage: '--size COLSxROWS',
		help: 'draw in a box of this many cells (default: the terminal)',
	},
	pace: {
		type: 'boolean',
		default: true,
		for: ['play'],
		usage: '--no-pace',
		help: 'draw frames as fast as they decode (benchmarks)',
	},
	loop: {type: 'boolean', default: false, for: ['play'], help: 'start again at the end'},
	room: {
		type: 'boolean',
		default: false,
		for: ['invite'],
		help: [
			'make a room for up to 8 people instead of a call for two: everyone joins with',
			'the same code (facetty join CODE) while the room is open',
		],
	},
	log: {
		type: 'string',
		for: ['listen', 'call', 'invite', 'join', 'preview', 'play', 'demo'],
		usage: '--log FILE',
		help: [
			'append what OpenCV and FFmpeg print themselves to FILE (by default it is',
			'discarded when stderr is a terminal; facetty says what matters)',
		],
	},
	relay: {
		type: 'string',
		for: ['invite', 'join'],
		usage: '--relay HOST[:PORT]',
		help: 'the relay to meet at (port 3223 if none is given; remembered for next time)',
	},
} as const satisfies Record<string, FlagSpec>;

/** Flags every command takes, answered before the command starts (cli.tsx, help.ts). */
const builtIn = ['help', 'h', 'version'];

export function kebab(name: string): string {
	return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** meow's `flags` option. */
export function meowFlags(): AnyFlags {
	return Object.fromEntries(
		Object.entries(flagTable).map(([name, spec]: [string, FlagSpec]) => [
			name,
			{
				type: spec.type,
				...(spec.default === undefined ? {} : {default: spec.default}),
				...(spec.choices ? {choices: [...spec.choices]} : {}),
			},
		]),
	) as AnyFlags;
}

/** The help's Options section: the flags grouped by the commands that take them. */
export function optionsHelp(indent = '  ', width = 21): string {
	const groups = new Map<string, string[]>();
	for (const [name, spec] of Object.entries(flagTable) as Array<[string, FlagSpec]>) {
		const heading = `${spec.for.join(', ')}:`;
		const lines = groups.get(heading) ?? [];
		groups.set(heading, lines);
		const [first, ...more] = typeof spec.help === 'string' ? [spec.help] : spec.help;
		lines.push(`${indent}  ${(spec.usage ?? `--${kebab(name)}`).padEnd(width)}${first}`);
		for (const line of more) lines.push(`${indent}  ${' '.repeat(width)}${line}`);
	}
	const sections = [...groups].map(([heading, lines]) => [`${indent}${heading}`, ...lines].join('\n'));
	return [...sections, `${indent}every command:\n${indent}  --help (or -h), --version`].join('\n');
}

/**
 * The flag names written on a command line (kebab-case, without dashes or value), up to `--`.
 * `--no-x` is reported as `no-x`: flagProblem knows it negates `x`.
 */
export function writtenFlags(argv: readonly string[]): string[] {
	const names: string[] = [];
	for (const arg of argv) {
		if (arg === '--') break;
		if (/^--?[^-\d]/.test(arg)) names.push(arg.replace(/^--?/, '').split('=')[0]!);
	}
	return names;
}

/** Why a written flag is refused for this command (undefined: it is fine), as one sentence. */
export function flagProblem(written: string, command: CommandName | undefined): string | undefined {
	if (builtIn.includes(written)) return undefined;
	if (written.length === 1)
		return `unknown flag -${written}: facetty has long flags only (facetty --help lists them)`;
	const entries = Object.entries(flagTable) as Array<[string, FlagSpec]>;
	const negated = written.startsWith('no-') ? written.slice(3) : undefined;
	const match = entries.find(
		([name, spec]) =>
			kebab(name) === written ||
			(negated !== undefined && spec.type === 'boolean' && kebab(name) === negated),
	);
	if (!match) {
		const known = [
			...entries.flatMap(([name, spec]) =>
				spec.type === 'boolean' && spec.default === true ? [`no-${kebab(name)}`] : [kebab(name)],
			),
			...builtIn,
		];
		const nearest = known
			.map((name) => ({name, distance: editDistance(written, name)}))
			.sort((a, b) => a.distance - b.distance)[0]!;
		const hint =
			nearest.distance <= Math.max(2, Math.floor(written.length / 3))
				? `: did you mean --${nearest.name}?`
				: ' (facetty --help lists the flags)';
		return `unknown flag --${written}${hint}`;
	}
	const [name, spec] = match;
	if (command === undefined) {
		return `--${kebab(name)} is for ${spec.for.join(', ')}; the setup screen (facetty alone) asks for its settings instead`;
	}
	if (!spec.for.includes(command)) {
		return `${command} does not take --${kebab(name)} (it is for ${spec.for.join(', ')})`;
	}
	return undefined;
}

/** Levenshtein distance, with a swap of two neighbours counting as one edit (secrte -> secret). */
export function editDistance(a: string, b: string): number {
	const rows = Array.from({length: a.length + 1}, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				best = Math.min(best, rows[i - 2]![j - 2]! + 1);
			rows[i]![j] = best;
		}
	}
	return rows[a.length]![b.length]!;
}
