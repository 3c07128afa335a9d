/**
 * A listener that takes one live call at a time and survives anything a peer sends. Before a call
 * is live a connection holds nothing: every new connection runs its greeting, shapes and
 * handshake in parallel with the others (each step with its own deadline, greeting.ts), and the
 * first to become ready becomes the live call. "Busy" is said only when a live call exists.
 *
 * Unfinished connections are limited per source (an IPv4 address, an IPv6 /64) and in all, and a
 * newcomer over a limit replaces a stalled connection of a heavier source (net/admission.ts), so
 * a crowd that redials cannot keep a caller out. With --secret, each check of the secret is a
 * guess, and guesses are rate-limited per source and in all (GuessLimiter); a caller turned away
 * for either is told so (FULL, WAIT) rather than hung up on.
 */
import {EventEmitter} from 'node:events';
import net from 'node:net';
import {admission, GuessLimiter, waitText, type Unfinished} from '../net/admission.js';
import {defaultPort, sourceKey, unmapped} from '../net/address.js';
import type {Frame} from '../frame.js';
import type {Size} from './media.js';
import {ProtocolError} from '../protocol/errors.js';
import {
	busyReply,
	classifyGreetingReply,
	fullReply,
	handshakeLength,
	seedGreeting,
	waitReply,
} from '../protocol/handshake.js';
import {checkFlags} from '../trust/policy.js';
import {addressOf, Call, defaultTimeouts, type CallOptions} from './call.js';
import {accepterGreeting} from './accepter-greeting.js';
import {identityFor, pinOf, trustFlags} from './greeting.js';
import {readExactly} from './read.js';
import {asError} from '../text/error-message.js';

export type ListenOptions = CallOptions & {
	host?: string;
	port?: number;
	/** Unfinished connections one source may have at once; default listenerLimits.perSource. */
	maxPendingPerSource?: number;
	/** Unfinished connections in all; default listenerLimits.total. */
	maxPending?: number;
	/** How fast the secret may be guessed; default net/admission.ts defaultGuessLimits. */
	guessLimiter?: GuessLimiter;
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
	/** Connections being told "busy" (or turned away) at once. */
	busy: 8,
	/**
	 * A connection whose peer sent nothing for this long may be dropped for a newcomer: longer than
	 * any pause of a caller whose handshake is under way (a round trip, the accepter's 1 s wait for
	 * its first frame), much shorter than the 5 s deadlines a stall would otherwise hold a slot for.
	 */
	stalledMs: 2000,
} as const;

/** An unfinished connection: its call, where it comes from, and when its peer last sent a byte. */
type Pending = Unfinished<Call> & {socket: net.Socket; bytesRead: number; guessing: boolean};

function isLoopback(host: string | undefined): boolean {
	if (host === undefined || host === '') return false;
	const h = host.toLowerCase();
	return h === 'localhost' || h === '::1' || unmapped(h).startsWith('127.');
}

export class Listener extends EventEmitter<ListenerEvents> {
	active: Call | undefined;
	readonly warnings: string[] = [];
	/** Connections still in their greeting or handshake. */
	private readonly pending = new Map<Call, Pending>();
	private readonly server: net.Server;
	private busyConnections = 0;
	private readonly guesses: GuessLimiter;
	/** Samples each unfinished connection's bytes read, so a stall is told from a handshake under way. */
	private progressTimer: NodeJS.Timeout | undefined;

