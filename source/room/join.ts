/**
 * `facetty join CODE`: one code form for invites and rooms, and the relay says which it is. An
 * invite's code becomes the joiner's call (invite/session.ts), a room's the joiner's Room.
 */
import {joinAny, type RelayAddress} from '../relay/client.js';
import type {Call} from '../session/call.js';
import {joinedInvite} from '../invite/session.js';
import type {OnDirect} from '../invite/direct.js';
import {codeTag, parseCode} from '../invite/code.js';
import {Room, type RoomOptions} from './room.js';

export type JoinedCode = {kind: 'invite'; call: Call} | {kind: 'room'; room: Room};

export async function joinCode(
	relay: RelayAddress,
	text: string,
	options: RoomOptions = {},
	onDirect?: OnDirect,
): Promise<JoinedCode> {
	const code = parseCode(text);
	const joined = await joinAny(relay, code.channel, codeTag(code.words));
	if (joined.kind === 'invite') {
		const {directAddresses: _roomOnly, ...callOptions} = options;
		return {kind: 'invite', call: joinedInvite(joined.paired, relay, code, callOptions, onDirect)};
	}
	return {kind: 'room', room: new Room(joined.control, code, options)};
}
