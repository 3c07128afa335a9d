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
 * The wire work lives in seed-link.ts and v2-link.ts; this class owns what both share: the
 * one-slot send pipeline, display decoding, timeouts, stats and the way a call ends.
 */
import {EventEmitter} from 'node:events';
import type {Duplex} from 'node:stream';
import {formatShape, type Frame} from '../frame.js';
import type {Identity} from '../trust/identity.js';
import {formatHostPort} from '../net/address.js';
import {ProtocolError} from '../protocol/errors.js';
import {nameFromAgent} from '../protocol/v2.js';
import {cleanLine} from '../text/sanitize.js';
import {CallMeter, StatsFile, type CallStats} from './stats.js';
import {connectionErrorSentence} from './tls-errors.js';
import type {Size} from './media.js';

export type CallState = 'connecting' | 'handshaking' | 'in-call' | 'ended';
export type Protocol = 'seed' | 'v2';
export type ProtocolChoice = 'auto' | Protocol;
export type Role = 'accepter' | 'caller';
export type CallEnd = {reason: string; error?: Error};

export type CallOptions = {
	/** auto (default): the caller tries v2, then the seed format; the accepter takes either. */
	protocol?: ProtocolChoice;
	/** JPEG quality 1..100; default depends on the frame size (95 for small frames, 85 above 320x240). */
	quality?: number;
	/** v2 video codec to send; default jpeg. */
	codec?: 'jpeg' | 'raw';
	/** Pixels this side shows (v2 asks the peer to scale to fit); default: full size. */
	shownSize?: Size;
	/** Seed format: shape to announce; default: the size of the first frame passed to sendFrame. */
	seedShape?: Size;
	handshakeTimeoutMs?: number;
	/** A peer silent this long (v2), or stalled mid-frame (seed), ends the call. */
	idleTimeoutMs?: number;
	statsIntervalMs?: number;
	/** Appends one JSON line per stats interval. */
	statsFile?: string;
	/** false: 'frame' events are not decoded (benchmarks of the wire only); default true. */
	decode?: boolean;
	/**
	 * The display name the peer sees (v2: in hello's agent, at most 64 bytes; old facetty peers
	 * ignore it; the seed format cannot carry it).
	 */
	name?: string;

	// Trust (docs/protocol.md, "Encryption and trust").
	/** Shared passphrase both sides must know; checked inside TLS, before any video. */
	secret?: string;
	/** Refuse calls that cannot be encrypted (seed format, plaintext v2): no fallback. */
	requireEncryption?: boolean;
	/** Pin the peer's identity fingerprint (`SHA256:...`): any other key is refused, no question asked. */
	peerKey?: string;
	/**
	 * Directory with identity.pem and known_peers (the CLI passes defaultConfigDir()). Without it
	 * (and without `identity`) each process gets a throwaway key and no peer is remembered.
	 */
	configDir?: string;
	/** The identity to present; default: loaded (or made) from configDir, else a throwaway one. */
	identity?: Identity;
	/** Name known_peers records the peer under; default for the caller: "host:port" as dialled. */
	knownAs?: string;
	/**
	 * Asked when a known peer presents another key than recorded. Resolve true to accept (the new
	 * key is recorded), false to refuse. Without it the call is refused with the two fingerprints.
	 */
	confirmPeerKeyChange?: (change: PeerKeyChange) => boolean | Promise<boolean>;
	/** The display's lag (write -> the terminal's answer), for stats as screen_lag_ms. */
	screenLagMs?: () => number | undefined;
	/** v2 in the clear (magic FTY2), for benchmarks and old peers; refused with requireEncryption. */
	plaintext?: boolean;
	/** How long the accepter waits for the caller's hello after the encrypted channel is up (the caller may be asking its user about a changed key); default 60 s. */
	confirmTimeoutMs?: number;
	/** A peer that stops reading while we write (e.g. floods pings) is hung up on past this; default 32 MiB. */
	maxWriteBacklogBytes?: number;
};

