import assert from 'node:assert/strict';
import {test} from 'node:test';
import {colorNotice, decideColorDepth, type ColorAnswers, type Env} from '../../source/terminal/color.js';
import type {TerminalReply} from '../../source/terminal/replies.js';
import {repo, Tmux, tmuxMissing} from '../e2e/tmux.js';

const da1: TerminalReply = {kind: 'da1', attributes: [1, 2], raw: '\x1b[?1;2c'};
const tmuxVersion: TerminalReply = {kind: 'xtversion', version: 'tmux 3.3a', raw: ''};
const rqss = (ok: boolean, setting: string): TerminalReply => ({kind: 'decrqss', ok, setting, raw: ''});
const tcap = (ok: boolean, capabilities: Record<string, string>): TerminalReply => ({
	kind: 'xtgettcap',
	ok,
	capabilities,
	raw: '',
});

const ssh: Env = {TERM: 'xterm-256color', SSH_TTY: '/dev/pts/1'};

test('the colour depth, from flag, environment and answers', () => {
	const table: Array<
		[string, '256' | 'truecolor' | undefined, Env, ColorAnswers | undefined, string, boolean?]
	> = [
		['the flag wins', '256', {COLORTERM: 'truecolor'}, undefined, '256'],
		['the flag wins', 'truecolor', {TERM: 'dumb'}, undefined, 'truecolor'],
		['COLORTERM', undefined, {COLORTERM: 'truecolor', TERM: 'xterm-256color'}, undefined, 'truecolor'],
		['COLORTERM 24bit', undefined, {COLORTERM: '24bit'}, undefined, 'truecolor'],
		['iTerm', undefined, {TERM_PROGRAM: 'iTerm.app'}, undefined, 'truecolor'],
		['vscode', undefined, {TERM_PROGRAM: 'vscode'}, undefined, 'truecolor'],
		['Apple Terminal', undefined, {TERM_PROGRAM: 'Apple_Terminal'}, {replies: [da1]}, '256'],
		['kitty', undefined, {KITTY_WINDOW_ID: '1', TERM: 'xterm-256color'}, undefined, 'truecolor'],
		['Windows Terminal', undefined, {WT_SESSION: 'x'}, undefined, 'truecolor'],
		['new VTE', undefined, {VTE_VERSION: '7200'}, undefined, 'truecolor'],
		['TERM=xterm-direct', undefined, {TERM: 'xterm-direct'}, undefined, 'truecolor'],
		['TERM=xterm-kitty', undefined, {TERM: 'xterm-kitty'}, undefined, 'truecolor'],
		// Nothing in the environment: ask before deciding.
		['ssh, not asked yet', undefined, ssh, undefined, '256', true],
		['old VTE, not asked yet', undefined, {VTE_VERSION: '3405', TERM: 'xterm'}, undefined, '256', true],
		[
			'inside tmux: tmux says RGB',
			undefined,
			{TMUX: '/tmp/s,1,0', TERM: 'tmux-256color'},
			{tmuxFeatures: 'RGB,title'},
			'truecolor',
		],
		[
			'inside tmux: no RGB',
			undefined,
			{TMUX: '/tmp/s,1,0', TERM: 'tmux-256color'},
			{tmuxFeatures: 'title,focus'},
			'256',
		],
		['ssh to tmux: tmux answers', undefined, ssh, {replies: [da1, tmuxVersion]}, 'truecolor'],
		['XTGETTCAP RGB', undefined, ssh, {replies: [tcap(true, {RGB: '8/8/8'}), da1]}, 'truecolor'],
		['XTGETTCAP refused, no more', undefined, ssh, {replies: [tcap(false, {RGB: ''}), da1]}, '256'],
		[
			'DECRQSS keeps the colour (colons)',
			undefined,
			ssh,
			{replies: [rqss(true, '0;48:2::1:2:3m'), da1]},
			'truecolor',
		],
		['DECRQSS keeps the colour', undefined, ssh, {replies: [rqss(true, '48;2;1;2;3m'), da1]}, 'truecolor'],
		['DECRQSS rounds it', undefined, ssh, {replies: [rqss(true, '0;48;5;16m'), da1]}, '256'],
		['DECRQSS rounds, not 1;2;30', undefined, ssh, {replies: [rqss(true, '48;2;1;2;30m'), da1]}, '256'],
		['an xterm that says nothing more', undefined, ssh, {replies: [rqss(false, ''), da1]}, '256'],
		[
			'unknown terminal version',
			undefined,
			ssh,
			{replies: [{kind: 'xtversion', version: 'XTerm(390)', raw: ''}, da1]},
			'256',
		],
		[
			'kitty over ssh',
			undefined,
			ssh,
			{replies: [{kind: 'xtversion', version: 'kitty(0.32.2)', raw: ''}, da1]},
			'truecolor',
		],
		['DA1 only', undefined, ssh, {replies: [da1]}, '256'],
		['silence', undefined, ssh, {replies: []}, '256'],
	];
	for (const [name, flag, env, answers, depth, undecided] of table) {
		const decision = decideColorDepth(flag, env, answers);
		assert.equal(decision.depth, depth, name);
		assert.equal(Boolean(decision.undecided), Boolean(undecided), `${name}: undecided`);
		assert.ok(decision.reason.length > 0, name);
	}
});

test('256 colours are said once, with the reason and how to force truecolor; a flag or truecolor says nothing', () => {
	assert.match(
		colorNotice(decideColorDepth(undefined, ssh, {replies: [da1]}))!,
		/256 colours: .*--color truecolor/,
	);
	assert.equal(colorNotice(decideColorDepth('256', ssh)), undefined);
	assert.equal(colorNotice(decideColorDepth(undefined, {COLORTERM: 'truecolor'})), undefined);
});

test(
	'ssh into a tmux pane (COLORTERM unset, TERM=xterm-256color): tmux answers, truecolor, nothing typed',
	{skip: tmuxMissing()},
	async () => {
		const tmux = new Tmux();
		try {
			const probe = `${process.execPath} --import tsx ${repo}/test/terminal/color-probe.ts`;
			// As over ssh: no TMUX, no COLORTERM, no TERM_PROGRAM reach the remote process.
			tmux.start(
				'outer',
				`env -u TMUX -u COLORTERM -u TERM_PROGRAM TERM=xterm-256color ${probe}; sleep 30`,
				100,
				10,
			);
			tmux.start('inner', `env -u COLORTERM -u TERM_PROGRAM ${probe}; sleep 30`, 100, 10);
			for (const name of ['outer', 'inner']) {
				const text = await tmux.waitFor(name, (t) => t.includes('DECISION'), 20_000, `the ${name} probe`);
				const lines = text.split('\n').filter((line) => line.trim() !== '');
				assert.equal(lines.length, 1, `only the decision on screen, no echoed reply:\n${text}`);
				const decision = JSON.parse(lines[0]!.slice('DECISION '.length));
				// A detached tmux has no client features to tell: it is asked as a terminal, and answers.
				assert.equal(decision.depth, 'truecolor', `${name}: ${decision.reason}`);
				assert.match(decision.reason, /tmux/);
			}
		} finally {
			tmux.kill();
		}
	},
);
