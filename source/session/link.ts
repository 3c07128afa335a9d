/**
 * The contract between a Call and its protocol adapter (seed-link.ts, v2-link.ts): what the
 * adapter does with the socket once the handshake chose it, and the call-side services it uses.
 */
import type {Frame} from '../frame.js';
import type {CallOptions, DirectOffer} from './call-types.js';
import type {Size} from './media.js';

/** What a protocol adapter does with the socket once the handshake chose it. */
export interface Link {
	/** What this side sends now (v2: h264, vp9, jpeg444, jpeg or raw). */
	readonly codec: string | null;
	/** The bitrate the sender's codec aims at (kbit/s), when it follows the link. */
	readonly targetKbps?: number | null;
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
	/**
	 * v2 only: the size a frame of `native` size goes out at, once the peer said what it shows, so
	 * the camera can deliver that size and nothing scales twice; undefined: any size may be needed.
	 */
	sendSizeFor?(native: Size): Size | undefined;
	sendChat(text: string): void;
	/** v2 only: where this side also takes the call directly. */
	sendDirectOffer?(offer: DirectOffer): void;
	/** v2 only: a room's message (0x10..0x17). */
	sendRoom?(code: number, payload: Buffer): void;
	requestShownSize(size: Size): void;
	goodbye(reason: string): void;
	tick(now: number): void;
	/** The call ended: native codec state is freed now, not at the next garbage collection. */
	close?(): void;
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
	room?(code: number, payload: Buffer): void;
	/** The peer is asking its user about our key before its hello (v2 key-question). */
	peerIsAsking(): void;
	fail(error: Error): void;
	ended(reason: string): void;
	/** Pulls the frame waiting to be sent (seed shape from the first frame). */
	peekFrame(): Frame | undefined;
	pump(): void;
	/** The peer's hello agent arrived (v2), just before inCall. */
	peerHello(agent: string): void;
	inCall(): void;
}