	constructor(readonly options: ListenOptions = {}) {
		super();
		this.server = net.createServer({pauseOnConnect: true}, (socket) => void this.accept(socket));
		this.guesses = options.guessLimiter ?? new GuessLimiter(undefined, Date.now());
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

	/** Callers in their greeting: they may take a frame at any size (the seed format's first one). */
	get greeting(): boolean {
		return this.pending.size > 0;
	}

	/**
	 * This side's picture, for the live call and for callers still in their greeting (the seed
	 * format announces its frame size before the call is live; `native`: Call.sendFrame).
	 */
	sendFrame(frame: Frame, native?: Size): void {
		this.active?.sendFrame(frame, native);
		for (const call of this.pending.keys()) call.sendFrame(frame, native);
	}

	close(reason = 'the listener closed'): Promise<void> {
		clearInterval(this.progressTimer);
		this.progressTimer = undefined;
		this.active?.hangUp(reason);
		for (const call of [...this.pending.keys()]) call.hangUp(reason);
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	/**
	 * A caller turned away for admission (FULL) or secret guessing (WAIT): greeted, told so where
	 * the answer to its magic goes, and hung up on, without waiting for anything it sends (a crowd
	 * is what is being refused: none of it may cost more than this).
	 */
	private refuse(socket: net.Socket, address: string, why: ProtocolError, reply: Uint8Array): void {
		this.emit('rejected', why, address);
		socket.end(Buffer.concat([seedGreeting, reply]));
		// Read and drop what it sends meanwhile: unread bytes would turn our close into a reset
		// that could reach the caller before the reply does.
		socket.resume();
		setTimeout(() => socket.destroy(), 1000).unref();
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
		this.stopSamplingIfIdle();
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
		const source = sourceKey(socket.remoteAddress);
		const now = Date.now();
		if (this.options.secret) {
			const guess = this.guesses.check(source, now);
			if (!guess.ok) {
				const message =
					guess.why === 'source'
						? `wrong secrets were tried from ${source} lately: told it to wait ${waitText(guess.waitMs)}`
						: `too many secrets were tried lately from everywhere (someone may be guessing it): told it to wait ${waitText(guess.waitMs)}`;
				return this.refuse(socket, address, new ProtocolError('too-many', message), waitReply);
			}
		}
		this.sampleProgress(now);
		const limits = {
			perSource: this.options.maxPendingPerSource ?? listenerLimits.perSource,
			total: this.options.maxPending ?? listenerLimits.total,
			// Short deadlines (tests) shorten it too: a stall must be droppable before its deadline ends it.
			stalledMs: Math.min(listenerLimits.stalledMs, (this.options.handshakeTimeoutMs ?? Infinity) / 2),
		};
		const verdict = admission([...this.pending.values()], source, limits, now);
		if (!verdict.admit) {
			const message =
				verdict.why === 'source'
					? `${limits.perSource} unfinished connections from ${source} already, none silent for ${waitText(limits.stalledMs)} yet to give way: told it to try again later`
					: `${this.pending.size} unfinished connections already, none silent for ${waitText(limits.stalledMs)} yet to give way: told it to try again later`;
			return this.refuse(socket, address, new ProtocolError('too-many', message), fullReply);
		}
		if (verdict.drop) {
			const dropped = this.pending.get(verdict.drop)!;
			verdict.drop.fail(
				new ProtocolError(
					'too-many',
					`it had sent nothing for ${waitText(now - dropped.progressed)}, and a new caller needed its place ` +
						`(${this.pending.size} unfinished connections)`,
				),
			);
		}
		const call = new Call('accepter', this.options);
		call.remoteAddress = addressOf(socket.remoteAddress, socket.remotePort);
		call.admit = (ready) => this.admit(ready);
		const entry: Pending = {
			id: call,
			source,
			since: now,
			progressed: now,
			socket,
			bytesRead: 0,
			guessing: false,
		};
		call.beforeSecretCheck = () => this.takeGuess(entry);
		call.on('security', (security) => {
			if (entry.guessing && security.verifiedBySecret) {
				entry.guessing = false;
				this.guesses.settle(source, true, Date.now());
			}
		});
		this.pending.set(call, entry);
		this.progressTimer ??= setInterval(() => this.sampleProgress(Date.now()), 250).unref();
		call.once('ended', (end) => {
			if (entry.guessing) {
				entry.guessing = false;
				this.guesses.settle(source, false, Date.now());
			}
			if (!this.pending.delete(call)) return;
			this.stopSamplingIfIdle();
			const failure = end.error ?? new ProtocolError('bad-handshake', end.reason);
			this.emit('rejected', failure, address);
		});
		socket.setNoDelay(true);
		try {
			await accepterGreeting(call, socket);
		} catch (error) {
			call.fail(asError(error));
		}
	}

	/** The secret is about to be checked: a guess, if this source and everyone may guess now. */
	private takeGuess(entry: Pending): void {
		const now = Date.now();
		const guess = this.guesses.take(entry.source, now);
		if (!guess.ok) {
			const message =
				guess.why === 'source'
					? `did not check its secret: ${entry.source} guessed wrong lately and must wait ${waitText(guess.waitMs)}`
					: `did not check its secret: too many were tried lately from everywhere (someone may be guessing it); checks resume in ${waitText(guess.waitMs)}`;
			throw new ProtocolError('too-many', message);
		}
		entry.guessing = true;
	}

	/** Notes which unfinished connections read bytes since the last look. */
	private sampleProgress(now: number): void {
		for (const entry of this.pending.values()) {
			const read = entry.socket.bytesRead;
			if (read !== entry.bytesRead) {
				entry.bytesRead = read;
				entry.progressed = now;
			}
		}
	}

	private stopSamplingIfIdle(): void {
		if (this.pending.size > 0) return;
		clearInterval(this.progressTimer);
		this.progressTimer = undefined;
	}
}

export async function listen(options: ListenOptions = {}): Promise<Listener> {
	return new Listener(options).start();
}
