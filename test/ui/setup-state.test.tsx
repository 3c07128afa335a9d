import assert from 'node:assert/strict';
import {test} from 'node:test';
import React from 'react';
import {render} from 'ink-testing-library';
import {
	choicesOf,
	initialSetup,
	reduceSetup,
	refused,
	type SetupAction,
	type SetupState,
} from '../../source/ui/setup-state.js';
import {parseChoices} from '../../source/config/config.js';
import {setupLayout} from '../../source/ui/setup-layout.js';
import {SetupView} from '../../source/ui/setup-screen.js';

const strip = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

const key = (input: string, extra: Record<string, boolean> = {}): SetupAction => ({
	type: 'key',
	key: {input, ...extra},
});

function run(state: SetupState, ...actions: SetupAction[]) {
	let result;
	for (const action of actions) [state, result] = reduceSetup(state, action);
	return {state, result};
}

test('setup: the saved choices are offered; arrows move and choose; Enter starts with them', () => {
	const start = initialSetup(
		{mode: 'call', target: '10.0.0.2:5000', camera: 'test', name: 'Ada'},
		['10.0.0.9'],
		['test', 'clip.mp4'],
	);
	assert.equal(start.mode, 'call');
	const {state, result} = run(
		start,
		key('', {downArrow: true}),
		key('', {downArrow: true}),
		key('', {rightArrow: true}),
		key('', {downArrow: true}),
		key('', {backspace: true}),
		key('a'),
		key('', {downArrow: true}),
		key(' '),
		key('', {return: true}),
	);
	assert.equal(state.camera, 'clip.mp4');
	assert.deepEqual(result, {
		kind: 'start',
		mode: 'call',
		port: 3223,
		target: '10.0.0.2:5000',
		code: '',
		relay: '',
		camera: 'clip.mp4',
		name: 'Ada',
		window: true,
		secret: '',
	});
});

test('setup: a bad address is explained, not started; Esc quits', () => {
	let {state, result} = run(
		initialSetup({}, ['10.0.0.9'], ['test']),
		key('c'),
		key('', {tab: true}),
		key('x'),
		key(':'),
		key('', {return: true}),
	);
	assert.equal(result, undefined);
	assert.match(state.error ?? '', /port must be a whole number/);
	({result} = run(state, key('', {escape: true})));
	assert.deepEqual(result, {kind: 'quit'});
	// Listen: the port takes digits only.
	({state} = run(
		initialSetup({}, [], ['test']),
		key('', {tab: true}),
		key('', {backspace: true}),
		key('x'),
		key('7'),
	));
	assert.equal(state.port, '3227');
});

test('setup screen shows the addresses to share, the cameras found and the error', () => {
	let state = initialSetup({}, ['192.168.1.20'], ['test']);
	state = run(state, key('', {tab: true}), {type: 'cameras', cameras: ['0', 'test'], done: true}).state;
	const view = render(<SetupView state={state} />);
	const frame = view.lastFrame() ?? '';
	assert.match(frame, /192\.168\.1\.20:3223/);
	assert.match(frame, /› Address/);
	view.unmount();
	const cams = render(<SetupView state={run(state, key('', {tab: true})).state} />);
	assert.match(cams.lastFrame() ?? '', /or ←\/→: 0, test$/m);
	cams.unmount();
});

test('setup: the secret is typed masked, started with, and never among the saved choices', async () => {
	let state = initialSetup({mode: 'call', target: 'h:1', camera: 'test'}, [], ['test']);
	state = run(state, key('', {upArrow: true})).state;
	assert.equal(state.field, 'secret');
	let view = render(<SetupView state={state} />);
	assert.match(view.lastFrame() ?? '', /› Secret/);
	assert.match(view.lastFrame() ?? '', /a passphrase you both type/);
	view.unmount();
	const typed = run(
		state,
		key('b'),
		key('l'),
		key('u'),
		key('e'),
		key(' '),
		key('k'),
		key('', {return: true}),
	);
	view = render(<SetupView state={typed.state} />);
	const frame = view.lastFrame() ?? '';
	assert.doesNotMatch(frame, /blue/);
	assert.match(frame, /••••••/);
	view.unmount();
	assert.equal(typed.result?.kind === 'start' && typed.result.secret, 'blue k');
	assert.ok(!('secret' in choicesOf(typed.state)));
	assert.ok(!JSON.stringify(choicesOf(typed.state)).includes('blue'));
	// Blank is no secret.
	const blank = run(state, key(' '), key('', {return: true}));
	assert.equal(blank.result?.kind === 'start' && blank.result.secret, '');
});

