/**
 * The room check code (docs/protocol.md, "Rooms"): one code for the whole room, the same on every
 * screen exactly when nobody sits in the middle of any pair. Pure: no sockets; the room sends what
 * this returns to every member over the pair calls (v2 0x10 room-view, 0x11 room-reveal).
 *
 * Each pair's call already has its own check code (sas.ts), which a middle-man cannot choose. For
 * every membership it sees (a "round"), a member sends all others its view: the check code of each
 * of its pairs, and a commitment to a fresh random nonce. Once it holds every other member's view
 * of the same round, it opens its nonce. With every view and nonce in hand it checks that each
 * pair's two members report the same pair code (a middle-man on a pair makes them differ, and the
 * member beside it sees both reports over honest links), then hashes all pair codes and all nonces
 * into six digits.
 *
 * Why it cannot be ground: a middle-man that cuts one member off from the others can feed it a
 * whole made-up room, pairs it plays both ends of included, so those pair codes are its choice.
 * But it must send every made-up view, with its commitment, before the member opens its own nonce,
 * and the code hashes that nonce: whatever it chose, the member's code is uniformly random to it,
 * one try at a 1 in 10^6 match per round, as a pair's code is per call.
 */
import crypto from 'node:crypto';
import {roomNonceBytes, type RoomPair, type RoomReveal, type RoomView} from '../protocol/room.js';
import {formatSas} from './sas.js';

export type RoomCheckState =
	/** Nobody else is in the room (or no pair is up yet). */
	| {kind: 'alone'}
	/** Views or nonces of this round are still on their way. */
	| {kind: 'waiting'}
	| {kind: 'code'; code: string}
	/** Two reports disagree: someone may be in the middle between `between` (member names). */
	| {kind: 'mismatch'; between: [string, string]};

function sha256(...parts: (string | Buffer)[]): Buffer {
	const hash = crypto.createHash('sha256');
	for (const part of parts) hash.update(part);
	return hash.digest();
}

/** The membership a round is about: every member's name, sorted. */
export function roundOf(members: readonly string[]): Buffer {
	return sha256('facetty-room-round', [...members].sort().join('\n'));
}

export function roomCommitment(nonce: Buffer): Buffer {
	return sha256('facetty-room-commit', nonce);
}

/** A pair's check code ("123 456") as the number a view carries. */
export function sasNumber(sas: string): number {
	return Number(sas.replace(' ', ''));
}

export class RoomCheck {
	private pairs = new Map<string, number>();
	private round: Buffer = roundOf([]);
	private nonce: Buffer = Buffer.alloc(0);
	private revealed = false;
	/** The latest view and reveal each member sent (any round). */
	private readonly views = new Map<string, RoomView>();
	private readonly reveals = new Map<string, RoomReveal>();
	state: RoomCheckState = {kind: 'alone'};

	/** `self`: "<relay id> <fingerprint>", as the other members name this one. */
	constructor(
		readonly self: string,
		private readonly random: (n: number) => Buffer = (n) => crypto.randomBytes(n),
	) {}

	/**
	 * The pairs up now (member name -> pair check code): a new round. Returns the view every one
	 * of them is to receive, or undefined when this member is alone.
	 */
	setPairs(pairs: ReadonlyMap<string, number>): RoomView | undefined {
		this.pairs = new Map(pairs);
		this.round = roundOf([this.self, ...pairs.keys()]);
		this.nonce = this.random(roomNonceBytes);
		this.revealed = false;
		if (pairs.size === 0) {
			this.state = {kind: 'alone'};
			return undefined;
		}
		this.state = {kind: 'waiting'};
		return {round: this.round, commitment: roomCommitment(this.nonce), pairs: this.ownPairs()};
	}

	/**
	 * A member's view arrived (`from` names one of the room's members: the caller bounds them);
	 * returns this member's reveal once every view of its round is in.
	 */
	receiveView(from: string, view: RoomView): RoomReveal | undefined {
		// Kept even from a member not counted yet: its view may overtake the news that its call is up.
		this.views.set(from, view);
		// A view comes before its reveal on the same link: a reveal held from before opened another
		// commitment (the same membership again has the same round).
		this.reveals.delete(from);
		return this.maybeReveal();
	}

	/**
	 * This member's reveal, if every view of its round is already in (they may have come before
	 * this member's own new round began); once per round.
	 */
	revealIfReady(): RoomReveal | undefined {
		return this.maybeReveal();
	}

	receiveReveal(from: string, reveal: RoomReveal): void {
		this.reveals.set(from, reveal);
		this.settle();
	}

	/** A member left: its reports go with it (the room's next round follows from setPairs). */
	forget(member: string): void {
		this.views.delete(member);
		this.reveals.delete(member);
	}

	private ownPairs(): RoomPair[] {
		return [...this.pairs].map(([member, sas]) => ({member, sas}));
	}

	private ofThisRound<T extends {round: Buffer}>(map: Map<string, T>): Map<string, T> | undefined {
		const found = new Map<string, T>();
		for (const member of this.pairs.keys()) {
			const item = map.get(member);
			if (!item?.round.equals(this.round)) return undefined;
			found.set(member, item);
		}
		return found;
	}

	private maybeReveal(): RoomReveal | undefined {
		if (this.revealed || this.pairs.size === 0 || !this.ofThisRound(this.views)) return undefined;
		this.revealed = true;
		this.settle();
		return {round: this.round, nonce: this.nonce};
	}

	private settle(): void {
		if (!this.revealed) return;
		const views = this.ofThisRound(this.views);
		const reveals = this.ofThisRound(this.reveals);
		if (!views || !reveals) return;
		const members = [this.self, ...this.pairs.keys()].sort();
		const reports = new Map<string, Map<string, number>>([[this.self, this.pairs]]);
		for (const [member, view] of views) {
			if (!roomCommitment(reveals.get(member)!.nonce).equals(view.commitment)) {
				this.state = {kind: 'mismatch', between: [this.self, member]};
				return;
			}
			reports.set(member, new Map(view.pairs.map((pair) => [pair.member, pair.sas])));
		}
		// Every member names exactly the others, and each pair's two members report one code.
		const lines: string[] = [];
		for (const a of members) {
			const ofA = reports.get(a)!;
			if (ofA.size !== members.length - 1) {
				const stranger = [...ofA.keys()].find((m) => !members.includes(m));
				this.state = {kind: 'mismatch', between: [a, stranger ?? this.self]};
				return;
			}
			for (const b of members) {
				if (b <= a) continue;
				const ab = ofA.get(b);
				const ba = reports.get(b)!.get(a);
				if (ab === undefined || ab !== ba) {
					this.state = {kind: 'mismatch', between: [a, b]};
					return;
				}
				lines.push(`${a}\n${b}\n${ab}`);
			}
		}
		const nonces = members.map((member) => (member === this.self ? this.nonce : reveals.get(member)!.nonce));
		this.state = {
			kind: 'code',
			code: formatSas(sha256('facetty-room-sas', this.round, lines.join('\n'), ...nonces)),
		};
	}
}
