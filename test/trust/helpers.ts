import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type tls from 'node:tls';
import {ephemeralIdentity} from '../../source/trust/identity.js';
import {readExactly} from '../../source/session/read.js';
import {startTls} from '../../source/session/secure.js';

export function tempConfigDir(cleanups: Array<() => unknown>, name = 'facetty-trust-'): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), name));
	cleanups.push(() => fs.rmSync(dir, {recursive: true, force: true}));
	return path.join(dir, 'facetty');
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
			const downTls = await startTls(down, 'accepter', ephemeralIdentity(), rest, 5000);
			const up = net.connect(target, '127.0.0.1');
			sockets.add(up);
			up.on('error', () => undefined);
			up.pause();
			await new Promise((resolve) => up.once('connect', resolve));
			const greeting = await readExactly(up, 4, 5000);
			up.write('FTYS');
			const answer = await readExactly(up, 4, 5000);
			const upTls = await startTls(up, 'caller', ephemeralIdentity(), answer.rest, 5000);
			sockets.add(downTls);
			sockets.add(upTls);
			void greeting;
			downTls.on('error', () => undefined);
			upTls.on('error', () => undefined);
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