test('setup: five modes, chosen with ←/→, space or their first letter; each asks for its own fields', () => {
	const start = initialSetup({}, [], ['test']);
	assert.deepEqual(
		['', 'l', 'c', 'i', 'r', 'j'].map((letter) => run(start, key(letter)).state.mode),
		['listen', 'listen', 'call', 'invite', 'room', 'join'],
	);
	const cycle = Array.from({length: 4}, () => key('', {rightArrow: true}));
	assert.equal(run(start, ...cycle).state.mode, 'join');
	assert.equal(run(start, ...cycle, key(' ')).state.mode, 'listen');
	assert.equal(run(start, key('', {leftArrow: true})).state.mode, 'join');
	// Down walks only the fields the mode asks for, and wraps.
	const walk = (mode: string) => {
		let state = run(start, key(mode[0]!)).state;
		const seen = [state.field];
		for (;;) {
			state = run(state, key('', {downArrow: true})).state;
			if (state.field === 'mode') return seen;
			seen.push(state.field);
		}
	};
	assert.deepEqual(walk('invite'), ['mode', 'relay', 'camera', 'name', 'window']);
	assert.deepEqual(walk('room'), ['mode', 'relay', 'camera', 'name', 'window']);
	assert.deepEqual(walk('join'), ['mode', 'code', 'relay', 'camera', 'name', 'window']);
	assert.deepEqual(walk('listen'), ['mode', 'address', 'camera', 'name', 'window', 'secret']);
	assert.deepEqual(walk('call'), ['mode', 'address', 'camera', 'name', 'window', 'secret']);
});

test('setup: invite offers the relay remembered in the config and starts with it; a bad relay is explained', () => {
	const start = initialSetup({relay: 'relay.example.org:3223', camera: 'test'}, [], ['test']);
	assert.equal(start.relay, 'relay.example.org:3223');
	const invited = run(start, key('i'), key('', {return: true}));
	assert.deepEqual(invited.result, {
		kind: 'start',
		mode: 'invite',
		port: 3223,
		target: '',
		code: '',
		relay: 'relay.example.org:3223',
		camera: 'test',
		name: '',
		window: false,
		secret: '',
	});
	// No relay yet: Enter says what to type and goes to the relay's field.
	const none = run(initialSetup({}, [], ['test']), key('i'), key('', {return: true}));
	assert.equal(none.result, undefined);
	assert.equal(none.state.field, 'relay');
	assert.match(none.state.error ?? '', /^Type the relay as HOST:PORT/);
	// The one HOST:PORT parser's sentences.
	const typed = run(none.state, key('relay.example.org:'), key('', {return: true}));
	assert.equal(typed.result, undefined);
	assert.match(typed.state.error ?? '', /port must be a whole number from 1 to 65535, not ""/);
	const fixed = run(typed.state, key('7000'), key('', {return: true}));
	assert.equal(fixed.result?.kind === 'start' && fixed.result.relay, 'relay.example.org:7000');
	// Remembered for next time (invite and join use the same config key), but only one that works.
	assert.equal(choicesOf(fixed.state).relay, 'relay.example.org:7000');
	assert.equal(choicesOf(typed.state).relay, undefined);
	assert.equal(choicesOf(fixed.state).mode, 'invite');
	// A secret typed in call mode is not an invite's: the code is the secret.
	const secret = run(
		initialSetup({mode: 'call', relay: 'r:1'}, [], ['test']),
		key('', {upArrow: true}),
		key('s'),
		key('', {downArrow: true}),
		key('i'),
		key('', {return: true}),
	);
	assert.equal(secret.result?.kind === 'start' && secret.result.secret, '');
});

