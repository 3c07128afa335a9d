/**
 * One controller for the calls of a run and its two views. It makes the call (listens, dials, or
 * takes the call an invite made), turns what each call, the listener and an invite's move to a
 * direct connection say into ControlActions, and does what a view asks: send a frame or a chat
 * line, ask the peer for the size shown, answer the question about a changed key, hang up. The
 * plain status line (calls/plain.ts) and the call screen (ui/call-app.tsx, whose reducer
 * ui/call-state.ts reads the same actions) are its views: a call's events are wired here only.
 *
 * The calls are links keyed by peer (the address dialled, or the caller's address); listen and
 * call hold one at a time.
 *
 * A room (room/room.ts) is several calls, but not under this controller: what this one adds to a
 * call is one peer's view (dialling, listening, the changed-key question, one shown size, chat in
 * batches), and none of that is a room's. A room's pairs live by the room's rules (one handshake at
 * a time in an order all members share, linking again, a direct move that waits for that queue,
 * a check-code round at every change, members gone silent), and the room screen draws members, not
 * one call's state. Its pairs here would need calls attached from outside, a shown size per link,
 * the end's error code (a wrong code, silence) and the room's messages passed through, while the
 * room kept its own member of each pair: a pair's state in two places instead of one. What both
 * share is below this file: the call (session/), the call by code and the direct move (invite/),
 * the encoder pool, and the screen's compositor and camera (ui/call-compositor.ts, call-camera.ts).
 */
import type {Frame} from '../frame.js';
import {defaultPort, parseTarget} from '../net/address.js';
import {shareableAddresses} from '../net/own-addresses.js';
import {
	largestSendSize,
	type Call,
	type CallOptions,
	type CallSecurity,
	type CallState,
	type PeerKeyChange,
	type Protocol,
} from '../session/call.js';
import {dial, listen, type Listener} from '../session/connect.js';
import type {Size} from '../session/media.js';
import type {CallStats} from '../session/stats.js';
import {errorMessage} from '../text/error-message.js';
import {sessionOptions, type SessionPlan} from './plan.js';
import {refusalText} from './refusal.js';

/** What happened to the calls, for the views (the screen's reducer, the plain status line). */
export type ControlAction =
	| {
			readonly type: 'listening';
			readonly addresses: readonly string[];
			readonly port: number;
			readonly warnings?: readonly string[];
			/** This side's identity key, to give to callers who pin it (--peer-key). */
			readonly fingerprint?: string;
	  }
	| {readonly type: 'warning'; readonly text: string}
	/** One line about something that happened (a refused caller, the window closed, ...). */
	| {readonly type: 'notice'; readonly text: string | undefined}
	| {readonly type: 'security'; readonly security: Readonly<CallSecurity>}
	/** The session asks whether to accept a changed peer key. */
	| {readonly type: 'key-change'; readonly change: PeerKeyChange}
	/** Nobody answered in time: refused. */
	| {readonly type: 'key-change-timeout'}
	| {readonly type: 'dialing'; readonly target: string}
	| {readonly type: 'call-state'; readonly state: 'connecting' | 'handshaking' | 'in-call'}
	| {
			readonly type: 'call-started';
			readonly protocol?: Protocol;
			readonly address?: string;
			readonly name?: string;
			readonly security?: Readonly<CallSecurity>;
	  }
	/** The call moved to another connection (an invite's, from the relay to direct); it goes on. */
	| {
			readonly type: 'call-moved';
			readonly address?: string;
			readonly name?: string;
			readonly security?: Readonly<CallSecurity>;
	  }
	/** `because`: the error's own words, when they say more than the reason. */
	| {
			readonly type: 'call-ended';
			readonly reason: string;
			readonly failed: boolean;
			readonly because?: string;
	  }
	/** Every stats report of the live call, the last one (state 'ended') too. */
	| {readonly type: 'stats'; readonly stats: CallStats; readonly security?: Readonly<CallSecurity>}
	| {readonly type: 'chat-received'; readonly text: string};

/** Makes a call elsewhere (invite, join); a call given to `moved` later replaces it. */
export type Connect = (options: CallOptions, moved: (next: Call) => void) => Promise<Call>;

/** Which peer a link is with: the address dialled, the label of a call by code, a caller's address. */
export type LinkKey = string;

/** What the controller was asked for the call itself: whom, how, and with which trust flags. */
export type CallSetup = {
	readonly role: 'listen' | 'call';
	readonly host?: string;
	readonly port?: number;
	/** call: HOST:PORT (with `connect`: what the views call the peer, e.g. "via relay HOST:PORT") */
	readonly target?: string;
	/** call: makes the call instead of dialling target (invite and join, through a relay). */
	readonly connect?: Connect;
	/** Seconds the user has to answer about a changed peer key before it is refused; default 45. */
	readonly keyChangeSeconds?: number;
} & Readonly<SessionPlan>;

