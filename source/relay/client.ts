/**
 * The client side of the relay's rendezvous: open a channel and wait for the other side, or join
 * one. Both end with a plain socket that now carries the peer's bytes (the facetty call runs over
 * it as if the peer were connected directly).
 */
import {EventEmitter} from 'node:events';
import net from 'node:net';
import {connectFailure} from '../net/address.js';
import {errorMessage} from '../text/error-message.js';
import {inviteLifetime} from './limits.js';
import {encodeRequest, LineReader, parseReply, pongLine, type ErrorCode, type Reply} from './rendezvous.js';

export type RelayAddress = {
	host: string;
	port: number;
	/** The local address to connect from (benchmarks and tests that stand for many machines). */
	localAddress?: string;
};

export class RelayError extends Error {
	override name = 'RelayError';
	constructor(
		readonly code: ErrorCode | 'unknown' | 'unreachable' | 'protocol' | 'closed',
		message: string,
	) {
		super(message);
	}
}

/** Our own sentences for the relay's refusals: its text is not shown (it comes from outside). */
const sentences: Record<ErrorCode | 'unknown', string> = {
	'bad-request': 'the relay did not understand the request (is it a facetty relay of this version?)',
	'no-channel': 'no such invite at the relay: it expired, was already used, or the number is wrong',
	'wrong-code': 'wrong code: no invite has this number and these words; check the code and try again',
	limit:
		'the relay refused: too many connections, invites or wrong codes from this address; try again in a minute',
	full: 'the relay is full; try again in a minute',
	expired: `the invite expired: nobody joined within ${inviteLifetime}`,
	'peer-left': 'the other side left before the call started',
	closing: 'the relay is shutting down',
	'room-full': 'the room is full: it takes no more members',
	silent:
		'the relay dropped this member from the room: this machine did not answer it for too long (frozen, asleep or off the network)',
	unknown: 'the relay refused for a reason this version does not know',
};

/**
 * Our sentence for a refusal. Of the relay's own text only a room's size is taken, and only as
 * digits (a relay may be set to another size than facetty's default of 8); a room full for
 * another reason (it took all its joins) gets the sentence without one.
 */
export function relaySentence(code: ErrorCode | 'unknown', text = ''): string {
	const size = code === 'room-full' ? /^the room is full \((\d{1,3}) members\)$/.exec(text)?.[1] : undefined;
	return size
		? `the room is full: it has as many members as this relay lets a room have (${size})`
		: sentences[code];
}

export function describeRelay(relay: RelayAddress): string {
	return relay.host.includes(':') ? `[${relay.host}]:${relay.port}` : `${relay.host}:${relay.port}`;
}

/** Reads reply lines one by one from a socket; what follows "paired" is handed back untouched. */
class ReplyReader {
	private reader = new LineReader();
	private buffered: Buffer = Buffer.alloc(0);

	constructor(
		private readonly socket: net.Socket,
		private readonly relay: RelayAddress,
	) {}

	next(timeoutMs: number | undefined): Promise<{reply: Reply; rest: Buffer}> {
		return new Promise((resolve, reject) => {
			const socket = this.socket;
			const where = describeRelay(this.relay);
			let timer: NodeJS.Timeout | undefined;
			const cleanup = () => {
				clearTimeout(timer);
				socket.off('data', onData);
				socket.off('close', onClose);
				socket.off('error', onError);
				socket.pause();
			};
			const take = (chunk: Buffer): boolean => {
				const result = this.reader.push(chunk);
				if (result === undefined) return false;
				cleanup();
				if ('error' in result) {
					reject(new RelayError('protocol', `${where} sent ${result.error}: not a facetty relay?`));
					return true;
				}
				this.reader = new LineReader();
				const reply = parseReply(result.line);
				if ('error' in reply) {
					reject(new RelayError('protocol', `${where} sent ${reply.error}: not a facetty relay?`));
					return true;
				}
				if (reply.kind === 'err') {
					reject(new RelayError(reply.code, relaySentence(reply.code, reply.text)));
					return true;
				}
				resolve({reply, rest: result.rest});
				return true;
			};
			const onData = (chunk: Buffer) => void take(chunk);
			const onClose = () => {
				cleanup();
				reject(new RelayError('closed', `${where} closed the connection`));
			};
			const onError = (error: Error) => {
				cleanup();
				reject(new RelayError('closed', `${where}: ${error.message}`));
			};
			socket.on('close', onClose);
			socket.on('error', onError);
			if (timeoutMs !== undefined) {
				timer = setTimeout(() => {
					cleanup();
					reject(new RelayError('protocol', `${where} did not answer within ${timeoutMs / 1000} s`));
				}, timeoutMs);
			}
			// Bytes that came with the previous line.
			const early = this.buffered;
			this.buffered = Buffer.alloc(0);
			if (early.length > 0 && take(early)) return;
			socket.on('data', onData);
			socket.resume();
		});
	}