test('setup: join checks the code as it is typed and at Enter, with the invite code sentences', () => {
	const start = run(
		initialSetup({relay: '127.0.0.1:3223'}, [], ['test']),
		key('j'),
		key('', {tab: true}),
	).state;
	assert.equal(start.field, 'code');
	// A word still being typed is not judged; a finished one that is not in the list is, at once.
	let state = run(start, key('42-kett')).state;
	assert.equal(state.error, undefined);
	state = run(state, key('el-')).state;
	assert.equal(state.error, '"kettel" is not one of the invite words: check the spelling.');
	// Fixed with Backspace: the sentence goes.
	state = run(state, ...Array.from({length: 7}, () => key('', {backspace: true})), key('kettle-')).state;
	assert.equal(state.code, '42-kettle-');
	assert.equal(state.error, undefined);
	assert.match(run(start, key('x ')).state.error ?? '', /^An invite code starts with its number/);
	assert.match(
		run(start, key('42 kettle violet orbit kettle')).state.error ?? '',
		/^An invite code has 3 words after its number/,
	);
	// Incomplete at Enter: the sentence, and the cursor stays on the code.
	const early = run(state, key('violet'), key('', {return: true}));
	assert.equal(early.result, undefined);
	assert.equal(early.state.field, 'code');
	assert.match(early.state.error ?? '', /^An invite code has 3 words after its number, for example 42-/);
	// Leaving a code that cannot be right says so too.
	const left = run(state, key('violet orbt'), key('', {tab: true}));
	assert.equal(left.state.field, 'relay');
	assert.match(left.state.error ?? '', /"orbt" is not one of the invite words/);
	// As people read it out: spaces, capitals.
	const done = run(state, key('Violet Orbit '), key('', {return: true}));
	assert.equal(done.state.error, undefined);
	assert.deepEqual(
		done.result?.kind === 'start' && {
			mode: done.result.mode,
			code: done.result.code,
			relay: done.result.relay,
		},
		{mode: 'join', code: '42-kettle-Violet Orbit', relay: '127.0.0.1:3223'},
	);
	// The code is single-use: never among the saved choices.
	assert.ok(!JSON.stringify(choicesOf(done.state)).includes('kettle'));
	// A good code and no relay: the relay's sentence.
	const noRelay = run(
		initialSetup({}, [], ['test']),
		key('j'),
		key('', {tab: true}),
		key('42-kettle-violet-orbit'),
	);
	const refused = run(noRelay.state, key('', {return: true}));
	assert.equal(refused.state.field, 'relay');
	assert.match(refused.state.error ?? '', /^Type the relay as HOST:PORT/);
});

test('setup: back from a relay that would not open an invite, its reason at the relay field', () => {
	const state = initialSetup({relay: '127.0.0.1:9'}, [], ['test']);
	const back = refused(
		state,
		'relay',
		'could not reach the relay 127.0.0.1:9: nothing listens on that port (connection refused)',
	);
	assert.equal(back.field, 'relay');
	assert.equal(
		back.error,
		'Could not reach the relay 127.0.0.1:9: nothing listens on that port (connection refused).',
	);
});

