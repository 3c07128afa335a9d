/**
 * `facetty relay`: pairs two connections that present the same channel and forwards bytes between
 * them. No accounts and nothing stored; it sees only the request lines and the peers' encrypted
 * bytes, and logs counts, never content.
 *
 * Memory is bounded everywhere: a request is one short line; a waiting channel holds one idle
 * socket; forwarding pauses the sending socket while the receiving one has more than a socket's
 * high-water mark waiting (backpressure both ways), so a slow reader slows its peer's TCP, not the
 * relay's heap. Per source (net/address.ts sourceKey): connections a minute, waiting channels, and
 * requests in progress are limited; channels expire unused after 10 minutes and are gone after
 * one join with the right tag. Who gets in when a limit is reached is net/admission.ts's rule, the
 * listener's too; wrong codes cost their source growing waits (GuessLimiter), never the invite
 * until it has taken `wrongCodesPerChannel` of them. Rooms (made, joined, their pairs' links) are
 * rooms.ts's, under the same limits on connections and wrong codes.
 */
import {randomInt} from 'node:crypto';
import {EventEmitter} from 'node:events';
import net from 'node:net';
import {admission, GuessLimiter, waitText, type Unfinished} from '../net/admission.js';
import {defaultPort, sourceKey} from '../net/address.js';
import {forward} from './forward.js';
import {defaultRelayLimits, type RelayLimits} from './limits.js';
import {RelayRooms} from './rooms.js';
import {
	encodeReply,
	LineReader,
	maxChannelNumber,
	parseRequest,
	requestStart,
	type ErrorCode,
	type Request,
} from './rendezvous.js';

export {type RelayLimits} from './limits.js';

/** A connection not yet paired (still sending its request, or waiting as a channel's opener). */
type Unpaired = Unfinished<net.Socket> & {waiting: boolean; drop: (code: ErrorCode, text: string) => void};

/**
 * A source's wrong codes (and joins of channels that do not exist: a sweep's probes) cost it
 * growing waits; the relay serves many people, so there is no limit in all.
 */
const wrongCodeLimits = {
	// A number or a word mistyped, twice, and the invite expired meanwhile: no wait yet.
	freeFailures: 3,
	baseMs: 1000,
	maxMs: 15 * 60_000,
	perSecond: Number.MAX_SAFE_INTEGER,
	burst: Number.MAX_SAFE_INTEGER,
	forgetMs: 60 * 60_000,
	maxSources: 100_000,
};

/** A connection whose peer sent nothing for this long may give way to a newcomer. */
const stalledMs = 2000;

export type RelayOptions = {
	host?: string;
	port?: number;
	limits?: Partial<RelayLimits>;
	/** One line per event worth counting and once a minute; counts only. Default: none. */
	log?: (line: string) => void;
	/** Seconds between summary lines; default 60. */
	logIntervalSeconds?: number;
};

export type RelayCounts = {
	connections: number;
	channelsWaiting: number;
	callsActive: number;
	callsPaired: number;
	callsEnded: number;
	wrongCodes: number;
	refused: Record<ErrorCode, number>;
	bytesRelayed: number;
	roomsOpen: number;
	roomMembers: number;
	/** The longest a room member went between two answers to the relay's pings (RelayRooms). */
	memberAnswerGapMaxMs: number;
};

type Channel = {
	number: number;
	tag: number;
	owner: net.Socket;
	address: string;
	timer: NodeJS.Timeout;
	/** Joins refused for a wrong tag so far. */
	wrong: number;
};

export class RelayServer extends EventEmitter<{listening: []}> {
	readonly limits: RelayLimits;
	private readonly server: net.Server;
	private readonly channels = new Map<number, Channel>();
	private readonly rooms: RelayRooms;
	private readonly sockets = new Set<net.Socket>();
	private readonly pendingByAddress = new Map<string, number>();
	/** Every connection not yet paired, for the admission rule. */
	private readonly unpaired = new Map<net.Socket, Unpaired>();
	readonly wrongCodes = new GuessLimiter(wrongCodeLimits, Date.now());
	private readonly channelsByAddress = new Map<string, number>();
	/** Connection times per address in the last minute (pruned as they age). */
	private readonly recentByAddress = new Map<string, number[]>();
	private readonly counts: RelayCounts = {
		connections: 0,
		channelsWaiting: 0,
		callsActive: 0,
		callsPaired: 0,
		callsEnded: 0,
		wrongCodes: 0,
		refused: {
			'bad-request': 0,
			'no-channel': 0,
			'wrong-code': 0,
			limit: 0,
			full: 0,
			expired: 0,
			'peer-left': 0,
			closing: 0,
			'room-full': 0,
			silent: 0,
		},
		bytesRelayed: 0,
		roomsOpen: 0,
		roomMembers: 0,
		memberAnswerGapMaxMs: 0,
	};
	private summaryTimer: NodeJS.Timeout | undefined;
	private closing = false;

