/**
 * The call itself, for the call screen: listening or dialing, attaching each call's events to
 * the reducer (as actions) and its frames to the screen, the question about a changed peer key
 * (y accepts, anything else or silence refuses), asking the peer for the size the screen shows,
 * and hanging up.
 */
import type {Frame} from '../frame.js';
import {defaultPort, parseTarget} from '../net/address.js';
import type {Call, CallOptions, CallState, PeerKeyChange} from '../session/call.js';
import {sessionOptions, type SessionPlan} from '../control/plan.js';
import {dial, listen, type Listener} from '../session/connect.js';
import type {CallStats} from '../session/stats.js';
import {shareableAddresses} from '../net/own-addresses.js';
import type {CallAction} from './call-state.js';
import {refusalText} from './refusal.js';
import {errorMessage} from '../text/error-message.js';

/** What the call screen was asked for the call itself: whom, how, and with which trust flags. */
/** How long chat lines are gathered before they are drawn, all in one redraw. */
const chatBatchMs = 100;

export type CallSetup = {
	readonly role: 'listen' | 'call';
	readonly host?: string;
	readonly port?: number;
	/** call: HOST:PORT (with `connect`: what the screen calls the peer, e.g. "via relay HOST:PORT") */
	readonly target?: string;
	/**
	 * call: makes the call instead of dialling target (invite and join, through a relay); a call
	 * given to `moved` later replaces the one it resolved with (the move from relay to direct).
	 */
	readonly connect?: (options: CallOptions, moved: (next: Call) => void) => Promise<Call>;
	/** Seconds the user has to answer about a changed peer key before it is refused; default 45. */
	readonly keyChangeSeconds?: number;
} & Readonly<SessionPlan>;

export type CallConnectionOptions = CallSetup & {
	/** The display lag the screen measures, for --stats (screen_lag_ms). */
	readonly screenLagMs?: () => number | undefined;
	readonly dispatch: (action: CallAction) => void;
	readonly onFrame: (frame: Frame) => void;
	/** A call started while the camera shows a card: send it at once. */
	readonly onCallStarted: () => void;
	readonly onStats?: (stats: CallStats) => void;
	readonly onListening?: (port: number) => void;
};

function endText(reason: string, error?: Error): string {
	return error && error.message !== reason ? `${reason} (${error.message})` : reason;
}

export class CallConnection {
	private call: Call | undefined;
	private listener: Listener | undefined;
	private answerKeyChange: ((accept: boolean) => void) | undefined;
	private keyChangeTimer: NodeJS.Timeout | undefined;
	private closed = false;
	private pendingChat: string[] = [];
	private connecting = false;
	private wanted: {width: number; height: number} | undefined;
	private asked: string | undefined;
	private readonly callOptions: CallOptions;

	constructor(private readonly options: CallConnectionOptions) {
		this.callOptions = sessionOptions(options, {
			screenLagMs: options.screenLagMs,
			confirmPeerKeyChange: (change) => this.confirmKeyChange(change),
		});
	}