export type ControllerOptions = CallSetup & {
	readonly dispatch: (action: ControlAction, link?: LinkKey) => void;
	readonly onFrame?: (frame: Frame, link: LinkKey) => void;
	/** A call went live (or moved): a camera that shows a card sends it at once. */
	readonly onCallStarted?: (link: LinkKey) => void;
	/** Every stats report of every call (benchmarks, tests). */
	readonly onStats?: (stats: CallStats) => void;
	readonly onListening?: (port: number) => void;
	/** The display lag the screen measures, for --stats (screen_lag_ms). */
	readonly screenLagMs?: () => number | undefined;
	/** The pixels this side shows, from the start (plain mode: the terminal's); see also showAt. */
	readonly shownSize?: Size;
	/**
	 * false: a changed peer key is refused with both fingerprints, nobody is asked (the plain
	 * status line cannot ask). Default true: 'key-change', answered by settleKeyChange.
	 */
	readonly asksAboutKeys?: boolean;
	/**
	 * Chat lines that arrive within this long are reported together (the screen redraws once for
	 * them; a burst of redraws held up the keys behind it). 0: each at once. Default 100.
	 */
	readonly chatBatchMs?: number;
};

type CallLink = {call: Call; asked?: string};

/**
 * What a camera reads at while the controller is idle and nothing on screen shows it: small (a
 * frame read is cheap at this size), not off, so a call that arrives finds it open and its size known.
 */
export const idleReadSize: Size = {width: 64, height: 48};

function because(reason: string, error?: Error): string | undefined {
	return error && error.message !== reason ? error.message : undefined;
}

export class CallController {
	private readonly links = new Map<LinkKey, CallLink>();
	private listener: Listener | undefined;
	private answerKeyChange: ((accept: boolean) => void) | undefined;
	private keyChangeTimer: NodeJS.Timeout | undefined;
	private closed = false;
	private pendingChat: Array<{text: string; link: LinkKey}> = [];
	private chatTimer: NodeJS.Timeout | undefined;
	private connecting = false;
	private wanted: Size | undefined;
	private accepted = 0;
	private readonly callOptions: CallOptions;

	constructor(private readonly options: ControllerOptions) {
		this.callOptions = sessionOptions(options, {
			screenLagMs: options.screenLagMs,
			shownSize: options.shownSize,
			confirmPeerKeyChange:
				options.asksAboutKeys === false ? undefined : (change) => this.confirmKeyChange(change),
		});
	}

	/** A call is up or under way (a listener: one was admitted). */
	get active(): boolean {
		return this.links.size > 0;
	}

	/** Listens (resolves once listening; rejects with the reason it cannot). */
	async listen(): Promise<void> {
		const active = await listen({
			...this.callOptions,
			host: this.options.host,
			port: this.options.port ?? defaultPort,
		});
		if (this.closed) {
			await active.close('hung up');
			return;
		}
		this.listener = active;
		const {dispatch} = this.options;
		dispatch({
			type: 'listening',
			addresses: shareableAddresses(this.options.host),
			port: active.port,
			warnings: active.warnings,
			fingerprint: active.fingerprint,
		});
		this.options.onListening?.(active.port);
		active.on('call', (next) => this.attach(next, next.remoteAddress ?? `caller ${++this.accepted}`));
		active.on('warning', (text) => dispatch({type: 'warning', text}));
		active.on('rejected', (error, address) => {
			if (!this.closed) dispatch({type: 'notice', text: refusalText(error, address)});
		});
	}

	/** Calls the target (again). */
	dial(): void {
		const target = this.options.target;
		if (!target || this.closed || this.links.size > 0 || this.connecting) return;
		const connect = this.options.connect;
		this.options.dispatch({type: 'dialing', target}, target);
		if (!connect) {
			const {host, port} = parseTarget(target);
			this.attach(dial(host, port, this.callOptions), target, target);
			return;
		}
		this.connecting = true;
		connect(this.callOptions, (next) => this.replace(target, next)).then(
			(next) => {
				this.connecting = false;
				if (this.closed) next.hangUp('hung up');
				else this.attach(next, target, target);
			},
			(error: unknown) => {
				this.connecting = false;
				const reason = errorMessage(error);
				if (!this.closed) this.options.dispatch({type: 'call-ended', reason, failed: true}, target);
			},
		);
	}

	/**
	 * Your picture: to each call, and while listening also to callers still in their greeting (the
	 * seed format announces its size before the call is live; `native`: Call.sendFrame).
	 */
	sendFrame(frame: Frame, native?: Size): void {
		if (this.listener) this.listener.sendFrame(frame, native);
		else for (const {call} of this.links.values()) call.sendFrame(frame, native);
	}

	/**
	 * No call is up or on its way (none live, no caller in its greeting, none being dialled): nobody
	 * wants this side's picture, so a camera may read it as small as what is shown of it.
	 */
	get idle(): boolean {
		return this.links.size === 0 && !this.connecting && !this.listener?.greeting;
	}

