import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chatAvailable, type Effect, initialCallState} from '../../source/ui/call-state.js';
import {cameraText} from '../../source/ui/call-screen.js';
import {callStats as stats} from '../session/helpers.js';
import {key, run} from './call-reducer.js';

test('a listener listens, takes a call, and goes back to listening when the peer leaves', () => {
	let [state] = run(initialCallState('listen', 'test'), {
		type: 'listening',
		addresses: ['10.0.0.2'],
		port: 5000,
	});
	assert.deepEqual(state.phase, {kind: 'listening', addresses: ['10.0.0.2'], port: 5000});
	[state] = run(state, {type: 'call-state', state: 'handshaking'}, {type: 'call-started', protocol: 'v2'});
	assert.equal(state.phase.kind, 'in-call');
	assert.ok(chatAvailable(state));
	[state] = run(state, {type: 'call-ended', reason: 'the peer vanished', failed: true});
	assert.deepEqual(state.phase, {kind: 'listening', addresses: ['10.0.0.2'], port: 5000});
	assert.match(state.notice ?? '', /the peer vanished/);
	assert.ok(!chatAvailable(state));
});

test('h hangs up the current call only: a listener goes on listening; nothing to hang up, nothing happens', () => {
	let [state] = run(initialCallState('listen', 'test'), {
		type: 'listening',
		addresses: ['10.0.0.2'],
		port: 5000,
	});
	assert.deepEqual(run(state, key('h'))[1], [], 'no call yet');
	[state] = run(state, {type: 'call-started', protocol: 'seed'});
	const [during, effects] = run(state, key('h'));
	assert.deepEqual(effects, [{type: 'hang-up'}]);
	[state] = run(during, {type: 'call-ended', reason: 'hung up', failed: false});
	assert.deepEqual(state.phase, {kind: 'listening', addresses: ['10.0.0.2'], port: 5000});
});

test('a caller whose call ended offers to call again with r or Enter, not otherwise', () => {
	let [state] = run(initialCallState('call', 'test', 'h:1'), {type: 'call-started', protocol: 'v2'});
	assert.deepEqual(run(state, key('r'))[1], []);
	[state] = run(state, {type: 'call-ended', reason: 'bad handshake', failed: true});
	assert.deepEqual(state.phase, {kind: 'ended', reason: 'bad handshake', failed: true, connected: true});
	assert.deepEqual(run(state, key('r'))[1], [{type: 'redial'}]);
	assert.deepEqual(run(state, key('', {return: true}))[1], [{type: 'redial'}]);
	[state] = run(state, {type: 'dialing', target: 'h:1'});
	assert.deepEqual(state.phase, {kind: 'connecting', target: 'h:1'});
});

test('chat: Tab opens the input, typing edits it, Enter sends and leaves it, so q quits again', () => {
	let [state] = run(initialCallState('call', 'test', 'h:1'), {type: 'call-started', protocol: 'v2'});
	[state] = run(state, key('', {tab: true}), key('h'), key('i'), key('x'), key('', {backspace: true}));
	assert.equal(state.typing, true);
	assert.equal(state.draft, 'hi');
	let effects: Effect[];
	[state, effects] = run(state, key('', {return: true}));
	assert.deepEqual(effects, [{type: 'send-chat', text: 'hi'}, {type: 'layout-changed'}]);
	assert.equal(state.draft, '');
	assert.equal(state.typing, false);
	assert.deepEqual(state.chat.at(-1), {from: 'me', text: 'hi'});
	// After sending, q is the command again, as the hint line says.
	assert.deepEqual(run(state, key('q'))[1], [{type: 'quit'}]);
	// Enter opens the input again; while typing, q and p are letters, not commands.
	[state, effects] = run(state, key('', {return: true}), key('q'), key('p'));
	assert.deepEqual(effects, [{type: 'layout-changed'}]);
	assert.equal(state.draft, 'qp');
	// Esc leaves the input and keeps the draft; Enter on an empty input just leaves it.
	[state] = run(state, key('', {escape: true}));
	assert.equal(state.typing, false);
	assert.equal(state.draft, 'qp');
	assert.deepEqual(run(state, key('q'))[1], [{type: 'quit'}]);
	[state] = run(state, key('', {tab: true}), key('', {backspace: true}), key('', {backspace: true}));
	[state, effects] = run(state, key('', {return: true}));
	assert.equal(state.typing, false);
	assert.deepEqual(effects, [{type: 'layout-changed'}]);
	assert.equal(state.chat.at(-1)?.text, 'hi');
});

test('no chat input before a call: Tab and Enter do nothing in the lobby', () => {
	const lobby = run(initialCallState('listen', 'test'), {type: 'listening', addresses: ['h'], port: 1})[0];
	const [state, effects] = run(lobby, key('', {tab: true}), key('', {return: true}));
	assert.equal(state.typing, false);
	assert.deepEqual(effects, []);
});

