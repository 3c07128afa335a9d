/** Reading a fixed number of bytes from a socket during a handshake, with a deadline. */
import type {Duplex} from 'node:stream';
import {ProtocolError} from '../protocol/errors.js';

export class PeerClosedError extends Error {
	override name = 'PeerClosedError';
}

/**
 * Reads from a socket until `take` makes something of what arrived (it is handed each chunk and
 * returns undefined while it needs more; it may throw to refuse), then pauses the socket so nothing
 * is lost before the next reader. The deadline covers the whole read, and a close or reset says
 * what it interrupted.
 */
export function readUntil<T>(
	socket: Duplex,
	take: (chunk: Buffer) => T | undefined,
	timeoutMs: number,
	during = 'the greeting',
): Promise<T> {
	return new Promise((resolve, reject) => {
		const cleanup = () => {
			clearTimeout(timer);
			socket.off('data', onData);
			socket.off('close', onClose);
			socket.off('end', onClose);
			socket.off('error', onError);
		};
		const onData = (chunk: Buffer) => {
			let result: T | undefined;
			try {
				result = take(chunk);
			} catch (error) {
				socket.pause();
				cleanup();
				reject(error as Error);
				return;
			}
			if (result === undefined) return;
			socket.pause();
			cleanup();
			resolve(result);
		};
		const onClose = () => {
			cleanup();
			reject(new PeerClosedError(`the peer closed the connection during ${during}`));
		};
		const onError = (error: NodeJS.ErrnoException) => {
			cleanup();
			const reset = error.code === 'ECONNRESET' || error.code === 'EPIPE';
			reject(reset ? new PeerClosedError(`the peer reset the connection during ${during}`) : error);
		};
		const timer = setTimeout(() => {
			cleanup();
			reject(
				new ProtocolError('timeout', `the peer said nothing for ${timeoutMs / 1000} s during ${during}`),
			);
		}, timeoutMs);
		socket.on('data', onData);
		socket.on('close', onClose);
		socket.on('end', onClose);
		socket.on('error', onError);
		socket.resume();
	});
}

/** Reads exactly n bytes (and whatever came with them, as `rest`). */
export function readExactly(
	socket: Duplex,
	n: number,
	timeoutMs: number,
	during = 'the greeting',
): Promise<{bytes: Buffer; rest: Buffer}> {
	let got = Buffer.alloc(0);
	return readUntil(
		socket,
		(chunk) => {
			got = Buffer.concat([got, chunk]);
			return got.length < n ? undefined : {bytes: got.subarray(0, n), rest: got.subarray(n)};
		},
		timeoutMs,
		during,
	);
}
