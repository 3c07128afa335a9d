/**
 * Which glyph set `--glyphs auto` draws with: the one place that decides. Two things must both
 * hold for sextants or octants. The terminal must draw them itself (a font rarely has them, and
 * a font's glyphs leave seams between cells): known from the table below by the terminal's name
 * and version, from XTVERSION, tmux's word on its client, or the environment. And the whole
 * chain (terminal, tmux, ssh) must count them one column wide: tmux 3.3a on glibc 2.36 drops
 * octants, so a probe glyph is written where it is hidden and the cursor position asked (CPR).
 * Anything unknown or in doubt draws quadrants, which every terminal draws.
 *
 * `decideGlyphs` is pure (flag, config, environment, answers -> decision); `detectGlyphs` does the
 * asking, at most once per process and within `probeBudgetMs`.
 */
import type {GlyphChoice, Glyphs} from '../render/layout.js';
import {answersQueries, askTmux, probeBudgetMs, type Env} from './color.js';
import type {TerminalReply} from './replies.js';
import {terminalInputFor, type TerminalInput} from './terminal-input.js';

export type GlyphDecision = {
	glyphs: Glyphs;
	/** Why, in words for a person ("kitty 0.42.1 draws octants", "tmux does not pass octants"). */
	reason: string;
};

/** What the terminal and tmux said (anything missing: not asked, or no answer). */
export type GlyphAnswers = {
	/** The terminal's XTVERSION text (`kitty(0.42.1)`, `ghostty 1.2.0`, `tmux 3.3a`). */
	xtversion?: string;
	/** Inside tmux: `#{client_termname}` and `#{client_termtype}` of the client facetty shows on. */
	tmuxTermname?: string;
	tmuxTermtype?: string;
	/** Columns the cursor moved over the sextant probe and over the octant probe (CPR). */
	sextantColumns?: number;
	octantColumns?: number;
};

type Support = {
	/** The name the terminal goes by, lower case, as `identify` returns it. */
	readonly terminal: string;
	/** First version that draws the sextants itself; undefined: none known to. */
	readonly sextantsFrom?: string;
	/** First version that draws the octants (and U+1CEA0–U+1CEAB) itself. */
	readonly octantsFrom?: string;
	/** Where that is said. */
	readonly source: string;
};

/**
 * Terminals that draw the mosaics themselves, and from which version. A version given here is
 * the first release shown to draw them (by its source, release notes or a maintainer); where
 * that is not known the later safe one is given, or none.
 */
export const glyphSupport: readonly Support[] = [
	{
		terminal: 'kitty',
		// box_drawing.py draws the sextants from 0.19.0 ("special rendering for ... Symbols for
		// Legacy Computing"); 0.19.3 fixed a few of them (PR 3105). Octants: decorations.c in 0.40.0
		// ("Add support for the octant box-drawing characters"), absent from 0.39.1.
		sextantsFrom: '0.19.3',
		octantsFrom: '0.40.0',
		source: 'kitty docs/changelog.rst (0.19.0, 0.19.3, 0.40.0); kitty/decorations.c at tag v0.40.0',
	},
	{
		terminal: 'ghostty',
		// The sprite font's sextants (commit 7676c1c, 2022) are in v1.0.0; octants drawn by the
		// sprite font (PR 5433, merged 2025-02-13) first shipped in v1.1.1, not in v1.1.0.
		sextantsFrom: '1.0.0',
		octantsFrom: '1.1.1',
		source:
			'github.com/ghostty-org/ghostty/pull/5433; ghostty src/font/sprite at tags v1.0.0, v1.1.0, v1.1.1',
	},
	{
		terminal: 'foot',
		// box-drawing.c gained the sextants (commit 25d2b03, January 2021) before 1.7.0, whose notes
		// say box drawing is rendered by foot itself; 1.20.0's notes add the octants U+1CD00-U+1CDE5.
		sextantsFrom: '1.7.0',
		octantsFrom: '1.20.0',
		source: 'foot CHANGELOG.md (1.7.0: box drawing rendered by foot; 1.20.0: octants); foot box-drawing.c',
	},
	{
		terminal: 'vte',
		// VTE's version as VTE_VERSION and XTVERSION give it (vteseq.cc firmware_version):
		// 6000 is 0.60.0, which enabled its own drawing of U+1FB00-U+1FBBF (commit e1162ba);
		// 7800 is 0.78.0, the first stable release with minifont's octants (commit 3806495).
		sextantsFrom: '6000',
		octantsFrom: '7800',
		source:
			'GNOME vte: src/vtedraw.cc commit e1162ba (0.59.92/0.60.0), src/minifont.cc commit 3806495 (0.77.90/0.78.0)',
	},
	{
		terminal: 'wezterm',
		// custom_block_glyphs (on by default) draws the sextants from 20210814-124438-54e29167;
		// octants (PR 6502, February 2025) are in nightly builds only, no dated release yet.
		sextantsFrom: '20210814',
		source:
			'wezterm docs/changelog.md (20210814-124438-54e29167; nightly: octants); docs/config/lua/config/custom_block_glyphs.md',
	},
	{
		terminal: 'alacritty',
		// "Use built-in font for sextant symbols from U+1FB00 to U+1FB3B" (PR 7534) is in 0.13.2's
		// notes; no octants in the built-in font.
		sextantsFrom: '0.13.2',
		source: 'alacritty CHANGELOG.md (0.13.2); github.com/alacritty/alacritty/pull/7534',
	},
	{
		terminal: 'windows-terminal',
		// Built-in sextants merged July 2026 (PR 20424), in no version the environment can tell.
		source: 'github.com/microsoft/terminal/pull/20424; github.com/microsoft/terminal/pull/19841',
	},
	{
		terminal: 'konsole',
		// LineBlockCharacters.cpp draws U+1FB00-U+1FB8B (the sextants among them) from KDE Gear
		// 22.04 (commit bcd83d8); no octants. XTVERSION says "Konsole 22.04.0", KONSOLE_VERSION
		// 220400 (read as 22.4.0 by identify).
		sextantsFrom: '22.4.0',
		source: 'KDE konsole: src/characters/LineBlockCharacters.cpp, commit bcd83d8 (tag v22.04.0)',
	},
	{
		terminal: 'iterm2',
		source: 'no release note or source found that iTerm2 draws the mosaics itself: its font decides',
	},
	{
		terminal: 'xterm',
		source: 'xterm draws only the DEC line-drawing set itself; the mosaics come from its font',
	},
];

