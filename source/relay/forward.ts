import type net from 'node:net';

/**
 * Bytes from `from` to `to`, pausing `from` while `to` is over its high-water mark. An end is
 * passed on (half-close); a close or an error ends the call both ways, after what was written.
 */
export function forward(
	from: net.Socket,
	to: net.Socket,
	onBytes: (n: number) => void,
	finish: (graceful: boolean) => void,
): void {
	from.on('data', (chunk: Buffer) => {
		onBytes(chunk.length);
		if (!to.write(chunk)) from.pause();
	});
	to.on('drain', () => from.resume());
	from.once('end', () => to.end());
	from.once('close', () => finish(true));
	from.resume();
}
