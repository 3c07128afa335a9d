/**
 * A room: up to 8 people, each pair of them in its own encrypted call through the relay. The relay
 * tells each member who came (relay/client.ts RoomControl); for each other member this runs one
 * ordinary call by code over the pair's link (invite/session.ts: TLS 1.3, CPace with the room's
 * code as the secret, the identity key, v2), the older member as accepter. Over those calls the
 * members agree on one check code for the room (trust/room-check.ts).
 *
 *   const room = await createRoom(relay, options);   // or: (await joinCode(relay, code, options))
 *   room.on('members', () => room.members);  room.on('frame', (id, frame) => ...);
 *   room.on('check', (state) => ...);  room.sendFrame(frame);  room.sendChat('hi');  room.leave();
 */
import {EventEmitter} from 'node:events';
import type {Frame} from '../frame.js';
import {
	decodeRoomReveal,
	decodeRoomView,
	encodeRoomReveal,
	encodeRoomView,
	type RoomReveal,
} from '../protocol/room.js';
import {messageType} from '../protocol/v2.js';
import {
	describeRelay,
	joinAny,
	openRoom,
	type Paired,
	RelayError,
	type RelayAddress,
	type RoomControl,
} from '../relay/client.js';
import {acceptOver, callOver, identityFor} from '../session/connect.js';
import {
	defaultTimeouts,
	largestSendSize,
	type Call,
	type CallOptions,
	type CallState,
} from '../session/call.js';
import type {Size} from '../session/media.js';
import {StatsFile} from '../session/stats.js';
import {EncoderPool} from '../session/encoder-pool.js';
import {RoomCheck, sasNumber, type RoomCheckState} from '../trust/room-check.js';
import {codeOptions, socketOf} from '../invite/session.js';
import {offerOnceInCall, tryFirstOffer} from '../invite/direct.js';
import {shareableAddresses} from '../net/own-addresses.js';
import {codeTag, formatCode, randomWords, type InviteCode} from '../invite/code.js';
import {errorMessage} from '../text/error-message.js';
import {ProtocolError} from '../protocol/errors.js';
import {PairRelinks, relinkWaitMs} from './relink.js';

export type MemberState = 'linking' | CallState;

export type RoomOptions = CallOptions & {
	/**
	 * The addresses this member offers each pair to reach it directly (default: this machine's,
	 * net/own-addresses.ts); none keeps its pairs on the relay unless the other member offers.
	 */
	directAddresses?: readonly string[];
};

export type RoomMember = {
	/** The relay's number for this member (1 made the room). */
	readonly id: number;
	state: MemberState;
	/** The name the member gave (v2 hello), cleaned; undefined until in the call, or if none. */
	name: string | undefined;
	call: Call | undefined;
	/** The pair's own check code, once the pair's handshake is done. */
	sas: string | undefined;
};

/** One member as `--stats` lists it under `peers`. */
export type PeerStats = {
	id: number;
	name: string | null;
	state: MemberState;
	fps_in: number;
	bytes_in: number;
	fps_out: number;
	bytes_out: number;
	latency_ms_p95: number | null;
	rtt_ms: number | null;
	codec: string | null;
	via: string;
};

export type RoomStats = {
	t: string;
	state: 'in-room' | 'ended';
	members: number;
	check: string | null;
	peers: PeerStats[];
};

export type RoomEvents = {
	/** A member came, changed state or left: read `members`. */
	members: [];
	frame: [id: number, frame: Frame];
	chat: [id: number, text: string];
	check: [state: RoomCheckState];
	/** Something the people should read (a member's link failed, a wrong code was tried). */
	notice: [text: string];
	stats: [stats: RoomStats];
	ended: [reason: string];
};

/** Room messages a member may send a second (a view and a reveal per membership change). */
const roomMessagesPerSecond = 20;

