/**
 * Getting from a TCP connection to a Call: the 4-byte greeting that tells the seed format from
 * v2, the caller's fallback, and a listener that takes one call at a time and survives anything
 * a peer sends. After the greeting the link only needs a Duplex, so TLS (or any other stream)
 * can be put in between later: a new magic, then the same messages.
 */
import {EventEmitter} from 'node:events';
import net from 'node:net';
import {ProtocolError} from '../protocol/errors.js';
import {
	classifyGreetingReply,
	handshakeLength,
	seedGreeting,
	v2Magic,
	bytesEqual,
} from '../protocol/handshake.js';
import {Call, defaultTimeouts, type CallOptions, type Link, type LinkHost, type Protocol} from './call.js';
import {SeedLink} from './seed-link.js';
import {V2Link} from './v2-link.js';

/** Reads exactly n bytes, then pauses the socket so nothing is lost before the call takes over. */
export function readExactly(
	socket: net.Socket,
	n: number,
	timeoutMs: number,
): Promise<{bytes: Buffer; rest: Buffer}> {
	return new Promise((resolve, reject) => {
		let got = Buffer.alloc(0);
		const cleanup = () => {
			clearTimeout(timer);
			socket.off('data', onData);
			socket.off('close', onClose);
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
			reject(new PeerClosedError('the peer closed the connection during the greeting'));
		};
		const onError = (error: NodeJS.ErrnoException) => {
			cleanup();
			const reset = error.code === 'ECONNRESET' || error.code === 'EPIPE';
			reject(reset ? new PeerClosedError('the peer reset the connection during the greeting') : error);
		};
		const timer = setTimeout(() => {
			cleanup();
			reject(
				new ProtocolError('timeout', `the peer said nothing for ${timeoutMs / 1000} s during the greeting`),
			);
		}, timeoutMs);
		socket.on('data', onData);
		socket.on('close', onClose);
		socket.on('error', onError);
		socket.resume();
	});
}

export class PeerClosedError extends Error {
	override name = 'PeerClosedError';
}

function linkFor(protocol: Protocol, call: Call): (host: LinkHost) => Link {
	return protocol === 'v2' ? (host) => new V2Link(host) : (host) => new SeedLink(host, call.role);
}

export type ListenOptions = CallOptions & {host?: string; port?: number};

export type ListenerEvents = {
	call: [call: Call];
	/** A connection that failed the greeting (garbage, silence, wrong format); the listener goes on. */
	rejected: [error: Error, address: string];
	listening: [];
};

export class Listener extends EventEmitter<ListenerEvents> {
	active: Call | undefined;
	private readonly server: net.Server;

	constructor(readonly options: ListenOptions = {}) {
		super();
		this.server = net.createServer({pauseOnConnect: true}, (socket) => void this.accept(socket));
	}

	get port(): number {
		const address = this.server.address();
		return typeof address === 'object' && address ? address.port : 0;
	}

	start(): Promise<this> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port ?? 5000, this.options.host, () => {
				this.server.off('error', reject);
				this.emit('listening');
				resolve(this);
			});
		});
	}

	close(reason = 'the listener closed'): Promise<void> {
		this.active?.hangUp(reason);
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	private async accept(socket: net.Socket): Promise<void> {
		const address = `${socket.remoteAddress}:${socket.remotePort}`;
		socket.on('error', () => undefined);
		if (this.active) {
			// One call at a time: a second caller is turned away, the first is not disturbed.
			socket.destroy();
			this.emit('rejected', new Error('busy: already in a call'), address);
			return;
		}
		const call = new Call('accepter', this.options);
		this.active = call;
		call.once('ended', () => {
			if (this.active === call) this.active = undefined;
		});
		socket.setNoDelay(true);
		try {
			call.setState('handshaking');
			socket.write(seedGreeting);
			const timeout = this.options.handshakeTimeoutMs ?? defaultTimeouts.handshakeMs;
			const {bytes, rest} = await readExactly(socket, handshakeLength, timeout);
			const reply = classifyGreetingReply(bytes);
			const wanted = this.options.protocol ?? 'auto';
			if (reply === 'unknown' || (wanted !== 'auto' && wanted !== reply)) {
				throw new ProtocolError(
					'bad-handshake',
					`the caller answered ${JSON.stringify(bytes.toString('latin1'))}`,
				);
			}
			if (reply === 'v2') socket.write(v2Magic);
			this.emit('call', call);
			call.attach(socket, reply, linkFor(reply, call), rest);
		} catch (error) {
			socket.destroy();
			const failure = error instanceof Error ? error : new Error(String(error));
			call.fail(failure);
			this.emit('rejected', failure, address);
		}
	}
}

export async function listen(options: ListenOptions = {}): Promise<Listener> {
	return new Listener(options).start();
}

export type DialOptions = CallOptions & {connectTimeoutMs?: number};

/** Starts a call to host:port; the returned Call reports progress and the outcome by events. */
export function dial(host: string, port: number, options: DialOptions = {}): Call {
	const call = new Call('caller', options);
	void negotiate(call, host, port, options).catch((error: unknown) =>
		call.fail(error instanceof Error ? error : new Error(String(error))),
	);
	return call;
}

async function negotiate(call: Call, host: string, port: number, options: DialOptions): Promise<void> {
	const wanted = options.protocol ?? 'auto';
	if (wanted === 'seed') return greet(call, host, port, 'seed', options);
	try {
		await greet(call, host, port, 'v2', options);
	} catch (error) {
		// The seed script hangs up on anything but "done": that is our cue to speak its format.
		if (wanted === 'auto' && error instanceof PeerClosedError && !call.ended) {
			return greet(call, host, port, 'seed', options);
		}
		throw error;
	}
}

async function greet(
	call: Call,
	host: string,
	port: number,
	protocol: Protocol,
	options: DialOptions,
): Promise<void> {
	const socket = await connect(host, port, options.connectTimeoutMs ?? defaultTimeouts.handshakeMs);
	if (call.ended) {
		socket.destroy();
		return;
	}
	call.once('ended', () => socket.destroy());
	const timeout = options.handshakeTimeoutMs ?? defaultTimeouts.handshakeMs;
	try {
		call.setState('handshaking');
		const greeting = await readExactly(socket, handshakeLength, timeout);
		if (!bytesEqual(greeting.bytes, seedGreeting)) {
			throw new ProtocolError(
				'bad-handshake',
				'the peer did not greet with "done": not a facetty or seed accepter',
			);
		}
		let rest = greeting.rest;
		if (protocol === 'seed') {
			socket.write(seedGreeting);
		} else {
			socket.write(v2Magic);
			const answer = await readExactly(socket, handshakeLength, timeout);
			if (!bytesEqual(answer.bytes, v2Magic))
				throw new ProtocolError('bad-handshake', 'the peer did not accept v2');
			rest = Buffer.concat([rest, answer.rest]);
		}
		if (call.ended) return;
		call.attach(socket, protocol, linkFor(protocol, call), rest);
	} catch (error) {
		socket.destroy();
		throw error;
	}
}

function connect(host: string, port: number, timeoutMs: number): Promise<net.Socket> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({host, port});
		socket.pause();
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error(`no answer from ${host}:${port} within ${timeoutMs / 1000} s`));
		}, timeoutMs);
		socket.once('connect', () => {
			clearTimeout(timer);
			socket.setNoDelay(true);
			resolve(socket);
		});
		socket.once('error', (error) => {
			clearTimeout(timer);
			reject(new Error(`could not reach ${host}:${port}: ${error.message}`));
		});
	});
}
