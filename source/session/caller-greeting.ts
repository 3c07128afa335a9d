/**
 * The caller's side of the greeting: its opening (the script's `done`, or FTYS/FTY2 at once when
 * the call must be encrypted), the accepter's answer, the shape exchange with facetty's
 * announcement, then TLS (greeting.ts). Each step asks the trust policy (trust/policy.ts).
 */
import type net from 'node:net';
import {ProtocolError} from '../protocol/errors.js';
import {
	busyReply,
	bytesEqual,
	handshakeLength,
	seedGreeting,
	tlsMagic,
	v2Magic,
} from '../protocol/handshake.js';
import {announceableShape, encodeSeedShape, validateSeedShape} from '../protocol/seed.js';
import {KnownPeers} from '../trust/known-peers.js';
import {callerVerdict} from '../trust/policy.js';
import {readGreeting, readShapeMessage, turnedAway} from './answered.js';
import type {Call} from './call.js';
import {
	attachSeed,
	attachV2,
	defaultSeedShape,
	greetingDeadlines,
	ourFrameSize,
	pinOf,
	refusal,
	runGreeting,
	secureAndAttach,
	throwIfEnded,
	timeoutOf,
	trustFlags,
} from './greeting.js';
import {PeerClosedError, readExactly} from './read.js';

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
	// A key remembered for this address asks for authentication; the policy's sentences name its file.
	let rememberedIn: string | undefined;
	if (options.configDir && name) {
		const knownPeers = new KnownPeers(options.configDir);
		if (knownPeers.lookup(name) !== undefined) rememberedIn = knownPeers.file;
	}
	const flags = trustFlags(options, rememberedIn);
	const opening = callerVerdict(flags, 'unknown');
	if (opening.go === 'refuse') refusal(opening);
	const greetingMs = timeoutOf(options, greetingDeadlines.greetingMs);
	await runGreeting(call, socket, async (track) => {
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
				refusal(callerVerdict(flags, 'seed'));
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
	});
}
