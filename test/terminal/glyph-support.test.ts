import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {EventEmitter} from 'node:events';
import {test} from 'node:test';
import {
	decideGlyphs,
	detectGlyphs,
	glyphNotice,
	glyphProbe,
	glyphSupport,
	identify,
	parseVersionText,
	versionAtLeast,
	type GlyphAnswers,
} from '../../source/terminal/glyph-support.js';
import {TerminalInput} from '../../source/terminal/terminal-input.js';
import {VirtualTerminal} from '../render/virtual-terminal.js';
import {repo, Tmux, tmuxMissing} from '../e2e/tmux.js';

const passes: GlyphAnswers = {sextantColumns: 1, octantColumns: 2};

test('the glyph set from flag, config, the terminal table and the width probe', () => {
	const cases: Array<[string, Parameters<typeof decideGlyphs>, string]> = [
		['a flag wins', ['half', 'octant', {}, {xtversion: 'kitty(0.42.1)', ...passes}], 'half'],
		['auto flag, config says', ['auto', 'sextant', {}], 'sextant'],
		[
			'kitty 0.42 passing both probes',
			[undefined, undefined, {}, {xtversion: 'kitty(0.42.1)', ...passes}],
			'octant',
		],
		[
			'kitty 0.39: sextants only',
			[undefined, undefined, {}, {xtversion: 'kitty(0.39.0)', ...passes}],
			'sextant',
		],
		[
			'ghostty 1.2 (XTVERSION with a space)',
			[undefined, undefined, {}, {xtversion: 'ghostty 1.2.3', ...passes}],
			'octant',
		],
		[
			'ghostty 1.0.2',
			[undefined, undefined, {}, {xtversion: 'ghostty 1.0.2-main+5cb2fa6f', ...passes}],
			'sextant',
		],
		[
			'octants dropped on the way',
			[undefined, undefined, {}, {xtversion: 'kitty(0.42.1)', sextantColumns: 1, octantColumns: 0}],
			'sextant',
		],
		[
			'both dropped',
			[undefined, undefined, {}, {xtversion: 'kitty(0.42.1)', sextantColumns: 0, octantColumns: 0}],
			'quad',
		],
		['a known terminal but no CPR answer', [undefined, undefined, {}, {xtversion: 'kitty(0.42.1)'}], 'quad'],
		[
			'an unknown terminal that passes the probe',
			[undefined, undefined, {}, {xtversion: 'Mystery 9', ...passes}],
			'quad',
		],
		['xterm draws with its font', [undefined, undefined, {}, {xtversion: 'XTerm(390)', ...passes}], 'quad'],
		// Each version on either side of where the terminal's own source or notes say it starts.
		[
			'konsole 24.02 by its environment',
			[undefined, undefined, {KONSOLE_VERSION: '240202'}, passes],
			'sextant',
		],
		['konsole 21.12', [undefined, undefined, {KONSOLE_VERSION: '211203'}, passes], 'quad'],
		[
			'konsole 22.04 by XTVERSION',
			[undefined, undefined, {}, {xtversion: 'Konsole 22.04.0', ...passes}],
			'sextant',
		],
		['vte 0.78 by its environment', [undefined, undefined, {VTE_VERSION: '7802'}, passes], 'octant'],
		['vte 0.76', [undefined, undefined, {VTE_VERSION: '7600'}, passes], 'sextant'],
		['vte 0.58', [undefined, undefined, {VTE_VERSION: '5803'}, passes], 'quad'],
		['vte 0.78 by XTVERSION', [undefined, undefined, {}, {xtversion: 'VTE(7800)', ...passes}], 'octant'],
		['ghostty 1.1.1', [undefined, undefined, {}, {xtversion: 'ghostty 1.1.1', ...passes}], 'octant'],
		['ghostty 1.1.0', [undefined, undefined, {}, {xtversion: 'ghostty 1.1.0', ...passes}], 'sextant'],
		['kitty 0.19.2', [undefined, undefined, {}, {xtversion: 'kitty(0.19.2)', ...passes}], 'quad'],
		['foot 1.7.0', [undefined, undefined, {}, {xtversion: 'foot(1.7.0)', ...passes}], 'sextant'],
		['foot 1.20.0', [undefined, undefined, {}, {xtversion: 'foot(1.20.0)', ...passes}], 'octant'],
		[
			'alacritty 0.13.2',
			[undefined, undefined, {TERM_PROGRAM: 'alacritty', TERM_PROGRAM_VERSION: '0.13.2'}, passes],
			'sextant',
		],
		[
			'wezterm 20210814',
			[undefined, undefined, {}, {xtversion: 'WezTerm 20210814-124438-54e29167', ...passes}],
			'sextant',
		],
		[
			'wezterm 20210502',
			[undefined, undefined, {}, {xtversion: 'WezTerm 20210502-154244-3f7122cb', ...passes}],
			'quad',
		],
		['the Linux console', [undefined, undefined, {TERM: 'linux'}, passes], 'half'],
		['nothing asked', [undefined, undefined, {}], 'quad'],
		// Inside tmux: tmux answers XTVERSION itself; its client is kitty; the probes decide.
		[
			'tmux on kitty passing octants',
			[
				undefined,
				undefined,
				{TMUX: '/tmp/t,1,0'},
				{xtversion: 'tmux 3.5a', tmuxTermname: 'xterm-kitty', tmuxTermtype: 'kitty(0.42.1)', ...passes},
			],
			'octant',
		],
		[
			'tmux 3.3a on kitty drops octants',
			[
				undefined,
				undefined,
				{TMUX: '/tmp/t,1,0'},
				{
					xtversion: 'tmux 3.3a',
					tmuxTermname: 'xterm-kitty',
					tmuxTermtype: 'kitty(0.42.1)',
					sextantColumns: 1,
					octantColumns: 0,
				},
			],
			'sextant',
		],
		[
			'tmux whose client is known only by TERM: no version, quadrants',
			[
				undefined,
				undefined,
				{TMUX: '/tmp/t,1,0', TERM_PROGRAM: 'ghostty', TERM_PROGRAM_VERSION: '1.2.0'},
				{xtversion: 'tmux 3.3a', tmuxTermname: 'xterm-ghostty', ...passes},
			],
			'quad',
		],
	];
	for (const [name, args, expected] of cases) assert.equal(decideGlyphs(...args).glyphs, expected, name);
});

