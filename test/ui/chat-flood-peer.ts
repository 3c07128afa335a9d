/**
 * The flooding peer of chat-flood.test.tsx, in its own process so that its pace does not depend
 * on the call screen it floods: a listener that sends video and, in a call, while its stdin last said
 * "on", a different 4 KB chat line every 50 ms. One JSON line on stdout per event: its port, then when the call
 * ended and why.
 */
import readline from 'node:readline';
import {v2MaxChatBytes} from '../../source/protocol/v2.js';
import {listen} from '../../source/session/connect.js';
import {openSource} from '../../source/sources/index.js';

const say = (line: object) => process.stdout.write(JSON.stringify(line) + '\n');
const pieces = [
	'hello world ',
	'漢字かな ',
	'😀👍🏽👨‍👩‍👧 ',
	'e\u0301\u0302\u0303 ',
	'שלום ',
	'🇫🇷 ',
	'ab\u200dcd ',
];

/** About 4 KB of UTF-8, different every time, mixing what costs a sanitizer most. */
function floodLine(n: number): string {
	let text = `${n} `;
	for (let i = 0; Buffer.byteLength(text) < v2MaxChatBytes - 40; i++)
		text += pieces[(n + i * 7) % pieces.length];
	return text;
}

const intervalMs = Number(process.env['FLOOD_INTERVAL_MS'] ?? 50);
const listener = await listen({host: '127.0.0.1', port: 0});
const source = openSource('test', {fps: 15, loop: true});
source.onFrame((frame) => listener.sendFrame(frame));
let sent = 0;
listener.on('call', (call) => {
	call.on('error', () => undefined);
	void source.start();
	let flood: NodeJS.Timeout | undefined;
	// The test turns the flood on and off with lines on stdin, to time keys both ways.
	readline.createInterface({input: process.stdin}).on('line', (line) => {
		clearInterval(flood);
		flood = undefined;
		if (line === 'on') flood = setInterval(() => call.sendChat(floodLine(sent++)), intervalMs);
		say({event: line});
	});
	call.once('ended', (end) => {
		clearInterval(flood);
		say({event: 'ended', reason: end.reason, sent});
	});
});
say({event: 'listening', port: listener.port});
process.on('SIGTERM', () => {
	void source.stop().finally(() => process.exit(0));
});
