/**
 * A room's two v2 messages between members (docs/protocol.md, "Rooms"), for the room check code
 * (trust/room-check.ts). Pure: bytes in, values out; anything malformed is a ProtocolError.
 *
 *   0x10 room-view    round 32 | commitment 32 | count u8 | count x (length u8, member ASCII, sas u32)
 *   0x11 room-reveal  round 32 | nonce 32
 *
 * `round` names the membership the sender sees (trust/room-check.ts roundOf), `member` is
 * "<relay id> <fingerprint>", `sas` the pair's check code as a number (0..999999).
 */
import {ProtocolError} from './errors.js';

export const roomRoundBytes = 32;
export const roomNonceBytes = 32;
/** A room has at most 8 members: a view names the other 7. */
export const roomMaxPeers = 7;
export const roomMaxMemberBytes = 64;
export const roomViewMinBytes = roomRoundBytes * 2 + 1;
export const roomViewMaxBytes = roomViewMinBytes + roomMaxPeers * (1 + roomMaxMemberBytes + 4);
export const roomRevealBytes = roomRoundBytes + roomNonceBytes;

export type RoomPair = {member: string; sas: number};
export type RoomView = {round: Buffer; commitment: Buffer; pairs: RoomPair[]};
export type RoomReveal = {round: Buffer; nonce: Buffer};

const memberPattern = /^[\x21-\x7e]+ [\x21-\x7e]+$/;

export function encodeRoomView(view: RoomView): Buffer {
	if (view.pairs.length > roomMaxPeers) throw new RangeError(`a room view of ${view.pairs.length} pairs`);
	const parts = [view.round, view.commitment, Buffer.from([view.pairs.length])];
	for (const pair of view.pairs) {
		const member = Buffer.from(pair.member, 'latin1');
		if (member.length > roomMaxMemberBytes || !memberPattern.test(pair.member))
			throw new RangeError('a room member name that does not fit');
		const sas = Buffer.alloc(4);
		sas.writeUInt32BE(pair.sas);
		parts.push(Buffer.from([member.length]), member, sas);
	}
	return Buffer.concat(parts);
}

export function decodeRoomView(payload: Buffer): RoomView {
	const bad = (why: string) => new ProtocolError('bad-message', `a room view ${why}`);
	if (payload.length < roomViewMinBytes) throw bad('is too short');
	const round = Buffer.from(payload.subarray(0, roomRoundBytes));
	const commitment = Buffer.from(payload.subarray(roomRoundBytes, roomRoundBytes * 2));
	const count = payload[roomRoundBytes * 2]!;
	if (count > roomMaxPeers) throw bad(`names ${count} members`);
	const pairs: RoomPair[] = [];
	let at = roomViewMinBytes;
	for (let i = 0; i < count; i++) {
		const length = payload[at];
		if (length === undefined || length === 0 || at + 1 + length + 4 > payload.length)
			throw bad('runs past its length');
		const member = payload.toString('latin1', at + 1, at + 1 + length);
		if (!memberPattern.test(member)) throw bad('names a member in bytes that are not one');
		const sas = payload.readUInt32BE(at + 1 + length);
		if (sas > 999_999) throw bad('has a check code past 999999');
		pairs.push({member, sas});
		at += 1 + length + 4;
	}
	if (at !== payload.length) throw bad('has bytes past its last member');
	return {round, commitment, pairs};
}

export function encodeRoomReveal(reveal: RoomReveal): Buffer {
	return Buffer.concat([reveal.round, reveal.nonce]);
}

export function decodeRoomReveal(payload: Buffer): RoomReveal {
	if (payload.length !== roomRevealBytes)
		throw new ProtocolError('bad-message', `a room reveal of ${payload.length} bytes`);
	return {
		round: Buffer.from(payload.subarray(0, roomRoundBytes)),
		nonce: Buffer.from(payload.subarray(roomRoundBytes)),
	};
}
