import assert from 'node:assert/strict';
import {test} from 'node:test';
import React from 'react';
import {render} from 'ink-testing-library';
import {initialSetup, reduceSetup, type SetupAction, type SetupState} from '../../source/ui/setup-state.js';
import {SetupView} from '../../source/ui/setup-screen.js';

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
		key('', {return: true}),
	);
	assert.equal(result, undefined);
	assert.match(state.error ?? '', /HOST:PORT/);
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
	assert.match(cams.lastFrame() ?? '', /←\/→: 0, test;/);
	cams.unmount();
});

test('setup: the secret is typed masked, started with, and never among the saved choices', async () => {
	const {choicesOf} = await import('../../source/ui/setup-state.js');
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