export class Room extends EventEmitter<RoomEvents> {
	readonly members = new Map<number, RoomMember>();
	/** The code as the people read it out: `42-kettle-violet-orbit`. */
	readonly text: string;
	readonly via: string;
	readonly options: CallOptions;
	private readonly statsFile: StatsFile | undefined;
	private readonly statsTimer: NodeJS.Timeout;
	private over = false;
	/** Members announced whose pair's call is not started yet, and whether one is starting now. */
	private readonly waitingLinks = new Set<number>();
	private linking = false;
	/** Whether any pair's call got through its handshake: a code every member refuses is wrong. */
	private metAnyone = false;
	private readonly budget = new Map<number, {start: number; count: number}>();
	/** When each dropped pair links again, and when it is given up. */
	private readonly relinks = new PairRelinks();
	/**
	 * Members gone silent past silentGraceMs: not in `members` (not shown, not counted), while their
	 * pairs still link again; one whose call is back returns to `members`.
	 */
	private readonly lost = new Map<number, RoomMember>();
	/** Direct moves waiting for the pairs' handshakes through the relay to be over (see goDirect). */
	private readonly whenIdle: Array<() => void> = [];
	/** The size each member's picture is shown at here, as last asked for. */
	private readonly shownSizes = new Map<number, {width: number; height: number}>();
	/** What this member offers its pairs to dial directly (none: its pairs stay on the relay). */
	private readonly directAddresses: readonly string[];
	/** This member's control connection and check code; both are new when it joins again. */
	private currentControl: RoomControl;
	private currentCheck: RoomCheck;
	private readonly fingerprint: string;
	/** Counts joins: a link started under an earlier one is not this member's any more. */
	private generation = 0;

	constructor(
		control: RoomControl,
		readonly code: InviteCode,
		options: RoomOptions = {},
	) {
		super();
		const {directAddresses, ...callOptions} = options;
		this.directAddresses = directAddresses ?? shareableAddresses(undefined);
		options = callOptions;
		// One identity for every pair (loaded once); each pair's stats go into the room's line.
		const identity = identityFor(options);
		// One encoder per size this member's picture goes at, shared by the pairs (encoder-pool.ts).
		const encoderPool = options.encoderPool ?? new EncoderPool();
		const silenceTimeoutMs = options.silenceTimeoutMs ?? defaultTimeouts.memberSilenceMs;
		this.options = codeOptions(
			{...options, identity, statsFile: undefined, encoderPool, silenceTimeoutMs},
			code,
		);
		this.text = formatCode(code);
		this.via = `via relay ${describeRelay(control.relay)}`;
		this.fingerprint = identity.fingerprint;
		this.currentControl = control;
		this.currentCheck = new RoomCheck(`${control.id} ${identity.fingerprint}`);
		this.statsFile = options.statsFile ? new StatsFile(options.statsFile) : undefined;
		this.statsTimer = setInterval(() => this.emitStats(), options.statsIntervalMs ?? 1000);
		this.listen(control);
	}

	/** This member's control connection to the relay (a new one after joining again). */
	get control(): RoomControl {
		return this.currentControl;
	}

	get check(): RoomCheck {
		return this.currentCheck;
	}

	private listen(control: RoomControl): void {
		const current = () => control === this.currentControl && !this.over;
		control.on('member', (id) => {
			if (current()) this.arrived(id);
		});
		control.on('left', (id) => {
			if (current()) this.remove(id, 'left the room');
		});
		control.on('tried', (count) => {
			if (current())
				this.emit(
					'notice',
					`someone tried a wrong code for this room (${count} so far): the relay turned them away`,
				);
		});
		control.on('closed', (error) => {
			if (current()) this.controlLost(error);
		});
		control.start(defaultTimeouts.roomRelayQuietMs);
	}

	/**
	 * The relay dropped this member (it did not answer the relay's pings: this process was frozen,
	 * the machine asleep or off the network), or the room's connection to the relay was lost: the
	 * others were told it left, so it joins again with the code, as a new member, or ends saying
	 * why it cannot. Any other refusal (the relay shutting down) ends the room.
	 */
	private controlLost(error: RelayError): void {
		if (error.code !== 'silent' && error.code !== 'closed') {
			this.end(error.message);
			return;
		}
		const why = error.code === 'silent' ? error.message : `lost the connection to the room: ${error.message}`;
		void this.rejoin(why);
	}

