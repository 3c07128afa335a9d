/**
 * Recognising what answered a connection: the peer's 4-byte greeting, or a sentence saying what
 * answered instead (a facetty relay, an SSH server, other bytes, nothing); an accepter turning the
 * caller away (BUSY, FULL, WAIT); the peer's shape message, far enough to see whether it announced
 * itself as facetty. The greeting's two sides (caller-greeting.ts, accepter-greeting.ts) use these.
 */
import type {Duplex} from 'node:stream';
import {ProtocolError} from '../protocol/errors.js';
import {
	busyReply,
	bytesEqual,
	fullReply,
	handshakeLength,
	seedGreeting,
	waitReply,
} from '../protocol/handshake.js';
import {classifyShapeMessage} from '../protocol/seed.js';
import {maxLineBytes, parseReply} from '../relay/rendezvous.js';
import {quoteBytes} from '../text/sanitize.js';
import {PeerClosedError, readExactly, readUntil} from './read.js';

/** What the accepter meant by turning the caller away with FULL or WAIT (handshake.ts), as a sentence. */
export function turnedAway(bytes: Uint8Array, name: string | undefined): ProtocolError | undefined {
	const who = name ?? 'the peer';
	if (bytesEqual(bytes, fullReply)) {
		return new ProtocolError(
			'too-many',
			`${who} turned the call away: it already holds as many unfinished connections as it takes ` +
				'(someone may be flooding it); try again in a minute',
		);
	}
	if (bytesEqual(bytes, waitReply)) {
		return new ProtocolError(
			'too-many',
			`${who} turned the call away: too many wrong secrets were tried lately (from this address ` +
				'or from everywhere); wait a minute, and check --secret',
		);
	}
	return undefined;
}

/**
 * Reads the peer's shape message far enough to tell whether it announced itself. Nothing is
 * consumed for good: the bytes are returned to be parsed again by the seed link, or (after the
 * announcement) handed to TLS.
 */
export function readShapeMessage(
	socket: Duplex,
	initial: Buffer,
	timeoutMs: number,
	graceMs: number,
): Promise<{announcedEnd: number | undefined; bytes: Buffer}> {
	return new Promise((resolve, reject) => {
		let bytes = initial;
		let grace: NodeJS.Timeout | undefined;
		const cleanup = () => {
			clearTimeout(timer);
			clearTimeout(grace);
			socket.off('data', onData);
			socket.off('close', onClose);
			socket.off('end', onClose);
			socket.off('error', onError);
			socket.pause();
		};
		const settle = (announcedEnd: number | undefined) => {
			cleanup();
			resolve({announcedEnd, bytes});
		};
		const look = () => {
			if (bytes.length >= 4 && bytesEqual(bytes.subarray(0, 4), busyReply)) {
				cleanup();
				reject(new ProtocolError('busy', 'busy: the peer is in another call'));
				return;
			}
			const away = bytes.length >= 4 ? turnedAway(bytes.subarray(0, 4), undefined) : undefined;
			if (away) {
				cleanup();
				reject(away);
				return;
			}
			const kind = classifyShapeMessage(bytes);
			clearTimeout(grace);
			if (kind.kind === 'announced') settle(kind.end);
			else if (kind.kind === 'plain') settle(undefined);
			else if (bytes.length > 0) grace = setTimeout(() => settle(undefined), graceMs);
		};
		const onData = (chunk: Buffer) => {
			bytes = Buffer.concat([bytes, chunk]);
			look();
		};
		const onClose = () => {
			cleanup();
			reject(new PeerClosedError('the peer closed the connection during the shape exchange'));
		};
		const onError = (error: NodeJS.ErrnoException) => {
			cleanup();
			reject(
				new PeerClosedError(
					`the peer reset the connection during the shape exchange (${error.code ?? error.message})`,
				),
			);
		};
		const timer = setTimeout(() => {
			cleanup();
			reject(new ProtocolError('timeout', `the peer sent no frame shape within ${timeoutMs / 1000} s`));
		}, timeoutMs);
		socket.on('data', onData);
		socket.on('close', onClose);
		socket.on('end', onClose);
		socket.on('error', onError);
		look();
		socket.resume();
	});
}

/** Where a caller said it dialled, for sentences about what answered there. */
function dialled(name: string | undefined): string {
	return name ?? 'the address called';
}

/**
 * The accepter's `done`, or a sentence saying what answered instead: a facetty relay (it refuses
 * the caller's first bytes with an `err` line at once, docs/protocol.md "Relay"), an SSH server,
 * something else, or nothing at all.
 */
export async function readGreeting(
	socket: Duplex,
	timeoutMs: number,
	name: string | undefined,
): Promise<{bytes: Buffer; rest: Buffer}> {
	let greeting: {bytes: Buffer; rest: Buffer};
	try {
		greeting = await readExactly(socket, handshakeLength, timeoutMs);
	} catch (error) {
		if (error instanceof ProtocolError && error.code === 'timeout') {
			throw new ProtocolError(
				'timeout',
				`${dialled(name)} said nothing for ${timeoutMs / 1000} s: it is not a facetty listener ` +
					'(one greets at once), or this is the wrong port',
			);
		}
		throw error;
	}
	if (bytesEqual(greeting.bytes, seedGreeting)) return greeting;
	throw new ProtocolError('bad-handshake', await describeStranger(socket, greeting, name));
}

/** What the first bytes of a server that is not facetty say it is, as a sentence. */
async function describeStranger(
	socket: Duplex,
	first: {bytes: Buffer; rest: Buffer},
	name: string | undefined,
): Promise<string> {
	const where = dialled(name);
	const start = first.bytes.toString('latin1');
	if (start === 'err ') {
		// The rest of the relay's line: it ends it with \n and closes, within a round trip.
		const line = await readUntil(
			socket,
			(chunk) => {
				first = {bytes: first.bytes, rest: Buffer.concat([first.rest, chunk])};
				return first.rest.includes(0x0a) || first.rest.length >= maxLineBytes ? true : undefined;
			},
			1000,
		).then(
			() => first.rest,
			() => first.rest,
		);
		const end = line.indexOf(0x0a);
		const reply = parseReply(`err ${line.subarray(0, end < 0 ? line.length : end).toString('latin1')}`);
		if ('kind' in reply && reply.kind === 'err' && reply.code !== 'unknown') {
			const relay = name ?? 'HOST:PORT';
			return (
				`${where} is a facetty relay: use facetty invite --relay ${relay} here, ` +
				`and facetty join CODE --relay ${relay} on the other side`
			);
		}
	}
	if (start === 'SSH-') return `${where} is an SSH server, not facetty: is this the wrong port?`;
	return (
		`${where} answered "${quoteBytes(start, handshakeLength)}", not facetty's greeting: it is not ` +
		'facetty (nor the original script), or this is the wrong port'
	);
}
