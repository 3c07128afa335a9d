/** Reading a fixed number of bytes from a socket during a handshake, with a deadline. */
import type {Duplex} from 'node:stream';
import {ProtocolError} from '../protocol/errors.js';

export class PeerClosedError extends Error {
	override name = 'PeerClosedError';
}

/** Reads exactly n bytes, then pauses the socket so nothing is lost before the next reader. */
export function readExactly(
	socket: Duplex,
	n: number,
	timeoutMs: number,
	during = 'the greeting',
): Promise<{bytes: Buffer; rest: Buffer}> {
	return new Promise((resolve, reject) => {
		let got = Buffer.alloc(0);
		const cleanup = () => {
			clearTimeout(timer);
			socket.off('data', onData);
			socket.off('close', onClose);
			socket.off('end', onClose);
			socket.off('error', onError);
		};
		const onData = (chunk: Buffer) => {
			got = Buffer.concat([got, chunk]);
			if (got.length < n) return;
			socket.pause();
			cleanup();
			resolve({bytes: got.subarray(0, n), rest: got.subarray(n)});
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
