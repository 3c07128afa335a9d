/**
 * Truecolor or the 256-colour palette: the one place that decides. Over SSH `COLORTERM` is usually
 * not forwarded and inside tmux `TERM` says `tmux-256color`, yet nearly every such terminal shows
 * truecolor; so after the flag and the environment, facetty asks tmux or the terminal itself.
 *
 * `decideColorDepth` is pure (flags, environment, answers -> decision); `detectColorDepth` does the
 * asking, at most once per process and within `probeBudgetMs`.
 */
import {interactiveTerminal} from '../tty.js';
import {execFile} from 'node:child_process';
import type {ColorDepth} from '../render/layout.js';
import {toHex, type TerminalReply} from './replies.js';
import {terminalInputFor, type TerminalInput} from './terminal-input.js';

export type Env = Readonly<Record<string, string | undefined>>;

export type ColorDecision = {
	depth: ColorDepth;
	/** Why, in words for a person ("COLORTERM=truecolor", "tmux 3.3a answered"). */
	reason: string;
	/** Whether tmux or the terminal would have to be asked before deciding (the env alone does not say). */
	undecided?: boolean;
};

/** What tmux and the terminal said (anything missing: not asked, or no answer). */
export type ColorAnswers = {
	/** `tmux display -p '#{client_termfeatures}'`, when facetty runs inside tmux. */
	tmuxFeatures?: string;
	/** The terminal's replies to `colorProbe`, in order. */
	replies?: readonly TerminalReply[];
};

/** The probe colour: a truecolor terminal keeps it exactly, a 256-colour one rounds it to the palette. */
const probe = {r: 1, g: 2, b: 3};

/**
 * What facetty asks the terminal, all at once (one round trip over SSH): XTGETTCAP `RGB`; the
 * SGR + DECRQSS probe (set a background, ask what it is, reset); XTVERSION; and DA1 last, which
 * every terminal (and tmux) answers after the others, so it ends the wait.
 */
export const colorProbe =
	`\x1bP+q${toHex('RGB')}\x1b\\` +
	`\x1b[48;2;${probe.r};${probe.g};${probe.b}m\x1bP$qm\x1b\\\x1b[m` +
	'\x1b[>0q' +
	'\x1b[c';

/** Most time the asking may take in all (tmux, then the terminal). */
export const probeBudgetMs = 1000;

/** Terminals known by their environment variables (these do not cross SSH, but are right locally). */
const truecolorPrograms = new Set([
	'iterm.app',
	'wezterm',
	'vscode',
	'ghostty',
	'hyper',
	'tabby',
	'rio',
	'warpterminal',
]);
const truecolorTerms = /direct|truecolor|24bit|kitty|alacritty|wezterm|ghostty|foot|iterm|contour/;
/** XTVERSION names of terminals that show truecolor (xterm is not here: DECRQSS tells about it). */
const truecolorVersions =
	/^(tmux|kitty|wezterm|foot|iterm2|ghostty|contour|konsole|vte|alacritty|mintty|rio|warp)\b/i;

export function decideColorDepth(
	flag: ColorDepth | undefined,
	env: Env,
	answers: ColorAnswers = {},
): ColorDecision {
	if (flag) return {depth: flag, reason: `--color ${flag}`};
	const colorterm = (env['COLORTERM'] ?? '').toLowerCase();
	if (colorterm === 'truecolor' || colorterm === '24bit')
		return {depth: 'truecolor', reason: `COLORTERM=${colorterm}`};
	const known = knownTerminal(env);
	if (known) return known;

	if (answers.tmuxFeatures === undefined && answers.replies === undefined)
		return {depth: '256', reason: 'no sign of truecolor', undecided: true};

	if (env['TMUX'] && answers.tmuxFeatures) {
		const features = answers.tmuxFeatures.split(',').map((feature) => feature.trim());
		return features.includes('RGB')
			? {depth: 'truecolor', reason: 'tmux says its client shows RGB'}
			: {
					depth: '256',
					reason: "tmux's client terminal has no RGB feature (tmux: set -as terminal-features ',*:RGB')",
				};
	}

	const replies = answers.replies ?? [];
	const tcap = replies.find((reply) => reply.kind === 'xtgettcap');
	if (tcap?.kind === 'xtgettcap' && tcap.ok && 'RGB' in tcap.capabilities)
		return {depth: 'truecolor', reason: 'the terminal has RGB (XTGETTCAP)'};
	const rqss = replies.find((reply) => reply.kind === 'decrqss');
	if (rqss?.kind === 'decrqss' && rqss.ok) {
		return keepsProbeColour(rqss.setting)
			? {depth: 'truecolor', reason: 'the terminal kept a 24-bit colour (DECRQSS)'}
			: {depth: '256', reason: 'the terminal rounded a 24-bit colour (DECRQSS)'};
	}
	const version = replies.find((reply) => reply.kind === 'xtversion');
	if (version?.kind === 'xtversion' && truecolorVersions.test(version.version.trim()))
		return {depth: 'truecolor', reason: `${version.version.trim()} answered`};
	if (replies.some((reply) => reply.kind === 'da1'))
		return {depth: '256', reason: 'the terminal gave no sign of truecolor'};
	return {depth: '256', reason: answers.replies ? 'the terminal did not answer' : 'no sign of truecolor'};
}

