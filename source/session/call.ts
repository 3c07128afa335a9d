/**
 * A call in progress, usable from code, tests and the TUI.
 *
 *   const call = dial('host', 5000, {protocol: 'auto'});   // or: (await listen({port})).on('call', ...)
 *   call.on('state', (state) => ...);        // 'connecting' | 'handshaking' | 'in-call' | 'ended'
 *   call.on('frame', (frame: Frame) => ...); // the peer's picture, decoded to packed BGR
 *   call.on('chat', (text) => ...);  call.on('stats', (s: CallStats) => ...);
 *   call.on('ended', ({reason, error}) => ...);  // once; 'error' is emitted too, if anyone listens
 *   call.sendFrame(frame);           // never queues: at most one frame waits, newer replaces older
 *   call.sendChat('hi');  call.requestShownSize(160, 96);  call.hangUp('bye');
 *   call.security                    // {encrypted, sas, peerFingerprint, peerKey, verifiedBySecret, ...}
 *   call.remoteAddress               // "host:port" of the peer, once connected
 *   call.peerName                    // the display name the peer gave (v2, options.name), once in call
 *   call.on('security', (s) => ...); // when it is known (before 'in-call')
 *
 * The wire work lives in seed-link.ts and v2-link.ts (behind the Link contract, link.ts); this
 * class owns what both share: the one-slot send pipeline, display decoding, timeouts, stats and the
 * way a call ends. Its options, security and events are typed in call-types.ts.
 */
import {EventEmitter} from 'node:events';
import type {Duplex} from 'node:stream';
import {formatShape, type Frame} from '../frame.js';
import {formatHostPort, unmapped} from '../net/address.js';
import {ProtocolError} from '../protocol/errors.js';
import {nameFromAgent} from '../protocol/v2.js';
import {cleanLine} from '../text/sanitize.js';
import {CallMeter, StatsFile, type CallStats} from './stats.js';
import {connectionErrorSentence} from './tls-errors.js';
import {fitWithin, type Size} from './media.js';
import {
	defaultTimeouts,
	type CallEnd,
	type CallEvents,
	type CallOptions,
	type CallSecurity,
	type CallState,
	type DirectOffer,
	type Protocol,
	type Role,
} from './call-types.js';
import type {Link, LinkHost} from './link.js';
import {asError, errorMessage} from '../text/error-message.js';

export * from './call-types.js';
export type {Link, LinkHost} from './link.js';

const defaultMaxWriteBacklog = 32 * 1024 * 1024;
const endTextLimits = {maxColumns: 1000} as const;

export class Call extends EventEmitter<CallEvents> {
	state: CallState = 'connecting';
	protocol: Protocol | undefined;
	readonly meter = new CallMeter();
	lastStats: CallStats | undefined;
	shownSize: Size | undefined;
	security: CallSecurity = {encrypted: false, verifiedBySecret: false};
	/** `host:port` of the peer (IPv6 in brackets), set as soon as the connection is open. */
	remoteAddress: string | undefined;
	/** The display name the peer gave in its hello (v2 only), cleaned of control characters. */
	peerName: string | undefined;
	private socket: Duplex | undefined;
	private link: Link | undefined;
	private waiting: Frame | undefined;
	private sending = false;
	private lastReceivedAt = Date.now();
	/** The longest this peer has been quiet in the call so far, between two chunks (silenceTimeoutMs). */
	private longestQuietMs = 0;
	private timer: NodeJS.Timeout | undefined;
	private statsTimer: NodeJS.Timeout | undefined;
	private silenceRecheck: NodeJS.Immediate | undefined;
	private readonly statsFile: StatsFile | undefined;
	private endInfo: CallEnd | undefined;
	private attachedAt = 0;
	/**
	 * How long the handshake may take after attach, in total (not per byte): the handshake
	 * deadline, unless the peer said it is asking its user about our key (once per call).
	 */
	private handshakeBudgetMs: number | undefined;
	/**
	 * Asked just before the call goes live (a listener: is no other call live?). False ends this
	 * call as busy instead; true lets it go live, and whoever listens to 'state' sees 'in-call'.
	 */
	admit: ((call: Call) => boolean) | undefined;
	/**
	 * Asked after TLS, before a shared secret is checked (a listener: may this source guess now?).
	 * Throws to refuse: checking the secret is an online guess at it, and guesses are rate-limited.
	 */
	beforeSecretCheck: (() => void) | undefined;