export type PeerKeyStatus =
	/** First call to this name: recorded now. */
	| 'new'
	/** Matches known_peers. */
	| 'known'
	/** Matches --peer-key. */
	| 'pinned'
	/** Differed from known_peers; the user accepted it (recorded now). */
	| 'accepted-change'
	/** Nothing to compare with (accepter without --peer-key, or no configDir): compare the SAS. */
	| 'unchecked';

export type CallSecurity = {
	encrypted: boolean;
	/** Short authentication string, "123 456": equal on both screens means no one in the middle. */
	sas?: string;
	cipher?: string;
	/** Ours and the peer's identity fingerprints. */
	fingerprint?: string;
	peerFingerprint?: string;
	peerKey?: PeerKeyStatus;
	/** known_peers names with the peer's fingerprint (accepter: who is calling, if known). */
	peerKnownAs?: string[];
	/** Both sides proved the same --secret over this encrypted channel. */
	verifiedBySecret: boolean;
	/** A sentence for the screen when not encrypted (e.g. "the seed format cannot be encrypted"). */
	note?: string;
};

export type PeerKeyChange = {
	name: string;
	recorded: string;
	presented: string;
	knownPeersFile: string;
};

export const defaultTimeouts = {handshakeMs: 5000, idleMs: 10_000, confirmMs: 60_000};
const defaultMaxWriteBacklog = 32 * 1024 * 1024;
const endTextLimits = {maxColumns: 1000} as const;

/** What a protocol adapter does with the socket once the handshake chose it. */
export interface Link {
	readonly codec: string | null;
	readonly rttMs: number | null;
	/** Peer's picture size as it arrives. */
	readonly peerShape: Size | undefined;
	readonly midMessage: boolean;
	/** When the last whole message arrived (v2): a peer dribbling bytes is as silent as one sending none. */
	readonly lastMessageAt?: number;
	start(initial: Buffer): void;
	receive(chunk: Buffer): void;
	/** True when a frame may be written now (ordering rules, flow control). */
	readyForFrame(): boolean;
	/** Undefined drops the frame (e.g. the peer cannot show anything yet). */
	encodeFrame(frame: Frame): Promise<Buffer | undefined>;
	sendChat(text: string): void;
	/** v2 only: where this side also takes the call directly. */
	sendDirectOffer?(offer: DirectOffer): void;
	requestShownSize(size: Size): void;
	goodbye(reason: string): void;
	tick(now: number): void;
	/** Seed format: why the peer closed before its first frame (it cannot say so itself). */
	closedEarly?(): Error | undefined;
}

/** The call-side services a link uses; kept narrow so links stay testable. */
export interface LinkHost {
	readonly options: CallOptions;
	write(bytes: Buffer, done?: () => void): void;
	shown(frame: Frame, latencyMs: number | undefined): void;
	chat(text: string): void;
	directOffer(offer: DirectOffer): void;
	fail(error: Error): void;
	ended(reason: string): void;
	/** Pulls the frame waiting to be sent (seed shape from the first frame). */
	peekFrame(): Frame | undefined;
	pump(): void;
	/** The peer's hello agent arrived (v2), just before inCall. */
	peerHello(agent: string): void;
	inCall(): void;
}

export type DirectOffer = {readonly port: number; readonly addresses: readonly string[]};