test('versions and names as terminals give them', () => {
	assert.ok(versionAtLeast('0.42.1', '0.40.0'));
	assert.ok(versionAtLeast('0.40.0', '0.40.0'));
	assert.ok(!versionAtLeast('0.9.9', '0.40.0'));
	assert.ok(versionAtLeast('20240203-110809-5046fc22', '20240203'));
	assert.ok(!versionAtLeast('', '1'));
	assert.deepEqual(parseVersionText('kitty(0.42.1)'), {name: 'kitty', version: '0.42.1'});
	assert.deepEqual(parseVersionText('WezTerm 20240203-110809-5046fc22'), {
		name: 'wezterm',
		version: '20240203-110809-5046fc22',
	});
	assert.deepEqual(parseVersionText('foot(1.20.2)'), {name: 'foot', version: '1.20.2'});
	assert.deepEqual(parseVersionText('tmux 3.3a'), {name: 'tmux', version: '3.3a'});
	assert.equal(parseVersionText('rm -rf /'), undefined);
	assert.deepEqual(
		identify({TERM_PROGRAM: 'WezTerm', TERM_PROGRAM_VERSION: '20240203-110809-5046fc22'}, {}),
		{
			terminal: 'wezterm',
			version: '20240203-110809-5046fc22',
			via: 'TERM_PROGRAM=WezTerm',
		},
	);
	for (const row of glyphSupport) assert.ok(row.source.length > 10, `${row.terminal} has a citation`);
});

test('the choice is said once, unless a flag or the config made it', () => {
	const auto = decideGlyphs(undefined, undefined, {}, {xtversion: 'kitty(0.42.1)', ...passes});
	assert.match(glyphNotice(auto)!, /^octants: kitty 0\.42\.1/);
	assert.equal(glyphNotice(decideGlyphs('quad', undefined, {})), undefined);
	assert.equal(glyphNotice(decideGlyphs(undefined, 'octant', {})), undefined);
});

/** A TTY stdin whose bytes come from a model terminal, one to three bytes a read. */
class ModelTty extends EventEmitter {
	readonly isTTY = true;
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
	send(bytes: string): void {
		let at = 0;
		const next = () => {
			if (at >= bytes.length) return;
			const size = 1 + Math.floor(Math.random() * 3);
			this.emit('data', Buffer.from(bytes.slice(at, at + size), 'latin1'));
			at += size;
			setTimeout(next, 1);
		};
		setTimeout(next, 1);
	}
}