	private async rejoin(why: string): Promise<void> {
		this.generation++;
		this.linking = false;
		this.relinks.clear();
		for (const member of [...this.members.values(), ...this.lost.values()])
			member.call?.hangUp('left the room to join it again');
		for (const clear of [this.members, this.lost, this.waitingLinks, this.budget]) clear.clear();
		this.whenIdle.splice(0);
		this.emit('notice', `${why}; joining the room again`);
		this.emit('members');
		const relay = this.currentControl.relay;
		let control: RoomControl;
		try {
			const joined = await joinAny(relay, this.code.channel, codeTag(this.code.words));
			if (joined.kind !== 'room') {
				joined.paired.socket.destroy();
				throw new Error("the code is no longer a room's");
			}
			control = joined.control;
		} catch (error) {
			// The relay's sentence for a number it does not know speaks of invites.
			const gone =
				error instanceof RelayError && error.code === 'no-channel'
					? 'the room is gone from the relay (everyone left, or the relay restarted)'
					: errorMessage(error);
			this.end(`${why}, and it could not join the room again: ${gone}`);
			return;
		}
		if (this.over) {
			control.leave();
			return;
		}
		this.currentControl = control;
		this.currentCheck = new RoomCheck(`${control.id} ${this.fingerprint}`);
		this.listen(control);
		this.emit('check', this.checkState);
	}

	/**
	 * The room's check code as the screens show it: a code only once it covers every member there
	 * (one still linking or in its handshake is not in it yet, so a code then would be another's).
	 */
	get checkState(): RoomCheckState {
		const state = this.check.state;
		if (state.kind === 'code' && [...this.members.values()].some((m) => m.state !== 'in-call'))
			return {kind: 'waiting'};
		return state;
	}

	/** This member's relay number. */
	get id(): number {
		return this.control.id;
	}

	get ended(): boolean {
		return this.over;
	}

	/** The others in the room, in the order they came. */
	others(): RoomMember[] {
		return [...this.members.values()].sort((a, b) => a.id - b.id);
	}

	sendFrame(frame: Frame): void {
		for (const member of this.members.values()) if (member.state === 'in-call') member.call!.sendFrame(frame);
	}

	/**
	 * The largest size any member in its call is sent a frame of `native` size at (the camera reads
	 * at it, as on the call screen); undefined while one does not know yet, or nobody is in a call.
	 */
	sendSizeFor(native: Size): Size | undefined {
		const calls = [...this.members.values()].filter((m) => m.state === 'in-call').map((m) => m.call!);
		return largestSendSize(calls, native);
	}

	/** Nobody here is in a call with us: no one wants this side's picture (the camera may read small). */
	get idle(): boolean {
		for (const member of this.members.values()) if (member.state === 'in-call') return false;
		return true;
	}

	sendChat(text: string): void {
		for (const member of this.members.values()) if (member.state === 'in-call') member.call!.sendChat(text);
	}

	/** Pixels this side shows `id`'s picture at: that member scales its frames to fit. */
	requestShownSize(id: number, width: number, height: number): void {
		const member = this.members.get(id);
		if (!member) return;
		// Remembered: a call that replaces this one (direct, or the pair's next) starts at it.
		this.shownSizes.set(id, {width, height});
		member.call?.requestShownSize(width, height);
	}

	leave(reason = 'left the room'): void {
		if (this.over) return;
		for (const member of [...this.members.values(), ...this.lost.values()]) member.call?.hangUp(reason);
		this.end(reason);
	}

	stats(now = Date.now()): RoomStats {
		return {
			t: new Date(now).toISOString(),
			state: this.over ? 'ended' : 'in-room',
			members: this.members.size + 1,
			check: this.checkState.kind === 'code' ? (this.checkState as {code: string}).code : null,
			peers: this.others().map((member) => {
				const s = member.call?.lastStats;
				return {
					id: member.id,
					name: member.name ?? null,
					state: member.state,
					fps_in: s?.fps_in ?? 0,
					bytes_in: s?.bytes_in ?? 0,
					fps_out: s?.fps_out ?? 0,
					bytes_out: s?.bytes_out ?? 0,
					latency_ms_p95: s?.latency_ms_p95 ?? null,
					rtt_ms: s?.rtt_ms ?? null,
					codec: s?.codec ?? null,
					via: member.call?.remoteAddress ?? this.via,
				};
			}),
		};
	}

