/**
 * facetty protocol v2: after the handshake, a stream of messages, each
 *   type (u8) | length (u32, big-endian, bytes of payload that follow) | payload
 * with every length judged against a per-type limit before a byte is buffered, so a lying peer
 * costs nothing. Unknown types are skipped (without buffering) so newer peers can add some.
 * Pure: no sockets, no clocks. Byte layout of each payload: docs/protocol.md.
 */
import net from 'node:net';
import {cleanLine} from '../text/sanitize.js';
import {ProtocolError} from './errors.js';
import {roomRevealBytes, roomViewMaxBytes, roomViewMinBytes} from './room.js';

export const v2Version = 2;
export const v2HeaderBytes = 5;
/** Largest video payload: a raw 1920x1080 frame plus its fields. */
export const v2MaxVideoBytes = 1920 * 1080 * 3 + 64;
export const v2MaxDimension = 4096;
export const v2MaxChatBytes = 4096;
export const v2MaxReasonBytes = 512;
export const v2MaxAgentBytes = 128;
/** Longest display name carried in hello's agent (bytes of UTF-8); longer names are cut. */
export const v2MaxNameBytes = 64;
/** Unknown messages are skipped, not stored, but a length past this is still a lie. */
export const v2MaxUnknownBytes = 16 * 1024 * 1024;

export const capability = {
	jpeg: 1 << 0,
	raw: 1 << 1,
	chat: 1 << 2,
	showSize: 1 << 3,
	frameAck: 1 << 4,
	jpeg444: 1 << 5,
	/** Decodes H.264 4:4:4 (codec 4) and answers keyframe-request's purpose: it may send one. */
	h264: 1 << 6,
	/** Decodes VP9 4:4:4 (codec 5). */
	vp9: 1 << 7,
	/**
	 * Reads a frame-ack's held time: the peer may hold its acks to write them with its next video
	 * message (one write each way a frame, not two) and says how long each was held.
	 */
	heldAcks: 1 << 8,
} as const;
export const allCapabilities = Object.values(capability).reduce((a, b) => a | b, 0);

export const messageType = {
	hello: 0x01,
	video: 0x02,
	showSize: 0x03,
	chat: 0x04,
	ping: 0x05,
	pong: 0x06,
	goodbye: 0x07,
	frameAck: 0x08,
	directOffer: 0x09,
	keyQuestion: 0x0c,
	keyframeRequest: 0x0d,
	/** Rooms (protocol/room.ts): a member's view of the room with its commitment, and its opening. */
	roomView: 0x10,
	roomReveal: 0x11,
} as const;

/** direct-offer: at most this many addresses, each an IPv4 or IPv6 literal of at most 45 bytes. */
export const v2MaxDirectAddresses = 16;
const v2MaxAddressBytes = 45;

/**
 * jpeg444: Y, Cr and Cb as three greyscale JPEGs, each u32-length-prefixed, so colour is not subsampled.
 * h264, vp9: one packet of an inter-frame stream in 4:4:4 (H.264 High 4:4:4 Predictive, VP9 profile 1),
 * each keyframe self-contained (H.264: SPS and PPS in band); sent only to a peer whose hello has the bit.
 */
export type VideoCodec = 'jpeg' | 'raw' | 'jpeg444' | 'h264' | 'vp9';
const codecByte: Record<VideoCodec, number> = {jpeg: 1, raw: 2, jpeg444: 3, h264: 4, vp9: 5};
const codecOfByte: Record<number, VideoCodec> = {1: 'jpeg', 2: 'raw', 3: 'jpeg444', 4: 'h264', 5: 'vp9'};
const videoFieldsBytes = 18;
/** video flags: bit 0, the packet is a keyframe (h264, vp9: a decoder may start there). Other bits: 0. */
const keyframeFlag = 1;
/**
 * Largest picture of an inter-frame codec, in pixels (1280x720): what the decoder may hold in its
 * reference frames stays near 50 MB whatever a peer claims. Bigger frames go as JPEG.
 */
export const v2MaxCodecPixels = 1280 * 720;

/** True when video seq `a` comes after `b` (seqs wrap at 2^32). */
export function seqAfter(a: number, b: number): boolean {
	const difference = (a - b) >>> 0;
	return difference !== 0 && difference < 0x80000000;
}

