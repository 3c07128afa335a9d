import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type tls from 'node:tls';
import {ephemeralIdentity} from '../../source/trust/identity.js';
import {readExactly} from '../../source/session/read.js';
import {startTls} from '../../source/session/secure.js';
import {tlsConnect} from '../hostile/attacks.js';

export function tempConfigDir(cleanups: Array<() => unknown>, name = 'facetty-trust-'): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), name));
	cleanups.push(() => fs.rmSync(dir, {recursive: true, force: true}));
	return path.join(dir, 'facetty');
}

/**
 * An accepter's start, as a listener would: the greeting, the caller's answer (FTYS, or a default
 * caller's "done" and a shape that announces v2), then TLS (errors swallowed), before any auth.
 */
export async function startTlsAsAccepter(
	down: net.Socket,
	identity = ephemeralIdentity(),
): Promise<tls.TLSSocket> {
	down.write('done');
	const magic = await readExactly(down, 4, 5000);
	let rest = magic.rest;
	if (magic.bytes.toString() === 'done') {
		// A default caller answers as the script would and announces itself in its shape.
		down.write('480 640 F');
		let shape = rest;
		while (!shape.includes('F')) {
			const more = await readExactly(down, 1, 5000);
			shape = Buffer.concat([shape, more.bytes, more.rest]);
		}
		rest = shape.subarray(shape.indexOf('F') + 1);
	} else down.write(magic.bytes);
	const socket = await startTls(down, 'accepter', identity, rest, 5000);
	socket.on('error', () => undefined);
	return socket;
}

/**
 * A man in the middle that speaks facetty on both sides: it accepts the caller (TLS server with
 * its own key), dials the real listener (TLS client with another key) and relays the plaintext.
 */
export async function startRelay(target: number): Promise<{port: number; close: () => Promise<void>}> {
	const sockets = new Set<net.Socket | tls.TLSSocket>();
	const server = net.createServer({pauseOnConnect: true}, (down) => {
		sockets.add(down);
		down.on('error', () => undefined);
		void (async () => {
			const downTls = await startTlsAsAccepter(down);
			sockets.add(downTls);
			const {socket: upTls, raw: up} = await tlsConnect(target);
			sockets.add(up);
			sockets.add(upTls);
			splice(downTls, upTls);
		})().catch(() => down.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as net.AddressInfo).port,
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** Joins two TLS sessions both ways (after writing what each had already read for the other). */
export function splice(a: tls.TLSSocket, b: tls.TLSSocket, aRest?: Buffer, bRest?: Buffer): void {
	if (aRest && aRest.length > 0) b.write(aRest);
	if (bRest && bRest.length > 0) a.write(bRest);
	a.pipe(b);
	b.pipe(a);
	a.resume();
	b.resume();
	a.on('close', () => b.destroy());
	b.on('close', () => a.destroy());
}