	/** Bytes that came after a line and belong to the next one. */
	keep(rest: Buffer): void {
		this.buffered = rest;
	}
}

export function connectRelay(relay: RelayAddress, timeoutMs = 5000): Promise<net.Socket> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({
			host: relay.host,
			port: relay.port,
			localAddress: relay.localAddress,
			noDelay: true,
		});
		socket.pause();
		const timer = setTimeout(() => {
			socket.destroy();
			reject(
				new RelayError(
					'unreachable',
					`no answer from the relay ${describeRelay(relay)} within ${timeoutMs / 1000} s`,
				),
			);
		}, timeoutMs);
		socket.once('connect', () => {
			clearTimeout(timer);
			resolve(socket);
		});
		socket.once('error', (error) => {
			clearTimeout(timer);
			reject(
				new RelayError(
					'unreachable',
					`could not reach the relay ${describeRelay(relay)}: ${connectFailure(error)}`,
				),
			);
		});
	});
}

/** A socket through the relay to the peer; `rest` is the peer's first bytes, already read. */
export type Paired = {socket: net.Socket; rest: Buffer};

export type Invitation = {
	channel: number;
	/** Resolves when someone joins with the right tag; rejects with a RelayError otherwise. */
	paired: Promise<Paired>;
	/** Gives the channel up. */
	close(): void;
};

/** What the opener is told when the relay closed its invite after wrong codes. */
const closedByWrongCodes =
	'wrong codes were tried on this invite until the relay closed it (someone may be guessing); make a new one';

/**
 * Opens a channel; `onWrongCode` hears of each join the relay refused for a wrong code (with the
 * count so far) while the invite stays open.
 */
export async function openChannel(
	relay: RelayAddress,
	tag: number,
	timeoutMs = 5000,
	onWrongCode?: (count: number) => void,
): Promise<Invitation> {
	const socket = await connectRelay(relay, timeoutMs);
	socket.on('error', () => undefined);
	try {
		socket.write(encodeRequest({kind: 'open', tag}));
		const replies = new ReplyReader(socket, relay);
		const first = await replies.next(timeoutMs);
		if (first.reply.kind !== 'ok') {
			throw new RelayError('protocol', `${describeRelay(relay)} answered "${first.reply.kind}" to open`);
		}
		replies.keep(first.rest);
		const untilPaired = async (): Promise<Paired> => {
			for (;;) {
				const {reply, rest} = await replies.next(undefined).catch((error: unknown) => {
					if (error instanceof RelayError && error.code === 'wrong-code')
						throw new RelayError('wrong-code', closedByWrongCodes);
					throw error;
				});
				if (reply.kind === 'paired') return {socket, rest};
				if (reply.kind !== 'tried') {
					socket.destroy();
					throw new RelayError(
						'protocol',
						`${describeRelay(relay)} answered "${reply.kind}" instead of paired`,
					);
				}
				replies.keep(rest);
				onWrongCode?.(reply.count);
			}
		};
		const paired = untilPaired();
		// Whoever holds the invitation sees the outcome through `paired`; no unhandled rejection here.
		paired.catch(() => socket.destroy());
		return {channel: first.reply.channel, paired, close: () => socket.destroy()};
	} catch (error) {
		socket.destroy();
		throw error;
	}
}

export async function joinChannel(
	relay: RelayAddress,
	channel: number,
	tag: number,
	timeoutMs = 5000,
): Promise<Paired> {
	const socket = await connectRelay(relay, timeoutMs);
	socket.on('error', () => undefined);
	try {
		socket.write(encodeRequest({kind: 'join', channel, tag}));
		const {reply, rest} = await new ReplyReader(socket, relay).next(timeoutMs);
		if (reply.kind === 'room')
			throw new RelayError('protocol', "this code is a room's: join it with facetty join CODE");
		if (reply.kind !== 'paired') {
			throw new RelayError('protocol', `${describeRelay(relay)} answered "${reply.kind}" to join`);
		}
		return {socket, rest};
	} catch (error) {
		socket.destroy();
		throw error;
	}
}

/**
 * A member's control connection to a room: the relay says who joins (open a link to them) and
 * who leaves, and pings (answered at once: a member that stops answering is dropped). It carries
 * nothing else; closing it leaves the room.
 */
