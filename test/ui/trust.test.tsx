/** What the call screen shows about trust: the check code, the secret, a changed key, refusals, warnings. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import React from 'react';
import {render} from 'ink-testing-library';
import {ProtocolError} from '../../source/protocol/errors.js';
import type {PeerKeyChange} from '../../source/session/call.js';
import {initialCallState, type Security} from '../../source/ui/call-state.js';
import {CallScreenView} from '../../source/ui/call-screen.js';
import {key, run} from './call-reducer.js';
import {refusalText} from '../../source/control/refusal.js';
import {securityText, statusText} from '../../source/ui/text.js';

const encrypted: Security = {
	encrypted: true,
	sas: '959 809',
	verifiedBySecret: false,
	peerKey: 'known',
	peerFingerprint: 'SHA256:peer',
};

const change: PeerKeyChange = {
	name: '10.0.0.9:5000',
	recorded: 'SHA256:' + 'A'.repeat(43),
	presented: 'SHA256:' + 'B'.repeat(43),
	knownPeersFile: '/home/ada/.config/facetty/known_peers',
};

const size = {cols: 120, rows: 36};

test('status line: encrypted · check code (· secret verified), right after the peer; not encrypted says so', () => {
	assert.equal(securityText(undefined), undefined);
	assert.equal(securityText(encrypted), 'encrypted · check 959 809');
	assert.equal(
		securityText({...encrypted, verifiedBySecret: true}),
		'encrypted · check 959 809 · secret verified',
	);
	assert.equal(securityText({encrypted: false, verifiedBySecret: false, note: 'x'}), 'not encrypted');
	const [state] = run(initialCallState('call', 'test', '10.0.0.9:5000'), {
		type: 'call-started',
		protocol: 'v2',
		name: 'Ada',
		security: {...encrypted, verifiedBySecret: true},
	});
	assert.match(
		statusText(state),
		/^in call with Ada \(10\.0\.0\.9:5000\) · encrypted · check 959 809 · secret verified · v2/,
	);
	// Narrow: the numbers are cut, the check code stays.
	const view = render(<CallScreenView state={state} size={{cols: 70, rows: 20}} />);
	assert.match((view.lastFrame() ?? '').split('\n')[0]!, /check 959 809/);
	view.unmount();
});

test('a call that starts encrypted explains the check code once, in the chat pane, with the secret and the key', () => {
	let [state] = run(initialCallState('call', 'test', '10.0.0.9:5000'), {
		type: 'call-started',
		protocol: 'v2',
		security: {...encrypted, verifiedBySecret: true, peerKey: 'new'},
	});
	const notes = state.chat.filter((line) => line.from === 'note').map((line) => line.text);
	assert.equal(notes.length, 3);
	assert.match(
		notes[0]!,
		/Check code 959 809: read it to each other\. If it matches on both screens, nobody is in the middle\./,
	);
	assert.match(notes[1]!, /Secret verified/);
	assert.match(notes[2]!, /First call to 10\.0\.0\.9:5000: its key is remembered/);
	// Stats every second do not repeat it.
	[state] = run(state, {type: 'security', security: encrypted}, {type: 'notice', text: undefined});
	assert.equal(state.chat.filter((line) => line.text.startsWith('Check code')).length, 1);
	const view = render(<CallScreenView state={state} size={size} />);
	const frame = view.lastFrame() ?? '';
	assert.match(frame, /Check code 959 809/);
	assert.match(frame, /encrypted · check 959 809 · v2/);
	view.unmount();
});

test('the seed format, plaintext v2 and the accepter side: notes say what is (not) known', () => {
	const [seed] = run(initialCallState('listen', 'test'), {
		type: 'call-started',
		protocol: 'seed',
		security: {
			encrypted: false,
			verifiedBySecret: false,
			note: 'not encrypted: the seed format (the original script) cannot be encrypted',
		},
	});
	assert.deepEqual(
		seed.chat.map((line) => line.text),
		[
			'Not encrypted: the seed format (the original script) cannot be encrypted.',
			'The peer speaks the original format: chat is unavailable.',
		],
	);
	assert.match(statusText(seed), / · not encrypted · seed/);
	const [accepter] = run(initialCallState('listen', 'test'), {
		type: 'call-started',
		protocol: 'v2',
		address: '127.0.0.1:40000',
		security: {...encrypted, peerKey: 'unchecked', peerKnownAs: ['ada.example:5000']},
	});
	assert.match(accepter.chat.at(-1)!.text, /^The caller's key is known here as ada\.example:5000/);
	// Every address this machine dialled the key at is a name in known_peers: the note names the
	// newest two and counts the rest, however many calls made the list.
	const many = Array.from({length: 12}, (_, i) => `10.0.0.${i + 1}:3223`);
	const [often] = run(initialCallState('listen', 'test'), {
		type: 'call-started',
		protocol: 'v2',
		address: '127.0.0.1:40000',
		security: {...encrypted, peerKey: 'unchecked', peerKnownAs: many},
	});
	assert.equal(
		often.chat.at(-1)!.text,
		"The caller's key is known here as 10.0.0.12:3223, 10.0.0.11:3223 and 10 others (known_peers).",
	);
	// A call by invite code: the code is the secret, and the peer is no caller of ours.
	const [joiner] = run(initialCallState('call', 'test', 'via relay 127.0.0.1:4511', {singleUse: true}), {
		type: 'call-started',
		protocol: 'v2',
		address: '127.0.0.1:4511',
		security: {...encrypted, verifiedBySecret: true, peerKey: 'unchecked', peerKnownAs: ['127.0.0.1:3223']},
	});
	const joinerNotes = joiner.chat.map((line) => line.text);
	assert.ok(
		joinerNotes.includes('Code verified: the other side has the same invite code.'),
		joinerNotes.join('\n'),
	);
	assert.ok(
		!joinerNotes.some((text) => /Secret verified|The caller's key/.test(text)),
		joinerNotes.join('\n'),
	);
	assert.match(joinerNotes.at(-1)!, /^The key of .* is known here as 127\.0\.0\.1:3223 \(known_peers\)\.$/);
	const [pinned] = run(initialCallState('call', 'test', 'h:1'), {
		type: 'call-started',
		protocol: 'v2',
		security: {...encrypted, peerKey: 'pinned'},
	});
	assert.match(pinned.chat.at(-1)!.text, /matches --peer-key/);
});

test('a changed key: the screen asks; only y accepts; n, q, Esc and the timeout refuse; Ctrl+C refuses and quits', () => {
	const asking = run(
		initialCallState('call', 'test', '10.0.0.9:5000'),
		{type: 'call-state', state: 'handshaking'},
		{type: 'key-change', change},
	)[0];
	assert.deepEqual(asking.keyChange, change);
	assert.match(statusText(asking), /the key of 10\.0\.0\.9:5000 has changed: y accept · n refuse/);
	// Other keys do nothing: no chat, no help, no quit while the question is open.
	for (const other of [key('p'), key('?'), key('', {tab: true}), key('x'), key('', {return: true})]) {
		const [same, effects] = run(asking, other);
		assert.equal(same, asking);
		assert.deepEqual(effects, []);
	}
	const [accepted, yes] = run(asking, key('y'));
	assert.equal(accepted.keyChange, undefined);
	assert.deepEqual(yes[0], {type: 'answer-key-change', accept: true});
	for (const refuse of [
		key('n'),
		key('N'),
		key('q'),
		key('', {escape: true}),
		{type: 'key-change-timeout'} as const,
	]) {
		const [refused, no] = run(asking, refuse);
		assert.equal(refused.keyChange, undefined);
		assert.ok(!no.some((effect) => effect.type === 'quit'), 'refusing the key does not quit');
		assert.deepEqual(no[0], {type: 'answer-key-change', accept: false}, JSON.stringify(refuse));
		assert.match(refused.notice ?? '', /refused the changed key/);
	}
	const [, effects] = run(asking, key('c', {ctrl: true}));
	assert.deepEqual(
		effects.map((e) => e.type),
		['answer-key-change', 'layout-changed', 'quit'],
	);
	// A timeout after the answer is nothing; the call ending clears the question.
	assert.deepEqual(run(accepted, {type: 'key-change-timeout'})[1], []);
	const [ended] = run(asking, {type: 'call-ended', reason: 'the peer hung up', failed: true});
	assert.equal(ended.keyChange, undefined);
});

test('the changed-key warning shows both fingerprints, the known_peers file and the keys', () => {
	const [asking] = run(
		initialCallState('call', 'test', '10.0.0.9:5000'),
		{type: 'call-state', state: 'handshaking'},
		{type: 'key-change', change},
	);
	const view = render(<CallScreenView state={asking} size={size} />);
	const frame = view.lastFrame() ?? '';
	assert.match(frame, /WARNING: the key of 10\.0\.0\.9:5000 has changed/);
	assert.ok(frame.includes(`old key: ${change.recorded}`), frame);
	assert.ok(frame.includes(`new key: ${change.presented}`), frame);
	assert.ok(frame.includes(change.knownPeersFile), frame);
	assert.match(frame, /y: accept +n, q or Esc: refuse \(the default\)/);
	assert.match(frame, /y accept the new key · n refuse/);
	view.unmount();
});

test('the listening screen shows the listener warnings and the last refusal in full', () => {
	const [state] = run(
		initialCallState('listen', 'test'),
		{
			type: 'listening',
			addresses: ['192.168.1.20'],
			port: 5000,
			warnings: ['listening on 0.0.0.0 without --secret: anyone who can reach this port can call'],
		},
		{type: 'warning', text: 'listening on 0.0.0.0 without --secret: anyone who can reach this port can call'},
		{
			type: 'notice',
			text: refusalText(
				new ProtocolError(
					'secret-mismatch',
					'call refused: the peer does not know the same secret (or someone is in the middle)',
				),
				'127.0.0.1:4242',
			),
		},
	);
	assert.equal(state.warnings.length, 1);
	const view = render(<CallScreenView state={state} size={size} />);
	const frame = view.lastFrame() ?? '';
	assert.match(
		frame,
		/Warning: listening on 0\.0\.0\.0 without --secret: anyone who can reach this port can call\./,
	);
	assert.match(frame, /Refused a call from 127\.0\.0\.1:4242: the peer does not know the same secret/);
	view.unmount();
});

test('refusals read as plain sentences, one per reason', () => {
	const at = '127.0.0.1:4242';
	const cases: Array<[ProtocolError, RegExp]> = [
		[
			new ProtocolError('busy', 'busy: already in a call'),
			/^127\.0\.0\.1:4242 called during this call: told it you are busy\.$/,
		],
		[
			new ProtocolError(
				'secret-mismatch',
				'call refused: the peer requires a shared secret; call again with --secret',
			),
			/^Refused a call from 127\.0\.0\.1:4242: the peer requires a shared secret; call again with --secret\.$/,
		],
		[
			new ProtocolError('not-encrypted', 'refused a seed-format caller: encryption is required'),
			/^Refused a call from .*: it could not be encrypted \(refused a seed-format caller: encryption is required\)\.$/,
		],
		[
			new ProtocolError(
				'peer-key-mismatch',
				"call refused: the peer's key is SHA256:a, not SHA256:b as --peer-key requires",
			),
			/^Refused a call from .*: the peer's key is SHA256:a, not SHA256:b as --peer-key requires\.$/,
		],
		[
			new ProtocolError('tls', 'the encrypted connection failed: wrong version'),
			/^Refused a call from .*: the encrypted connection failed: wrong version\.$/,
		],
		[
			new ProtocolError('timeout', 'the peer did not finish the TLS handshake within 5 s'),
			/^Dropped a call from .*: the peer did not finish the TLS handshake within 5 s\.$/,
		],
	];
	for (const [error, expected] of cases) assert.match(refusalText(error, at), expected);
});
