/**
 * From an open connection to a Call, as caller or accepter: the 4-byte greeting, facetty's
 * announcement inside the seed shape message, TLS and the auth message (secure.ts), the peer's
 * key (known_peers, --peer-key). Every step asks the trust policy (trust/policy.ts) what may
 * happen and has its own short deadline. Works over any connected socket, so a relay can run a
 * call's greeting over a connection it already holds (callerGreeting / accepterGreeting).
 */
import type net from 'node:net';
import type {Duplex} from 'node:stream';
import {ProtocolError} from '../protocol/errors.js';
import {encodeV2} from '../protocol/v2.js';
import {
	busyReply,
	bytesEqual,
	classifyGreetingReply,
	fullReply,
	handshakeLength,
	seedGreeting,
	tlsMagic,
	v2Magic,
	waitReply,
} from '../protocol/handshake.js';
import {
	announceableShape,
	classifyShapeMessage,
	encodeSeedShape,
	validateSeedShape,
	type SeedShape,
} from '../protocol/seed.js';
import {ephemeralIdentity, loadIdentity, parseFingerprint, type Identity} from '../trust/identity.js';
import {KnownPeers} from '../trust/known-peers.js';
import {accepterVerdict, callerVerdict, type TrustFlags, type Verdict} from '../trust/policy.js';
import {Call, defaultTimeouts, type CallOptions, type CallSecurity, type Protocol} from './call.js';
import {PeerClosedError, readExactly, readUntil} from './read.js';
import {maxLineBytes, parseReply} from '../relay/rendezvous.js';
import {quoteBytes} from '../text/sanitize.js';
import {authenticate, startTls, type SecureChannel} from './secure.js';
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