test('setup screen at 40 columns: the five modes, too many to fit beside the labels, show as one with arrows; the join form says what each field is', () => {
	const size = {cols: 40, rows: 30};
	const layout = setupLayout(size.cols, size.rows);
	assert.equal(layout.side, 'below');
	let state = run(initialSetup({relay: '127.0.0.1:3223'}, [], ['test']), key('j')).state;
	const frame = (s: SetupState) =>
		strip(
			render(
				<SetupView
					state={s}
					size={size}
					thumbnail={{kind: 'text', spec: 'test', text: 'Opening…', error: false}}
				/>,
			).lastFrame() ?? '',
		).split('\n');
	let lines = frame(state);
	for (const line of lines) assert.ok(line.length <= size.cols, `${line.length} columns: ${line}`);
	assert.match(lines.find((line) => line.includes('Mode')) ?? '', /› Mode\s+‹ join ›$/);
	assert.match(lines.join('\n'), /join with the code someone invited\s+you with/);
	assert.match(lines.join('\n'), /Relay\s+127\.0\.0\.1:3223/);
	assert.match(lines.join('\n'), /Press Enter to join\./);
	// The thumbnail's label stays where the layout put it, whatever the form shows.
	assert.match(lines[layout.labelRow]!, /^ Preview: test/);
	state = run(state, key('', {tab: true}), key('42-kettel '), key('', {return: true})).state;
	lines = frame(state);
	assert.match(lines[layout.labelRow]!, /^ Preview: test/);
	const text = lines.join('\n');
	assert.match(text, /› Code\s+42-kettel ▌/);
	assert.match(text, /the code the other side's invite/);
	// The sentence wrapped to the form's width, no row starting with the blank it broke at.
	assert.match(text, /\n "kettel" is not one of the invite\n words: check the spelling\./);
	state = run(state, key('', {escape: true})).state;
	for (const mode of ['l', 'c', 'i']) {
		const other = frame(run(state, key('', {upArrow: true}), key(mode)).state);
		assert.match(other[layout.labelRow]!, /^ Preview: test/, mode);
	}
});

test('setup: Tab and Enter that arrive in one read with the text typed before them still move and start', () => {
	// Ink hands a read as one input: over ssh or in a paste, "code<Tab>relay<Enter>" is one key.
	const start = run(initialSetup({}, [], ['test']), key('j'), key('', {tab: true})).state;
	const {state, result} = run(start, key('42-kettle-violet-orbit\t127.0.0.1:3223\r'));
	assert.equal(state.code, '42-kettle-violet-orbit');
	assert.equal(state.relay, '127.0.0.1:3223');
	assert.deepEqual(result?.kind === 'start' && [result.mode, result.code, result.relay], [
		'join',
		'42-kettle-violet-orbit',
		'127.0.0.1:3223',
	]);
	// A refusal stops there: the rest of the read is typed where the cursor went back to.
	const early = run(start, key('42-kettel\r'));
	assert.equal(early.result, undefined);
	assert.equal(early.state.field, 'code');
	assert.match(early.state.error ?? '', /"kettel" is not one of the invite words/);
	assert.equal(run(start, key('/x.mp4\t')).state.field, 'relay');
});

test('setup: a call to a host without a port starts, on the default port', () => {
	const state = initialSetup({mode: 'call', target: 'nohost', camera: 'test'}, [], ['test']);
	const started = run(state, key('', {return: true}));
	assert.equal(started.state.error, undefined);
	assert.equal(started.result?.kind === 'start' && started.result.target, 'nohost');
});

test("config.json's relay and name reach the setup screen as text: no OSC 0, no OSC 52, no BEL", () => {
	const file = JSON.stringify({
		mode: 'invite',
		relay: 'relay.example:7000\x1b]0;owned\x07',
		name: 'Eve\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07\u202e',
		target: 'h:1\x1b[2J',
	});
	const saved = parseChoices(file);
	assert.deepEqual(saved, {mode: 'invite', relay: 'relay.example:7000', name: 'Eve', target: 'h:1'});
	for (const field of ['relay', 'name'] as const) {
		const state = {...initialSetup(saved, ['192.168.1.20'], ['test']), field};
		const frame = render(<SetupView state={state} />).lastFrame() ?? '';
		assert.doesNotMatch(strip(frame), /[\x00-\x08\x0b-\x1f\x7f\u202e]/, field);
		assert.match(frame, field === 'relay' ? /relay\.example:7000/ : /Eve/);
	}
});

test('setup screen on small terminals: what Enter does stays whole and every row fits; the modes never break mid-word', () => {
	const frame = (state: SetupState, cols: number, rows: number) =>
		strip(render(<SetupView state={state} size={{cols, rows}} />).lastFrame() ?? '').split('\n');
	const modes = {
		listen: initialSetup({}, ['10.0.0.9'], ['test']),
		call: run(initialSetup({}, [], ['test']), key('c')).state,
		invite: run(initialSetup({relay: '127.0.0.1:3223'}, [], ['test']), key('i')).state,
		join: run(initialSetup({}, [], ['test']), key('j')).state,
	};
	for (const [cols, rows] of [
		[40, 12],
		[30, 10],
		[20, 6],
		[60, 8],
	] as const) {
		for (const [mode, start] of Object.entries(modes)) {
			// The cursor on the first field and on the last: the field window scrolls with it.
			for (const state of [start, run(start, key('', {upArrow: true})).state]) {
				const lines = frame(state, cols, rows);
				const where = `${cols}x${rows} ${mode} at ${state.field}`;
				assert.ok(lines.length <= rows, `${where}: ${lines.length} rows\n${lines.join('\n')}`);
				for (const line of lines) assert.ok(line.length <= cols, `${where}: ${line}`);
				const text = lines.join(' ').replace(/\s+/g, ' ');
				assert.match(text, /Press Enter to .+\./, `${where}\n${lines.join('\n')}`);
				assert.ok(
					lines.some((line) => line.includes('›')),
					`${where}: the active field is in view\n${lines.join('\n')}`,
				);
				if (state.field === 'mode')
					assert.match(text, new RegExp(`\\b${state.mode}\\b`), `${where}: the mode whole`);
			}
		}
	}
	// 40x12, listen: the whole form still shows, the key hints wrapped.
	const lines = frame(modes.listen, 40, 12);
	assert.match(lines.join('\n'), /Secret/);
	assert.match(lines.join('\n'), /Esc: quit/);
	assert.match(lines.at(-1)!, /Press Enter to start listening\./);
});