	constructor(readonly options: RelayOptions = {}) {
		super();
		this.limits = {...defaultRelayLimits, ...options.limits};
		this.server = net.createServer({pauseOnConnect: true, noDelay: true}, (socket) => this.accept(socket));
		// The hard ceiling, past the limit that is enforced with a sentence: room to tell the refused.
		this.server.maxConnections = Math.ceil(this.limits.maxConnections * 1.1) + 64;
		this.rooms = new RelayRooms({
			limits: this.limits,
			wrongCodes: this.wrongCodes,
			refuse: (socket, code, text) => this.refuse(socket, code, text),
			pair: (a, b) => this.pair(a, b),
			freeNumber: () => this.freeNumber(),
			waiting: (socket, source, now, drop) =>
				this.unpaired.set(socket, {id: socket, source, since: now, progressed: now, waiting: true, drop}),
			notWaiting: (socket) => this.unpaired.delete(socket),
			uncount: (address) => this.uncount(address),
			wrongCode: () => this.counts.wrongCodes++,
		});
	}

	get port(): number {
		const address = this.server.address();
		return typeof address === 'object' && address ? address.port : 0;
	}

	stats(): RelayCounts {
		return {
			...this.counts,
			refused: {...this.counts.refused},
			channelsWaiting: this.channels.size,
			roomsOpen: this.rooms.size,
			roomMembers: this.rooms.members,
			memberAnswerGapMaxMs: this.rooms.longestAnswerGapMs,
		};
	}