export type V2Message =
	| {type: 'hello'; version: number; capabilities: number; agent: string}
	| {
			type: 'video';
			codec: VideoCodec;
			width: number;
			height: number;
			seq: number;
			capturedAt: number;
			data: Uint8Array;
			/** h264, vp9: a decoder may start at this packet. */
			keyframe?: boolean;
	  }
	/** The receiver shows at most width x height pixels; 0 x 0 asks for full size. */
	| {type: 'show-size'; width: number; height: number}
	| {type: 'chat'; text: string}
	| {type: 'ping'; id: number; sentAt: number}
	/** NTP-style: the ping's own time echoed, and the answerer's clock on receipt and on reply. */
	| {type: 'pong'; id: number; pingSentAt: number; receivedAt: number; sentAt: number}
	| {type: 'goodbye'; reason: string}
	/**
	 * The receiver has the whole frame; the sender keeps only a couple of frames unacknowledged.
	 * heldMs (only to a peer with the heldAcks capability): how long the receiver held this ack
	 * before writing it, which the sender takes off the ack's delay.
	 */
	| {type: 'frame-ack'; seq: number; heldMs?: number}
	/**
	 * Where the sender also accepts this call directly (encrypted channels only): IP literals and one
	 * TCP port. A peer that does not know it skips it; one that does may dial them (invite/direct.ts).
	 */
	| {type: 'direct-offer'; port: number; addresses: readonly string[]}
	/**
	 * Before hello: the sender is asking its user whether to accept the peer's changed key. Only
	 * this lets the receiver wait longer than the handshake deadline for hello (a silent peer
	 * after TLS is dropped at that deadline).
	 */
	| {type: 'key-question'}
	/**
	 * The receiver cannot show the stream (it starts, a packet did not decode, its shown size
	 * changed, the call moved): the sender makes its next frame a keyframe, unless one sent after
	 * `lastSeq` (the newest video seq the receiver had; 0 for none) already answers it.
	 */
	| {type: 'keyframe-request'; lastSeq: number}
	/**
	 * A room's message between two of its members (0x10..0x17, protocol/room.ts reads the
	 * payload): carried as bytes here, so v2 stays the one framing and the room its own vocabulary.
	 */
	| {type: 'room'; code: number; payload: Buffer}
	| {type: 'unknown'; code: number; length: number};

/** [min, max] payload length per known type, judged from the header alone. */
const payloadLimits: Record<number, readonly [number, number]> = {
	[messageType.hello]: [6, 6 + v2MaxAgentBytes],
	[messageType.video]: [videoFieldsBytes + 1, v2MaxVideoBytes],
	[messageType.showSize]: [4, 4],
	[messageType.chat]: [0, v2MaxChatBytes],
	[messageType.ping]: [12, 12],
	[messageType.pong]: [28, 28],
	[messageType.goodbye]: [0, v2MaxReasonBytes],
	[messageType.frameAck]: [4, 6],
	[messageType.directOffer]: [3, 3 + v2MaxDirectAddresses * (1 + v2MaxAddressBytes)],
	[messageType.keyQuestion]: [0, 0],
	[messageType.keyframeRequest]: [4, 4],
	[messageType.roomView]: [roomViewMinBytes, roomViewMaxBytes],
	[messageType.roomReveal]: [roomRevealBytes, roomRevealBytes],
};

/** The codes rooms own (0x10..0x17); the ones in use have limits above. */
function isRoomCode(code: number): boolean {
	return code >= 0x10 && code <= 0x17;
}

/** An IPv4 or IPv6 literal, written plainly (no zone, no brackets): the only thing a peer may offer. */
function isIpLiteral(text: string): boolean {
	// node's own parser: "c0:ffee.de" (hex digits, a colon and a dot) is a name, and would be
	// resolved; a zone ("%eth0") would name one of the joiner's interfaces.
	return text.length <= v2MaxAddressBytes && net.isIP(text) !== 0 && !text.includes('%');
}

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', {fatal: true});

function message(type: number, payload: Uint8Array): Buffer {
	const out = Buffer.allocUnsafe(v2HeaderBytes + payload.length);
	out.writeUInt8(type, 0);
	out.writeUInt32BE(payload.length, 1);
	out.set(payload, v2HeaderBytes);
	return out;
}

/** A message of a fixed-size type, sized by payloadLimits: the one place its size is said. */
function fixedMessage(type: number, fill: (payload: Buffer) => void): Buffer {
	const payload = Buffer.alloc(payloadLimits[type]![0]);
	fill(payload);
	return message(type, payload);
}

function boundedText(text: string, max: number, what: string): Uint8Array {
	const bytes = utf8.encode(text);
	if (bytes.length > max) throw new RangeError(`${what} is ${bytes.length} bytes; at most ${max}`);
	return bytes;
}

