/** Building blocks for attacking a listener: raw sockets, a correct encrypted start, and patience. */
import crypto from 'node:crypto';
import net from 'node:net';
import type tls from 'node:tls';
import {encodeV2, allCapabilities} from '../../source/protocol/v2.js';
import {readExactly} from '../../source/session/read.js';
import {authenticate, startTls} from '../../source/session/secure.js';
import {ephemeralIdentity} from '../../source/trust/identity.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connected, greeting read, paused. */
export async function rawConnect(port: number): Promise<net.Socket> {
	const socket = net.connect(port, '127.0.0.1');
	socket.on('error', () => undefined);
	socket.pause();
	await new Promise((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('error', reject);
	});
	await readExactly(socket, 4, 5000);
	return socket;
}

/**
 * A caller's start after the greeting: FTYS, the echo, TLS (errors swallowed), before any auth
 * message. `pending` is what was read past the greeting, if anything.
 */
export async function startTlsAsCaller(
	raw: net.Socket,
	identity = ephemeralIdentity(),
	pending: Buffer = Buffer.alloc(0),
): Promise<tls.TLSSocket> {
	raw.write('FTYS');
	const echo = await readExactly(raw, 4, 5000);
	const socket = await startTls(raw, 'caller', identity, Buffer.concat([pending, echo.rest]), 5000);
	socket.on('error', () => undefined);
	return socket;
}

/** Connected through FTYS into TLS as a caller, paused, before any auth message. */
export async function tlsConnect(
	port: number,
	identity = ephemeralIdentity(),
): Promise<{socket: tls.TLSSocket; raw: net.Socket}> {
	const raw = await rawConnect(port);
	return {socket: await startTlsAsCaller(raw, identity), raw};
}

/** Through FTYS, TLS and the auth message (with the right secret if given): what the v2 parser sees next is ours. */
export async function secureConnect(
	port: number,
	secret?: string,
): Promise<{socket: tls.TLSSocket; raw: net.Socket}> {
	const {socket, raw} = await tlsConnect(port);
	await authenticate(socket, 'caller', ephemeralIdentity(), secret, 5000).catch(() => undefined);
	return {socket, raw};
}

export const hello = () =>
	encodeV2({type: 'hello', version: 2, capabilities: allCapabilities, agent: 'attacker'});

export function header(type: number, length: number): Buffer {
	const out = Buffer.alloc(5);
	out[0] = type;
	out.writeUInt32BE(length >>> 0, 1);
	return out;
}

export const random = (n: number) => crypto.randomBytes(n);

/**
 * Resolves when the socket is closed (by the listener, usually); bounded, generously: after a
 * flood a loaded listener may take seconds to read what is queued, and closing first would cut
 * the stream mid-message (the listener would rightly report that instead).
 */
export function closed(socket: net.Socket | tls.TLSSocket, ms = 20_000): Promise<void> {
	return new Promise((resolve) => {
		if (socket.destroyed) return resolve();
		const timer = setTimeout(() => {
			socket.destroy();
			resolve();
		}, ms);
		socket.on('close', () => {
			clearTimeout(timer);
			resolve();
		});
		socket.resume();
	});
}

/**
 * The attacker hangs up once all it wrote has left for the listener, then waits for the close. A
 * plain `end()` followed by `closed()` could destroy the socket with bytes still queued when the
 * listener reads slowly (a loaded machine), which the listener rightly reports as a connection
 * closed mid-message rather than the ordinary end the case expects.
 */
export async function hangUpAfterWriting(socket: net.Socket | tls.TLSSocket, ms = 30_000): Promise<void> {
	await Promise.race([
		new Promise<void>((resolve) => socket.end(resolve)),
		new Promise<void>((resolve) => socket.once('close', () => resolve())),
		sleep(ms),
	]);
	await closed(socket);
}

/** Writes without waiting for the peer to read (a flood); stops at `bytes` or when the socket closes. */
/** Waits for 'drain' or 'close' (or `ms`), then removes both listeners: a flood waits thousands of times. */
function drainedOrClosed(socket: net.Socket | tls.TLSSocket, ms: number): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			socket.off('drain', done);
			socket.off('close', done);
			resolve();
		};
		const timer = setTimeout(done, ms);
		socket.once('drain', done);
		socket.once('close', done);
	});
}

export async function flood(socket: net.Socket | tls.TLSSocket, chunk: Buffer, bytes: number): Promise<void> {
	let written = 0;
	while (written < bytes && !socket.destroyed) {
		const ok = socket.write(chunk);
		written += chunk.length;
		if (!ok) {
			await drainedOrClosed(socket, 3000);
			if (socket.writableLength > 0 && !socket.writableNeedDrain) continue;
			if (socket.writableNeedDrain) return; // the listener stopped reading us: it hung up or will
		}
	}
}

/** One guess from `localAddress`: 'checked' if the listener ran the secret check, else what stopped it. */
export async function guessOnce(port: number, localAddress: string, secret: string): Promise<string> {
	const raw = net.connect({port, host: '127.0.0.1', localAddress});
	raw.on('error', () => undefined);
	raw.pause();
	try {
		await new Promise((resolve, reject) => {
			raw.once('connect', resolve);
			raw.once('error', reject);
		});
		// As a caller does: its magic at once, then the greeting and the answer to the magic.
		raw.write('FTYS');
		const answer = await readExactly(raw, 8, 5000);
		const said = answer.bytes.toString('latin1').slice(4);
		if (said !== 'FTYS') return said;
		const initial = answer.rest;
		const identity = ephemeralIdentity();
		const socket = await startTls(raw, 'caller', identity, initial, 5000);
		socket.on('error', () => undefined);
		try {
			await authenticate(socket, 'caller', identity, secret, 5000);
			return 'right';
		} catch (error) {
			return (error as {code?: string}).code === 'secret-mismatch' ? 'checked' : 'hung up';
		}
	} catch {
		return 'hung up';
	} finally {
		raw.destroy();
	}
}