export type CallEvents = {
	state: [state: CallState];
	frame: [frame: Frame];
	chat: [text: string];
	/** The peer offers to take this call directly too (v2 direct-offer, encrypted calls). */
	'direct-offer': [offer: DirectOffer];
	stats: [stats: CallStats];
	ended: [end: CallEnd];
	error: [error: Error];
	security: [security: CallSecurity];
};

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
	private timer: NodeJS.Timeout | undefined;
	private statsTimer: NodeJS.Timeout | undefined;
	private silenceRecheck: NodeJS.Immediate | undefined;
	private readonly statsFile: StatsFile | undefined;
	private endInfo: CallEnd | undefined;
	private attachedAt = 0;
	/** How long the handshake may take after attach, in total (not per byte). */
	handshakeBudgetMs: number | undefined;
	/**
	 * Asked just before the call goes live (a listener: is no other call live?). False ends this
	 * call as busy instead; true lets it go live, and whoever listens to 'state' sees 'in-call'.
	 */
	admit: ((call: Call) => boolean) | undefined;

	/** The frame waiting to be sent, if any (the greeting announces its size in the seed format). */
	get waitingFrame(): Frame | undefined {
		return this.waiting;
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
		socket.on('error', (error) => {
			const sentence = connectionErrorSentence(error);
			this.finish(sentence, error);
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

	sendFrame(frame: Frame): void {
		if (this.endInfo) return;
		if (this.waiting && this.state === 'in-call') this.meter.dropped++;
		this.waiting = frame;
		this.pump();
	}

	sendChat(text: string): void {
		if (this.state === 'in-call') this.link?.sendChat(text);
	}

	sendDirectOffer(offer: DirectOffer): void {
		if (this.state === 'in-call') this.link?.sendDirectOffer?.(offer);
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

	private host(): LinkHost {
		return {
			options: this.options,
			write: (bytes, done) => {
				if (!this.socket || this.socket.destroyed) return;
				this.meter.sent(bytes.length);
				this.socket.write(bytes, done ? () => done() : undefined);
				const limit = this.options.maxWriteBacklogBytes ?? defaultMaxWriteBacklog;
				if (this.socket.writableLength > limit) {
					const message = `the peer stopped reading (${Math.round(this.socket.writableLength / 1048576)} MiB waiting to be sent)`;
					queueMicrotask(() => this.finish(message, new ProtocolError('too-slow', message)));
				}
			},
			shown: (frame, latency) => {
				if (this.endInfo) return;
				this.meter.frameShown(latency);
				this.emit('frame', frame);
			},
			chat: (text) => this.emit('chat', text),
			directOffer: (offer) => this.emit('direct-offer', offer),
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
				this.host().write(bytes, () => {
					this.meter.frameSent();
					this.sending = false;
					this.pump();
				});
			},
			(error: unknown) => {
				this.sending = false;
				this.finish(`could not encode a frame: ${String(error)}`, error instanceof Error ? error : undefined);
			},
		);
	}

	private onData(chunk: Buffer): void {
		this.lastReceivedAt = Date.now();
		this.meter.received(chunk.length);
		try {
			this.link?.receive(chunk);
		} catch (error) {
			this.finish(error instanceof Error ? error.message : String(error), error as Error);
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
		const silentFor = now - since;
		const limit = inCall
			? (this.options.idleTimeoutMs ?? defaultTimeouts.idleMs)
			: (this.handshakeBudgetMs ?? this.options.handshakeTimeoutMs ?? defaultTimeouts.handshakeMs);
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
			this.finish(
				`the peer ${what} for ${Math.round(silentFor / 1000)} s`,
				new ProtocolError('timeout', `the peer ${what} for ${Math.round(silentFor / 1000)} s`),
			);
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
		clearInterval(this.timer);
		clearInterval(this.statsTimer);
		clearImmediate(this.silenceRecheck);
		if (this.socket) {
			const socket = this.socket;
			socket.end();
			// Until the peer closes too, for a while: closed while its bytes still come, the socket
			// answers them with a reset, which a peer that stalled a moment reads before our goodbye.
			// A peer that never reads or never closes must not keep the socket alive.
			setTimeout(() => socket.destroy(), 1000).unref();
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

function fitShown(peer: Size, box: Size): Size {
	if (box.width === 0 || box.height === 0) return peer;
	const scale = Math.min(box.width / peer.width, box.height / peer.height);
	return {
		width: Math.max(1, Math.round(peer.width * scale)),
		height: Math.max(1, Math.round(peer.height * scale)),
	};
}

/** `host:port` of a socket's peer: IPv4-mapped IPv6 as plain IPv4, other IPv6 in brackets. */
export function addressOf(host: string | undefined, port: number | undefined): string | undefined {
	if (!host || port === undefined) return undefined;
	const plain = host.startsWith('::ffff:') && host.includes('.') ? host.slice('::ffff:'.length) : host;
	return formatHostPort({host: plain, port});
}

function roundLag(ms: number | undefined): number | null {
	return ms === undefined ? null : Math.round(ms * 10) / 10;
}
