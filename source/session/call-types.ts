/**
 * A call's vocabulary, shared by the session modules, the commands and the screens: its states,
 * what it is asked to do (CallOptions), what it says about trust (CallSecurity) and its events.
 */
import type {Frame} from '../frame.js';
import type {Identity} from '../trust/identity.js';
import type {PeerKeyChange, PeerKeyVerdict} from '../trust/peer-key.js';

export type {PeerKeyChange, PeerKeyVerdict};
import type {EncoderPool} from './encoder-pool.js';
import type {Size} from './media.js';
import type {CallStats} from './stats.js';

export type CallState = 'connecting' | 'handshaking' | 'in-call' | 'ended';
export type Protocol = 'seed' | 'v2';
export type ProtocolChoice = 'auto' | Protocol;
export type Role = 'accepter' | 'caller';
export type CallEnd = {reason: string; error?: Error};

export type CallOptions = {
	/** auto (default): the caller tries v2, then the seed format; the accepter takes either. */
	protocol?: ProtocolChoice;
	/**
	 * Picture quality 1..100, one meaning for every codec: the JPEG quality of jpeg444, the
	 * matching constant rate factor of H.264 and VP9 (native-codec.ts); default depends on the
	 * frame size (90 for small frames, 85 above 320x240). A narrow link may lower it.
	 */
	quality?: number;
	/**
	 * v2 video codec to send; default: the best both sides have (h264, then vp9, then jpeg444 for
	 * small frames and jpeg for big ones). jpeg: no inter-frame codec; raw: uncompressed BGR.
	 */
	codec?: 'jpeg' | 'raw' | 'h264' | 'vp9';
	/**
	 * Inter-frame codecs this side offers (decodes, and may send) in v2; default every one this
	 * machine's FFmpeg has. [] behaves as facetty before them: jpeg444 both ways.
	 */
	interCodecs?: ReadonlyArray<'h264' | 'vp9'>;
	/**
	 * v2: encoders shared with the other calls given the same pool (a room's), so a picture sent
	 * at one size to several peers is encoded once (encoder-pool.ts); default: the call's own.
	 */
	encoderPool?: EncoderPool;
	/**
	 * v2: the bits a second the codec starts at (link-rate.ts), asked when the connection begins;
	 * default: a narrow link's start. A call that replaces another between the same peers (a move
	 * to a direct connection) starts where that one has got to by then, so the move does not cost
	 * seconds of a poorer picture.
	 */
	startKbps?: () => number | undefined;
	/** Pixels this side shows (v2 asks the peer to scale to fit); default: full size. */
	shownSize?: Size;
	/** Seed format: shape to announce; default: the size of the first frame passed to sendFrame. */
	seedShape?: Size;
	handshakeTimeoutMs?: number;
	/** A peer silent this long (v2), or stalled mid-frame (seed), ends the call. */
	idleTimeoutMs?: number;
	/**
	 * v2 in a call: a peer from which not one byte has come this long, or twice the longest it was
	 * quiet before in this call if that is longer, ends the call; default idleTimeoutMs. Bytes come
	 * on any live link (a ping a second), however slow, while a long message on a slow link can take
	 * seconds to arrive whole, so this can be far shorter than idleTimeoutMs (which also catches a
	 * peer dribbling bytes). A peer whose machine stalls for seconds now and then (a loaded one) has
	 * shown it, and is not taken for dead at its next stall.
	 */
	silenceTimeoutMs?: number;
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

export type CallSecurity = {
	encrypted: boolean;
	/** Short authentication string, "123 456": equal on both screens means no one in the middle. */
	sas?: string;
	cipher?: string;
	/** Ours and the peer's identity fingerprints. */
	fingerprint?: string;
	peerFingerprint?: string;
	peerKey?: PeerKeyVerdict;
	/** known_peers names with the peer's fingerprint (accepter: who is calling, if known). */
	peerKnownAs?: string[];
	/** Both sides proved the same --secret over this encrypted channel. */
	verifiedBySecret: boolean;
	/** A sentence for the screen when not encrypted (e.g. "the seed format cannot be encrypted"). */
	note?: string;
};

/**
 * lingerMs: after our goodbye, how long the socket waits for the peer to close too. Closed while
 * its bytes still come, the socket answers them with a reset; a peer that stalled (a busy
 * machine, a laptop lid) gets a few seconds to read the goodbye first.
 *
 * memberSilenceMs: a room's pairs' silenceTimeoutMs. A member whose process froze or whose cable
 * was cut sends no FIN, and must be gone from the others' grids within seconds; three pings'
 * worth of nothing at all is that, while a call between two people keeps idleMs: a lost call
 * is not linked again, and a lossy link's TCP can go quiet for seconds between retransmissions.
 *
 * lostMemberMs: how long a room keeps trying to link again with a member gone silent (out of its
 * grid meanwhile) before it gives the member up, unless the relay says `left` first. Longer than
 * the relay's memberSilenceMs (relay/limits.ts, 30 s) with a ping's slack: a member that wakes
 * while the relay still lists it finds its pairs still trying, one that wakes later was dropped by
 * the relay, and is told.
 *
 * roomRelayQuietMs: a room's control connection on which the relay sent nothing for this long
 * (it pings every memberPingMs, 5 s) is lost; the member joins the room again.
 */
export const defaultTimeouts = {
	handshakeMs: 5000,
	idleMs: 10_000,
	memberSilenceMs: 3000,
	lostMemberMs: 60_000,
	roomRelayQuietMs: 45_000,
	confirmMs: 60_000,
	lingerMs: 5000,
};

export type DirectOffer = {readonly port: number; readonly addresses: readonly string[]};

export type CallEvents = {
	state: [state: CallState];
	frame: [frame: Frame];
	chat: [text: string];
	/** The peer offers to take this call directly too (v2 direct-offer, encrypted calls). */
	'direct-offer': [offer: DirectOffer];
	/** A room's message from this member (v2 0x10..0x17, encrypted calls; room/room.ts reads it). */
	room: [code: number, payload: Buffer];
	stats: [stats: CallStats];
	ended: [end: CallEnd];
	error: [error: Error];
	security: [security: CallSecurity];
};