	private emitStats(): void {
		const stats = this.stats();
		this.emit('stats', stats);
		this.statsFile?.append(stats);
	}

	private end(reason: string): void {
		if (this.over) return;
		this.over = true;
		this.relinks.clear();
		for (const member of [...this.members.values(), ...this.lost.values()]) member.call?.hangUp(reason);
		this.control.leave();
		clearInterval(this.statsTimer);
		this.statsFile?.append(this.stats());
		this.emit('ended', reason);
	}

	/** A member to link with: it waits its turn (see nextLink). */
	private arrived(id: number): void {
		if (this.over || this.known(id) || id === this.id) return;
		this.members.set(id, {id, state: 'linking', name: undefined, call: undefined, sas: undefined});
		this.waitingLinks.add(id);
		this.emit('members');
		this.nextLink();
	}

	/**
	 * One pair's handshake at a time, taken in one order every member shares (by the pair's lower
	 * id, then its higher): a newcomer's seven handshakes at once left a loaded 2-core machine past
	 * the 5 s handshake deadline, and with a shared order no two members wait on each other in a
	 * circle (the smallest pair anyone waits for has both its members ready for it).
	 */
	private nextLink(): void {
		if (this.linking || this.over) return;
		const order = (id: number) => Math.min(id, this.id) * 10_000 + Math.max(id, this.id);
		const next = [...this.waitingLinks].sort((a, b) => order(a) - order(b))[0];
		if (next === undefined) {
			const idle = this.whenIdle.splice(0);
			for (const run of idle) run();
			return;
		}
		this.waitingLinks.delete(next);
		this.linking = true;
		const generation = this.generation;
		void this.link(next).finally(() => {
			if (generation !== this.generation) return;
			this.linking = false;
			this.nextLink();
		});
	}

	/** The pair's call with member `id`; resolves once its handshake is over (in the call or not). */
	private async link(id: number): Promise<void> {
		const member = this.known(id);
		if (this.over || !member) return;
		// A pair linking again (its call dropped) waits less for the other end, and tries again.
		const again = this.relinks.again(id);
		let paired;
		try {
			paired = await this.control.link(id, again ? relinkWaitMs : undefined);
		} catch (error) {
			if (this.over || this.known(id) !== member) return;
			if (!again) {
				this.remove(id, `could not reach them through the relay: ${errorMessage(error)}`);
				return;
			}
			// The relay refusing the link (its limit on a pair's links) says so again every time: a
			// silent member's pair then stops being patient, and gives it up after its attempts.
			if (error instanceof RelayError && (error.code === 'limit' || error.code === 'no-channel'))
				this.relinks.refused(id);
			this.relinkLater(member, `the relay: ${errorMessage(error)}`);
			return;
		}
		if (this.over || this.known(id) !== member) {
			paired.socket.destroy();
			return;
		}
		const call = this.startCall(member, paired);
		await new Promise<void>((resolve) => {
			const onState = (state: CallState) => {
				if (state !== 'in-call' && state !== 'ended') return;
				call.off('state', onState);
				resolve();
			};
			call.on('state', onState);
			call.once('ended', () => resolve());
			if (call.ended) resolve();
		});
	}

	/** The pair's call over the link the relay paired: the older member (lower id) accepts. */
	private startCall(member: RoomMember, paired: Paired): Call {
		const socket = socketOf(paired);
		const shown = this.shownSizes.get(member.id);
		const silenceTimeoutMs = this.relinks.silenceFor(member.id) ?? this.options.silenceTimeoutMs;
		const options = {...this.options, silenceTimeoutMs, ...(shown ? {shownSize: shown} : {})};
		const call = this.id < member.id ? acceptOver(socket, options) : callOver(socket, options);
		call.remoteAddress = this.via;
		this.attach(member, call);
		this.goDirect(member, call);
		return call;
	}

