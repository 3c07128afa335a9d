/**
 * Getting from a TCP connection to a Call: the 4-byte greeting that tells the seed format from
 * v2, TLS and the auth message for v2 (secure.ts), known peers, the caller's fallback, and a
 * listener that takes one call at a time and survives anything a peer sends.
 */
import {EventEmitter} from 'node:events';
import net from 'node:net';
import type {Duplex} from 'node:stream';
import {ProtocolError} from '../protocol/errors.js';
import {defaultPort} from '../net/address.js';
import {
	busyReply,
	bytesEqual,
	classifyGreetingReply,
	handshakeLength,
	seedGreeting,
	tlsMagic,
	v2Magic,
} from '../protocol/handshake.js';
import {ephemeralIdentity, loadIdentity, parseFingerprint, type Identity} from '../trust/identity.js';
import {KnownPeers} from '../trust/known-peers.js';
import {
	addressOf,
	Call,
	defaultTimeouts,
	type CallOptions,
	type CallSecurity,
	type Link,
	type LinkHost,
	type Protocol,
} from './call.js';
import {PeerClosedError, readExactly} from './read.js';
import {authenticate, startTls, type SecureChannel} from './secure.js';
import {SeedLink} from './seed-link.js';
import {V2Link} from './v2-link.js';

export {PeerClosedError, readExactly} from './read.js';

export const seedNotEncrypted = 'not encrypted: the seed format (the original script) cannot be encrypted';
export const plaintextNotEncrypted = 'not encrypted: plaintext v2 was asked for';

function linkFor(protocol: Protocol, call: Call): (host: LinkHost) => Link {
	return protocol === 'v2' ? (host) => new V2Link(host) : (host) => new SeedLink(host, call.role);
}

/** The identity an options object stands for, loaded once per options object. */
const identities = new WeakMap<CallOptions, Identity>();
export function identityFor(options: CallOptions): Identity {
	if (options.identity) return options.identity;
	let identity = identities.get(options);
	if (!identity) {
		identity = options.configDir ? loadIdentity(options.configDir) : ephemeralIdentity();
		identities.set(options, identity);
	}
	return identity;
}

function pinOf(options: CallOptions): string | undefined {
	if (options.peerKey === undefined) return undefined;
	const pin = parseFingerprint(options.peerKey);
	if (!pin)
		throw new Error(`--peer-key ${JSON.stringify(options.peerKey)} is not a fingerprint (SHA256:...)`);
	return pin;
}

/**
 * Decides whether this peer key is acceptable: --peer-key pins it, otherwise the caller checks
 * known_peers under the name it dialled (asking the user about a change) and the accepter looks
 * up who has that key. Throws to refuse.
 */
async function judgePeerKey(
	call: Call,
	channel: SecureChannel,
	name: string | undefined,
): Promise<CallSecurity> {
	const options = call.options;
	const identity = identityFor(options);
	const presented = channel.peerFingerprint;
	const security: CallSecurity = {
		encrypted: true,
		sas: channel.sas,
		cipher: channel.cipher,
		fingerprint: identity.fingerprint,
		peerFingerprint: presented,
		verifiedBySecret: channel.verifiedBySecret,
		peerKey: 'unchecked',
	};
	const known = options.configDir ? new KnownPeers(options.configDir) : undefined;
	const pin = pinOf(options);
	if (pin !== undefined) {
		if (pin !== presented) {
			throw new ProtocolError(
				'peer-key-mismatch',
				`call refused: the peer's key is ${presented}, not ${pin} as --peer-key requires`,
			);
		}
		security.peerKey = 'pinned';
		if (known && name) known.record(name, presented);
	} else if (known && name) {
		const check = known.check(name, presented);
		if (check.status === 'changed') {
			const change = {name, recorded: check.recorded!, presented, knownPeersFile: known.file};
			const accepted = options.confirmPeerKeyChange ? await options.confirmPeerKeyChange(change) : false;
			if (!accepted) {
				throw new ProtocolError(
					'peer-key-changed',
					`WARNING: the key of ${name} has changed (recorded ${check.recorded}, presented ${presented}). ` +
						`Someone may be in the middle, or the peer has a new key. If you trust it, call again with ` +
						`--peer-key ${presented} (or delete its line in ${known.file}).`,
				);
			}
			known.record(name, presented);
			security.peerKey = 'accepted-change';
		} else {
			if (check.status === 'new') known.record(name, presented);
			security.peerKey = check.status;
		}
	}
	if (known) {
		const names = known.namesOf(presented);
		if (names.length > 0) security.peerKnownAs = names;
	}
	return security;
}

export type ListenOptions = CallOptions & {host?: string; port?: number};

export type ListenerEvents = {
	call: [call: Call];
	/** A connection that failed the greeting (garbage, silence, wrong format, wrong secret); the listener goes on. */
	rejected: [error: Error, address: string];
	listening: [];
	/** Something the user should know about how the listener is set up (e.g. reachable without a secret). */
	warning: [message: string];
};