/** `0.42.1` > `0.9`: dotted (or dashed) numbers compared part by part. */
export function versionAtLeast(version: string, from: string): boolean {
	const parts = (text: string) => (text.match(/\d+/g) ?? []).map(Number);
	const have = parts(version);
	const want = parts(from);
	if (have.length === 0) return false;
	for (let i = 0; i < want.length; i++) {
		const a = have[i] ?? 0;
		if (a !== want[i]) return a > want[i]!;
	}
	return true;
}

export type Identity = {terminal: string; version?: string; via: string};

/** A terminal's name as the table has it, from an XTVERSION name, a TERM or a TERM_PROGRAM. */
function canonicalName(name: string): string | undefined {
	const lower = name.toLowerCase();
	if (/^(xterm-)?kitty/.test(lower)) return 'kitty';
	if (/^(xterm-)?ghostty/.test(lower)) return 'ghostty';
	if (/^foot/.test(lower)) return 'foot';
	if (/^vte/.test(lower)) return 'vte';
	if (/^wezterm/.test(lower)) return 'wezterm';
	if (/^alacritty/.test(lower)) return 'alacritty';
	if (/^konsole/.test(lower)) return 'konsole';
	if (/^iterm/.test(lower)) return 'iterm2';
	if (/^xterm$/.test(lower)) return 'xterm';
	if (/^tmux/.test(lower)) return 'tmux';
	return undefined;
}

/** `kitty(0.42.1)`, `ghostty 1.2.0`, `XTerm(390)`, `WezTerm 20240203-110809-5046fc22` -> name, version. */
export function parseVersionText(text: string): {name: string; version?: string} | undefined {
	const match = /^\s*([A-Za-z][\w.-]*?)(?:[\s(]+v?(\d[\w.+-]*)\)?)?\s*$/.exec(text);
	if (!match) return undefined;
	const name = canonicalName(match[1]!);
	return name ? {name, version: match[2]} : undefined;
}

/**
 * Who draws the picture: XTVERSION first (it crosses ssh, and is the terminal's own word), then
 * tmux's word on its client, then the environment (right locally, lost over ssh).
 */
