/**
 * The relay's rooms (server.ts holds the invites and the connections): members hold a control
 * connection each (the relay tells them who came and went, and pings them: one that stops
 * answering is dropped, as if it left, so a frozen member does not hold its seat), and every two
 * members meet on a channel of their own (a link), paired like an invite's, so the relay forwards
 * each pair's encrypted call and learns the room's tag and how many are in it.
 *
 *   const rooms = new RelayRooms(host);     // host: what the server lends (refuse, pair, numbers)
 *   rooms.open(socket, address, tag);  rooms.join(socket, address, room, tag, now);
 *   rooms.link(socket, address, request, now);  rooms.closeAll();
 */
import {timingSafeEqual, randomBytes} from 'node:crypto';
import type net from 'node:net';
import type {GuessLimiter} from '../net/admission.js';
import type {RelayLimits} from './limits.js';
import {
	encodeReply,
	LineReader,
	maxMemberId,
	memberKeyHexDigits,
	pongLine,
	type ErrorCode,
	type Request,
} from './rendezvous.js';

/** What the rooms borrow from the server: its limits, its refusals and pairing, its numbers. */
export type RoomHost = {
	readonly limits: RelayLimits;
	readonly wrongCodes: GuessLimiter;
	refuse(socket: net.Socket, code: ErrorCode, text: string): void;
	pair(a: net.Socket, b: net.Socket): void;
	/** A channel number no invite and no room uses. */
	freeNumber(): number;
	/** A socket now waits for its peer (the admission rule may drop it for a newcomer), or no longer. */
	waiting(
		socket: net.Socket,
		address: string,
		now: number,
		drop: (code: ErrorCode, text: string) => void,
	): void;
	notWaiting(socket: net.Socket): void;
	/** Gives back the minute's count of a connection that turned out to be a room's link. */
	uncount(address: string): void;
	/** A join with a wrong code was refused. */
	wrongCode(): void;
};

type Member = {
	id: number;
	key: string;
	socket: net.Socket;
	/** When its last pong came (or it joined), and the pings it has not answered yet. */
	heard: number;
	unanswered: number;
	pinger: NodeJS.Timeout;
};

/**
 * A pair's channel, announced to both members and not yet paired; one end may be waiting. `again`:
 * the pair's call dropped while both stayed, and this is its link opened once more.
 */
type Link = {waiting?: {id: number; socket: net.Socket; timer: NodeJS.Timeout}; again?: boolean};

export type Room = {
	number: number;
	tag: number;
	address: string;
	members: Map<number, Member>;
	nextId: number;
	/** Joins with the right tag so far. */
	joins: number;
	wrong: number;
	/** By `low-high` member ids. */
	links: Map<string, Link>;
	/** Times each pair's link was opened again, by `low-high` (limits.relinksPerPair). */
	relinks: Map<string, number>;
	/** Expiry while nobody but its creator came. */
	timer: NodeJS.Timeout | undefined;
};

function linkKey(a: number, b: number): string {
	return a < b ? `${a}-${b}` : `${b}-${a}`;
}