	start(): Promise<this> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port ?? defaultPort, this.options.host, () => {
				this.server.off('error', reject);
				const every = (this.options.logIntervalSeconds ?? 60) * 1000;
				if (this.options.log) this.summaryTimer = setInterval(() => this.logSummary(), every).unref();
				this.emit('listening');
				resolve(this);
			});
		});
	}

	close(): Promise<void> {
		this.closing = true;
		clearInterval(this.summaryTimer);
		for (const channel of [...this.channels.values()]) this.dropChannel(channel, 'closing');
		this.rooms.closeAll();
		for (const socket of this.sockets) socket.destroy();
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	summary(): string {
		const c = this.stats();
		const refused = Object.entries(c.refused)
			.filter(([, n]) => n > 0)
			.map(([code, n]) => `${code} ${n}`)
			.join(', ');
		return (
			`relay: ${counted(c.channelsWaiting, 'channel')} waiting, ${counted(c.callsActive, 'call')}, ` +
			`${c.callsPaired} paired and ${c.callsEnded} ended so far, ${counted(c.connections, 'connection')}, ` +
			`${(c.bytesRelayed / 1e6).toFixed(1)} MB relayed; ` +
			(c.roomsOpen > 0 ? `${counted(c.roomsOpen, 'room')} with ${counted(c.roomMembers, 'member')}; ` : '') +
			`refused: ${refused || 'none'}`
		);
	}

	private logSummary(): void {
		this.options.log?.(this.summary());
	}

	private refuse(socket: net.Socket, code: ErrorCode, text: string): void {
		this.counts.refused[code]++;
		socket.end(encodeReply({kind: 'err', code, text}));
		// Read and drop what it still sends, so its end arrives and the socket closes.
		socket.removeAllListeners('data');
		socket.resume();
		// A client that does not read our last line must not hold the socket.
		setTimeout(() => socket.destroy(), 2000).unref();
	}

	private accept(socket: net.Socket): void {
		this.counts.connections++;
		socket.on('error', () => undefined);
		if (this.closing) {
			socket.destroy();
			return;
		}
		this.sockets.add(socket);
		socket.once('close', () => this.sockets.delete(socket));
		const address = sourceKey(socket.remoteAddress);
		if (!this.admit(address)) {
			this.refuse(socket, 'limit', 'too many connections a minute');
			return;
		}
		const now = Date.now();
		const paired = this.counts.callsActive * 2 + this.rooms.members;
		if (this.unpaired.size + paired >= this.limits.maxConnections) {
			const limits = {perSource: Infinity, total: this.limits.maxConnections - paired, stalledMs};
			const verdict = admission([...this.unpaired.values()], address, limits, now);
			if (!verdict.admit) {
				this.refuse(socket, 'full', `the relay is full (${this.limits.maxConnections} connections)`);
				return;
			}
			if (verdict.drop)
				this.unpaired.get(verdict.drop)!.drop('full', 'the relay is full; dropped for a newcomer');
		}
		if ((this.pendingByAddress.get(address) ?? 0) >= this.limits.pendingPerAddress) {
			const own = [...this.unpaired.values()].filter((e) => !e.waiting && e.source === address);
			const limits = {perSource: this.limits.pendingPerAddress, total: Infinity, stalledMs};
			const verdict = admission(own, address, limits, now);
			if (!verdict.admit) {
				this.refuse(socket, 'limit', 'too many unfinished requests');
				return;
			}
			if (verdict.drop) this.unpaired.get(verdict.drop)!.drop('limit', 'too many unfinished requests');
		}
		this.pendingByAddress.set(address, (this.pendingByAddress.get(address) ?? 0) + 1);
		let pending = true;
		const settle = () => {
			this.unpaired.delete(socket);
			if (!pending) return;
			pending = false;
			const left = (this.pendingByAddress.get(address) ?? 1) - 1;
			if (left > 0) this.pendingByAddress.set(address, left);
			else this.pendingByAddress.delete(address);
		};
		const reader = new LineReader(requestStart);
		const giveUp = (code: ErrorCode, text: string) => {
			clearTimeout(timer);
			socket.off('data', onData);
			settle();
			this.refuse(socket, code, text);
		};
		const timer = setTimeout(() => giveUp('bad-request', 'no request in time'), this.limits.requestTimeoutMs);
		const entry: Unpaired = {
			id: socket,
			source: address,
			since: now,
			progressed: now,
			waiting: false,
			drop: giveUp,
		};
		this.unpaired.set(socket, entry);
		const onData = (chunk: Buffer) => {
			entry.progressed = Date.now();
			const result = reader.push(chunk);
			if (result === undefined) return;
			clearTimeout(timer);
			socket.off('data', onData);
			socket.pause();
			settle();
			if ('error' in result) {
				this.refuse(socket, 'bad-request', `the request had ${result.error}`);
				return;
			}
			const request = parseRequest(result.line);
			if ('error' in request) {
				this.refuse(socket, 'bad-request', `${request.error}`);
				return;
			}
			if (result.rest.length > 0) {
				// Nothing may follow the request before "paired": the peer's first bytes are ours to order.
				this.refuse(socket, 'bad-request', 'bytes after the request, before pairing');
				return;
			}
			this.handle(socket, address, request);
		};
		socket.once('close', () => {
			clearTimeout(timer);
			settle();
		});
		socket.on('data', onData);
		socket.resume();
	}

	/** Counts a connection against its address's minute; false when over the limit. */
	private admit(address: string): boolean {
		const now = Date.now();
		const recent = (this.recentByAddress.get(address) ?? []).filter((t) => now - t < 60_000);
		if (recent.length >= this.limits.connectionsPerMinute) {
			this.recentByAddress.set(address, recent);
			return false;
		}
		recent.push(now);
		this.recentByAddress.set(address, recent);
		if (this.recentByAddress.size > 10_000) this.pruneRecent(now);
		return true;
	}

	private pruneRecent(now: number): void {
		for (const [key, times] of this.recentByAddress) {
			if (times.every((t) => now - t >= 60_000)) this.recentByAddress.delete(key);
		}
	}

	private handle(socket: net.Socket, address: string, request: Request): void {
		if (request.kind === 'open') return this.open(socket, address, request.tag);
		if (request.kind === 'room') return this.rooms.open(socket, address, request.tag);
		const now = Date.now();
		// Checked before the channel is looked at: a source that is waiting learns nothing.
		const guess = this.wrongCodes.take(address, now);
		if (!guess.ok) {
			this.refuse(socket, 'limit', `too many wrong codes from this address; wait ${waitText(guess.waitMs)}`);
			return;
		}
		if (request.kind === 'link') return this.rooms.link(socket, address, request, now);
		const room = this.rooms.get(request.channel);
		if (room) return this.rooms.join(socket, address, room, request.tag, now);
		const channel = this.channels.get(request.channel);
		if (!channel) {
			this.wrongCodes.settle(address, false, now);
			this.refuse(socket, 'no-channel', 'no such invite');
			return;
		}
		if (channel.tag !== request.tag) {
			// A stranger's wrong try costs the stranger, not the invite: the channel stays open
			// until it has taken wrongCodesPerChannel of them, and its opener is told each time.
			this.wrongCodes.settle(address, false, now);
			this.counts.wrongCodes++;
			channel.wrong++;
			this.refuse(socket, 'wrong-code', 'wrong code');
			if (channel.wrong >= this.limits.wrongCodesPerChannel) {
				this.dropChannel(channel, 'wrong-code', `${channel.wrong} wrong codes were tried; invite closed`);
			} else channel.owner.write(encodeReply({kind: 'tried', count: channel.wrong}));
			return;
		}
		this.wrongCodes.settle(address, true, now);
		// Single use: a join with the right tag pairs, and whatever happens next, the channel is
		// gone. A wrong code whose tag happens to match (1 in 256) fails the call's CPace and ends
		// the invite on both sides, so the words can still be guessed only once per invite.
		this.forget(channel);
		this.pair(channel.owner, socket);
	}

	private open(socket: net.Socket, address: string, tag: number): void {
		if ((this.channelsByAddress.get(address) ?? 0) >= this.limits.channelsPerAddress) {
			this.refuse(socket, 'limit', 'too many open invites');
			return;
		}
		if (this.channels.size >= this.limits.maxChannels) {
			this.refuse(socket, 'full', 'too many invites in all');
			return;
		}
		const number = this.freeNumber();
		const channel: Channel = {
			number,
			tag,
			owner: socket,
			address,
			wrong: 0,
			timer: setTimeout(
				() => this.dropChannel(channel, 'expired', 'nobody joined in time'),
				this.limits.channelTtlMs,
			),
		};
		this.channels.set(number, channel);
		this.channelsByAddress.set(address, (this.channelsByAddress.get(address) ?? 0) + 1);
		socket.write(encodeReply({kind: 'ok', channel: number}));
		const now = Date.now();
		this.unpaired.set(socket, {
			id: socket,
			source: address,
			since: now,
			progressed: now,
			waiting: true,
			drop: (code, text) => this.dropChannel(channel, code, text),
		});
		// The owner only waits now; anything it sends, or its leaving, closes the channel.
		socket.once('data', () => this.dropChannel(channel, 'bad-request', 'bytes before pairing'));
		socket.once('close', () => this.forget(channel));
		socket.resume();
	}

	/** A random free number: short codes while the relay is quiet, longer ones as it fills. */
	private freeNumber(): number {
		let range = 999;
		const used = () => this.channels.size + this.rooms.size;
		while (used() * 2 >= range && range < maxChannelNumber) range = range * 10 + 9;
		for (;;) {
			const n = randomInt(1, range + 1);
			if (!this.channels.has(n) && !this.rooms.has(n)) return n;
		}
	}

	private forget(channel: Channel): void {
		if (this.channels.get(channel.number) !== channel) return;
		this.channels.delete(channel.number);
		this.unpaired.delete(channel.owner);
		clearTimeout(channel.timer);
		channel.owner.removeAllListeners('data');
		const left = (this.channelsByAddress.get(channel.address) ?? 1) - 1;
		if (left > 0) this.channelsByAddress.set(channel.address, left);
		else this.channelsByAddress.delete(channel.address);
	}

	private dropChannel(channel: Channel, code: ErrorCode, text = ''): void {
		if (this.channels.get(channel.number) !== channel) return;
		this.forget(channel);
		channel.owner.pause();
		this.refuse(channel.owner, code, text);
	}

	/** Gives back the minute's count of a connection that turned out to be a room's link. */
	private uncount(address: string): void {
		this.recentByAddress.get(address)?.pop();
	}

	private pair(a: net.Socket, b: net.Socket): void {
		this.counts.callsPaired++;
		this.counts.callsActive++;
		const paired = encodeReply({kind: 'paired'});
		a.write(paired);
		b.write(paired);
		let lastMoved = Date.now();
		let over = false;
		const onBytes = (n: number) => {
			this.counts.bytesRelayed += n;
			lastMoved = Date.now();
		};
		const idle = setInterval(
			() => {
				if (Date.now() - lastMoved >= this.limits.idleCallMs) finish(false);
			},
			Math.min(10_000, this.limits.idleCallMs),
		).unref();
		/** Graceful: the last bytes (a goodbye) still reach the other side before it closes. */
		const finish = (graceful: boolean) => {
			if (over) return;
			over = true;
			clearInterval(idle);
			this.counts.callsActive--;
			this.counts.callsEnded++;
			for (const socket of [a, b]) {
				if (!graceful) socket.destroy();
				else {
					socket.end();
					setTimeout(() => socket.destroy(), 2000).unref();
				}
			}
		};
		forward(a, b, onBytes, finish);
		forward(b, a, onBytes, finish);
	}
}

export async function startRelay(options: RelayOptions = {}): Promise<RelayServer> {
	return new RelayServer(options).start();
}

/** "1 channel", "2 channels": the summary is read by people. */
function counted(n: number, thing: string): string {
	return `${n} ${thing}${n === 1 ? '' : 's'}`;
}