	/**
	 * The pair's call ended while both are in the room (the relay has not said the member left): the
	 * member shows as linking and the pair links again after a pause, within relinkDelaysMs; the
	 * relay's `left`, which comes at once for a member who quits or whose machine closed its
	 * connections, removes it meanwhile.
	 */
	private relinkLater(member: RoomMember, reason: string, silent = false): void {
		if (this.over) return;
		const id = member.id;
		const next = this.relinks.dropped(id, reason, silent);
		if ('giveUp' in next) {
			this.remove(id, next.giveUp);
			return;
		}
		const label = this.labelOf(member);
		if (label) this.check.forget(label);
		member.call = undefined;
		member.state = 'linking';
		this.emit('members');
		this.newRound();
		if (silent && this.members.get(id) === member) {
			this.relinks.graceFor(id, () => {
				if (this.over || this.members.get(id) !== member || member.state === 'in-call') return;
				this.members.delete(id);
				this.lost.set(id, member);
				this.emit(
					'notice',
					`${member.name ?? `member ${id}`}: ${reason}; gone from the room until it answers`,
				);
				this.emit('members');
				this.newRound();
			});
		}
		// Through the queue of handshakes, as the first link was (see nextLink).
		this.relinks.schedule(id, next.delayMs, () => {
			if (this.over || this.known(id) !== member) return;
			this.waitingLinks.add(id);
			this.nextLink();
		});
	}

	/**
	 * Makes `call` the member's: its state, name and pair check code are the member's, its frames,
	 * chat and room messages the room's. A call replaced (by a direct one) still delivers until it
	 * is hung up, but its end no longer ends the member.
	 */
	private attach(member: RoomMember, call: Call): void {
		const id = member.id;
		member.call = call;
		member.state = call.state;
		const current = () => member.call === call && this.known(id) === member;
		call.on('security', (security) => {
			if (current()) member.sas = security.sas;
		});
		call.on('state', (state) => {
			if (state === 'ended' || !current()) return;
			member.state = state;
			if (state === 'in-call') {
				this.metAnyone = true;
				this.relinks.inCall(id);
				if (this.lost.delete(id)) {
					// It answered again: a stall, not a freeze.
					this.members.set(id, member);
					this.emit('notice', `${call.peerName ?? member.name ?? `member ${id}`} is back`);
				}
				member.name = call.peerName;
				member.sas = call.security.sas;
				this.newRound();
			}
			this.emit('members');
			this.emit('check', this.checkState);
		});
		call.on('frame', (frame) => this.emit('frame', id, frame));
		call.on('chat', (text) => this.emit('chat', id, text));
		call.on('room', (code, payload) => this.roomMessage(member, code, payload));
		call.once('ended', (end) => {
			if (!current()) return;
			const wrongCode = end.error instanceof ProtocolError && end.error.code === 'secret-mismatch';
			if (wrongCode && !this.metAnyone) {
				// Every member there refused this one's code: it is the wrong one (1 in 256 passes the tag).
				this.end(
					'wrong code: the members of this room do not know it (check the code, or someone is in the middle)',
				);
				return;
			}
			if (wrongCode) this.remove(id, "did not know the room's code, and was turned away");
			else {
				// Silence in the call, not in its handshake: the member froze or lost its network, or the
				// pair's path did (both ends then see it, and meet again at the relay at once).
				const silent =
					end.error instanceof ProtocolError && end.error.code === 'timeout' && member.state === 'in-call';
				if (silent)
					this.relinks.fellSilent(id, call.options.silenceTimeoutMs ?? defaultTimeouts.memberSilenceMs);
				this.relinkLater(member, end.reason, silent);
			}
		});
	}

