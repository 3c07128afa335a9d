/**
 * From an open connection to a Call, as caller (caller-greeting.ts) or accepter
 * (accepter-greeting.ts): the 4-byte greeting, facetty's announcement inside the seed shape message,
 * TLS and the auth message (secure.ts), the peer's key (trust/peer-key.ts). Every step asks the
 * trust policy (trust/policy.ts) what may happen and has its own short deadline. Works over any
 * connected socket, so a relay can run a call's greeting over a connection it already holds. This
 * file holds what both sides share; answered.ts recognises what answered.
 */
import type net from 'node:net';
import type {Duplex} from 'node:stream';
import {ProtocolError} from '../protocol/errors.js';
import {encodeV2} from '../protocol/v2.js';
import type {SeedShape} from '../protocol/seed.js';
import {ephemeralIdentity, loadIdentity, parseFingerprint, type Identity} from '../trust/identity.js';
import {KnownPeers} from '../trust/known-peers.js';
import {judgePeerKey} from '../trust/peer-key.js';
import type {TrustFlags, Verdict} from '../trust/policy.js';
import {defaultTimeouts, type Call, type CallOptions, type Protocol} from './call.js';
import {authenticate, startTls} from './secure.js';
import {SeedLink} from './seed-link.js';
import {V2Link} from './v2-link.js';

/** The real deadlines (tests shorten them with handshakeTimeoutMs): each phase gets the handshake's. */
export const greetingDeadlines = {
	/** The 4-byte greeting and its answer. */
	greetingMs: defaultTimeouts.handshakeMs,
	/** The shape exchange, and how long to wait for our own first frame to announce its size. */
	shapeMs: defaultTimeouts.handshakeMs,
	/** TLS and the auth message together. */
	secureMs: defaultTimeouts.handshakeMs,
	/** A shape message without the announcement is taken as plain after this much silence. */
	announceGraceMs: 300,
	/** An accepter with no frame yet announces this size (frames are scaled to it) rather than wait. */
	frameWaitMs: 1000,
} as const;
export const defaultSeedShape: SeedShape = {rows: 480, cols: 640};

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

export function pinOf(options: CallOptions): string | undefined {
	if (options.peerKey === undefined) return undefined;
	const pin = parseFingerprint(options.peerKey);
	if (!pin)
		throw new Error(`--peer-key ${JSON.stringify(options.peerKey)} is not a fingerprint (SHA256:...)`);
	return pin;
}

/** `knownPeersFile`: where the key remembered for the dialled address is, if there is one. */
export function trustFlags(options: CallOptions, knownPeersFile?: string): TrustFlags {
	return {
		protocol: options.protocol ?? 'auto',
		secret: Boolean(options.secret),
		peerKey: options.peerKey !== undefined,
		knownKey: knownPeersFile !== undefined,
		...(knownPeersFile === undefined ? {} : {knownPeersFile}),
		requireEncryption: Boolean(options.requireEncryption),
		plaintext: Boolean(options.plaintext),
	};
}

export function refusal(verdict: Verdict): never {
	if (verdict.go !== 'refuse') throw new Error(`not a refusal: ${verdict.go}`);
	throw new ProtocolError(verdict.code, verdict.here);
}

export function timeoutOf(options: CallOptions, real: number): number {
	return Math.min(real, options.handshakeTimeoutMs ?? real);
}

export function throwIfEnded(call: Call): void {
	const end = call.ended;
	if (end) throw end.error ?? new Error(end.reason);
}

export function attachSeed(
	call: Call,
	socket: Duplex,
	status: string,
	initial: Buffer,
	shapeSent?: SeedShape,
): void {
	call.setSecurity({encrypted: false, verifiedBySecret: false, note: status});
	if (call.ended) return;
	call.attach(socket, 'seed', (host) => new SeedLink(host, call.role, {shapeSent}), initial);
}

export function attachV2(call: Call, socket: Duplex, initial: Buffer): void {
	call.attach(socket, 'v2' satisfies Protocol, (host) => new V2Link(host), initial);
}

/** TLS (caller = client), the auth message, the peer's key; then v2 inside. */
export async function secureAndAttach(
	call: Call,
	socket: net.Socket,
	rest: Buffer,
	name: string | undefined,
	track: (stream: Duplex) => void,
): Promise<void> {
	const options = call.options;
	const identity = identityFor(options);
	const deadline = Date.now() + timeoutOf(options, greetingDeadlines.secureMs);
	const left = () => Math.max(1, deadline - Date.now());
	const role = call.role === 'caller' ? 'caller' : 'accepter';
	const secure = await startTls(socket, role, identity, rest, left());
	track(secure);
	secure.on('error', () => undefined);
	throwIfEnded(call);
	if (options.secret) call.beforeSecretCheck?.();
	const channel = await authenticate(secure, role, identity, options.secret, left());
	// A caller about to ask its user tells the accepter, which otherwise drops a silent peer at
	// the handshake deadline; meanwhile the connection is only a candidate and keeps no one out.
	const known = options.configDir ? new KnownPeers(options.configDir) : undefined;
	const verdict = await judgePeerKey({
		presented: channel.peerFingerprint,
		pin: pinOf(options),
		known,
		name,
		confirmChange: options.confirmPeerKeyChange,
		beforeAsking: () => secure.write(encodeV2({type: 'key-question'})),
	});
	throwIfEnded(call);
	call.setSecurity({
		encrypted: true,
		sas: channel.sas,
		cipher: channel.cipher,
		fingerprint: identity.fingerprint,
		peerFingerprint: channel.peerFingerprint,
		verifiedBySecret: channel.verifiedBySecret,
		...verdict,
	});
	const onState = (state: string) => {
		if (state === 'in-call') channel.started();
		if (state === 'in-call' || state === 'ended') call.off('state', onState);
	};
	call.on('state', onState);
	attachV2(call, secure, channel.rest);
}

/** Resolves with the size of our first frame (or options.seedShape); after `ms`, with undefined. */
export async function ourFrameSize(
	call: Call,
	ms: number,
): Promise<{width: number; height: number} | undefined> {
	await call.frameOrEnd(call.options.seedShape ? 0 : ms);
	const size = call.options.seedShape ?? call.waitingFrame;
	return size ? {width: size.width, height: size.height} : undefined;
}

/**
 * Runs one side's greeting over `socket`, closing the connection however it ends: ended during
 * the greeting, it is closed here; once the call took it (attach sets its protocol), the call
 * closes it after its goodbye, since destroyed at once it could answer the peer's last bytes with
 * a reset that the peer reads before the goodbye. `steps` reports the stream TLS wraps it in.
 */
export async function runGreeting(
	call: Call,
	socket: net.Socket,
	steps: (track: (stream: Duplex) => void) => Promise<void>,
): Promise<void> {
	let stream: Duplex = socket;
	call.once('ended', () => {
		if (call.protocol === undefined) stream.destroy();
	});
	try {
		call.setState('handshaking');
		await steps((next) => {
			stream = next;
		});
	} catch (error) {
		stream.destroy();
		socket.destroy();
		throw error;
	}
}