/** `48:2::1:2:3`, `48:2:1:2:3` or `48;2;1;2;3` in a DECRQSS SGR answer. */
function keepsProbeColour(setting: string): boolean {
	const {r, g, b} = probe;
	return new RegExp(`48[:;]2[:;](?:\\d*[:;])?${r}[:;]${g}[:;]${b}(?!\\d)`).test(setting);
}

function knownTerminal(env: Env): ColorDecision | undefined {
	const program = env['TERM_PROGRAM'] ?? '';
	if (truecolorPrograms.has(program.toLowerCase()))
		return {depth: 'truecolor', reason: `TERM_PROGRAM=${program}`};
	// Terminal.app before macOS 26 shows no truecolor: it draws 24-bit colours wrong, not rounded.
	if (program === 'Apple_Terminal') return {depth: '256', reason: 'Apple Terminal shows 256 colours'};
	for (const name of [
		'KITTY_WINDOW_ID',
		'WT_SESSION',
		'KONSOLE_VERSION',
		'ALACRITTY_WINDOW_ID',
		'WEZTERM_PANE',
	])
		if (env[name]) return {depth: 'truecolor', reason: `${name} is set`};
	if (Number(env['VTE_VERSION'] ?? 0) >= 3600)
		return {depth: 'truecolor', reason: `VTE_VERSION=${env['VTE_VERSION']}`};
	const term = (env['TERM'] ?? '').toLowerCase();
	if (truecolorTerms.test(term)) return {depth: 'truecolor', reason: `TERM=${term}`};
	return undefined;
}

/** Whether to ask the terminal at all: not a dumb or console terminal that may print the question. */
export function answersQueries(env: Env): boolean {
	const term = env['TERM'] ?? '';
	return term !== '' && term !== 'dumb' && !term.startsWith('linux') && !term.startsWith('vt');
}

/** The line the status line shows once, when facetty settles on 256 colours (undefined otherwise). */
export function colorNotice(decision: ColorDecision): string | undefined {
	if (decision.depth !== '256' || decision.reason.startsWith('--color')) return undefined;
	return `256 colours: ${decision.reason} (--color truecolor to force)`;
}

export type DetectOptions = {
	flag?: ColorDepth;
	env?: Env;
	/** The terminal to ask (default: this process's stdin and stdout); undefined when not a terminal. */
	input?: TerminalInput;
	/** Runs `tmux display -p FORMAT` (default: the tmux on PATH); resolves undefined on failure. */
	askTmux?: (format: string, timeoutMs: number) => Promise<string | undefined>;
	budgetMs?: number;
};

let cached: Promise<ColorDecision> | undefined;

/** The decision for this process's terminal, asked once (the setup screen, then the call screen). */
export function terminalColorDepth(flag?: ColorDepth): Promise<ColorDecision> {
	if (flag) return Promise.resolve(decideColorDepth(flag, process.env));
	const tty = interactiveTerminal();
	cached ??= detectColorDepth({env: process.env, input: tty ? terminalInputFor() : undefined});
	return cached;
}

/** Decides from the flag and environment, and asks tmux, then the terminal, only when they do not say. */
export async function detectColorDepth(options: DetectOptions): Promise<ColorDecision> {
	const env = options.env ?? process.env;
	const budget = options.budgetMs ?? probeBudgetMs;
	const started = Date.now();
	const decision = decideColorDepth(options.flag, env);
	if (!decision.undecided) return decision;
	if (env['TMUX']) {
		// tmux older than 3.2 knows no client_termfeatures and prints nothing: then ask the terminal.
		const features = await (options.askTmux ?? askTmux)('#{client_termfeatures}', budget / 2);
		if (features) return decideColorDepth(options.flag, env, {tmuxFeatures: features});
	}
	if (!options.input || !answersQueries(env)) return {...decision, undecided: false};
	const replies: TerminalReply[] = [];
	const collect = (reply: TerminalReply) => replies.push(reply);
	options.input.on('reply', collect);
	try {
		const left = Math.max(100, budget - (Date.now() - started));
		await options.input.query(colorProbe, (reply) => reply.kind === 'da1', left);
	} finally {
		options.input.off('reply', collect);
	}
	return decideColorDepth(options.flag, env, {replies});
}

/** `tmux display-message -p FORMAT` of the tmux on PATH; undefined on failure or after `timeoutMs`. */
export function askTmux(format: string, timeoutMs: number): Promise<string | undefined> {
	return new Promise((resolve) => {
		execFile('tmux', ['display-message', '-p', format], {timeout: timeoutMs}, (error, stdout) =>
			resolve(error ? undefined : stdout.trim()),
		);
	});
}