/** What the accepter meant by turning the caller away with FULL or WAIT (handshake.ts), as a sentence. */
function turnedAway(bytes: Uint8Array, name: string | undefined): ProtocolError | undefined {
	const who = name ?? 'the peer';
	if (bytesEqual(bytes, fullReply)) {
		return new ProtocolError(
			'too-many',
			`${who} turned the call away: it already holds as many unfinished connections as it takes ` +
				'(someone may be flooding it); try again in a minute',
		);
	}
	if (bytesEqual(bytes, waitReply)) {
		return new ProtocolError(
			'too-many',
			`${who} turned the call away: too many wrong secrets were tried lately (from this address ` +
				'or from everywhere); wait a minute, and check --secret',
		);
	}
	return undefined;
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

export function pinOf(options: CallOptions): string | undefined {
	if (options.peerKey === undefined) return undefined;
	const pin = parseFingerprint(options.peerKey);
	if (!pin)
		throw new Error(`--peer-key ${JSON.stringify(options.peerKey)} is not a fingerprint (SHA256:...)`);
	return pin;
}

export function trustFlags(options: CallOptions, knownKey = false): TrustFlags {
	return {
		protocol: options.protocol ?? 'auto',
		secret: Boolean(options.secret),
		peerKey: options.peerKey !== undefined,
		knownKey,
		requireEncryption: Boolean(options.requireEncryption),
		plaintext: Boolean(options.plaintext),
	};
}

function refusal(verdict: Verdict): never {
	if (verdict.go !== 'refuse') throw new Error(`not a refusal: ${verdict.go}`);
	throw new ProtocolError(verdict.code, verdict.here);
}

function timeoutOf(options: CallOptions, real: number): number {
	return Math.min(real, options.handshakeTimeoutMs ?? real);
}

/**
 * Decides whether this peer key is acceptable: --peer-key pins it, otherwise the caller checks
 * known_peers under the name it dialled (asking the user about a change, only now that the call
 * is otherwise ready) and the accepter looks up who has that key. Throws to refuse.
 */
async function judgePeerKey(
	call: Call,
	channel: SecureChannel,
	name: string | undefined,
	beforeAsking: () => void,
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
			let accepted = false;
			if (options.confirmPeerKeyChange) {
				beforeAsking();
				accepted = await options.confirmPeerKeyChange(change);
			}
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

function throwIfEnded(call: Call): void {
	const end = call.ended;
	if (end) throw end.error ?? new Error(end.reason);
}

function attachSeed(
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

function attachV2(call: Call, socket: Duplex, initial: Buffer): void {
	call.attach(socket, 'v2' satisfies Protocol, (host) => new V2Link(host), initial);
}

/** TLS (caller = client), the auth message, the peer's key; then v2 inside. */
async function secureAndAttach(
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
	const security = await judgePeerKey(call, channel, name, () =>
		secure.write(encodeV2({type: 'key-question'})),
	);
	throwIfEnded(call);
	call.setSecurity(security);
	const onState = (state: string) => {
		if (state === 'in-call') channel.started();
		if (state === 'in-call' || state === 'ended') call.off('state', onState);
	};
	call.on('state', onState);
	attachV2(call, secure, channel.rest);
}

/** Resolves with the size of our first frame (or options.seedShape); after `ms`, with undefined. */
async function ourFrameSize(call: Call, ms: number): Promise<{width: number; height: number} | undefined> {
	const deadline = Date.now() + ms;
	for (;;) {
		const size = call.options.seedShape ?? call.waitingFrame;
		if (size) return {width: size.width, height: size.height};
		if (call.ended || Date.now() >= deadline) return undefined;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/**
 * Reads the peer's shape message far enough to tell whether it announced itself. Nothing is
 * consumed for good: the bytes are returned to be parsed again by the seed link, or (after the
 * announcement) handed to TLS.
 */
export function readShapeMessage(
	socket: Duplex,
	initial: Buffer,
	timeoutMs: number,
	graceMs: number,
): Promise<{announcedEnd: number | undefined; bytes: Buffer}> {
	return new Promise((resolve, reject) => {
		let bytes = initial;
		let grace: NodeJS.Timeout | undefined;
		const cleanup = () => {
			clearTimeout(timer);
			clearTimeout(grace);
			socket.off('data', onData);
			socket.off('close', onClose);
			socket.off('end', onClose);
			socket.off('error', onError);
			socket.pause();
		};
		const settle = (announcedEnd: number | undefined) => {
			cleanup();
			resolve({announcedEnd, bytes});
		};
		const look = () => {
			if (bytes.length >= 4 && bytesEqual(bytes.subarray(0, 4), busyReply)) {
				cleanup();
				reject(new ProtocolError('busy', 'busy: the peer is in another call'));
				return;
			}
			const away = bytes.length >= 4 ? turnedAway(bytes.subarray(0, 4), undefined) : undefined;
			if (away) {
				cleanup();
				reject(away);
				return;
			}
			const kind = classifyShapeMessage(bytes);
			clearTimeout(grace);
			if (kind.kind === 'announced') settle(kind.end);
			else if (kind.kind === 'plain') settle(undefined);
			else if (bytes.length > 0) grace = setTimeout(() => settle(undefined), graceMs);
		};
		const onData = (chunk: Buffer) => {
			bytes = Buffer.concat([bytes, chunk]);
			look();
		};
		const onClose = () => {
			cleanup();
			reject(new PeerClosedError('the peer closed the connection during the shape exchange'));
		};
		const onError = (error: NodeJS.ErrnoException) => {
			cleanup();
			reject(
				new PeerClosedError(
					`the peer reset the connection during the shape exchange (${error.code ?? error.message})`,
				),
			);
		};
		const timer = setTimeout(() => {
			cleanup();
			reject(new ProtocolError('timeout', `the peer sent no frame shape within ${timeoutMs / 1000} s`));
		}, timeoutMs);
		socket.on('data', onData);
		socket.on('close', onClose);
		socket.on('end', onClose);
		socket.on('error', onError);
		look();
		socket.resume();
	});
}

/** Where a caller said it dialled, for sentences about what answered there. */
function dialled(name: string | undefined): string {
	return name ?? 'the address called';
}

/**
 * The accepter's `done`, or a sentence saying what answered instead: a facetty relay (it refuses
 * the caller's first bytes with an `err` line at once, docs/protocol.md "Relay"), an SSH server,
 * something else, or nothing at all.
 */
async function readGreeting(
	socket: Duplex,
	timeoutMs: number,
	name: string | undefined,
): Promise<{bytes: Buffer; rest: Buffer}> {
	let greeting: {bytes: Buffer; rest: Buffer};
	try {
		greeting = await readExactly(socket, handshakeLength, timeoutMs);
	} catch (error) {
		if (error instanceof ProtocolError && error.code === 'timeout') {
			throw new ProtocolError(
				'timeout',
				`${dialled(name)} said nothing for ${timeoutMs / 1000} s: it is not a facetty listener ` +
					'(one greets at once), or this is the wrong port',
			);
		}
		throw error;
	}
	if (bytesEqual(greeting.bytes, seedGreeting)) return greeting;
	throw new ProtocolError('bad-handshake', await describeStranger(socket, greeting, name));
}

/** What the first bytes of a server that is not facetty say it is, as a sentence. */
async function describeStranger(
	socket: Duplex,
	first: {bytes: Buffer; rest: Buffer},
	name: string | undefined,
): Promise<string> {
	const where = dialled(name);
	const start = first.bytes.toString('latin1');
	if (start === 'err ') {
		// The rest of the relay's line: it ends it with \n and closes, within a round trip.
		const line = await readUntil(
			socket,
			(chunk) => {
				first = {bytes: first.bytes, rest: Buffer.concat([first.rest, chunk])};
				return first.rest.includes(0x0a) || first.rest.length >= maxLineBytes ? true : undefined;
			},
			1000,
		).then(
			() => first.rest,
			() => first.rest,
		);
		const end = line.indexOf(0x0a);
		const reply = parseReply(`err ${line.subarray(0, end < 0 ? line.length : end).toString('latin1')}`);
		if ('kind' in reply && reply.kind === 'err' && reply.code !== 'unknown') {
			const relay = name ?? 'HOST:PORT';
			return (
				`${where} is a facetty relay: use facetty invite --relay ${relay} here, ` +
				`and facetty join CODE --relay ${relay} on the other side`
			);
		}
	}
	if (start === 'SSH-') return `${where} is an SSH server, not facetty: is this the wrong port?`;
	return (
		`${where} answered "${quoteBytes(start, handshakeLength)}", not facetty's greeting: it is not ` +
		'facetty (nor the original script), or this is the wrong port'
	);
}

/**
 * The caller's side of the greeting over `socket` (connected, paused). `name` is what known_peers
 * knows the peer as (the address dialled). Ends by attaching the socket to `call`; throws to refuse.
 */
export async function callerGreeting(
	call: Call,
	socket: net.Socket,
	name: string | undefined,
): Promise<void> {
	const options = call.options;
	pinOf(options);
	const known = options.configDir && name ? new KnownPeers(options.configDir).lookup(name) : undefined;
	const flags = trustFlags(options, known !== undefined);
	const opening = callerVerdict(flags, 'unknown');
	if (opening.go === 'refuse') refusal(opening);
	let stream: Duplex = socket;
	const track = (next: Duplex) => {
		stream = next;
	};
	// Ended during the greeting: the connection is closed here. Once the call took it (attach sets
	// its protocol), the call closes it after its goodbye: destroyed at once, it could answer the
	// peer's last bytes with a reset that the peer reads before the goodbye.
	call.once('ended', () => {
		if (call.protocol === undefined) stream.destroy();
	});
	const greetingMs = timeoutOf(options, greetingDeadlines.greetingMs);
	try {
		call.setState('handshaking');
		// The answer to the accepter's `done` does not depend on anything in it, so it goes out at
		// once rather than after it: the same bytes in the same order for any accepter, and a
		// server that waits for its client to speak first (a facetty relay) hears something.
		const magic = opening.go === 'plain-v2' ? v2Magic : opening.go === 'tls' ? tlsMagic : seedGreeting;
		socket.write(magic);
		// The script (or a relay) hangs up on anything but `done`, perhaps before its own `done`
		// reached us: never a cue to fall back here, since only a call that asks for
		// authentication or encryption opens with the magic.
		const hungUpOnMagic = (error: unknown): never => {
			if (error instanceof PeerClosedError && opening.go !== 'seed' && opening.go !== 'announce') {
				const verdict = callerVerdict(flags, 'seed');
				if (verdict.go === 'refuse' && known !== undefined && options.configDir) {
					const file = new KnownPeers(options.configDir).file;
					refusal({...verdict, here: verdict.here.replace('its line in known_peers', `its line in ${file}`)});
				}
				refusal(verdict);
			}
			throw error;
		};
		const greeting = await readGreeting(socket, greetingMs, name).catch(hungUpOnMagic);
		let rest = greeting.rest;
		if (opening.go === 'seed') {
			attachSeed(call, socket, opening.status, rest);
			return;
		}
		if (opening.go === 'announce') {
			const shapeMs = timeoutOf(options, greetingDeadlines.shapeMs);
			const theirs = await readShapeMessage(socket, rest, shapeMs, greetingDeadlines.announceGraceMs);
			if (theirs.announcedEnd !== undefined) {
				const verdict = callerVerdict(flags, 'v2');
				if (verdict.go !== 'tls') refusal(verdict);
				// Both are facetty: the shape's numbers will never be used, so no need to wait for a frame.
				const size = await ourFrameSize(call, 0);
				const shape = size ? announceableShape(size.height, size.width) : defaultSeedShape;
				socket.write(encodeSeedShape(shape, true));
				await secureAndAttach(call, socket, theirs.bytes.subarray(theirs.announcedEnd), name, track);
				return;
			}
			const verdict = callerVerdict(flags, 'seed');
			if (verdict.go !== 'seed') refusal(verdict);
			const size = await ourFrameSize(call, Math.min(shapeMs, greetingDeadlines.frameWaitMs));
			throwIfEnded(call);
			// Plain, as the script's initiator answers: an older facetty accepter reads no third field.
			const shape = size ? validateSeedShape(size.height, size.width) : defaultSeedShape;
			socket.write(encodeSeedShape(shape));
			attachSeed(call, socket, verdict.status, theirs.bytes, shape);
			return;
		}
		// Our magic went out with the greeting, so its answer may have come in the same read.
		if (rest.length > 0) socket.unshift(rest);
		rest = Buffer.alloc(0);
		const answer = await readExactly(socket, handshakeLength, greetingMs).catch(hungUpOnMagic);
		if (bytesEqual(answer.bytes, busyReply))
			throw new ProtocolError('busy', `${name ?? 'the peer'} is busy in another call`);
		const away = turnedAway(answer.bytes, name);
		if (away) throw away;
		if (!bytesEqual(answer.bytes, magic)) {
			throw new ProtocolError(
				'bad-handshake',
				opening.go === 'plain-v2'
					? 'the peer did not accept plaintext v2'
					: 'the peer did not accept an encrypted call',
			);
		}
		rest = Buffer.concat([rest, answer.rest]);
		if (opening.go === 'plain-v2') {
			call.setSecurity({encrypted: false, verifiedBySecret: false, note: opening.status});
			if (!call.ended) attachV2(call, socket, rest);
			return;
		}
		await secureAndAttach(call, socket, rest, name, track);
	} catch (error) {
		stream.destroy();
		socket.destroy();
		throw error;
	}
}

/** The accepter's side over `socket` (connected, paused). Ends attached to `call`; throws to refuse. */
export async function accepterGreeting(call: Call, socket: net.Socket): Promise<void> {
	const options = call.options;
	const flags = trustFlags(options);
	let stream: Duplex = socket;
	const track = (next: Duplex) => {
		stream = next;
	};
	// Ended during the greeting: the connection is closed here. Once the call took it (attach sets
	// its protocol), the call closes it after its goodbye: destroyed at once, it could answer the
	// peer's last bytes with a reset that the peer reads before the goodbye.
	call.once('ended', () => {
		if (call.protocol === undefined) stream.destroy();
	});
	try {
		call.setState('handshaking');
		socket.write(seedGreeting);
		const greetingMs = timeoutOf(options, greetingDeadlines.greetingMs);
		const {bytes, rest} = await readExactly(socket, handshakeLength, greetingMs);
		const reply = classifyGreetingReply(bytes);
		if (reply === 'unknown') {
			throw new ProtocolError(
				'bad-handshake',
				`the caller answered ${JSON.stringify(bytes.toString('latin1'))}`,
			);
		}
		const verdict = accepterVerdict(flags, reply === 'seed' ? 'done' : reply === 'v2' ? 'plain-v2' : 'tls');
		switch (verdict.go) {
			case 'refuse':
				return refusal(verdict);
			case 'tls':
				socket.write(tlsMagic);
				return await secureAndAttach(call, socket, rest, undefined, track);
			case 'plain-v2':
				socket.write(v2Magic);
				call.setSecurity({encrypted: false, verifiedBySecret: false, note: verdict.status});
				return attachV2(call, socket, rest);
			case 'seed':
				return attachSeed(call, socket, verdict.status, rest);
			case 'announce':
				break;
		}
		const shapeMs = timeoutOf(options, greetingDeadlines.shapeMs);
		const size = await ourFrameSize(call, Math.min(shapeMs, greetingDeadlines.frameWaitMs));
		throwIfEnded(call);
		const ours = size
			? announceableShape(size.height, size.width)
			: announceableShape(defaultSeedShape.rows, defaultSeedShape.cols);
		socket.write(encodeSeedShape(ours, true));
		const theirs = await readShapeMessage(socket, rest, shapeMs, greetingDeadlines.announceGraceMs);
		if (theirs.announcedEnd !== undefined) {
			const upgrade = accepterVerdict(flags, 'v2');
			if (upgrade.go !== 'tls') refusal(upgrade);
			return await secureAndAttach(
				call,
				socket,
				theirs.bytes.subarray(theirs.announcedEnd),
				undefined,
				track,
			);
		}
		const plain = accepterVerdict(flags, 'seed');
		if (plain.go !== 'seed') refusal(plain);
		attachSeed(call, socket, plain.status, theirs.bytes, ours);
	} catch (error) {
		stream.destroy();
		socket.destroy();
		throw error;
	}
}
