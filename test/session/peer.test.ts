/** Who the peer is, as the session layer tells it: its display name (v2 hello) and its address. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	cleanName,
	decodeV2Payload,
	encodeV2,
	helloAgent,
	messageType,
	nameFromAgent,
	V2Parser,
	v2HeaderBytes,
	v2MaxNameBytes,
} from '../../source/protocol/v2.js';
import type {Call, CallOptions} from '../../source/session/call.js';
import {dial, listen, type Listener} from '../../source/session/connect.js';
import {
	cleanupsAfterFile,
	ended,
	feed,
	feedListener,
	loopbackListener,
	nextCall,
	patternFrame,
	reached,
} from './helpers.js';

const cleanups = cleanupsAfterFile();

const listener = (options: CallOptions = {}) => loopbackListener(cleanups, options);

async function call(
	l: Listener,
	callerOptions: CallOptions = {},
	host = '127.0.0.1',
	started?: (caller: Call) => void,
): Promise<{caller: Call; accepter: Call}> {
	const accepted = nextCall(l);
	const caller = dial(host, l.port, callerOptions);
	cleanups.push(() => caller.hangUp());
	started?.(caller);
	const accepter = await accepted;
	cleanups.push(() => accepter.hangUp());
	await Promise.all([reached(caller, 'in-call'), reached(accepter, 'in-call')]);
	return {caller, accepter};
}

test('hello carries the display name in its agent; without one the agent is what it always was', () => {
	assert.equal(helloAgent(), 'facetty');
	assert.equal(helloAgent(''), 'facetty');
	assert.equal(helloAgent('  '), 'facetty');
	assert.equal(helloAgent('Ada'), 'facetty\nname=Ada');
	assert.equal(nameFromAgent('facetty\nname=Ada'), 'Ada');
	assert.equal(nameFromAgent('facetty'), undefined);
	assert.equal(nameFromAgent('attacker'), undefined);
	assert.equal(nameFromAgent('facetty\nname='), undefined);
	// A name cannot move the cursor or reorder text on the receiver's screen.
	assert.equal(nameFromAgent('x\nname=\x1b[2J\x1b]0;owned\x07Eve\u202e\r\nname=2'), 'Eve');
	// Tabs and line breaks are spaces; other controls, bidi and zero-width characters are dropped.
	assert.equal(cleanName('\u0000a\tb\u0085c\u2066d\u200be'), 'a b cde');
});

test('the longest name still fits the hello limit old facetty peers enforce, cut at a character boundary', () => {
	const long = 'é'.repeat(200);
	const agent = helloAgent(long);
	const name = nameFromAgent(agent)!;
	assert.equal(Buffer.byteLength(name), v2MaxNameBytes);
	assert.equal(name, 'é'.repeat(v2MaxNameBytes / 2));
	const emoji = helloAgent('🙂'.repeat(40));
	assert.ok(Buffer.byteLength(nameFromAgent(emoji)!) <= v2MaxNameBytes);
	assert.doesNotMatch(nameFromAgent(emoji)!, /\uFFFD/);
	const bytes = encodeV2({type: 'hello', version: 2, capabilities: 63, agent});
	// 6..134 bytes of payload is what every v2 parser (including the first release) accepts.
	assert.ok(bytes.length - v2HeaderBytes <= 134);
	const [hello] = new V2Parser().push(bytes);
	assert.deepEqual(hello, decodeV2Payload(messageType.hello, bytes.subarray(v2HeaderBytes)));
	assert.equal(hello?.type === 'hello' && hello.agent, agent);
});

test('v2: each side gets the name the other gave and the address it is connected to', async () => {
	const l = await listener({name: 'Listener Lee'});
	const {caller, accepter} = await call(l, {name: 'Caller\x1b[31m Cat'});
	assert.equal(caller.peerName, 'Listener Lee');
	assert.equal(accepter.peerName, 'Caller Cat');
	assert.equal(caller.remoteAddress, `127.0.0.1:${l.port}`);
	assert.match(accepter.remoteAddress ?? '', /^127\.0\.0\.1:\d+$/);
	assert.notEqual(accepter.remoteAddress, caller.remoteAddress);
	caller.hangUp();
	await ended(accepter);
});

test('v2 without names: peerName stays undefined; plaintext v2 carries the name too', async () => {
	const l = await listener();
	const first = await call(l);
	assert.equal(first.caller.peerName, undefined);
	assert.equal(first.accepter.peerName, undefined);
	first.caller.hangUp();
	await ended(first.accepter);
	const second = await call(l, {plaintext: true, name: 'Plain'});
	assert.equal(second.caller.security.encrypted, false);
	assert.equal(second.accepter.peerName, 'Plain');
	second.caller.hangUp();
	await ended(second.accepter);
});

test('IPv6 loopback addresses come in brackets', async (t) => {
	let l: Listener;
	try {
		l = await listen({host: '::1', port: 0});
	} catch (error) {
		t.skip(`no IPv6 loopback here: ${String(error)}`);
		return;
	}
	cleanups.push(() => l.close());
	const {caller, accepter} = await call(l, {}, '::1');
	assert.equal(caller.remoteAddress, `[::1]:${l.port}`);
	assert.match(accepter.remoteAddress ?? '', /^\[::1\]:\d+$/);
	caller.hangUp();
	await ended(accepter);
});

test('the seed format has no name; the address is still known', async () => {
	const l = await listener({name: 'Lee', seedShape: {width: 8, height: 6}});
	// A seed call is live once each side has the other's first frame.
	const stopListener = feedListener(l, (i) => patternFrame(8, 6, i));
	cleanups.push(stopListener);
	const {caller, accepter} = await call(
		l,
		{protocol: 'seed', name: 'Cat', seedShape: {width: 8, height: 6}},
		'127.0.0.1',
		(c) => cleanups.push(feed(c, (i) => patternFrame(8, 6, i))),
	);
	assert.equal(caller.protocol, 'seed');
	assert.equal(caller.peerName, undefined);
	assert.equal(accepter.peerName, undefined);
	assert.equal(caller.remoteAddress, `127.0.0.1:${l.port}`);
	assert.match(accepter.remoteAddress ?? '', /^127\.0\.0\.1:\d+$/);
	caller.hangUp();
	await ended(accepter);
});
