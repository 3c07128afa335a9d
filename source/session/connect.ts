/**
 * Getting from a TCP connection to a Call. `dial` connects and runs the caller's greeting;
 * `listen` (listener.ts) takes calls. The greeting itself, for either role over any open
 * connection, is greeting.ts; what may happen at each step is the trust policy (trust/policy.ts).
 */
import net from 'node:net';
import {connectFailure, formatHostPort} from '../net/address.js';
import {addressOf, Call, defaultTimeouts, type CallOptions} from './call.js';
import {accepterGreeting} from './accepter-greeting.js';
import {callerGreeting} from './caller-greeting.js';
import {identityFor, pinOf} from './greeting.js';
import {asError} from '../text/error-message.js';

export {readExactly} from './read.js';
export {identityFor} from './greeting.js';
export {Listener, listen, listenerLimits, type ListenOptions} from './listener.js';

export type DialOptions = CallOptions & {connectTimeoutMs?: number};

function failWith(call: Call): (error: unknown) => void {
	return (error) => call.fail(asError(error));
}

/** Starts a call to host:port; the returned Call reports progress and the outcome by events. */
export function dial(host: string, port: number, options: DialOptions = {}): Call {
	const call = new Call('caller', options);
	const run = async () => {
		pinOf(options);
		identityFor(options);
		const socket = await connect(host, port, options.connectTimeoutMs ?? defaultTimeouts.handshakeMs);
		if (call.ended) {
			socket.destroy();
			return;
		}
		call.remoteAddress = addressOf(socket.remoteAddress, socket.remotePort) ?? `${host}:${port}`;
		await callerGreeting(call, socket, options.knownAs ?? `${host}:${port}`);
	};
	void run().catch(failWith(call));
	return call;
}

/**
 * A call over a connection that is already open (a relay's, a tunnel's): the caller's greeting
 * and handshake run on it. `knownAs` names the peer in known_peers. The socket must be paused.
 */
export function callOver(socket: net.Socket, options: CallOptions & {knownAs?: string} = {}): Call {
	const call = new Call('caller', options);
	call.remoteAddress = addressOf(socket.remoteAddress, socket.remotePort);
	void callerGreeting(call, socket, options.knownAs).catch(failWith(call));
	return call;
}

/** The accepter's side over a connection that is already open (paused). */
export function acceptOver(socket: net.Socket, options: CallOptions = {}): Call {
	const call = new Call('accepter', options);
	call.remoteAddress = addressOf(socket.remoteAddress, socket.remotePort);
	void accepterGreeting(call, socket).catch(failWith(call));
	return call;
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
			reject(new Error(`could not reach ${formatHostPort({host, port})}: ${connectFailure(error)}`));
		});
	});
}
