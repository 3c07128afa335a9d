/**
 * The relay's rendezvous protocol (docs/protocol.md, "Relay"): one request line from each client,
 * reply lines from the relay, then nothing but the peer's bytes. Pure: no sockets here.
 *
 *   client -> relay   FTYR1 open <tag>\n            ask for a channel
 *                     FTYR1 join <channel> <tag>\n  join one (an invite's channel or a room)
 *                     FTYR1 room <tag>\n            ask for a room
 *                     FTYR1 link <channel> <id> <peer> <key>\n  one member's end of a pair's channel
 *   relay -> client   ok <channel>\n                the channel is yours; wait
 *                     tried <count>\n               (to the opener) a join with a wrong code was refused
 *                     paired\n                      from the next byte on: the peer's bytes
 *                     err <code> <text>\n           refused; the relay closes the connection
 *                     room <channel> <id> <key>\n   (to a room's creator or joiner) you are member id
 *                     member <id>\n                 (to a member) open a link to member id
 *                     left <id>\n                   (to a member) member id left the room
 *                     ping\n                        (to a member) are you there? answer pong
 *   member -> relay   pong\n                        (on its room connection) the answer to one ping
 *
 * Lines are printable ASCII (0x20..0x7e) ended by \n, at most `maxLineBytes` with the \n. The
 * parser takes bytes in any chunking and never holds more than one line.
 */

export const relayMagic = 'FTYR1';
export const maxLineBytes = 64;
/** Channel numbers are 1..maxChannelNumber, written without leading zeros. */
export const maxChannelNumber = 999_999;

/** Members' ids in a room count up from 1; a room takes at most this many joins in its life. */
export const maxMemberId = 999;
/** A member's key: what its link requests prove membership with (64 random bits, hex). */
export const memberKeyHexDigits = 16;

export type Request =
	| {kind: 'open'; tag: number}
	| {kind: 'join'; channel: number; tag: number}
	| {kind: 'room'; tag: number}
	| {kind: 'link'; channel: number; id: number; peer: number; key: string};

export type ErrorCode =
	| 'bad-request'
	| 'no-channel'
	| 'wrong-code'
	| 'limit'
	| 'full'
	| 'expired'
	| 'peer-left'
	| 'closing'
	| 'room-full'
	| 'silent';

export const errorCodes: readonly ErrorCode[] = [
	'bad-request',
	'no-channel',
	'wrong-code',
	'limit',
	'full',
	'expired',
	'peer-left',
	'closing',
	'room-full',
	'silent',
];

export type Reply =
	| {kind: 'ok'; channel: number}
	| {kind: 'tried'; count: number}
	| {kind: 'paired'}
	| {kind: 'room'; channel: number; id: number; key: string}
	| {kind: 'member'; id: number}
	| {kind: 'left'; id: number}
	| {kind: 'ping'}
	| {kind: 'err'; code: ErrorCode | 'unknown'; text: string};

export type LineResult = {line: string; rest: Buffer} | {error: string} | undefined;

/** How every request begins. */
export const requestStart = `${relayMagic} `;

/**
 * Collects bytes up to the first \n; refuses a line that is too long or not printable ASCII, and,
 * given `start`, one that cannot begin with it, as soon as its first bytes say so. The relay reads
 * requests with `requestStart`, so a client that speaks something else (a facetty caller's 4-byte
 * greeting, which has no \n) is answered at once rather than after the request timeout.
 */
export class LineReader {
	private pending: Buffer[] = [];
	private length = 0;
	private failed: string | undefined;

	constructor(private readonly start?: string) {}

	/** Undefined: the line is not complete yet. After a line or an error, do not push again. */
	push(chunk: Uint8Array): LineResult {
		if (this.failed) return {error: this.failed};
		const end = chunk.indexOf(0x0a);
		const upTo = end === -1 ? chunk.length : end;
		for (let i = 0; i < upTo; i++) {
			const byte = chunk[i]!;
			if (byte < 0x20 || byte > 0x7e) return this.fail('a byte that is not printable ASCII');
			const at = this.length + i;
			if (this.start && at < this.start.length && byte !== this.start.charCodeAt(at))
				return this.fail(`a start other than ${relayMagic}`);
		}
		if (this.start && end !== -1 && this.length + upTo < this.start.length)
			return this.fail(`a start other than ${relayMagic}`);
		if (this.length + upTo + (end === -1 ? 0 : 1) > maxLineBytes)
			return this.fail(`a line longer than ${maxLineBytes} bytes`);
		const piece = Buffer.from(chunk.buffer, chunk.byteOffset, upTo);
		if (end === -1) {
			// A copy: the caller may reuse its chunk.
			this.pending.push(Buffer.from(piece));
			this.length += upTo;
			return undefined;
		}
		const line = Buffer.concat([...this.pending, piece]).toString('latin1');
		this.pending = [];
		this.length = 0;
		return {line, rest: Buffer.from(chunk.buffer, chunk.byteOffset + end + 1, chunk.length - end - 1)};
	}

	private fail(error: string): {error: string} {
		this.failed = error;
		this.pending = [];
		return {error};
	}
}