	get active(): boolean {
		return this.call !== undefined;
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
		});
		this.options.onListening?.(active.port);
		active.on('call', (next) => this.attach(next));
		active.on('warning', (text) => dispatch({type: 'warning', text}));
		active.on('rejected', (error, address) => {
			if (!this.closed) dispatch({type: 'notice', text: refusalText(error, address)});
		});
	}

	/** Calls the target (again). */
	dial(): void {
		const target = this.options.target;
		if (!target || this.closed || this.call || this.connecting) return;
		const connect = this.options.connect;
		if (connect) {
			this.connecting = true;
			this.options.dispatch({type: 'dialing', target});
			connect(this.callOptions, (next) => this.replace(next)).then(
				(next) => {
					this.connecting = false;
					if (this.closed) next.hangUp('hung up');
					else this.attach(next, target);
				},
				(error: unknown) => {
					this.connecting = false;
					const reason = errorMessage(error);
					if (!this.closed) this.options.dispatch({type: 'call-ended', reason, failed: true});
				},
			);
			return;
		}
		const {host, port} = parseTarget(target);
		this.options.dispatch({type: 'dialing', target});
		this.attach(dial(host, port, this.callOptions), target);
	}

	/** Your picture: to the call, and while listening also to callers still in their greeting (the seed format announces its size before the call is live). */
	sendFrame(frame: Frame): void {
		if (this.listener) this.listener.sendFrame(frame);
		else this.call?.sendFrame(frame);
	}

	/** Hangs up the current call; a listener goes on listening. */
	hangUp(): void {
		this.call?.hangUp('hung up');
	}

	sendChat(text: string): void {
		this.call?.sendChat(text);
	}

	/** The pixels the screen shows the peer in (0x0: full size, for a window). */
	showAt(size: {width: number; height: number}): void {
		this.wanted = size;
		this.askForSize();
	}

	/** The user's answer to the changed-key question. */
	settleKeyChange(accept: boolean): void {
		clearTimeout(this.keyChangeTimer);
		const answer = this.answerKeyChange;
		this.answerKeyChange = undefined;
		answer?.(accept);
	}

	/** Hangs up the current call (if any) and stops listening. */
	async close(): Promise<void> {
		this.closed = true;
		this.settleKeyChange(false);
		this.call?.hangUp('hung up');
		await this.listener?.close('hung up');
	}

	/**
	 * Chat lines that arrive together are drawn together: each dispatch would redraw the screen,
	 * and a burst of them held up the keys behind it.
	 */
	private chatArrived(text: string): void {
		this.pendingChat.push(text);
		if (this.pendingChat.length > 1) return;
		setTimeout(() => {
			const texts = this.pendingChat;
			this.pendingChat = [];
			if (!this.closed) for (const each of texts) this.options.dispatch({type: 'chat-received', text: each});
		}, chatBatchMs);
	}

	private askForSize(): void {
		const call = this.call;
		const wanted = this.wanted;
		if (!call || !wanted || call.protocol !== 'v2' || call.state !== 'in-call') return;
		const key = `${wanted.width}x${wanted.height}`;
		if (key === this.asked) return;
		this.asked = key;
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

	/** The same call on another connection: the screen goes on, with the new path in the status. */
	private replace(next: Call): void {
		if (this.closed || !this.call || next.state !== 'in-call') {
			next.hangUp('hung up');
			return;
		}
		this.attach(next, undefined, true);
	}

	private attach(next: Call, address?: string, moved = false): void {
		const {dispatch} = this.options;
		this.call = next;
		this.asked = undefined;
		next.on('error', () => undefined);
		const onState = (state: CallState) => {
			if (state === 'ended' || this.call !== next) return;
			if (state === 'in-call' && moved) {
				dispatch({type: 'call-moved', address: next.remoteAddress, security: next.security});
				this.askForSize();
				this.options.onCallStarted();
			} else if (state === 'in-call') {
				dispatch({
					type: 'call-started',
					protocol: next.protocol,
					address: next.remoteAddress ?? address,
					name: next.peerName,
					security: next.security,
				});
				this.askForSize();
				this.options.onCallStarted();
			} else dispatch({type: 'call-state', state});
		};
		next.on('state', onState);
		// A call made elsewhere (an invite's) may be in the call already.
		if (next.state !== 'connecting') onState(next.state);
		next.on('frame', (frame) => {
			if (this.call === next) this.options.onFrame(frame);
		});
		next.on('chat', (text) => this.chatArrived(text));
		next.on('security', (security) => {
			if (this.call === next) dispatch({type: 'security', security});
		});
		next.on('stats', (stats) => {
			this.options.onStats?.(stats);
			if (this.call === next && stats.state !== 'ended')
				dispatch({type: 'stats', stats, security: next.security});
		});
		next.once('ended', ({reason, error}) => {
			if (this.call !== next) return;
			this.call = undefined;
			this.settleKeyChange(false);
			dispatch({type: 'call-ended', reason: endText(reason, error), failed: Boolean(error)});
		});
	}
}
