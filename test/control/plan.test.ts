/**
 * The command line as one call plan: each row is what a user types and the plan it makes, then
 * what the session is given of it.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {callPlan, parseCommandLine, type CallCommand, type Flags} from '../../source/command-line.js';
import {sessionOptions, type CallPlan} from '../../source/control/plan.js';

const defaults: Flags = {
	host: '0.0.0.0',
	port: '3223',
	protocol: 'auto',
	window: false,
	pace: true,
	loop: false,
};
const fingerprint = 'SHA256:' + Buffer.alloc(32, 7).toString('base64').replace(/=+$/, '');
const hexFingerprint = Buffer.alloc(32, 7).toString('hex');

/** Every field a plan has when no flag is given. */
const plain = {
	camera: '0',
	protocol: 'auto',
	quality: undefined,
	stats: undefined,
	seconds: undefined,
	window: false,
	name: undefined,
	secret: undefined,
	requireEncryption: false,
	peerKey: undefined,
	color: undefined,
	glyphs: undefined,
	threshold: undefined,
	size: undefined,
	configDir: '/cfg',
} as const;

const rows: Array<{typed: string[]; flags?: Partial<Flags>; plan: CallPlan}> = [
	{typed: ['listen'], plan: {...plain, role: 'listen', host: '0.0.0.0', port: 3223}},
	{
		typed: ['listen'],
		flags: {
			host: '127.0.0.1',
			port: '6000',
			camera: 'test',
			secret: 'pass',
			name: 'ann',
			quality: 80,
			stats: 's.jsonl',
		},
		plan: {
			...plain,
			role: 'listen',
			host: '127.0.0.1',
			port: 6000,
			camera: 'test',
			secret: 'pass',
			name: 'ann',
			quality: 80,
			stats: 's.jsonl',
		},
	},
	// A key given with spaces around it, or in hex, is kept in its canonical form.
	{
		typed: ['listen'],
		flags: {secret: 's', peerKey: ` ${fingerprint} `},
		plan: {...plain, role: 'listen', host: '0.0.0.0', port: 3223, secret: 's', peerKey: fingerprint},
	},
	{
		typed: ['call', 'h:1'],
		flags: {secret: 'blue kettle', requireEncryption: true, peerKey: hexFingerprint},
		plan: {
			...plain,
			role: 'call',
			target: 'h:1',
			secret: 'blue kettle',
			requireEncryption: true,
			peerKey: fingerprint,
		},
	},
	// The v2 protocol forced by hand is fine with every trust flag.
	{
		typed: ['call', 'h:1'],
		flags: {protocol: 'v2', requireEncryption: true},
		plan: {...plain, role: 'call', target: 'h:1', protocol: 'v2', requireEncryption: true},
	},
	// Without a port, facetty's default one.
	{typed: ['call', 'example.org'], plan: {...plain, role: 'call', target: 'example.org:3223'}},
	{typed: ['call', 'nohost'], plan: {...plain, role: 'call', target: 'nohost:3223'}},
	{typed: ['call', '[::1]'], plan: {...plain, role: 'call', target: '[::1]:3223'}},
	{typed: ['call', 'example.org:80'], plan: {...plain, role: 'call', target: 'example.org:80'}},
	{
		typed: ['call', '[::1]:5000'],
		flags: {quality: 70, stats: 's.jsonl', seconds: 3, peerKey: fingerprint, requireEncryption: true},
		plan: {
			...plain,
			role: 'call',
			target: '[::1]:5000',
			quality: 70,
			stats: 's.jsonl',
			seconds: 3,
			peerKey: fingerprint,
			requireEncryption: true,
		},
	},
	{
		typed: ['call', 'h:1'],
		flags: {protocol: 'seed', color: '256', glyphs: 'quad', threshold: 9, window: true},
		plan: {
			...plain,
			role: 'call',
			target: 'h:1',
			protocol: 'seed',
			color: '256',
			glyphs: 'quad',
			threshold: 9,
			window: true,
		},
	},
	{typed: ['invite'], plan: {...plain, role: 'invite', relay: undefined}},
	{
		typed: ['invite'],
		flags: {relay: 'relay.example'},
		plan: {...plain, role: 'invite', relay: 'relay.example'},
	},
	{
		typed: ['join', '42-kettle-violet-orbit'],
		flags: {relay: 'r:9', name: 'bo'},
		plan: {...plain, role: 'join', code: '42-kettle-violet-orbit', relay: 'r:9', name: 'bo'},
	},
];

test('the command line makes one call plan', () => {
	for (const {typed, flags, plan} of rows) {
		const command = parseCommandLine(typed, {...defaults, ...flags}) as CallCommand;
		assert.deepEqual({...callPlan(command, '/cfg')}, plan, typed.join(' '));
	}
});

test('a plan gives the session its options, and what runs the call adds its own', () => {
	const plan = callPlan(
		parseCommandLine(['call', 'h:1'], {
			...defaults,
			quality: 60,
			stats: 'x',
			secret: 's',
			name: 'n',
		}) as CallCommand,
		'/cfg',
	);
	assert.deepEqual(sessionOptions(plan), {
		protocol: 'auto',
		quality: 60,
		statsFile: 'x',
		name: 'n',
		secret: 's',
		requireEncryption: false,
		peerKey: undefined,
		configDir: '/cfg',
	});
	// Tests and the demo leave nearly everything out: auto, no identity kept.
	assert.deepEqual(sessionOptions({}, {shownSize: {width: 8, height: 6}}), {
		protocol: 'auto',
		quality: undefined,
		statsFile: undefined,
		name: undefined,
		secret: undefined,
		requireEncryption: undefined,
		peerKey: undefined,
		configDir: undefined,
		shownSize: {width: 8, height: 6},
	});
});