export function identify(env: Env, answers: GlyphAnswers): Identity | undefined {
	const fromVersion = answers.xtversion ? parseVersionText(answers.xtversion) : undefined;
	if (fromVersion && fromVersion.name !== 'tmux')
		return {terminal: fromVersion.name, version: fromVersion.version, via: 'XTVERSION'};
	if (answers.tmuxTermtype) {
		const parsed = parseVersionText(answers.tmuxTermtype);
		if (parsed && parsed.name !== 'tmux')
			return {terminal: parsed.name, version: parsed.version, via: "tmux's client_termtype"};
	}
	if (answers.tmuxTermname) {
		const name = canonicalName(answers.tmuxTermname);
		if (name && name !== 'tmux' && name !== 'xterm') return {terminal: name, via: "tmux's client_termname"};
	}
	// Inside tmux the environment describes the terminal tmux was started from, not this client.
	if (env['TMUX']) return undefined;
	const program = env['TERM_PROGRAM'] ?? '';
	const programName = canonicalName(program);
	if (programName)
		return {terminal: programName, version: env['TERM_PROGRAM_VERSION'], via: `TERM_PROGRAM=${program}`};
	if (env['VTE_VERSION']) return {terminal: 'vte', version: env['VTE_VERSION'], via: 'VTE_VERSION'};
	if (env['KITTY_WINDOW_ID']) return {terminal: 'kitty', via: 'KITTY_WINDOW_ID'};
	if (env['WT_SESSION']) return {terminal: 'windows-terminal', via: 'WT_SESSION'};
	const konsole = /^(\d+)(\d\d)(\d\d)$/.exec(env['KONSOLE_VERSION'] ?? '');
	// Konsole's environment gives 220400 where its XTVERSION says 22.04.0: one scale for the table.
	if (konsole)
		return {
			terminal: 'konsole',
			version: `${Number(konsole[1])}.${Number(konsole[2])}.${Number(konsole[3])}`,
			via: 'KONSOLE_VERSION',
		};
	if (env['ALACRITTY_WINDOW_ID']) return {terminal: 'alacritty', via: 'ALACRITTY_WINDOW_ID'};
	const xterm = /^XTerm\((\d+)\)/.exec(env['XTERM_VERSION'] ?? '');
	if (xterm) return {terminal: 'xterm', version: xterm[1], via: 'XTERM_VERSION'};
	const term = canonicalName(env['TERM'] ?? '');
	if (term && term !== 'tmux' && term !== 'xterm') return {terminal: term, via: `TERM=${env['TERM']}`};
	return undefined;
}

/** The finest set the terminal draws itself by the table: octant, sextant, or undefined (neither). */
export function drawnByTable(identity: Identity): 'octant' | 'sextant' | undefined {
	const row = glyphSupport.find((support) => support.terminal === identity.terminal);
	if (!row || identity.version === undefined) return undefined;
	if (row.octantsFrom && versionAtLeast(identity.version, row.octantsFrom)) return 'octant';
	if (row.sextantsFrom && versionAtLeast(identity.version, row.sextantsFrom)) return 'sextant';
	return undefined;
}

const names: Record<Glyphs, string> = {
	half: 'half blocks',
	quad: 'quadrants',
	sextant: 'sextants',
	octant: 'octants',
};

function described(identity: Identity): string {
	return `${identity.terminal}${identity.version ? ` ${identity.version}` : ''} (${identity.via})`;
}

/**
 * The decision: the flag, else the config, else what the terminal draws (the table) and the
 * chain passes (the width probe). `answers` undefined: nothing was asked (not a terminal).
 */
export function decideGlyphs(
	flag: GlyphChoice | undefined,
	configured: GlyphChoice | undefined,
	env: Env,
	answers?: GlyphAnswers,
): GlyphDecision {
	if (flag && flag !== 'auto') return {glyphs: flag, reason: `--glyphs ${flag}`};
	if (configured && configured !== 'auto')
		return {glyphs: configured, reason: `glyphs ${configured} in the config`};
	const term = env['TERM'] ?? '';
	// The Linux console's font has the half blocks, not the quadrants.
	if (term === 'linux' || term.startsWith('vt') || term === 'dumb')
		return {glyphs: 'half', reason: `TERM=${term} draws half blocks only`};
	const identity = identify(env, answers ?? {});
	if (!identity) return {glyphs: 'quad', reason: 'the terminal is not known to draw sextants or octants'};
	const drawn = drawnByTable(identity);
	if (!drawn)
		return {glyphs: 'quad', reason: `${described(identity)} is not known to draw sextants or octants itself`};
	if (!answers || answers.sextantColumns === undefined)
		return {glyphs: 'quad', reason: `${described(identity)}: the width probe was not answered`};
	const inTmux = env['TMUX'] ? ' through tmux' : '';
	if (drawn === 'octant') {
		if (answers.octantColumns === 2)
			return {glyphs: 'octant', reason: `${described(identity)} draws octants${inTmux}`};
		if (answers.sextantColumns === 1)
			return {
				glyphs: 'sextant',
				reason: `${described(identity)} draws octants, but the chain${inTmux} does not pass them one column wide`,
			};
	} else if (answers.sextantColumns === 1)
		return {glyphs: 'sextant', reason: `${described(identity)} draws sextants${inTmux}`};
	return {
		glyphs: 'quad',
		reason: `${described(identity)} draws ${names[drawn]}, but the chain${inTmux} does not pass them one column wide`,
	};
}