function sameKey(a: string, b: string): boolean {
	return a.length === b.length && timingSafeEqual(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1'));
}

export class RelayRooms {
	private readonly rooms = new Map<number, Room>();
	private readonly roomsByAddress = new Map<string, number>();
	/** Members' control connections, in all rooms (they count as connections, never dropped). */
	private memberCount = 0;
	/**
	 * The longest any member went between two answers (or from joining to its first), dropped ones
	 * aside: how close members come to memberSilenceMs (the room bench prints it).
	 */
	longestAnswerGapMs = 0;

	constructor(private readonly host: RoomHost) {}

	get size(): number {
		return this.rooms.size;
	}

	get members(): number {
		return this.memberCount;
	}

	get(number: number): Room | undefined {
		return this.rooms.get(number);
	}

	has(number: number): boolean {
		return this.rooms.has(number);
	}

	closeAll(): void {
		for (const room of [...this.rooms.values()]) this.close(room, 'closing', 'the relay is shutting down');
	}

	open(socket: net.Socket, address: string, tag: number): void {
		const {limits} = this.host;
		if ((this.roomsByAddress.get(address) ?? 0) >= limits.roomsPerAddress) {
			this.host.refuse(socket, 'limit', 'too many open rooms');
			return;
		}
		if (this.rooms.size >= limits.maxRooms) {
			this.host.refuse(socket, 'full', 'too many rooms in all');
			return;
		}
		const room: Room = {
			number: this.host.freeNumber(),
			tag,
			address,
			members: new Map(),
			nextId: 1,
			joins: 0,
			wrong: 0,
			links: new Map(),
			relinks: new Map(),
			timer: undefined,
		};
		room.timer = setTimeout(() => this.close(room, 'expired', 'nobody joined in time'), limits.channelTtlMs);
		this.rooms.set(room.number, room);
		this.roomsByAddress.set(address, (this.roomsByAddress.get(address) ?? 0) + 1);
		this.addMember(room, socket);
	}

	join(socket: net.Socket, address: string, room: Room, tag: number, now: number): void {
		const {limits} = this.host;
		if (room.tag !== tag) {
			// As with an invite: the stranger pays, the room stays, its members are told.
			this.host.wrongCodes.settle(address, false, now);
			this.host.wrongCode();
			room.wrong++;
			this.host.refuse(socket, 'wrong-code', 'wrong code');
			const tried = encodeReply({kind: 'tried', count: room.wrong});
			for (const member of room.members.values()) member.socket.write(tried);
			return;
		}
		this.host.wrongCodes.settle(address, true, now);
		if (room.members.size >= limits.membersPerRoom) {
			this.host.refuse(socket, 'room-full', `the room is full (${limits.membersPerRoom} members)`);
			return;
		}
		if (room.joins >= limits.joinsPerRoom || room.nextId > maxMemberId) {
			this.host.refuse(socket, 'room-full', 'the room took all the joins it takes');
			return;
		}
		room.joins++;
		clearTimeout(room.timer);
		room.timer = undefined;
		this.addMember(room, socket);
	}

	/** The newcomer and every member are told of each other: each pair then opens its link. */
	private addMember(room: Room, socket: net.Socket): void {
		const id = room.nextId++;
		const key = randomBytes(memberKeyHexDigits / 2).toString('hex');
		socket.write(encodeReply({kind: 'room', channel: room.number, id, key}));
		for (const other of room.members.values()) {
			room.links.set(linkKey(id, other.id), {});
			other.socket.write(encodeReply({kind: 'member', id}));
			socket.write(encodeReply({kind: 'member', id: other.id}));
		}
		const member: Member = {id, key, socket, heard: Date.now(), unanswered: 0, pinger: undefined!};
		member.pinger = setInterval(() => this.ping(room, member), this.host.limits.memberPingMs);
		room.members.set(id, member);
		this.memberCount++;
		// Keepalive finds a member whose machine vanished; the pings, one whose process froze.
		socket.setKeepAlive(true, 10_000);
		// A member sends nothing on its control connection but one `pong` per ping: anything else,
		// or more pongs than pings, is a protocol error, so a member cannot make the relay read more.
		let reader = new LineReader();
		socket.on('data', (chunk: Buffer) => {
			let rest: Buffer = chunk;
			while (rest.length > 0) {
				const result = reader.push(rest);
				if (result === undefined) return;
				if ('error' in result || result.line !== pongLine || member.unanswered === 0) {
					socket.destroy();
					return;
				}
				member.unanswered--;
				const now = Date.now();
				this.longestAnswerGapMs = Math.max(this.longestAnswerGapMs, now - member.heard);
				member.heard = now;
				reader = new LineReader();
				rest = result.rest;
			}
		});
		socket.once('close', () => this.leave(room, id));
		socket.resume();
	}

	/**
	 * One ping to a member, and its verdict: silent past memberSilenceMs, it is dropped. The verdict
	 * waits for the poll phase (setImmediate): after the relay's own loop stalled, a pong already
	 * in its socket's buffer is read before the member is judged by it.
	 */
	private ping(room: Room, member: Member): void {
		const {memberSilenceMs} = this.host.limits;
		if (Date.now() - member.heard < memberSilenceMs) {
			member.unanswered++;
			member.socket.write(encodeReply({kind: 'ping'}));
			return;
		}
		setImmediate(() => {
			if (room.members.get(member.id) !== member || Date.now() - member.heard < memberSilenceMs) return;
			// Its seat is free at once; the others hear `left` as when a member quits.
			this.leave(room, member.id);
			member.socket.removeAllListeners('data');
			this.host.refuse(
				member.socket,
				'silent',
				`no answer for ${Math.round((Date.now() - member.heard) / 1000)} s; dropped from the room`,
			);
		});
	}

	private leave(room: Room, id: number): void {
		const member = room.members.get(id);
		if (!member) return;
		room.members.delete(id);
		clearInterval(member.pinger);
		this.memberCount--;
		const hasId = (key: string) => key.split('-').map(Number).includes(id);
		for (const [key, link] of room.links) {
			if (!hasId(key)) continue;
			room.links.delete(key);
			if (link.waiting) this.dropWaitingLink(link, 'peer-left', 'the other member left');
		}
		for (const key of room.relinks.keys()) if (hasId(key)) room.relinks.delete(key);
		const left = encodeReply({kind: 'left', id});
		for (const member of room.members.values()) member.socket.write(left);
		if (room.members.size === 0) this.forget(room);
	}

	private forget(room: Room): void {
		if (this.rooms.get(room.number) !== room) return;
		this.rooms.delete(room.number);
		clearTimeout(room.timer);
		const left = (this.roomsByAddress.get(room.address) ?? 1) - 1;
		if (left > 0) this.roomsByAddress.set(room.address, left);
		else this.roomsByAddress.delete(room.address);
	}

	private close(room: Room, code: ErrorCode, text: string): void {
		this.forget(room);
		for (const member of [...room.members.values()]) {
			clearInterval(member.pinger);
			member.socket.removeAllListeners('data');
			this.host.refuse(member.socket, code, text);
		}
	}

	private dropWaitingLink(link: Link, code: ErrorCode, text: string): void {
		const waiting = link.waiting;
		if (!waiting) return;
		link.waiting = undefined;
		clearTimeout(waiting.timer);
		this.host.notWaiting(waiting.socket);
		waiting.socket.removeAllListeners('data');
		this.host.refuse(waiting.socket, code, text);
	}

	/** One member's end of a pair's channel: the first waits for the other, then both are paired. */
	link(socket: net.Socket, address: string, request: Extract<Request, {kind: 'link'}>, now: number): void {
		const room = this.rooms.get(request.channel);
		const member = room?.members.get(request.id);
		const key = linkKey(request.id, request.peer);
		if (!room || !member || !sameKey(member.key, request.key)) {
			// A key is 64 random bits, so a sweep for links pays as a sweep for invites does.
			this.host.wrongCodes.settle(address, false, now);
			this.host.refuse(socket, 'no-channel', 'no such link');
			return;
		}
		let link = room.links.get(key);
		if (!link && request.peer !== request.id && room.members.has(request.peer)) {
			// The pair's call dropped while both stayed: its link may open again, a bounded number of
			// times, each such connection counted against its source's minute like any other.
			const again = room.relinks.get(key) ?? 0;
			if (again >= this.host.limits.relinksPerPair) {
				this.host.wrongCodes.settle(address, true, now);
				this.host.refuse(socket, 'limit', 'this pair reconnected as often as a room allows');
				return;
			}
			room.relinks.set(key, again + 1);
			link = {again: true};
			room.links.set(key, link);
		}
		if (!link) {
			this.host.wrongCodes.settle(address, false, now);
			this.host.refuse(socket, 'no-channel', 'no such link');
			return;
		}
		this.host.wrongCodes.settle(address, true, now);
		// A pair's first link comes from members the room already let in: it does not use up the
		// minute's connections.
		if (!link.again) this.host.uncount(address);
		const waiting = link.waiting;
		if (waiting?.id === request.id) {
			this.host.refuse(socket, 'bad-request', 'this end of the link is already here');
			return;
		}
		if (waiting) {
			clearTimeout(waiting.timer);
			link.waiting = undefined;
			room.links.delete(key);
			this.host.notWaiting(waiting.socket);
			waiting.socket.removeAllListeners('data');
			this.host.pair(waiting.socket, socket);
			return;
		}
		const timer = setTimeout(
			() => this.dropWaitingLink(link, 'peer-left', 'the other member did not come'),
			this.host.limits.linkWaitMs,
		);
		link.waiting = {id: request.id, socket, timer};
		this.host.waiting(socket, address, now, (code, text) => this.dropWaitingLink(link, code, text));
		socket.once('data', () => this.dropWaitingLink(link, 'bad-request', 'bytes before pairing'));
		socket.once('close', () => {
			if (link.waiting?.socket !== socket) return;
			clearTimeout(timer);
			link.waiting = undefined;
			this.host.notWaiting(socket);
		});
		socket.resume();
	}
}