async function detectOn(
	terminal: {xtversion?: string; width?: (codePoint: number) => number},
	env: Record<string, string>,
	askTmux?: () => Promise<string | undefined>,
) {
	const tty = new ModelTty();
	let queue = Promise.resolve();
	const model = new VirtualTerminal(40, 5, undefined, {
		...terminal,
		// Replies go out in order, each split across reads.
		reply: (bytes) =>
			(queue = queue.then(() => new Promise((done) => (tty.send(bytes), setTimeout(done, 60))))),
	});
	const written: string[] = [];
	const input = new TerminalInput(tty, {write: (data: string) => (written.push(data), model.write(data))});
	const keys: Buffer[] = [];
	input.stream.on('data', (chunk: Buffer) => keys.push(chunk));
	const decision = await detectGlyphs({
		env: {TERM: 'xterm-256color', ...env},
		input,
		askTmux,
		budgetMs: 3000,
	});
	await new Promise((done) => setTimeout(done, 50));
	input.close();
	return {decision, keys: Buffer.concat(keys).toString('latin1'), written: written.join(''), model};
}

const octantsOneColumnWide = () => 1;
/** tmux 3.3a on glibc 2.36: Unicode 14 widths, so the octants (16) are dropped. */
const unicode14 = (codePoint: number) => (codePoint >= 0x1cc00 && codePoint < 0x1cf00 ? 0 : 1);

test('a terminal answering as kitty 0.42 would, replies split across reads: octants, and no reply reaches the keys', async () => {
	const {decision, keys, written, model} = await detectOn(
		{xtversion: 'kitty(0.42.1)', width: octantsOneColumnWide},
		{},
	);
	assert.equal(decision.glyphs, 'octant', decision.reason);
	assert.equal(keys, '');
	assert.equal(written, glyphProbe);
	// The probe glyphs were erased: the line shows nothing of them.
	for (let col = 0; col < 4; col++) assert.equal(model.cell(col, 0).char, ' ');
});

test('answering as Ghostty 1.2 would: octants', async () => {
	const {decision, keys} = await detectOn({xtversion: 'ghostty 1.2.0', width: octantsOneColumnWide}, {});
	assert.equal(decision.glyphs, 'octant', decision.reason);
	assert.equal(keys, '');
});

test('kitty behind a tmux that drops octants: sextants, never octants', async () => {
	const {decision, keys} = await detectOn(
		{xtversion: 'tmux 3.3a', width: unicode14},
		{TMUX: '/tmp/tmux-1000/default,1,0'},
		async () => 'xterm-kitty\tkitty(0.42.1)',
	);
	assert.equal(decision.glyphs, 'sextant', decision.reason);
	assert.match(decision.reason, /does not pass them/);
	assert.equal(keys, '');
});

test('a terminal that answers DA1 but not CPR: quadrants, and a later CPR-shaped key is a key', async () => {
	const tty = new ModelTty();
	const input = new TerminalInput(tty, {write: () => tty.send('\x1b[?62c')});
	const keys: Buffer[] = [];
	input.stream.on('data', (chunk: Buffer) => keys.push(chunk));
	const decision = await detectGlyphs({
		env: {TERM: 'xterm-kitty', KITTY_WINDOW_ID: '1'},
		input,
		budgetMs: 2000,
	});
	assert.equal(decision.glyphs, 'quad');
	input.setUserRaw(true);
	tty.send('\x1b[1;2R');
	await new Promise((done) => setTimeout(done, 200));
	input.close();
	assert.equal(Buffer.concat(keys).toString('latin1'), '\x1b[1;2R');
});

test(
	'in a tmux pane here (tmux 3.3a, glibc 2.36), auto never picks octants, and nothing of the probe shows',
	{skip: tmuxMissing()},
	async () => {
		const tmux = new Tmux();
		try {
			const probe = `${process.execPath} --import tsx ${repo}/test/terminal/glyph-probe.ts`;
			tmux.start('pane', `${probe}; sleep 30`, 250, 10);
			const text = await tmux.waitFor('pane', (t) => t.includes('DECISION'), 20_000, 'the probe');
			const lines = text.split('\n').filter((line) => line.trim() !== '');
			assert.equal(lines.length, 1, `only the decision on screen, no probe glyph or echoed reply:\n${text}`);
			const decision = JSON.parse(lines[0]!.slice('DECISION '.length));
			const version = spawnSync('tmux', ['-V'], {encoding: 'utf8'}).stdout.trim();
			// A tmux that knows the octants' width passes them; this machine's does not.
			if (version === 'tmux 3.3a') assert.equal(decision.glyphs, 'sextant', decision.reason);
			else assert.notEqual(decision.glyphs, 'quad', decision.reason);
		} finally {
			tmux.kill();
		}
	},
);