	/**
	 * The largest size any call sends a frame of `native` size at; undefined while a call does not
	 * know yet (or takes any size: the seed format, a caller in its greeting), or none is up.
	 */
	sendSizeFor(native: Size): Size | undefined {
		if (this.listener?.greeting) return undefined;
		return largestSendSize(
			[...this.links.values()].map((link) => link.call),
			native,
		);
	}

	/** Hangs up the calls; a listener goes on listening. */
	hangUp(reason = 'hung up'): void {
		for (const {call} of [...this.links.values()]) call.hangUp(reason);
	}

	sendChat(text: string): void {
		for (const {call} of this.links.values()) call.sendChat(text);
	}

	/** The pixels the screen shows the peer in (0x0: full size, for a window). */
	showAt(size: Size): void {
		this.wanted = size;
		for (const link of this.links.values()) this.askForSize(link);
	}

	/** The user's answer to the changed-key question. */
	settleKeyChange(accept: boolean): void {
		clearTimeout(this.keyChangeTimer);
		const answer = this.answerKeyChange;
		this.answerKeyChange = undefined;
		answer?.(accept);
	}

	/** Hangs up the calls (if any) and stops listening. */
	async close(): Promise<void> {
		this.closed = true;
		clearTimeout(this.chatTimer);
		this.settleKeyChange(false);
		this.hangUp();
		await this.listener?.close('hung up');
	}

	private chatArrived(text: string, link: LinkKey): void {
		const batchMs = this.options.chatBatchMs ?? 100;
		if (batchMs <= 0) {
			if (!this.closed) this.options.dispatch({type: 'chat-received', text}, link);
			return;
		}
		this.pendingChat.push({text, link});
		this.chatTimer ??= setTimeout(() => this.flushChat(), batchMs);
	}

	/** Hands the views the chat lines waiting in the batch. */
	private flushChat(): void {
		clearTimeout(this.chatTimer);
		this.chatTimer = undefined;
		const lines = this.pendingChat;
		this.pendingChat = [];
		if (!this.closed)
			for (const each of lines) this.options.dispatch({type: 'chat-received', text: each.text}, each.link);
	}

	private askForSize(link: CallLink): void {
		const {call} = link;
		const wanted = this.wanted;
		if (!wanted || call.protocol !== 'v2' || call.state !== 'in-call') return;
		const key = `${wanted.width}x${wanted.height}`;
		if (key === link.asked) return;
		link.asked = key;
		call.requestShownSize(wanted.width, wanted.height);
	}

	private confirmKeyChange(change: PeerKeyChange): Promise<boolean> {
		return new Promise<boolean>((resolve) => {
			this.settleKeyChange(false);
			if (this.closed) return resolve(false);
			this.answerKeyChange = resolve;
			this.options.dispatch({type: 'key-change', change});
			this.keyChangeTimer = setTimeout(
				() => this.options.dispatch({type: 'key-change-timeout'}),
				(this.options.keyChangeSeconds ?? 45) * 1000,
			);
		});
	}

	/** The same call on another connection: the views go on, with the new path. */
	private replace(key: LinkKey, next: Call): void {
		if (this.closed || !this.links.has(key) || next.state !== 'in-call') {
			next.hangUp('hung up');
			return;
		}
		this.attach(next, key, undefined, true);
	}

	private attach(next: Call, key: LinkKey, address?: string, moved = false): void {
		const {dispatch} = this.options;
		const link: CallLink = {call: next};
		this.links.set(key, link);
		const current = () => this.links.get(key)?.call === next;
		next.on('error', () => undefined);
		const onState = (state: CallState) => {
			if (state === 'ended' || !current()) return;
			if (state === 'in-call') {
				dispatch(
					moved
						? {type: 'call-moved', address: next.remoteAddress, name: next.peerName, security: next.security}
						: {
								type: 'call-started',
								protocol: next.protocol,
								address: next.remoteAddress ?? address,
								name: next.peerName,
								security: next.security,
							},
					key,
				);
				this.askForSize(link);
				this.options.onCallStarted?.(key);
			} else dispatch({type: 'call-state', state}, key);
		};
		next.on('state', onState);
		// A call made elsewhere (an invite's, a listener's) may be in the call already.
		if (next.state !== 'connecting') onState(next.state);
		next.on('frame', (frame) => {
			if (current()) this.options.onFrame?.(frame, key);
		});
		next.on('chat', (text) => this.chatArrived(text, key));
		next.on('security', (security) => {
			if (current()) dispatch({type: 'security', security}, key);
		});
		next.on('stats', (stats) => {
			this.options.onStats?.(stats);
			if (current()) dispatch({type: 'stats', stats, security: next.security}, key);
		});
		next.once('ended', ({reason, error}) => {
			if (!current()) return;
			// What the peer said just before it hung up (a goodbye in the same breath) belongs to the
			// call, before its end: batched past it, those lines reached the views after the end and
			// were never shown.
			this.flushChat();
			this.links.delete(key);
			this.settleKeyChange(false);
			dispatch({type: 'call-ended', reason, failed: Boolean(error), because: because(reason, error)}, key);
		});
	}
}