test('keys that arrive together (a paste, a slow SSH link) send at each line break and are never commands', () => {
	let [state] = run(initialCallState('call', 'test', 'h:1'), {type: 'call-started', protocol: 'v2'});
	[state] = run(state, key('', {tab: true}));
	let effects: Effect[];
	[state, effects] = run(state, key('hello demo\r'));
	assert.deepEqual(effects, [{type: 'send-chat', text: 'hello demo'}, {type: 'layout-changed'}]);
	assert.equal(state.draft, '');
	assert.equal(state.typing, false);
	[state] = run(state, key('', {tab: true}));
	// A pasted "q" after a line break is text, not quit; text after the last break stays typed.
	[state, effects] = run(state, key('one\r\nq two\nq'));
	assert.deepEqual(effects, [
		{type: 'send-chat', text: 'one'},
		{type: 'send-chat', text: 'q two'},
	]);
	assert.equal(state.draft, 'q');
	assert.equal(state.typing, true);
});

test('with a seed peer chat is unavailable, said in the chat and on Tab', () => {
	let [state] = run(initialCallState('call', 'test', 'h:1'), {type: 'call-started', protocol: 'seed'});
	assert.ok(!chatAvailable(state));
	assert.match(state.chat.at(-1)!.text, /chat is unavailable/);
	[state] = run(state, key('', {tab: true}));
	assert.equal(state.typing, false);
	assert.match(state.notice ?? '', /unavailable/);
});

test('received chat is cleaned of control characters; empty messages are dropped', () => {
	let [state] = run(initialCallState('call', 'test', 'h:1'), {type: 'call-started', protocol: 'v2'});
	[state] = run(state, {type: 'chat-received', text: 'a\x1b[2Jb\nc'}, {type: 'chat-received', text: '\x07 '});
	assert.deepEqual(
		state.chat.filter((l) => l.from === 'peer'),
		[{from: 'peer', text: 'ab c'}],
	);
});

test('p pauses and resumes only a live camera; a lost camera is shown', () => {
	let [state] = run(initialCallState('call', 'test', 'h:1'), key('p'));
	assert.equal(state.camera.kind, 'starting');
	let effects: Effect[];
	[state, effects] = run(state, {type: 'camera', camera: {kind: 'live'}}, key('p'));
	assert.deepEqual(effects, [{type: 'pause', paused: true}]);
	assert.equal(state.camera.kind, 'paused');
	[state, effects] = run(state, key('p'));
	assert.deepEqual(effects, [{type: 'pause', paused: false}]);
	[state] = run(state, {type: 'camera', camera: {kind: 'lost', message: 'Camera 0 vanished.'}});
	assert.deepEqual(state.camera, {kind: 'lost', message: 'Camera 0 vanished.'});
});

test('v toggles the picture-in-picture, ? the help, Ctrl+C quits even while typing', () => {
	let [state] = run(initialCallState('listen', 'test'), key('v'));
	assert.equal(state.pip, false);
	[state] = run(state, key('?'));
	assert.equal(state.help, true);
	[state] = run(state, key('', {escape: true}));
	assert.equal(state.help, false);
	[state] = run(state, {type: 'call-started', protocol: 'v2'}, key('', {tab: true}));
	const [, effects] = run(state, key('c', {ctrl: true}));
	assert.deepEqual(effects, [{type: 'quit'}]);
});

test('stats and security are kept for the status line; an ended call forgets them', () => {
	let [state] = run(
		initialCallState('call', 'test', 'h:1'),
		{type: 'call-started', protocol: 'v2'},
		{type: 'stats', stats: stats(), security: {encrypted: true, sas: '123 456', verifiedBySecret: false}},
	);
	assert.equal(state.stats?.fps_in, 30);
	assert.equal(state.security?.sas, '123 456');
	[state] = run(state, {type: 'call-ended', reason: 'hung up', failed: false});
	assert.equal(state.stats, undefined);
	assert.equal(state.security, undefined);
});

test('a camera that never gave a picture is not said to be "lost"; one that stopped is', () => {
	const message = 'Camera 7 cannot be opened. No camera is connected to this machine.';
	const lost = {type: 'camera', camera: {kind: 'lost', message}} as const;
	const [never] = run(initialCallState('call', '7'), lost, lost);
	assert.equal(
		cameraText(never),
		'Camera 7 cannot be opened. No camera is connected to this machine (trying again)',
	);
	const [stopped] = run(initialCallState('call', '7'), {type: 'camera', camera: {kind: 'live'}}, lost);
	assert.match(cameraText(stopped)!, /^camera lost: Camera 7 cannot be opened/);
});
