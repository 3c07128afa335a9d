/**
 * What a room shows whoever records its traffic: a proxy in front of the relay keeps every byte of
 * three members' control connections and pair links while they send pictures (with each codec this
 * machine has, and JPEG) and chat; none of it is a JPEG, an H.264 or VP9 header, a name, a word of
 * the code or the chat.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startRelay} from '../../source/relay/server.js';
import {createRoom, type Room} from '../../source/room/room.js';
import {joinCode} from '../../source/room/join.js';
import {ourJpegStart, patternFrame, until} from '../session/helpers.js';
import {recordingProxy} from '../relay/helpers.js';
import {errorCodes} from '../../source/relay/rendezvous.js';

/** Bytes that open an encoded picture in the clear. */
const headers: Array<[string, Buffer]> = [
	['a JPEG', ourJpegStart],
	['an H.264 SPS (4-byte start code)', Buffer.from('0000000167', 'hex')],
	['an H.264 SPS (3-byte start code)', Buffer.from('00000167', 'hex')],
	['x264 settings', Buffer.from('x264 - core')],
	['a VP9 profile 1 keyframe', Buffer.from('a2498342', 'hex')],
	['a VP9 profile 1 keyframe', Buffer.from('a3498342', 'hex')],
];

for (const codecs of [undefined, [] as const]) {
	const label = codecs ? 'JPEG' : 'the best codec both have';
	test(`a room's traffic on the wire (${label}): no picture header, no name, no code, no chat`, async () => {
		const relay = await startRelay({host: '127.0.0.1', port: 0});
		const proxy = await recordingProxy({host: '127.0.0.1', port: relay.port});
		const names = ['Ada Lovelace', 'Bo Diddley', 'Cy Twombly'];
		// No direct offers: every pair stays on the relay, so all of the room's traffic is recorded.
		const options = (name: string) => ({
			name,
			interCodecs: codecs,
			shownSize: {width: 160, height: 96},
			directAddresses: [],
		});
		const rooms: Room[] = [await createRoom(proxy.address, options(names[0]!))];
		for (const name of names.slice(1)) {
			const joined = await joinCode(proxy.address, rooms[0]!.text, options(name));
			assert.equal(joined.kind, 'room');
			rooms.push((joined as {room: Room}).room);
		}
		let index = 0;
		const camera = setInterval(() => {
			index++;
			for (const room of rooms) room.sendFrame(patternFrame(160, 96, index));
		}, 50);
		const frames = rooms.map(() => 0);
		rooms.forEach((room, i) => room.on('frame', () => frames[i]!++));
		try {
			await until('40 pictures at each', () => frames.every((n) => n >= 40));
			await until('a check code at each', () => rooms.every((room) => room.checkState.kind === 'code'));
			rooms[1]!.sendChat('plaintext-marker-in-room-chat');
			const sent = () => rooms[0]!.others()[0]!.call!.lastStats?.codec;
			await until('a stats report naming the codec', () => Boolean(sent()));
			const codec = sent();
			if (codecs) assert.equal(codec, 'jpeg444');
			else console.log(`# codec on the wire: ${codec}`);
			await new Promise((resolve) => setTimeout(resolve, 300));
		} finally {
			clearInterval(camera);
			for (const room of rooms) room.leave();
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
		const wire = proxy.bytes();
		assert.ok(wire.length > 100_000, `only ${wire.length} bytes crossed`);
		for (const [what, bytes] of headers) assert.equal(wire.indexOf(bytes), -1, `${what} crossed the relay`);
		// The relay's own lines cross in plain text (`FTYR1 room 5f`, `member 3`): a code word that is
		// one of their keywords is on the wire whatever the code (a CI run drew the word "room").
		const relayKeywords = new Set([
			'open',
			'room',
			'join',
			'link',
			'tried',
			'paired',
			'member',
			'left',
			'ping',
			'pong',
		]);
		const words = rooms[0]!.code.words.filter(
			(w) => w.length >= 4 && !relayKeywords.has(w) && !errorCodes.includes(w as never),
		);
		for (const text of ['plaintext-marker-in-room-chat', ...names, ...words, 'facetty\n', 'name=']) {
			assert.equal(wire.indexOf(Buffer.from(text)), -1, `"${text}" crossed the relay readable`);
		}
		proxy.close();
		await relay.close();
	});
}
