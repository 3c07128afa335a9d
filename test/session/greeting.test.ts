/**
 * What a caller says when the address it called is not a facetty listener: a facetty relay is
 * recognized by its answer to the caller's first bytes (at once, not after a timeout), an SSH
 * server by its banner, anything else by what it sent or by its silence.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {dial} from '../../source/session/connect.js';
import {startRelay} from '../../source/relay/server.js';
import {ended} from './helpers.js';

/** A server on loopback that does `onSocket` with each connection; closed after the test. */
async function server(onSocket: (socket: net.Socket) => void): Promise<{port: number; close(): void}> {
	const sockets = new Set<net.Socket>();
	const srv = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		onSocket(socket);
	});
	await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
	return {
		port: (srv.address() as net.AddressInfo).port,
		close: () => {
			for (const socket of sockets) socket.destroy();
			srv.close();
		},
	};
}

test('calling a facetty relay says so, and how to use it, without waiting out the greeting', async () => {
	// Long deadlines both ways: only the relay's prompt answer ends this call before them.
	const relay = await startRelay({host: '127.0.0.1', port: 0, limits: {requestTimeoutMs: 60_000}});
	try {
		const call = dial('127.0.0.1', relay.port, {handshakeTimeoutMs: 30_000});
		const end = await ended(call, 20_000);
		const where = `127.0.0.1:${relay.port}`;
		assert.equal(
			end.reason,
			`${where} is a facetty relay: use facetty invite --relay ${where} here, ` +
				`and facetty join CODE --relay ${where} on the other side`,
		);
	} finally {
		await relay.close();
	}
});

test('an SSH server, or any server that answers with something else, is named in a sentence', async () => {
	for (const [banner, expected] of [
		['SSH-2.0-OpenSSH_9.2\r\n', /^127\.0\.0\.1:\d+ is an SSH server, not facetty: is this the wrong port\?$/],
		['\x1b[2J220 mail\r\n', /^127\.0\.0\.1:\d+ answered "\?\[2J", not facetty's greeting: it is not facetty/],
	] as const) {
		const other = await server((socket) => socket.write(banner));
		try {
			const end = await ended(dial('127.0.0.1', other.port, {handshakeTimeoutMs: 30_000}), 20_000);
			assert.match(end.reason, expected);
		} finally {
			other.close();
		}
	}
});

test('a server that says nothing is not facetty (a listener greets at once) or the wrong port', async () => {
	const silent = await server(() => undefined);
	try {
		const end = await ended(dial('127.0.0.1', silent.port, {handshakeTimeoutMs: 300}), 20_000);
		assert.match(
			end.reason,
			/^127\.0\.0\.1:\d+ said nothing for 0\.3 s: it is not a facetty listener \(one greets at once\), or this is the wrong port$/,
		);
	} finally {
		silent.close();
	}
});

test('an accepter whose "done" and answer arrive in one read still gets the TLS handshake at once', async () => {
	// The caller's FTYS goes out before the greeting, so an accepter may answer both in one write.
	let answered: (byte: number) => void = () => undefined;
	const first = new Promise<number>((resolve) => (answered = resolve));
	const accepter = await server((socket) => {
		let got = Buffer.alloc(0);
		socket.on('data', (chunk: Buffer) => {
			got = Buffer.concat([got, chunk]);
			if (got.length === 4 && got.toString() === 'FTYS') socket.write('doneFTYS');
			if (got.length > 4) answered(got[4]!);
		});
		socket.on('close', () => answered(-1));
	});
	try {
		const call = dial('127.0.0.1', accepter.port, {secret: 'blue kettle', handshakeTimeoutMs: 3000});
		call.on('error', () => undefined);
		const end = ended(call, 20_000);
		// 0x16: a TLS handshake record, the ClientHello.
		assert.equal(await first, 0x16);
		await end;
	} finally {
		accepter.close();
	}
});

test('a caller turned away with FULL or WAIT says what happened, with or without a secret', async () => {
	for (const [reply, sentence] of [
		['FULL', /turned the call away: it already holds as many unfinished connections as it takes/],
		['WAIT', /turned the call away: too many wrong secrets were tried lately/],
	] as const) {
		const accepter = await server((socket) => {
			socket.write('done');
			socket.once('data', () => socket.end(reply));
		});
		for (const options of [{}, {secret: 'x'}]) {
			const end = await ended(dial('127.0.0.1', accepter.port, options));
			assert.equal((end.error as {code?: string}).code, 'too-many', end.reason);
			assert.match(end.reason, sentence);
			assert.doesNotMatch(end.reason, /will not speak encrypted v2/);
		}
		accepter.close();
	}
});