export function encodeV2(m: Exclude<V2Message, {type: 'unknown'}>): Buffer {
	switch (m.type) {
		case 'hello': {
			const agent = boundedText(m.agent, v2MaxAgentBytes, 'agent');
			const payload = Buffer.alloc(6 + agent.length);
			payload.writeUInt16BE(m.version, 0);
			payload.writeUInt32BE(m.capabilities >>> 0, 2);
			payload.set(agent, 6);
			return message(messageType.hello, payload);
		}
		case 'video': {
			checkSize(m.width, m.height);
			if (m.codec === 'raw' && m.data.length !== m.width * m.height * 3) {
				throw new RangeError(`raw ${m.width}x${m.height} needs ${m.width * m.height * 3} bytes`);
			}
			const payload = Buffer.allocUnsafe(videoFieldsBytes + m.data.length);
			payload.writeUInt8(codecByte[m.codec], 0);
			const inter = m.codec === 'h264' || m.codec === 'vp9';
			payload.writeUInt8(inter && m.keyframe ? keyframeFlag : 0, 1);
			payload.writeUInt16BE(m.width, 2);
			payload.writeUInt16BE(m.height, 4);
			payload.writeUInt32BE(m.seq >>> 0, 6);
			payload.writeDoubleBE(m.capturedAt, 10);
			payload.set(m.data, videoFieldsBytes);
			if (payload.length > v2MaxVideoBytes) throw new RangeError('video frame too large for v2');
			return message(messageType.video, payload);
		}
		case 'show-size':
			return fixedMessage(messageType.showSize, (p) => {
				p.writeUInt16BE(m.width, 0);
				p.writeUInt16BE(m.height, 2);
			});
		case 'chat':
			return message(messageType.chat, boundedText(m.text, v2MaxChatBytes, 'a chat message'));
		case 'ping':
			return fixedMessage(messageType.ping, (p) => {
				p.writeUInt32BE(m.id >>> 0, 0);
				p.writeDoubleBE(m.sentAt, 4);
			});
		case 'pong':
			return fixedMessage(messageType.pong, (p) => {
				p.writeUInt32BE(m.id >>> 0, 0);
				p.writeDoubleBE(m.pingSentAt, 4);
				p.writeDoubleBE(m.receivedAt, 12);
				p.writeDoubleBE(m.sentAt, 20);
			});
		case 'goodbye':
			return message(messageType.goodbye, boundedText(m.reason, v2MaxReasonBytes, 'a goodbye reason'));
		case 'frame-ack': {
			if (m.heldMs === undefined)
				return fixedMessage(messageType.frameAck, (p) => p.writeUInt32BE(m.seq >>> 0, 0));
			// The longer form: payloadLimits' largest frame-ack.
			const payload = Buffer.alloc(payloadLimits[messageType.frameAck]![1]);
			payload.writeUInt32BE(m.seq >>> 0, 0);
			payload.writeUInt16BE(Math.max(0, Math.min(0xffff, Math.round(m.heldMs))), 4);
			return message(messageType.frameAck, payload);
		}
		case 'direct-offer': {
			const addresses = m.addresses.filter(isIpLiteral).slice(0, v2MaxDirectAddresses);
			const parts = [Buffer.from([m.port >> 8, m.port & 0xff, addresses.length])];
			for (const address of addresses)
				parts.push(Buffer.from([address.length]), Buffer.from(address, 'latin1'));
			return message(messageType.directOffer, Buffer.concat(parts));
		}
		case 'key-question':
			return fixedMessage(messageType.keyQuestion, () => undefined);
		case 'keyframe-request':
			return fixedMessage(messageType.keyframeRequest, (p) => p.writeUInt32BE(m.lastSeq >>> 0, 0));
		case 'room': {
			const limits = payloadLimits[m.code];
			if (!isRoomCode(m.code) || !limits || m.payload.length < limits[0] || m.payload.length > limits[1])
				throw new RangeError(`a room message of type ${m.code} and ${m.payload.length} bytes`);
			return message(m.code, m.payload);
		}
	}
}

function checkSize(width: number, height: number): void {
	const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= v2MaxDimension;
	if (!ok(width) || !ok(height)) {
		throw new ProtocolError(
			'bad-message',
			`a video frame of ${width}x${height} is outside 1..${v2MaxDimension}`,
		);
	}
}

function decodeText(payload: Buffer, what: string): string {
	try {
		return strictUtf8.decode(payload);
	} catch {
		throw new ProtocolError('bad-message', `${what} is not valid UTF-8`);
	}
}