	/**
	 * As a call by code does (invite/direct.ts): once the pair is in its call through the relay, the
	 * older member offers a port of its own and the newer dials it; a direct call that passes the
	 * same handshake with the same keys replaces the relayed one, and when none does the pair stays
	 * on the relay. The relay then no longer carries the pair's bytes.
	 */
	private goDirect(member: RoomMember, relayed: Call): void {
		const addresses = this.directAddresses;
		if (addresses.length === 0 && this.id < member.id) return;
		const onDirect = (direct: Call) => {
			if (this.over || member.call !== relayed || this.known(member.id) !== member) {
				direct.hangUp('hung up');
				return;
			}
			this.attach(member, direct);
			const shown = this.shownSizes.get(member.id);
			if (shown) direct.requestShownSize(shown.width, shown.height);
			this.emit('members');
		};
		// A direct handshake waits for this side's handshakes through the relay: run beside them, a
		// newcomer's seven pairs' direct moves pushed a loaded 2-core machine's past their deadline
		// (bench: room, 8 members got 0 fps at load 15).
		const later = (run: () => void) => {
			if (!this.linking && this.waitingLinks.size === 0) run();
			else this.whenIdle.push(run);
		};
		if (this.id > member.id) tryFirstOffer(relayed, onDirect, later);
		else offerOnceInCall(relayed, onDirect, addresses, later);
	}

	/** The member with this id, in the room or gone silent from it (see `lost`). */
	private known(id: number): RoomMember | undefined {
		return this.members.get(id) ?? this.lost.get(id);
	}

	private labelOf(member: RoomMember): string | undefined {
		const fingerprint = member.call?.security.peerFingerprint;
		return member.state === 'in-call' && fingerprint ? `${member.id} ${fingerprint}` : undefined;
	}

	/** The membership changed: a new round of the room's check code. */
	private newRound(): void {
		const pairs = new Map<string, number>();
		for (const member of this.members.values()) {
			const label = this.labelOf(member);
			if (label && member.sas) pairs.set(label, sasNumber(member.sas));
		}
		const view = this.check.setPairs(pairs);
		if (view) {
			const payload = encodeRoomView(view);
			for (const member of this.members.values())
				if (member.state === 'in-call') member.call!.sendRoom(messageType.roomView, payload);
			// The others' views of this membership may all be here already.
			this.sendReveal(this.check.revealIfReady());
		}
		this.emit('check', this.checkState);
	}

	private roomMessage(member: RoomMember, code: number, payload: Buffer): void {
		const label = this.labelOf(member);
		if (!label || !this.withinBudget(member.id)) return;
		try {
			if (code === messageType.roomView) {
				this.sendReveal(this.check.receiveView(label, decodeRoomView(payload)));
			} else if (code === messageType.roomReveal) {
				this.check.receiveReveal(label, decodeRoomReveal(payload));
			} else return;
		} catch (error) {
			// Not linked again: this side hangs up on it for good.
			this.remove(member.id, `it sent a room message this side cannot read: ${errorMessage(error)}`);
			return;
		}
		this.emit('check', this.checkState);
	}

	private sendReveal(reveal: RoomReveal | undefined): void {
		if (!reveal) return;
		const bytes = encodeRoomReveal(reveal);
		for (const other of this.members.values())
			if (other.state === 'in-call') other.call!.sendRoom(messageType.roomReveal, bytes);
	}

	/** A member flooding room messages has the rest of the second's dropped, unread. */
	private withinBudget(id: number, now = Date.now()): boolean {
		const slot = this.budget.get(id);
		if (!slot || now - slot.start >= 1000) {
			this.budget.set(id, {start: now, count: 1});
			return true;
		}
		return ++slot.count <= roomMessagesPerSecond;
	}

	private remove(id: number, reason: string): void {
		const member = this.known(id);
		if (!member) return;
		// One already gone from the room was announced then, and is not counted in it.
		const shown = this.members.delete(id);
		this.lost.delete(id);
		this.waitingLinks.delete(id);
		this.budget.delete(id);
		this.shownSizes.delete(id);
		this.relinks.forget(id);
		const label = this.labelOf(member);
		if (label) this.check.forget(label);
		if (member.call && !member.call.ended) member.call.hangUp(reason);
		if (this.over || !shown) return;
		const who = member.name ?? `member ${id}`;
		if (member.state !== 'in-call') this.emit('notice', `${who}: ${reason}`);
		this.emit('members');
		this.newRound();
	}
}

/** Makes a room at the relay; its code is `room.text`. */
export async function createRoom(relay: RelayAddress, options: RoomOptions = {}): Promise<Room> {
	const words = randomWords();
	const control = await openRoom(relay, codeTag(words));
	return new Room(control, {channel: control.channel, words}, options);
}