	/** The frame waiting to be sent, if any (the greeting announces its size in the seed format). */
	get waitingFrame(): Frame | undefined {
		return this.waiting;
	}

	/** Woken by the next sendFrame or by the end, whichever comes first (see frameOrEnd). */
	private frameWaiters = new Set<() => void>();

	/**
	 * Resolves when a frame is waiting to be sent or the call has ended (at once if either is so), or
	 * after `ms`: the greeting announces its first frame's size without polling for it.
	 */
	frameOrEnd(ms: number): Promise<void> {
		if (this.waiting || this.endInfo || ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const wake = () => {
				clearTimeout(timer);
				this.frameWaiters.delete(wake);
				resolve();
			};
			const timer = setTimeout(wake, ms);
			this.frameWaiters.add(wake);
		});
	}

	private wakeFrameWaiters(): void {
		for (const wake of [...this.frameWaiters]) wake();
	}

	constructor(
		readonly role: Role,
		readonly options: CallOptions = {},
	) {
		super();
		this.shownSize = options.shownSize;
		this.statsFile = options.statsFile ? new StatsFile(options.statsFile) : undefined;
		const interval = options.statsIntervalMs ?? 1000;
		this.statsTimer = setInterval(() => this.emitStats(), interval);
	}

	/** v2 with a codec: the bits a second it aims at now (link-rate.ts); null otherwise. */
	get targetKbps(): number | null {
		return this.link?.targetKbps ?? null;
	}

	get ended(): CallEnd | undefined {
		return this.endInfo;
	}

	/** Used by dial/listen once the greeting chose a protocol; `initial` is what arrived after it. */
	attach(socket: Duplex, protocol: Protocol, makeLink: (host: LinkHost) => Link, initial: Buffer): void {
		if (this.endInfo) {
			socket.destroy();
			return;
		}
		this.socket = socket;
		this.protocol = protocol;
		this.setState('handshaking');
		const link = makeLink(this.host());
		this.link = link;
		socket.on('data', (chunk: Buffer) => this.onData(chunk));
		socket.on('end', () => this.onPeerClosed());
		socket.on('close', () => this.onPeerClosed());
		socket.on('error', (error: NodeJS.ErrnoException) => {
			// Before the call begins a reset is how a caller that refused our key usually leaves: it
			// closes with our hello unread, and its kernel answers with a reset instead of a FIN.
			const reset = error.code === 'ECONNRESET' || error.code === 'EPIPE';
			if (reset && this.state !== 'in-call') {
				this.onPeerClosed();
				return;
			}
			this.finish(connectionErrorSentence(error), error);
		});
		this.timer = setInterval(() => this.tick(), 250);
		this.lastReceivedAt = this.attachedAt = Date.now();
		link.start(initial);
		socket.resume();
	}

	/** Sets the pre-connection failure (dial could not connect or negotiate). */
	fail(error: Error): void {
		this.finish(error.message, error);
	}

	setSecurity(security: CallSecurity): void {
		this.security = security;
		this.emit('security', security);
	}

	setState(state: CallState): void {
		if (this.state === state || this.state === 'ended') return;
		this.state = state;
		this.emit('state', state);
	}

	/** The size this call sends a frame of `native` size at, when its link knows (link.ts). */
	sendSizeFor(native: Size): Size | undefined {
		return this.state === 'in-call' ? this.link?.sendSizeFor?.(native) : undefined;
	}

	/**
	 * `native`: the camera's own size, when the frame may have been read smaller. A call still in
	 * its greeting takes only a frame of that size: the seed format announces the first frame's
	 * size as the call's shape, and a camera read small while nothing wanted its picture (an idle
	 * listener) would otherwise announce that.
	 */
	sendFrame(frame: Frame, native?: Size): void {
		if (this.endInfo) return;
		if (native && this.state !== 'in-call' && frame.width * frame.height < native.width * native.height)
			return;
		if (this.waiting && this.state === 'in-call') this.meter.dropped++;
		this.waiting = frame;
		this.wakeFrameWaiters();
		this.pump();
	}

	sendChat(text: string): void {
		if (this.state === 'in-call') this.link?.sendChat(text);
	}

	sendDirectOffer(offer: DirectOffer): void {
		if (this.state === 'in-call') this.link?.sendDirectOffer?.(offer);
	}

	/** A room's message to this member (v2 0x10..0x17; room/room.ts); dropped outside a v2 call. */
	sendRoom(code: number, payload: Buffer): void {
		if (this.state === 'in-call') this.link?.sendRoom?.(code, payload);
	}

	requestShownSize(width: number, height: number): void {
		this.shownSize = {width, height};
		this.link?.requestShownSize(this.shownSize);
	}

	hangUp(reason = 'hung up'): void {
		if (this.endInfo) return;
		this.link?.goodbye(reason);
		this.finish(reason);
	}

	statsNow(): CallStats {
		const peer = this.link?.peerShape;
		const shown = this.shownSize && peer ? fitShown(peer, this.shownSize) : peer;
		const stats = this.meter.snapshot({
			state: this.state,
			protocol: this.protocol ?? null,
			codec: this.link?.codec ?? null,
			target_kbps: this.targetKbps,
			rtt_ms: this.link?.rttMs ?? null,
			peer_shape: peer ? formatShape(peer.width, peer.height) : null,
			shown_shape: shown ? formatShape(shown.width, shown.height) : null,
			encrypted: this.protocol ? this.security.encrypted : null,
			sas: this.security.sas ?? null,
		});
		if (this.options.screenLagMs) stats.screen_lag_ms = roundLag(this.options.screenLagMs());
		return stats;
	}

	private emitStats(): void {
		if (this.state === 'connecting' && !this.socket) return;
		const stats = this.statsNow();
		this.lastStats = stats;
		this.statsFile?.append(stats);
		this.emit('stats', stats);
	}

	/** Bytes to the peer; `done` once they are in the kernel. */
	private writeToPeer(bytes: Buffer, done?: () => void): void {
		// After our goodbye the socket is ended but still read until the peer closes: what the
		// link would answer then (an ack, a pong) is dropped, since a write after end destroys
		// the socket and the peer would read a reset instead of the goodbye.
		if (!this.socket || this.socket.destroyed || this.socket.writableEnded) return;
		this.meter.sent(bytes.length);
		this.socket.write(bytes, done);
		const limit = this.options.maxWriteBacklogBytes ?? defaultMaxWriteBacklog;
		if (this.socket.writableLength > limit) {
			const message = `the peer stopped reading (${Math.round(this.socket.writableLength / 1048576)} MiB waiting to be sent)`;
			queueMicrotask(() => this.finish(message, new ProtocolError('too-slow', message)));
		}
	}

	private host(): LinkHost {
		return {
			options: this.options,
			write: (bytes, done) => this.writeToPeer(bytes, done),
			shown: (frame, latency) => {
				if (this.endInfo) return;
				this.meter.frameShown(latency);
				this.emit('frame', frame);
			},
			chat: (text) => this.emit('chat', text),
			directOffer: (offer) => this.emit('direct-offer', offer),
			room: (code, payload) => this.emit('room', code, payload),
			peerIsAsking: () => {
				if (this.handshakeBudgetMs !== undefined || this.state === 'in-call') return;
				// Its user has the question's own timeout to answer, and hello one handshake more.
				const handshake = this.options.handshakeTimeoutMs ?? defaultTimeouts.handshakeMs;
				const question = this.options.confirmTimeoutMs ?? defaultTimeouts.confirmMs;
				this.handshakeBudgetMs = Date.now() - this.attachedAt + question + handshake;
			},
			fail: (error) => this.finish(error.message, error),
			ended: (reason) => this.finish(reason),
			peekFrame: () => this.waiting,
			pump: () => this.pump(),
			peerHello: (agent) => {
				this.peerName = nameFromAgent(agent);
			},
			inCall: () => {
				if (this.state === 'in-call' || this.endInfo) return;
				if (this.admit && !this.admit(this)) {
					const message = 'busy: the listener took another call first';
					this.link?.goodbye('busy: already in a call');
					this.finish(message, new ProtocolError('busy', message));
					return;
				}
				this.setState('in-call');
			},
		};
	}

	private pump(): void {
		const link = this.link;
		if (this.sending || !this.waiting || !link || this.endInfo || !link.readyForFrame()) return;
		const frame = this.waiting;
		this.waiting = undefined;
		this.sending = true;
		link.encodeFrame(frame).then(
			(bytes) => {
				if (!bytes || this.endInfo) {
					this.sending = false;
					return;
				}
				// The next frame is taken only once this one is in the kernel: at most one frame waits.
				this.writeToPeer(bytes, () => {
					this.meter.frameSent();
					this.sending = false;
					this.pump();
				});
			},
			(error: unknown) => {
				this.sending = false;
				this.finish(`could not encode a frame: ${errorMessage(error)}`, asError(error));
			},
		);
	}

	private onData(chunk: Buffer): void {
		const now = Date.now();
		if (this.state === 'in-call')
			this.longestQuietMs = Math.max(this.longestQuietMs, now - this.lastReceivedAt);
		this.lastReceivedAt = now;
		this.meter.received(chunk.length);
		try {
			this.link?.receive(chunk);
		} catch (error) {
			this.finish(errorMessage(error), error as Error);
		}
	}

	private onPeerClosed(): void {
		if (this.endInfo) return;
		const early = this.link?.midMessage ? undefined : this.link?.closedEarly?.();
		if (early) {
			this.finish(early.message, early);
		} else if (this.link?.midMessage) {
			this.finish(
				'the peer closed the connection in the middle of a frame',
				new ProtocolError('closed-mid-frame', 'the peer closed the connection in the middle of a frame'),
			);
		} else if (this.state !== 'in-call' && this.role === 'accepter' && this.security.encrypted) {
			// The caller had the encrypted channel and left before hello: its user refused our key, or quit.
			const message = "the caller hung up before the call began (it may have refused this side's key)";
			this.finish(message, new ProtocolError('bad-handshake', message));
		} else if (this.state !== 'in-call') {
			this.finish(
				'the peer hung up during the handshake',
				new ProtocolError('bad-handshake', 'the peer hung up during the handshake'),
			);
		} else {
			this.finish('the peer hung up');
		}
	}

	private tick(afterReading = false): void {
		if (this.endInfo) return;
		const now = Date.now();
		const inCall = this.state === 'in-call';
		// Handshake: a total budget, so a byte a second cannot hold the listener. In a v2 call: time
		// since the last whole message (pings arrive every second), for the same reason.
		// The seed format before its first frame: progress, not a total (SeedLink bounds a slow frame).
		const since = !inCall
			? this.protocol === 'seed'
				? this.lastReceivedAt
				: this.attachedAt
			: this.protocol === 'v2'
				? Math.max(this.attachedAt, this.link?.lastMessageAt ?? this.lastReceivedAt)
				: this.lastReceivedAt;
		let silentFor = now - since;
		let limit = inCall
			? (this.options.idleTimeoutMs ?? defaultTimeouts.idleMs)
			: (this.handshakeBudgetMs ?? this.options.handshakeTimeoutMs ?? defaultTimeouts.handshakeMs);
		// Not one byte (a frozen or cut-off peer), as against no whole message (a dribbling one).
		const silenceTimeoutMs = this.options.silenceTimeoutMs;
		if (inCall && this.protocol === 'v2' && silenceTimeoutMs !== undefined && silentFor <= limit) {
			const silenceLimit = Math.max(silenceTimeoutMs, 2 * this.longestQuietMs);
			const quietFor = now - Math.max(this.attachedAt, this.lastReceivedAt);
			if (quietFor > silenceLimit) [silentFor, limit] = [quietFor, silenceLimit];
		}
		// The seed format has no keep-alive: a seed peer may fall silent between frames, not inside one.
		const watched = this.state !== 'in-call' || this.protocol === 'v2' || this.link?.midMessage;
		if (watched && silentFor > limit) {
			// The verdict waits for this turn's reading: after a stall (a busy machine, a laptop
			// lid), timers run before the bytes already waiting in the socket are read.
			if (!this.silenceRecheck) {
				this.silenceRecheck = setImmediate(() => {
					this.silenceRecheck = undefined;
					this.tick(true);
				});
			}
			if (!afterReading) return;
			const what = this.state === 'in-call' ? 'sent nothing' : 'did not finish the handshake';
			const sentence = `the peer ${what} for ${Math.round(silentFor / 1000)} s`;
			this.finish(sentence, new ProtocolError('timeout', sentence));
			return;
		}
		this.link?.tick(now);
	}

	private finish(reason: string, error?: Error): void {
		if (this.endInfo) return;
		// Reasons and errors quote the peer (its goodbye, its bytes) and OpenSSL: one clean line each,
		// whoever prints them. Long enough for facetty's own longest sentence (a changed key).
		reason = cleanLine(reason, endTextLimits);
		if (error) {
			try {
				error.message = cleanLine(error.message, endTextLimits);
			} catch {
				// A message that cannot be set (a getter): the reason above is what facetty prints.
			}
		}
		this.endInfo = error ? {reason, error} : {reason};
		this.wakeFrameWaiters();
		clearInterval(this.timer);
		clearInterval(this.statsTimer);
		clearImmediate(this.silenceRecheck);
		this.link?.close?.();
		if (this.socket) {
			const socket = this.socket;
			socket.end();
			// Until the peer closes too (what it sends meanwhile is read and dropped), for a while: a
			// peer that never reads or never closes must not keep the socket alive.
			setTimeout(() => socket.destroy(), defaultTimeouts.lingerMs).unref();
		}
		this.emitStatsFinal();
		this.setState('ended');
		if (error && this.listenerCount('error') > 0) this.emit('error', error);
		this.emit('ended', this.endInfo);
	}

	private emitStatsFinal(): void {
		if (!this.socket) return;
		const stats = this.statsNow();
		stats.state = 'ended';
		this.lastStats = stats;
		this.statsFile?.append(stats);
	}
}

/** The size the peer's picture is shown at: fitted to this side's box (0x0: full size), enlarged too. */
function fitShown(peer: Size, box: Size): Size {
	return box.width === 0 || box.height === 0 ? peer : fitWithin(peer, box, true);
}

/**
 * The largest size any of `calls` sends a frame of `native` size at (what a camera may read its
 * frames at); undefined while one of them does not know yet, or there is none.
 */
export function largestSendSize(calls: Iterable<Call>, native: Size): Size | undefined {
	let largest: Size | undefined;
	for (const call of calls) {
		const size = call.sendSizeFor(native);
		if (!size) return undefined;
		if (!largest || size.width * size.height > largest.width * largest.height) largest = size;
	}
	return largest;
}

/** `host:port` of a socket's peer: IPv4-mapped IPv6 as plain IPv4, other IPv6 in brackets. */
export function addressOf(host: string | undefined, port: number | undefined): string | undefined {
	if (!host || port === undefined) return undefined;
	return formatHostPort({host: unmapped(host), port});
}

function roundLag(ms: number | undefined): number | null {
	return ms === undefined ? null : Math.round(ms * 10) / 10;
}
