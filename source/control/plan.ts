/**
 * One call, as it was asked for: the command line (command-line.ts callPlan) and the setup screen
 * each make one CallPlan, and everything that runs a call reads only that. sessionOptions is the
 * one place a plan becomes what the session needs (CallOptions).
 */
import type {ColorDepth, GlyphChoice} from '../render/layout.js';
import type {CallOptions, ProtocolChoice} from '../session/call.js';

/** How the picture is drawn: --color, --glyphs, --threshold, --size. */
export type Display = {
	color?: ColorDepth;
	glyphs?: GlyphChoice;
	threshold?: number;
	size?: {cols: number; rows: number};
};

/** The flags every command that makes a call shares, checked (command-line.ts). */
export type CallSettings = {
	camera: string;
	protocol: ProtocolChoice;
	quality?: number;
	stats?: string;
	seconds?: number;
	window: boolean;
	name?: string;
	/** --secret: a passphrase both sides must give (checked inside TLS). */
	secret?: string;
	/** --require-encryption: refuse the seed format and plaintext v2. */
	requireEncryption: boolean;
	/** --peer-key, in its canonical form `SHA256:...`. */
	peerKey?: string;
};

/** Whom the call is with: listen for one, call HOST:PORT, or meet at a relay by invite code. */
export type CallWhere =
	| {role: 'listen'; host: string; port: number}
	| {role: 'call'; target: string}
	| {role: 'invite'; relay?: string; room?: boolean}
	| {role: 'join'; code: string; relay?: string};

export type CallPlan = CallWhere &
	CallSettings &
	Display & {
		/**
		 * identity.pem and known_peers (the command line and the setup screen: defaultConfigDir()).
		 * None: a throwaway key and no memory of peers (the demo, tests).
		 */
		configDir?: string;
	};

/** The part of a plan the session reads; every field may be left out (tests, the demo). */
export type SessionPlan = Partial<
	Pick<
		CallPlan,
		'protocol' | 'quality' | 'stats' | 'name' | 'secret' | 'requireEncryption' | 'peerKey' | 'configDir'
	>
>;

/**
 * What the session needs from a plan. `extra` is what the one running the call adds: the pixels
 * it shows, the display lag, the question about a changed key.
 */
export function sessionOptions(plan: SessionPlan, extra: CallOptions = {}): CallOptions {
	return {
		protocol: plan.protocol ?? 'auto',
		quality: plan.quality,
		statsFile: plan.stats,
		name: plan.name,
		secret: plan.secret,
		requireEncryption: plan.requireEncryption,
		peerKey: plan.peerKey,
		configDir: plan.configDir,
		...extra,
	};
}