export function decodeV2Payload(type: number, payload: Buffer): V2Message {
	switch (type) {
		case messageType.hello:
			return {
				type: 'hello',
				version: payload.readUInt16BE(0),
				capabilities: payload.readUInt32BE(2),
				agent: decodeText(payload.subarray(6), 'the hello agent'),
			};
		case messageType.video: {
			const codec = codecOfByte[payload.readUInt8(0)];
			if (!codec) throw new ProtocolError('bad-message', `unknown video codec ${payload.readUInt8(0)}`);
			const width = payload.readUInt16BE(2);
			const height = payload.readUInt16BE(4);
			checkSize(width, height);
			const data = payload.subarray(videoFieldsBytes);
			if (codec === 'raw' && data.length !== width * height * 3) {
				throw new ProtocolError(
					'bad-message',
					`a raw ${width}x${height} frame came with ${data.length} bytes`,
				);
			}
			const capturedAt = payload.readDoubleBE(10);
			if (!Number.isFinite(capturedAt)) throw new ProtocolError('bad-message', 'a frame has no capture time');
			const video: V2Message = {
				type: 'video',
				codec,
				width,
				height,
				seq: payload.readUInt32BE(6),
				capturedAt,
				data,
			};
			if (codec === 'h264' || codec === 'vp9') video.keyframe = (payload.readUInt8(1) & keyframeFlag) !== 0;
			return video;
		}
		case messageType.showSize:
			return {type: 'show-size', width: payload.readUInt16BE(0), height: payload.readUInt16BE(2)};
		case messageType.chat:
			return {type: 'chat', text: decodeText(payload, 'a chat message')};
		case messageType.ping:
			return {type: 'ping', id: payload.readUInt32BE(0), sentAt: payload.readDoubleBE(4)};
		case messageType.pong:
			return {
				type: 'pong',
				id: payload.readUInt32BE(0),
				pingSentAt: payload.readDoubleBE(4),
				receivedAt: payload.readDoubleBE(12),
				sentAt: payload.readDoubleBE(20),
			};
		case messageType.goodbye:
			return {type: 'goodbye', reason: decodeText(payload, 'a goodbye reason')};
		case messageType.frameAck:
			if (payload.length === 4) return {type: 'frame-ack', seq: payload.readUInt32BE(0)};
			if (payload.length !== 6)
				throw new ProtocolError('bad-message', `a frame-ack of ${payload.length} bytes`);
			return {type: 'frame-ack', seq: payload.readUInt32BE(0), heldMs: payload.readUInt16BE(4)};
		case messageType.directOffer:
			return decodeDirectOffer(payload);
		case messageType.keyQuestion:
			return {type: 'key-question'};
		case messageType.keyframeRequest:
			return {type: 'keyframe-request', lastSeq: payload.readUInt32BE(0)};
		default:
			if (isRoomCode(type) && payloadLimits[type]) return {type: 'room', code: type, payload};
			return {type: 'unknown', code: type, length: payload.length};
	}
}

/** Entries that are not IP literals are dropped (never dialled); a count past the bytes is a lie. */
function decodeDirectOffer(payload: Buffer): V2Message {
	const port = payload.readUInt16BE(0);
	const count = payload.readUInt8(2);
	const addresses: string[] = [];
	let at = 3;
	for (let i = 0; i < count; i++) {
		const length = at < payload.length ? payload.readUInt8(at) : -1;
		if (length < 0 || at + 1 + length > payload.length) {
			throw new ProtocolError('bad-message', 'a direct-offer lists more addresses than it holds');
		}
		const text = payload.subarray(at + 1, at + 1 + length).toString('latin1');
		if (isIpLiteral(text)) addresses.push(text);
		at += 1 + length;
	}
	return {type: 'direct-offer', port, addresses};
}

type Pending =
	| {phase: 'header'; header: Buffer; filled: number}
	| {phase: 'payload'; type: number; payload: Buffer; filled: number}
	| {phase: 'skip'; type: number; length: number; remaining: number};

/** Incremental: push() takes bytes in any chunking; after a thrown ProtocolError it is spent. */
/** Names of the known types, as V2Message's `type` says them. */
const typeNames: Record<number, string> = {
	[messageType.hello]: 'hello',
	[messageType.video]: 'video',
	[messageType.showSize]: 'show-size',
	[messageType.chat]: 'chat',
	[messageType.ping]: 'ping',
	[messageType.pong]: 'pong',
	[messageType.goodbye]: 'goodbye',
	[messageType.frameAck]: 'frame-ack',
	[messageType.directOffer]: 'direct-offer',
	[messageType.keyQuestion]: 'key-question',
	[messageType.keyframeRequest]: 'keyframe-request',
};

export type V2ParserOptions = {
	/**
	 * A peer's side of a call: until hello, any other message but key-question is refused at its
	 * header, before its payload is waited for or held (a stranger's first header may claim a
	 * video message of many megabytes).
	 */
	readonly helloFirst?: boolean;
};

