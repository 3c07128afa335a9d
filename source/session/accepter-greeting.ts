/**
 * The accepter's side of the greeting: `done` at once, the caller's answer (the script's, or
 * FTYS/FTY2), the shape exchange with facetty's announcement, then TLS (greeting.ts). Each step
 * asks the trust policy (trust/policy.ts).
 */
import type net from 'node:net';
import {ProtocolError} from '../protocol/errors.js';
import {
	classifyGreetingReply,
	handshakeLength,
	seedGreeting,
	tlsMagic,
	v2Magic,
} from '../protocol/handshake.js';
import {announceableShape, encodeSeedShape} from '../protocol/seed.js';
import {accepterVerdict} from '../trust/policy.js';
import {readShapeMessage} from './answered.js';
import type {Call} from './call.js';
import {
	attachSeed,
	attachV2,
	defaultSeedShape,
	greetingDeadlines,
	ourFrameSize,
	refusal,
	runGreeting,
	secureAndAttach,
	throwIfEnded,
	timeoutOf,
	trustFlags,
} from './greeting.js';
import {readExactly} from './read.js';

/** The accepter's side over `socket` (connected, paused). Ends attached to `call`; throws to refuse. */
export async function accepterGreeting(call: Call, socket: net.Socket): Promise<void> {
	const options = call.options;
	const flags = trustFlags(options);
	await runGreeting(call, socket, async (track) => {
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
	});
}
