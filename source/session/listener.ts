/**
 * A listener that takes one live call at a time and survives anything a peer sends. Before a call
 * is live a connection holds nothing: every new connection runs its greeting, shapes and
 * handshake in parallel with the others (each step with its own deadline, greeting.ts), and the
 * first to become ready becomes the live call. "Busy" is said only when a live call exists; a
 * source address may have only a few unfinished connections at once.
 */
import {EventEmitter} from 'node:events';
import net from 'node:net';
import {defaultPort} from '../net/address.js';
import type {Frame} from '../frame.js';
import {ProtocolError} from '../protocol/errors.js';
import {busyReply, classifyGreetingReply, handshakeLength, seedGreeting} from '../protocol/handshake.js';
import {checkFlags} from '../trust/policy.js';
import {addressOf, Call, defaultTimeouts, type CallOptions} from './call.js';
import {accepterGreeting, identityFor, pinOf, trustFlags} from './greeting.js';
import {readExactly} from './read.js';

export type ListenOptions = CallOptions & {
	host?: string;
	port?: number;
	/** Unfinished connections one source address may have at once; default listenerLimits.perSource. */
	maxPendingPerSource?: number;
};

export type ListenerEvents = {
	/** A call went live (the greeting and handshake are over); it is `listener.active` now. */
	call: [call: Call];
	/** A connection that failed before going live (garbage, silence, wrong format, wrong secret, busy); the listener goes on. */
	rejected: [error: Error, address: string];
	listening: [];
	/** Something the user should know about how the listener is set up (e.g. reachable without a secret). */
	warning: [message: string];
};

export const listenerLimits = {
	/** Unfinished connections per source address (a few: a caller redialling, a NAT with two people). */
	perSource: 4,
	/** Unfinished connections in all. */
	total: 64,
	/** Connections being told "busy" at once. */
	busy: 8,
} as const;

function isLoopback(host: string | undefined): boolean {
	if (host === undefined || host === '') return false;
	const h = host.toLowerCase();
	return h === 'localhost' || h === '::1' || h.startsWith('127.') || h === '::ffff:127.0.0.1';
}

function sourceOf(socket: net.Socket): string {
	const host = socket.remoteAddress ?? '?';
	return host.startsWith('::ffff:') ? host.slice(7) : host;
}

export class Listener extends EventEmitter<ListenerEvents> {
	active: Call | undefined;
	readonly warnings: string[] = [];
	/** Connections still in their greeting or handshake, each with its source address. */
	private readonly pending = new Map<Call, string>();
	private readonly server: net.Server;
	private busyConnections = 0;

	constructor(readonly options: ListenOptions = {}) {
		super();
		this.server = net.createServer({pauseOnConnect: true}, (socket) => void this.accept(socket));
		// Made now, so a bad config directory or contradicting flags fail at start and not at the first call.
		identityFor(options);
		pinOf(options);
		const contradiction = checkFlags(trustFlags(options));
		if (contradiction) throw new ProtocolError('not-encrypted', contradiction);
		if (!isLoopback(options.host) && !options.secret && options.peerKey === undefined) {
			this.warnings.push(
				`listening on ${options.host ?? 'every address'} without --secret: anyone who can reach this port can call`,
			);
		}
	}

	get fingerprint(): string {
		return identityFor(this.options).fingerprint;
	}

	get port(): number {
		const address = this.server.address();
		return typeof address === 'object' && address ? address.port : 0;
	}

	start(): Promise<this> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port ?? defaultPort, this.options.host, () => {
				this.server.off('error', reject);
				this.emit('listening');
				for (const warning of this.warnings) this.emit('warning', warning);
				resolve(this);
			});
		});
	}

	/**
	 * This side's picture, for the live call and for callers still in their greeting (the seed
	 * format announces its frame size before the call is live).
	 */
	sendFrame(frame: Frame): void {
		this.active?.sendFrame(frame);
		for (const call of this.pending.keys()) call.sendFrame(frame);
	}

	close(reason = 'the listener closed'): Promise<void> {
		this.active?.hangUp(reason);
		for (const call of [...this.pending.keys()]) call.hangUp(reason);
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	/** A caller while a call is live: greeted, told BUSY, then hung up on; the call is not touched. */
	private async turnAway(socket: net.Socket, address: string): Promise<void> {
		this.emit('rejected', new ProtocolError('busy', 'busy: already in a call'), address);
		if (this.busyConnections >= listenerLimits.busy) {
			socket.destroy();
			return;
		}
		this.busyConnections++;
		try {
			socket.write(seedGreeting);
			const timeout = Math.min(2000, this.options.handshakeTimeoutMs ?? defaultTimeouts.handshakeMs);
			const {bytes} = await readExactly(socket, handshakeLength, timeout);
			// v2 callers read it as the answer to their magic, facetty callers that answered `done`
			// in place of the shape; the script reads it as a shape and fails, as it would on a hang-up.
			if (classifyGreetingReply(bytes) !== 'unknown') socket.end(busyReply);
			else socket.destroy();
			setTimeout(() => socket.destroy(), 1000).unref();
		} catch {
			socket.destroy();
		} finally {
			this.busyConnections--;
		}
	}

	private admit(call: Call): boolean {
		if (this.active && this.active !== call) return false;
		this.pending.delete(call);
		this.active = call;
		call.once('ended', () => {
			if (this.active === call) this.active = undefined;
		});
		this.emit('call', call);
		return true;
	}

	private async accept(socket: net.Socket): Promise<void> {
		const address = addressOf(socket.remoteAddress, socket.remotePort) ?? 'an unknown address';
		socket.on('error', () => undefined);
		if (this.active) return this.turnAway(socket, address);
		const source = sourceOf(socket);
		const fromSource = [...this.pending.values()].filter((s) => s === source).length;
		const perSource = this.options.maxPendingPerSource ?? listenerLimits.perSource;
		if (fromSource >= perSource || this.pending.size >= listenerLimits.total) {
			socket.destroy();
			const message =
				fromSource >= perSource
					? `${fromSource} unfinished connections from ${source} already`
					: `${this.pending.size} unfinished connections already`;
			this.emit('rejected', new ProtocolError('too-many', message), address);
			return;
		}
		const call = new Call('accepter', this.options);
		call.remoteAddress = addressOf(socket.remoteAddress, socket.remotePort);
		call.admit = (ready) => this.admit(ready);
		this.pending.set(call, source);
		call.once('ended', (end) => {
			if (!this.pending.delete(call)) return;
			const failure = end.error ?? new ProtocolError('bad-handshake', end.reason);
			this.emit('rejected', failure, address);
		});
		socket.setNoDelay(true);
		try {
			await accepterGreeting(call, socket);
		} catch (error) {
			call.fail(error instanceof Error ? error : new Error(String(error)));
		}
	}
}

export async function listen(options: ListenOptions = {}): Promise<Listener> {
	return new Listener(options).start();
}
