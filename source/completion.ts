/**
 * `facetty completion bash|zsh|fish`: a completion script made from flags.ts's table and help.ts's
 * commands, so a new flag completes without anyone touching a script. Flag values complete where
 * there is a fixed set (--color, --glyphs, --protocol) or a file (--camera, --stats, --log, play's
 * FILE); the rest (hosts, ports, codes) are the user's to type.
 */
import {commandNames, flagTable, kebab, type CommandName, type FlagSpec} from './flags.js';
import {commandTable, flagsOf} from './help.js';

export const shells = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof shells)[number];

/** Flags whose value is a file name (--camera also takes a device path or a file). */
const fileValued = new Set(['camera', 'stats', 'log']);

/** The flag as typed: --no-pace for a boolean that is on unless turned off. */
function typed(name: string, spec: FlagSpec): string {
	return spec.type === 'boolean' && spec.default === true ? `--no-${kebab(name)}` : `--${kebab(name)}`;
}

const entries = () => Object.entries(flagTable) as Array<[string, FlagSpec]>;

/** A description cut to one short clause, without the characters the shells' syntax uses. */
function summary(text: string): string {
	const clean = text
		.replace(/[[\]'"`$\\]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return clean.length > 60 ? `${clean.slice(0, 59).trimEnd()}…` : clean;
}

function helpOf(spec: FlagSpec): string {
	return summary(typeof spec.help === 'string' ? spec.help : spec.help[0]!);
}

export function completionScript(shell: Shell): string {
	switch (shell) {
		case 'bash':
			return bash();
		case 'zsh':
			return zsh();
		case 'fish':
			return fish();
	}
}

function bash(): string {
	const valueCases = entries()
		.filter(([, spec]) => spec.type !== 'boolean')
		.map(([name, spec]) => {
			const flag = `--${kebab(name)}`;
			if (spec.choices)
				return `\t\t${flag}) COMPREPLY=($(compgen -W "${spec.choices.join(' ')}" -- "$cur")); return ;;`;
			if (fileValued.has(name))
				return `\t\t${flag}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;`;
			return `\t\t${flag}) return ;;`;
		});
	const commandCases = commandNames.map(
		(command) =>
			`\t\t${command}) flags="${[...flagsOf(command).map(([name, spec]) => typed(name, spec)), '--help'].join(' ')}" ;;`,
	);
	return `# facetty completion for bash. Load it with:  source <(facetty completion bash)
# or keep it:  facetty completion bash > ~/.local/share/bash-completion/completions/facetty
_facetty() {
	local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} flags
	COMPREPLY=()
	if ((COMP_CWORD == 1)); then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--help --version" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "${commandNames.join(' ')}" -- "$cur"))
		fi
		return
	fi
	case $prev in
${valueCases.join('\n')}
	esac
	local command=\${COMP_WORDS[1]}
	case $command in
${commandCases.join('\n')}
		*) return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$flags" -- "$cur"))
	elif [[ $command == play ]]; then
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
	elif [[ $command == completion ]] && ((COMP_CWORD == 2)); then
		COMPREPLY=($(compgen -W "${shells.join(' ')}" -- "$cur"))
	fi
}
complete -F _facetty facetty
`;
}

function zshFlag(name: string, spec: FlagSpec): string {
	const flag = typed(name, spec);
	if (spec.type === 'boolean') return `'${flag}[${helpOf(spec)}]'`;
	const action = spec.choices ? `(${spec.choices.join(' ')})` : fileValued.has(name) ? '_files' : ' ';
	const value = (spec.usage ?? flag).split(' ')[1] ?? 'value';
	return `'${flag}=[${helpOf(spec)}]:${value.replace(/[:'[\]]/g, '')}:${action}'`;
}

function zsh(): string {
	const commands = commandNames.map((command) => `\t\t'${command}:${summary(commandTable[command].does)}'`);
	const argument: Partial<Record<CommandName, string>> = {
		call: `':HOST[\\:PORT]: '`,
		play: `':FILE:_files'`,
		join: `':CODE: '`,
		completion: `':shell:(${shells.join(' ')})'`,
	};
	const cases = commandNames.map((command) => {
		const specs = [
			...flagsOf(command).map(([name, spec]) => zshFlag(name, spec)),
			`'(-h --help)'{-h,--help}'[help]'`,
		];
		if (argument[command]) specs.push(argument[command]!);
		return `\t\t${command})\n\t\t\t_arguments -S \\\n\t\t\t\t${specs.join(' \\\n\t\t\t\t')} ;;`;
	});
	return `#compdef facetty
# facetty completion for zsh. Load it with:  source <(facetty completion zsh)
# or keep it as _facetty in a directory of $fpath.
_facetty() {
	local -a commands
	commands=(
${commands.join('\n')}
	)
	if ((CURRENT == 2)); then
		_describe -t commands 'facetty command' commands
		_arguments '(-h --help)'{-h,--help}'[help]' '--version[version]'
		return
	fi
	local command=$words[2]
	shift words
	((CURRENT--))
	case $command in
${cases.join('\n')}
	esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
	_facetty "$@"
else
	compdef _facetty facetty
fi
`;
}

function fish(): string {
	const lines = [
		'# facetty completion for fish. Load it with:  facetty completion fish | source',
		'# or keep it:  facetty completion fish > ~/.config/fish/completions/facetty.fish',
		'complete -c facetty -f',
		"complete -c facetty -s h -l help -d 'help'",
		"complete -c facetty -n __fish_use_subcommand -l version -d 'version'",
	];
	for (const command of commandNames) {
		lines.push(
			`complete -c facetty -n __fish_use_subcommand -a ${command} -d '${summary(commandTable[command].does)}'`,
		);
	}
	for (const command of commandNames) {
		const when = `-n '__fish_seen_subcommand_from ${command}'`;
		for (const [name, spec] of flagsOf(command)) {
			const long = typed(name, spec).slice(2);
			const value =
				spec.type === 'boolean'
					? ''
					: spec.choices
						? ` -x -a '${spec.choices.join(' ')}'`
						: fileValued.has(name)
							? ' -r -F'
							: ' -x';
			lines.push(`complete -c facetty ${when} -l ${long}${value} -d '${helpOf(spec)}'`);
		}
	}
	lines.push("complete -c facetty -n '__fish_seen_subcommand_from play' -F");
	lines.push(`complete -c facetty -n '__fish_seen_subcommand_from completion' -a '${shells.join(' ')}'`);
	return `${lines.join('\n')}\n`;
}
