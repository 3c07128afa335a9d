/**
 * What `--help` says, for facetty as a whole and for each command, made from flags.ts's table so
 * the help, the man page (man-page.ts) and the shell completions (completion.ts) cannot disagree.
 * Asking for help is answered before meow parses anything and before any command starts: `listen
 * --help` must never open a port.
 */
import {commandNames, flagTable, kebab, type CommandName, type FlagSpec} from './flags.js';
import {defaultPort} from './net/address.js';

/** Each command's usage line (after `facetty `) and what it does, in the help's order. */
export const commandTable: Record<CommandName, {usage: string; does: string}> = {
	listen: {usage: 'listen [--host H] [--port P]', does: `wait for a call (default 0.0.0.0:${defaultPort})`},
	call: {usage: 'call HOST[:PORT]', does: `call someone who listens (default port ${defaultPort})`},
	preview: {usage: 'preview', does: 'your own camera in the terminal, to check framing and light'},
	play: {usage: 'play FILE', does: 'draw a video file in the terminal'},
	demo: {usage: 'demo', does: 'a call between two facetty peers in this terminal (npm start)'},
	invite: {usage: 'invite [--relay HOST:PORT]', does: 'show a one-time code for a call through a relay'},
	join: {usage: 'join CODE [--relay HOST:PORT]', does: 'join a call by its code'},
	relay: {
		usage: 'relay [--host H] [--port P]',
		does: `run a relay that pairs invites (default every address, port ${defaultPort})`,
	},
	completion: {
		usage: 'completion bash|zsh|fish',
		does: 'print the shell completion script (bash: source <(facetty completion bash))',
	},
};

export const description = 'Video chat without voice, in your terminal.';

/** The help's sections after Usage and Options, in order: the man page has them too. */
export const sections: ReadonlyArray<{title: string; lines: readonly string[]}> = [
	{
		title: 'Security',
		lines: [
			'Calls between facetty peers are encrypted (TLS 1.3). The call screen shows a check code, like',
			'"check 959 809": read it to each other; if it matches on both screens, nobody is in the',
			'middle. Each side keeps an identity key in ~/.config/facetty (or $XDG_CONFIG_HOME/facetty);',
			'a caller remembers the key of every address it called and warns when it changes.',
		],
	},
	{
		title: 'Keys (call screen)',
		lines: [
			'q or Ctrl+C          hang up and quit',
			'Enter or Tab         type a chat line (Enter sends it, Esc goes back to the video)',
			'p                    pause your camera (the other side sees a paused card)',
			'v                    show or hide your own picture',
			'h                    hang up (a listener keeps listening)',
			'r or Enter           call again after a call ended',
			'?                    help (? or Esc closes it)',
		],
	},
	{
		title: 'Examples',
		lines: [
			'$ facetty listen --camera 0',
			`$ facetty call 192.168.1.20:${defaultPort} --camera /dev/video2`,
			`$ facetty call 127.0.0.1:${defaultPort} --camera media/clip.mp4 --stats call.jsonl`,
			'$ facetty listen --secret "blue kettle" --require-encryption',
			`$ facetty call 192.168.1.20:${defaultPort} --secret "blue kettle"`,
			'$ facetty preview --camera test',
			'$ facetty play media/clip.mp4 --size 160x48',
			'$ facetty play media/clip.mp4 --no-pace --size 160x48 > /dev/null',
		],
	},
];

/** The flags a command takes, with their specs. */
export function flagsOf(command: CommandName): Array<[string, FlagSpec]> {
	return (Object.entries(flagTable) as Array<[string, FlagSpec]>).filter(([, spec]) =>
		spec.for.includes(command),
	);
}

/** How the help writes a flag: "--camera SPEC", "--no-pace". */
export function flagUsage(name: string, spec: FlagSpec): string {
	return spec.usage ?? `--${kebab(name)}`;
}

export function flagHelpLines(name: string, spec: FlagSpec, indent: string, width = 21): string[] {
	const [first, ...more] = typeof spec.help === 'string' ? [spec.help] : spec.help;
	return [
		`${indent}${flagUsage(name, spec).padEnd(width)}${first}`,
		...more.map((line) => `${indent}${' '.repeat(width)}${line}`),
	];
}

/** The Usage section of `facetty --help`. */
export function usageHelp(indent = '  '): string {
	const lines = [`${indent}$ facetty                          set up a call interactively`];
	for (const {usage, does} of Object.values(commandTable)) {
		const written = `${indent}$ facetty ${usage}`;
		const column = indent.length + 35;
		lines.push(
			written.length < column ? written.padEnd(column) + does : `${written}\n${' '.repeat(column)}${does}`,
		);
	}
	return lines.join('\n');
}

/** `facetty COMMAND --help`: its usage, what it does, and only the flags it takes. */
export function commandHelp(command: CommandName): string {
	const {usage, does} = commandTable[command];
	const flags = flagsOf(command).flatMap(([name, spec]) => flagHelpLines(name, spec, '  '));
	return [
		'',
		'  Usage',
		`    $ facetty ${usage}`,
		'',
		`  ${does[0]!.toUpperCase()}${does.slice(1)}.`,
		'',
		'  Options',
		...flags.map((line) => `  ${line}`),
		`    ${'--help, -h'.padEnd(21)}this help`,
		'',
		`  facetty --help describes every command.`,
		'',
	].join('\n');
}

/**
 * Whether the command line asks for help (`--help` or `-h` anywhere before `--`), and for which
 * command: the first word that is not a flag or a flag's value. undefined: it does not ask.
 */
export function helpRequest(argv: readonly string[]): {command?: CommandName} | undefined {
	const end = argv.indexOf('--');
	const written = end < 0 ? argv : argv.slice(0, end);
	if (!written.some((arg) => arg === '--help' || arg === '-h')) return undefined;
	const valued = new Set(
		(Object.entries(flagTable) as Array<[string, FlagSpec]>)
			.filter(([, spec]) => spec.type !== 'boolean')
			.map(([name]) => `--${kebab(name)}`),
	);
	for (let i = 0; i < written.length; i++) {
		const arg = written[i]!;
		if (arg.startsWith('-')) {
			if (valued.has(arg)) i++;
			continue;
		}
		return (commandNames as readonly string[]).includes(arg) ? {command: arg as CommandName} : {};
	}
	return {};
}