/** The line the status line shows once when the set was chosen by `auto` (undefined otherwise). */
export function glyphNotice(decision: GlyphDecision): string | undefined {
	if (decision.reason.startsWith('--glyphs') || decision.reason.includes('in the config')) return undefined;
	return `${names[decision.glyphs]}: ${decision.reason}`;
}

/** A sextant (BLOCK SEXTANT-1) and two octants (BLOCK OCTANT-3, U+1CEA8 from the supplement's other range). */
const sextantProbe = '\u{1fb00}';
const octantProbe = '\u{1cd00}\u{1cea8}';

/**
 * What facetty asks, at once: each probe glyph at the start of the line, concealed, then the
 * cursor's position (CPR); the line erased; XTVERSION; and DA1 last, which every terminal (and
 * tmux) answers after the others, so it ends the wait.
 */
export const glyphProbe =
	`\r\x1b[8m${sextantProbe}\x1b[6n\r${octantProbe}\x1b[6n\r\x1b[K\x1b[m` + '\x1b[>0q' + '\x1b[c';

/** The columns the probes moved the cursor by, from the replies in order; XTVERSION's text. */
export function answersFromReplies(replies: readonly TerminalReply[]): GlyphAnswers {
	const answers: GlyphAnswers = {};
	const cprs = replies.filter((reply) => reply.kind === 'cpr');
	if (cprs.length === 2) {
		answers.sextantColumns = cprs[0]!.col - 1;
		answers.octantColumns = cprs[1]!.col - 1;
	}
	const version = replies.find((reply) => reply.kind === 'xtversion');
	if (version?.kind === 'xtversion') answers.xtversion = version.version;
	return answers;
}

export type DetectGlyphOptions = {
	flag?: GlyphChoice;
	configured?: GlyphChoice;
	env?: Env;
	/** The terminal to ask; undefined when not a terminal. */
	input?: TerminalInput;
	askTmux?: (format: string, timeoutMs: number) => Promise<string | undefined>;
	budgetMs?: number;
};

/** Decides from the flag and config, else asks tmux (inside it) and the terminal. */
export async function detectGlyphs(options: DetectGlyphOptions): Promise<GlyphDecision> {
	const env = options.env ?? process.env;
	const budget = options.budgetMs ?? probeBudgetMs;
	const started = Date.now();
	const without = decideGlyphs(options.flag, options.configured, env);
	if (
		(options.flag && options.flag !== 'auto') ||
		(options.configured && options.configured !== 'auto') ||
		without.glyphs === 'half'
	)
		return without;
	if (!options.input || !answersQueries(env)) return without;
	const answers: GlyphAnswers = {};
	if (env['TMUX']) {
		const client = await (options.askTmux ?? askTmux)('#{client_termname}\t#{client_termtype}', budget / 2);
		const [termname, termtype] = (client ?? '').split('\t');
		if (termname) answers.tmuxTermname = termname;
		if (termtype) answers.tmuxTermtype = termtype;
	}
	const replies: TerminalReply[] = [];
	const collect = (reply: TerminalReply) => replies.push(reply);
	options.input.on('reply', collect);
	options.input.expectCpr(2);
	try {
		const left = Math.max(100, budget - (Date.now() - started));
		const ended = await options.input.query(glyphProbe, (reply) => reply.kind === 'da1', left);
		// DA1 is answered after the CPRs: once it is in, a CPR still expected never comes. Without
		// it (a slow link) they may yet come, and must still not reach the keys.
		if (ended) options.input.forgetCpr();
	} finally {
		options.input.off('reply', collect);
	}
	return decideGlyphs(options.flag, options.configured, env, {...answers, ...answersFromReplies(replies)});
}

let cached: Promise<GlyphDecision> | undefined;

/** The decision for this process's terminal, asked once (the setup screen, then the call screen). */
export function terminalGlyphs(flag?: GlyphChoice, configured?: GlyphChoice): Promise<GlyphDecision> {
	if ((flag && flag !== 'auto') || (configured && configured !== 'auto'))
		return Promise.resolve(decideGlyphs(flag, configured, process.env));
	const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
	cached ??= detectGlyphs({env: process.env, input: tty ? terminalInputFor() : undefined});
	return cached;
}
