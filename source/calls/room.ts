/**
 * Rooms from the command line: `facetty invite --room` makes one and shows its code, `facetty
 * join CODE` joins an invite or a room (the relay says which), and a room is held on the room
 * screen in a terminal, else with one plain status line (members, check code, each member's fps).
 */
import {describeRelay} from '../relay/client.js';
import {createRoom, type Room, type RoomStats} from '../room/room.js';
import {joinCode} from '../room/join.js';
import {directMoves} from '../invite/moves.js';
import {parseCode} from '../invite/code.js';
import {loadChoices} from '../config/config.js';
import {openSource} from '../sources/index.js';
import type {CallOptions} from '../session/call.js';
import type {RoomCheckState} from '../trust/room-check.js';
import {interactiveTerminal} from '../tty.js';
import {colorNotice, terminalColorDepth} from '../terminal/color.js';
import {glyphNotice, terminalGlyphs} from '../terminal/glyph-support.js';
import {errorMessage} from '../text/error-message.js';
import {cleanLine} from '../text/sanitize.js';
import {kbit} from '../ui/text.js';
import {feedCamera, plainPrinter, plainSessionOptions} from './plain.js';
import {failureText, holdMadeCall, relayOrSay, type InvitePlan, type JoinPlan} from './invite.js';

/** What a room's calls are made with: the plan's settings, and the name from the config. */
function roomOptions(plan: InvitePlan | JoinPlan): CallOptions {
	return plainSessionOptions({...plan, name: plan.name ?? loadChoices().name});
}

/** "check code 123 456", or what it waits for, or the warning: one phrase for every view. */
export function checkText(state: RoomCheckState): string {
	switch (state.kind) {
		case 'alone':
			return 'nobody else here yet';
		case 'waiting':
			return 'check code …';
		case 'code':
			return `check code ${state.code}`;
		case 'mismatch':
			return `CHECK FAILED between members ${state.between.map((m) => m.split(' ')[0]).join(' and ')}: someone may be in the middle`;
	}
}

/** The plain status line of a room: members, check code, and what arrives from each member. */
export function formatRoomStatus(stats: RoomStats, check: RoomCheckState): string {
	const peers = stats.peers.map((peer) => {
		const who = cleanLine(peer.name ?? `member ${peer.id}`, {maxColumns: 24});
		return peer.state === 'in-call'
			? `${who} ${peer.fps_in} fps ${kbit(peer.bytes_in)}`
			: `${who} ${peer.state}`;
	});
	return [`${stats.members} in the room`, checkText(check), ...peers].join(' | ');
}

/**
 * Holds a room: the room screen at a terminal, else the plain status line; the camera feeds every
 * member. Resolves to the exit code (0: left normally or Ctrl-C; 1: the room failed).
 */
export async function holdRoom(
	command: InvitePlan | JoinPlan,
	room: Room,
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	if (interactiveTerminal()) {
		const {runRoomApp} = await import('../ui/room-app.js');
		const color = await terminalColorDepth(command.color);
		const glyphs = await terminalGlyphs(command.glyphs, loadChoices().glyphs);
		return runRoomApp({
			room,
			camera: command.camera ?? '0',
			seconds: command.seconds,
			checkText,
			colorDepth: color.depth,
			glyphs: glyphs.glyphs,
			threshold: command.threshold,
			notice: [glyphNotice(glyphs), colorNotice(color)].filter(Boolean).join('; ') || undefined,
			input: process.stdin,
			output: process.stdout,
			errorOutput: process.stderr,
		});
	}
	const line = plainPrinter(out);
	const label = `room ${room.code.channel}`;
	const source = openSource(command.camera ?? '0');
	let failed = false;
	const ended = new Promise<void>((resolve) =>
		room.once('ended', (reason) => {
			line(`${label}: left: ${reason}`, true);
			resolve();
		}),
	);
	room.on('stats', (stats) => line(`${label}: ${formatRoomStatus(stats, room.checkState)}`));
	room.on('notice', (text) => line(`${label}: ${text}`, true));
	let lastCheck = '';
	room.on('check', (state) => {
		const text = checkText(state);
		if (state.kind !== 'waiting' && text !== lastCheck) line(`${label}: ${text}`, true);
		lastCheck = text;
	});
	const names = new Map<number, string>();
	room.on('members', () => {
		for (const member of room.others()) {
			if (member.state !== 'in-call' || names.has(member.id)) continue;
			const who = member.name ?? `member ${member.id}`;
			names.set(member.id, who);
			line(`${label}: ${who} is here (pair check code ${member.sas ?? '?'})`, true);
		}
		for (const [id, who] of names) {
			if (room.members.has(id)) continue;
			names.delete(id);
			line(`${label}: ${who} left`, true);
		}
	});
	room.on('chat', (id, text) => {
		const who = names.get(id) ?? `member ${id}`;
		for (const said of text.split('\n')) line(`${label}: ${who} says: ${said}`, true);
	});
	feedCamera(source, room);
	source.onError((error) => {
		failed = true;
		room.leave(`camera: ${error.message}`);
	});
	const leave = () => room.leave('left the room');
	process.once('SIGINT', leave);
	const timer = command.seconds
		? setTimeout(() => room.leave('time is up'), command.seconds * 1000)
		: undefined;
	try {
		await source.start();
	} catch (error) {
		room.leave('no camera');
		line(`${label}: ${errorMessage(error)}`, true);
		failed = true;
	}
	await ended;
	clearTimeout(timer);
	process.off('SIGINT', leave);
	await source.stop();
	return failed ? 1 : 0;
}

/** `facetty invite --room`: a room at the relay, its code shown, then held. */
export async function inviteRoom(
	command: InvitePlan,
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	const relay = relayOrSay(command.relay, out);
	if (!relay) return 2;
	let room: Room;
	try {
		room = await createRoom(relay, roomOptions(command));
	} catch (error) {
		out.write(`facetty invite: ${failureText(error)}\n`);
		return 1;
	}
	out.write(
		`Your room code: ${room.text}\n` +
			`Others run:  facetty join ${room.text} --relay ${describeRelay(relay)}\n` +
			'It works while the room is open, for up to 8 people.\n',
	);
	return holdRoom(command, room, out);
}

/** `facetty join CODE`: an invite's call or a room, as the relay says. */
export async function joinEither(
	command: JoinPlan,
	out: NodeJS.WritableStream = process.stderr,
): Promise<number> {
	const relay = relayOrSay(command.relay, out);
	if (!relay) return 2;
	try {
		parseCode(command.code);
	} catch (error) {
		out.write(`facetty join: ${failureText(error)}\n`);
		return 2;
	}
	const moves = directMoves();
	let joined;
	try {
		joined = await joinCode(relay, command.code, roomOptions(command), (direct) => moves.onDirect(direct));
	} catch (error) {
		out.write(`facetty join: ${failureText(error)}\n`);
		return 1;
	}
	if (joined.kind === 'room') return holdRoom(command, joined.room, out);
	return holdMadeCall(command, joined.call, {
		relay,
		moves,
		label: 'join',
		used: 'this invite was used: ask for a new code',
	});
}