export class RoomControl extends EventEmitter<{
	member: [id: number];
	left: [id: number];
	/** A join with a wrong code was refused (the count so far); the room stays open. */
	tried: [count: number];
	/** The relay closed the room or the connection dropped: the room is over for this member. */
	closed: [error: RelayError];
}> {
	private over = false;

	constructor(
		readonly relay: RelayAddress,
		readonly channel: number,
		readonly id: number,
		readonly key: string,
		private readonly socket: net.Socket,
		private readonly replies: ReplyReader,
	) {
		super();
	}

	/**
	 * Starts reading the relay's lines; members already there arrive as 'member' events. A relay
	 * that sent nothing for `quietMs` (it pings every few seconds) is taken as lost: 'closed' with
	 * code 'closed', as when the connection drops.
	 */
	start(quietMs?: number): void {
		let heard = Date.now();
		const quiet =
			quietMs === undefined
				? undefined
				: setInterval(
						() => {
							if (Date.now() - heard < quietMs) return;
							// After this process's own stall, what the relay sent meanwhile is read first.
							setImmediate(() => {
								if (Date.now() - heard < quietMs || this.over) return;
								this.fail(
									new RelayError(
										'closed',
										`${describeRelay(this.relay)} sent nothing for ${Math.round((Date.now() - heard) / 1000)} s`,
									),
								);
							});
						},
						Math.min(5000, quietMs),
					).unref();
		const loop = async () => {
			for (;;) {
				const {reply, rest} = await this.replies.next(undefined);
				heard = Date.now();
				this.replies.keep(rest);
				if (reply.kind === 'ping') this.socket.write(`${pongLine}\n`);
				else if (reply.kind === 'member') this.emit('member', reply.id);
				else if (reply.kind === 'left') this.emit('left', reply.id);
				else if (reply.kind === 'tried') this.emit('tried', reply.count);
				else
					throw new RelayError('protocol', `${describeRelay(this.relay)} answered "${reply.kind}" in a room`);
			}
		};
		loop().catch((error: unknown) => {
			clearInterval(quiet);
			this.fail(error instanceof RelayError ? error : new RelayError('closed', errorMessage(error)));
		});
		this.stopQuiet = () => clearInterval(quiet);
	}

	private stopQuiet = () => undefined as void;

	private fail(error: RelayError): void {
		this.stopQuiet();
		this.socket.destroy();
		if (this.over) return;
		this.over = true;
		this.emit('closed', error);
	}

	/** This member's end of its channel with member `peer` (the relay pairs the two ends). */
	link(peer: number, timeoutMs = 65_000): Promise<Paired> {
		return requestPaired(
			this.relay,
			{kind: 'link', channel: this.channel, id: this.id, peer, key: this.key},
			timeoutMs,
		);
	}

	leave(): void {
		this.over = true;
		this.stopQuiet();
		this.socket.destroy();
	}
}

async function requestPaired(
	relay: RelayAddress,
	request: Parameters<typeof encodeRequest>[0],
	timeoutMs: number,
): Promise<Paired> {
	const socket = await connectRelay(relay, timeoutMs);
	socket.on('error', () => undefined);
	try {
		socket.write(encodeRequest(request));
		const {reply, rest} = await new ReplyReader(socket, relay).next(timeoutMs);
		if (reply.kind !== 'paired') {
			throw new RelayError('protocol', `${describeRelay(relay)} answered "${reply.kind}" to ${request.kind}`);
		}
		return {socket, rest};
	} catch (error) {
		socket.destroy();
		throw error;
	}
}

/** Asks the relay for a room; the creator is its first member. */
export async function openRoom(relay: RelayAddress, tag: number, timeoutMs = 5000): Promise<RoomControl> {
	const socket = await connectRelay(relay, timeoutMs);
	socket.on('error', () => undefined);
	try {
		socket.write(encodeRequest({kind: 'room', tag}));
		const replies = new ReplyReader(socket, relay);
		const {reply, rest} = await replies.next(timeoutMs);
		if (reply.kind !== 'room')
			throw new RelayError('protocol', `${describeRelay(relay)} answered "${reply.kind}" to room`);
		replies.keep(rest);
		socket.setKeepAlive(true, 10_000);
		return new RoomControl(relay, reply.channel, reply.id, reply.key, socket, replies);
	} catch (error) {
		socket.destroy();
		throw error;
	}
}

/** What a code stands for, as the relay says: a call by invite (paired now) or a room (joined). */
export type Joined = {kind: 'invite'; paired: Paired} | {kind: 'room'; control: RoomControl};

export async function joinAny(
	relay: RelayAddress,
	channel: number,
	tag: number,
	timeoutMs = 5000,
): Promise<Joined> {
	const socket = await connectRelay(relay, timeoutMs);
	socket.on('error', () => undefined);
	try {
		socket.write(encodeRequest({kind: 'join', channel, tag}));
		const replies = new ReplyReader(socket, relay);
		const {reply, rest} = await replies.next(timeoutMs);
		if (reply.kind === 'paired') return {kind: 'invite', paired: {socket, rest}};
		if (reply.kind !== 'room')
			throw new RelayError('protocol', `${describeRelay(relay)} answered "${reply.kind}" to join`);
		replies.keep(rest);
		socket.setKeepAlive(true, 10_000);
		return {
			kind: 'room',
			control: new RoomControl(relay, reply.channel, reply.id, reply.key, socket, replies),
		};
	} catch (error) {
		socket.destroy();
		throw error;
	}
}