export class V2Parser {
	private pending: Pending = {phase: 'header', header: Buffer.alloc(v2HeaderBytes), filled: 0};
	private awaitingHello: boolean;

	constructor(options: V2ParserOptions = {}) {
		this.awaitingHello = options.helloFirst ?? false;
	}

	get midMessage(): boolean {
		return this.pending.phase !== 'header' || this.pending.filled > 0;
	}

	push(chunk: Uint8Array): V2Message[] {
		const out: V2Message[] = [];
		let i = 0;
		while (i < chunk.length) {
			const p = this.pending;
			if (p.phase === 'header') {
				const take = Math.min(chunk.length - i, v2HeaderBytes - p.filled);
				p.header.set(chunk.subarray(i, i + take), p.filled);
				p.filled += take;
				i += take;
				if (p.filled === v2HeaderBytes)
					this.startPayload(p.header.readUInt8(0), p.header.readUInt32BE(1), out);
			} else if (p.phase === 'skip') {
				const take = Math.min(chunk.length - i, p.remaining);
				p.remaining -= take;
				i += take;
				if (p.remaining === 0) this.finishSkip(p, out);
			} else {
				const take = Math.min(chunk.length - i, p.payload.length - p.filled);
				p.payload.set(chunk.subarray(i, i + take), p.filled);
				p.filled += take;
				i += take;
				if (p.filled === p.payload.length) this.finishPayload(p.type, p.payload, out);
			}
		}
		return out;
	}

	private startPayload(type: number, length: number, out: V2Message[]): void {
		if (this.awaitingHello) {
			if (type === messageType.hello) this.awaitingHello = false;
			else if (type !== messageType.keyQuestion) {
				const name = typeNames[type] ?? (isRoomCode(type) ? 'room' : 'unknown');
				throw new ProtocolError('bad-handshake', `the peer sent ${name} before hello`);
			}
		}
		const limits = payloadLimits[type];
		if (!limits) {
			if (length > v2MaxUnknownBytes) {
				throw new ProtocolError('message-too-large', `a message of type ${type} claims ${length} bytes`);
			}
			const skip = {phase: 'skip' as const, type, length, remaining: length};
			if (length === 0) this.finishSkip(skip, out);
			else this.pending = skip;
			return;
		}
		const [min, max] = limits;
		if (length > max) {
			throw new ProtocolError(
				'message-too-large',
				`a message of type ${type} claims ${length} bytes; at most ${max}`,
			);
		}
		if (length < min) {
			throw new ProtocolError('bad-message', `a message of type ${type} is ${length} bytes; at least ${min}`);
		}
		if (length === 0) this.finishPayload(type, Buffer.alloc(0), out);
		else this.pending = {phase: 'payload', type, payload: Buffer.allocUnsafe(length), filled: 0};
	}

	private finishSkip(p: {type: number; length: number}, out: V2Message[]): void {
		out.push({type: 'unknown', code: p.type, length: p.length});
		this.reset();
	}

	private finishPayload(type: number, payload: Buffer, out: V2Message[]): void {
		this.reset();
		out.push(decodeV2Payload(type, payload));
	}

	private reset(): void {
		this.pending = {phase: 'header', header: Buffer.alloc(v2HeaderBytes), filled: 0};
	}
}

/**
 * hello's agent text: the software, then optional `key=value` lines. facetty sends
 * `facetty` or `facetty\nname=<display name>`; peers that predate the name ignore the agent.
 */
export function helloAgent(name?: string): string {
	const clean = name === undefined ? '' : cutUtf8(cleanName(name), v2MaxNameBytes);
	return clean ? `facetty\nname=${clean}` : 'facetty';
}

/** The display name in a peer's hello agent, made safe to print (no control or bidi characters). */
export function nameFromAgent(agent: string): string | undefined {
	const line = agent.split('\n').find((l) => l.startsWith('name='));
	if (line === undefined) return undefined;
	const name = cutUtf8(cleanName(line.slice('name='.length)), v2MaxNameBytes);
	return name || undefined;
}

/** A display name as the one sanitizer (text/sanitize.ts) leaves it: one line, at most 64 columns. */
export function cleanName(text: string): string {
	return cleanLine(text, {maxColumns: v2MaxNameBytes});
}

function cutUtf8(text: string, max: number): string {
	let out = '';
	let bytes = 0;
	for (const char of text) {
		const size = Buffer.byteLength(char, 'utf8');
		if (bytes + size > max) break;
		out += char;
		bytes += size;
	}
	return out.trim();
}