const channelPattern = /^[1-9][0-9]{0,5}$/;
const tagPattern = /^[0-9a-f]{2}$/;
const idPattern = /^[1-9][0-9]{0,2}$/;
const keyPattern = new RegExp(`^[0-9a-f]{${memberKeyHexDigits}}$`);

function parseId(text: string | undefined): number | undefined {
	return text !== undefined && idPattern.test(text) ? Number(text) : undefined;
}

export function parseChannelNumber(text: string): number | undefined {
	return channelPattern.test(text) ? Number(text) : undefined;
}

export function parseRequest(line: string): Request | {error: string} {
	const parts = line.split(' ');
	if (parts[0] !== relayMagic)
		return {error: `not a facetty relay request (it must start with ${relayMagic})`};
	if (parts[1] === 'open' && parts.length === 3 && tagPattern.test(parts[2]!)) {
		return {kind: 'open', tag: parseInt(parts[2]!, 16)};
	}
	if (parts[1] === 'join' && parts.length === 4 && tagPattern.test(parts[3]!)) {
		const channel = parseChannelNumber(parts[2]!);
		if (channel !== undefined) return {kind: 'join', channel, tag: parseInt(parts[3]!, 16)};
	}
	if (parts[1] === 'room' && parts.length === 3 && tagPattern.test(parts[2]!)) {
		return {kind: 'room', tag: parseInt(parts[2]!, 16)};
	}
	if (parts[1] === 'link' && parts.length === 6 && keyPattern.test(parts[5]!)) {
		const channel = parseChannelNumber(parts[2]!);
		const id = parseId(parts[3]);
		const peer = parseId(parts[4]);
		if (channel !== undefined && id !== undefined && peer !== undefined && id !== peer)
			return {kind: 'link', channel, id, peer, key: parts[5]!};
	}
	return {error: 'a malformed request'};
}

/** A member's answer to the relay's `ping`, the one line it sends on its room connection. */
export const pongLine = 'pong';

export function encodeRequest(request: Request): Buffer {
	let line: string;
	if (request.kind === 'link')
		line = `${relayMagic} link ${request.channel} ${request.id} ${request.peer} ${request.key}`;
	else {
		const tag = request.tag.toString(16).padStart(2, '0');
		if (request.kind === 'open') line = `${relayMagic} open ${tag}`;
		else if (request.kind === 'room') line = `${relayMagic} room ${tag}`;
		else line = `${relayMagic} join ${request.channel} ${tag}`;
	}
	return Buffer.from(`${line}\n`, 'latin1');
}

export function parseReply(line: string): Reply | {error: string} {
	if (line === 'paired') return {kind: 'paired'};
	if (line === 'ping') return {kind: 'ping'};
	const ok = /^ok ([0-9]+)$/.exec(line);
	if (ok) {
		const channel = parseChannelNumber(ok[1]!);
		return channel === undefined ? {error: 'a malformed channel number'} : {kind: 'ok', channel};
	}
	const room = /^room ([0-9]+) ([0-9]+) ([0-9a-f]+)$/.exec(line);
	if (room) {
		const channel = parseChannelNumber(room[1]!);
		const id = parseId(room[2]);
		if (channel === undefined || id === undefined || !keyPattern.test(room[3]!))
			return {error: 'a malformed room reply'};
		return {kind: 'room', channel, id, key: room[3]!};
	}
	const member = /^(member|left) ([0-9]+)$/.exec(line);
	if (member) {
		const id = parseId(member[2]);
		if (id === undefined) return {error: 'a malformed member id'};
		return {kind: member[1] === 'member' ? 'member' : 'left', id};
	}
	const tried = /^tried ([1-9][0-9]{0,5})$/.exec(line);
	if (tried) return {kind: 'tried', count: Number(tried[1])};
	const err = /^err ([a-z-]+)(?: (.*))?$/.exec(line);
	if (err) {
		const code = (errorCodes as readonly string[]).includes(err[1]!) ? (err[1] as ErrorCode) : 'unknown';
		return {kind: 'err', code, text: err[2] ?? ''};
	}
	return {error: 'not a facetty relay reply'};
}

export function encodeReply(reply: Reply): Buffer {
	let line: string;
	if (reply.kind === 'ok') line = `ok ${reply.channel}`;
	else if (reply.kind === 'paired') line = 'paired';
	else if (reply.kind === 'ping') line = 'ping';
	else if (reply.kind === 'tried') line = `tried ${reply.count}`;
	else if (reply.kind === 'room') line = `room ${reply.channel} ${reply.id} ${reply.key}`;
	else if (reply.kind === 'member' || reply.kind === 'left') line = `${reply.kind} ${reply.id}`;
	else line = `err ${reply.code}${reply.text ? ` ${reply.text}` : ''}`;
	// The text is ours, but a line must stay a line: cut to fit and keep it printable.
	line = line.replace(/[^\x20-\x7e]/g, '?').slice(0, maxLineBytes - 1);
	return Buffer.from(`${line}\n`, 'latin1');
}