const maxBusyConnections = 8;

function isLoopback(host: string | undefined): boolean {
	if (host === undefined || host === '') return false;
	const h = host.toLowerCase();
	return h === 'localhost' || h === '::1' || h.startsWith('127.') || h === '::ffff:127.0.0.1';
}

export class Listener extends EventEmitter<ListenerEvents> {
	active: Call | undefined;
	readonly warnings: string[] = [];
	private readonly server: net.Server;
	private busyConnections = 0;

	constructor(readonly options: ListenOptions = {}) {
		super();
		this.server = net.createServer({pauseOnConnect: true}, (socket) => void this.accept(socket));
		// Made now, so a bad config directory fails at start and not at the first call.
		identityFor(options);
		pinOf(options);
		if (!isLoopback(options.host) && !options.secret) {
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

	close(reason = 'the listener closed'): Promise<void> {
		this.active?.hangUp(reason);
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	/** A second caller: greeted, told BUSY if it speaks v2, then hung up on; the call is not touched. */
	private async turnAway(socket: net.Socket, address: string): Promise<void> {
		this.emit('rejected', new ProtocolError('busy', 'busy: already in a call'), address);
		if (this.busyConnections >= maxBusyConnections) {
			socket.destroy();
			return;
		}
		this.busyConnections++;
		try {
			socket.write(seedGreeting);
			const timeout = Math.min(2000, this.options.handshakeTimeoutMs ?? defaultTimeouts.handshakeMs);
			const {bytes} = await readExactly(socket, handshakeLength, timeout);
			const reply = classifyGreetingReply(bytes);
			if (reply === 'v2' || reply === 'tls') socket.end(busyReply);
			else socket.destroy();
			setTimeout(() => socket.destroy(), 1000).unref();
		} catch {
			socket.destroy();
		} finally {
			this.busyConnections--;
		}
	}

	/** Runs the accepter's side on a connection (also one opened elsewhere: see acceptOver). */
	async accept(socket: net.Socket, given?: Call): Promise<void> {
		const address = addressOf(socket.remoteAddress, socket.remotePort) ?? 'an unknown address';
		socket.on('error', () => undefined);
		if (this.active) return this.turnAway(socket, address);
		const options = this.options;
		const call = given ?? new Call('accepter', options);
		call.remoteAddress ??= addressOf(socket.remoteAddress, socket.remotePort);
		this.active = call;
		call.once('ended', () => {
			if (this.active === call) this.active = undefined;
		});
		socket.setNoDelay(true);
		let stream: Duplex = socket;
		try {
			call.setState('handshaking');
			socket.write(seedGreeting);
			const timeout = options.handshakeTimeoutMs ?? defaultTimeouts.handshakeMs;
			const {bytes, rest} = await readExactly(socket, handshakeLength, timeout);
			const reply = classifyGreetingReply(bytes);
			const wanted = options.protocol ?? 'auto';
			const format = reply === 'tls' ? 'v2' : reply;
			if (format === 'unknown' || (wanted !== 'auto' && wanted !== format)) {
				throw new ProtocolError(
					'bad-handshake',
					`the caller answered ${JSON.stringify(bytes.toString('latin1'))}`,
				);
			}
			if (reply !== 'tls' && options.requireEncryption) {
				throw new ProtocolError(
					'not-encrypted',
					`refused a ${reply === 'seed' ? 'seed-format' : 'plaintext v2'} caller: encryption is required`,
				);
			}
			if (reply === 'seed') {
				call.setSecurity({encrypted: false, verifiedBySecret: false, note: seedNotEncrypted});
				this.emit('call', call);
				call.attach(socket, 'seed', linkFor('seed', call), rest);
				return;
			}
			if (reply === 'v2') {
				if (options.secret) {
					throw new ProtocolError(
						'not-encrypted',
						'refused a plaintext v2 caller: a secret needs encryption',
					);
				}
				socket.write(v2Magic);
				call.setSecurity({encrypted: false, verifiedBySecret: false, note: plaintextNotEncrypted});
				this.emit('call', call);
				call.attach(socket, 'v2', linkFor('v2', call), rest);
				return;
			}
			socket.write(tlsMagic);
			const identity = identityFor(options);
			const secure = await startTls(socket, 'accepter', identity, rest, timeout);
			stream = secure;
			secure.on('error', () => undefined);
			const channel = await authenticate(secure, 'accepter', identity, options.secret, timeout);
			const security = await judgePeerKey(call, channel, undefined);
			throwIfEnded(call);
			call.setSecurity(security);
			// The caller may be asking its user about a changed key before it sends hello.
			call.handshakeBudgetMs = timeout + (options.confirmTimeoutMs ?? defaultTimeouts.confirmMs);
			this.emit('call', call);
			call.attach(secure, 'v2', linkFor('v2', call), channel.rest);
		} catch (error) {
			stream.destroy();
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

/** The accepter hung up on our v2 magic: it is the seed script (or forced to seed). */
class MagicRefusedError extends PeerClosedError {}

async function negotiate(call: Call, host: string, port: number, options: DialOptions): Promise<void> {
	const wanted = options.protocol ?? 'auto';
	if (options.requireEncryption && (wanted === 'seed' || options.plaintext)) {
		throw new ProtocolError(
			'not-encrypted',
			wanted === 'seed'
				? 'the seed format cannot be encrypted, and encryption is required'
				: 'plaintext v2 and --require-encryption contradict each other',
		);
	}
	pinOf(options);
	identityFor(options);
	if (wanted === 'seed') return greet(call, host, port, 'seed', options);
	try {
		await greet(call, host, port, 'v2', options);
	} catch (error) {
		// The seed script hangs up on anything but "done": that is our cue to speak its format.
		if (error instanceof MagicRefusedError && !call.ended) {
			if (wanted === 'auto' && !options.requireEncryption) return greet(call, host, port, 'seed', options);
			if (wanted === 'auto') {
				throw new ProtocolError(
					'not-encrypted',
					'the peer only speaks the seed format, which cannot be encrypted, and encryption is required',
				);
			}
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
	opened?: {socket: net.Socket; knownAs?: string},
): Promise<void> {
	const socket =
		opened?.socket ?? (await connect(host, port, options.connectTimeoutMs ?? defaultTimeouts.handshakeMs));
	if (call.ended) {
		socket.destroy();
		return;
	}
	let stream: Duplex = socket;
	if (!opened) call.remoteAddress = addressOf(socket.remoteAddress, socket.remotePort) ?? `${host}:${port}`;
	call.once('ended', () => stream.destroy());
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
			call.setSecurity({encrypted: false, verifiedBySecret: false, note: seedNotEncrypted});
			if (call.ended) return;
			call.attach(socket, protocol, linkFor(protocol, call), rest);
			return;
		}
		const magic = options.plaintext ? v2Magic : tlsMagic;
		socket.write(magic);
		let answer: {bytes: Buffer; rest: Buffer};
		try {
			answer = await readExactly(socket, handshakeLength, timeout);
		} catch (error) {
			if (error instanceof PeerClosedError) throw new MagicRefusedError(error.message);
			throw error;
		}
		if (bytesEqual(answer.bytes, busyReply)) {
			throw new ProtocolError('busy', `${host}:${port} is busy in another call`);
		}
		if (!bytesEqual(answer.bytes, magic)) {
			throw new ProtocolError(
				'bad-handshake',
				options.plaintext
					? 'the peer did not accept plaintext v2'
					: 'the peer did not accept an encrypted call',
			);
		}
		rest = Buffer.concat([rest, answer.rest]);
		if (options.plaintext) {
			call.setSecurity({encrypted: false, verifiedBySecret: false, note: plaintextNotEncrypted});
			if (call.ended) return;
			call.attach(socket, 'v2', linkFor('v2', call), rest);
			return;
		}
		const identity = identityFor(options);
		const secure = await startTls(socket, 'caller', identity, rest, timeout);
		stream = secure;
		secure.on('error', () => undefined);
		throwIfEnded(call);
		const channel = await authenticate(secure, 'caller', identity, options.secret, timeout);
		const name = opened ? opened.knownAs : (options.knownAs ?? `${host}:${port}`);
		const security = await judgePeerKey(call, channel, name);
		if (call.ended) return;
		call.setSecurity(security);
		call.attach(secure, 'v2', linkFor('v2', call), channel.rest);
	} catch (error) {
		stream.destroy();
		socket.destroy();
		throw error;
	}
}

/**
 * A call over a connection that is already open (a relay's): the caller's greeting and handshake
 * (encrypted v2 only: there is no reconnecting for a seed fallback) run on it. `knownAs` names the
 * peer in known_peers; without it the key is not recorded. The socket must be paused.
 */
export function callOver(socket: net.Socket, options: DialOptions & {knownAs?: string} = {}): Call {
	const call = new Call('caller', options);
	call.remoteAddress = addressOf(socket.remoteAddress, socket.remotePort);
	const opened = {socket, knownAs: options.knownAs};
	void greet(call, '', 0, 'v2', {...options, plaintext: false}, opened).catch((error: unknown) =>
		call.fail(error instanceof Error ? error : new Error(String(error))),
	);
	return call;
}

/** The accepter's side over a connection that is already open (paused). */
export function acceptOver(socket: net.Socket, options: CallOptions = {}): Call {
	const call = new Call('accepter', options);
	void new Listener({...options, host: '127.0.0.1'}).accept(socket, call);
	return call;
}

function throwIfEnded(call: Call): void {
	const end = call.ended;
	if (end) throw end.error ?? new Error(end.reason);
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
