/**
 * One member of a room for `npm run bench -- room` (bench/room.bench.ts), in its own process as a
 * person's facetty would be: makes the room (`create`) or joins it by code, sends the test pattern
 * at the size an 80x24 room screen shows each member, draws nothing, and prints one JSON line a
 * second: the room's stats with this process's CPU time and RSS.
 *
 *   node --import tsx bench/room-member.ts HOST:PORT create NAME MEMBERS
 *   node --import tsx bench/room-member.ts HOST:PORT join NAME MEMBERS CODE
 */
import {createRoom, type Room} from '../source/room/room.js';
import {joinCode} from '../source/room/join.js';
import {openSource} from '../source/sources/index.js';
import {roomLayout} from '../source/ui/room-layout.js';

const [where, mode, name, members, code] = process.argv.slice(2);
const [host, port] = where!.split(':');
const relay = {host: host!, port: Number(port)};
const tile = roomLayout({cols: 80, rows: 24}, Number(members) - 1).tiles[0]!.picture;
const options = {name, shownSize: {width: tile.cols, height: tile.rows * 2}};

let room: Room;
if (mode === 'create') {
	room = await createRoom(relay, options);
	console.log(`CODE ${room.text}`);
} else {
	const joined = await joinCode(relay, code!, options);
	if (joined.kind !== 'room') throw new Error('the code is not a room');
	room = joined.room;
}
room.on('notice', (text) => process.stderr.write(`${name}: ${text}\n`));
const source = openSource('test');
source.onFrame((frame) => {
	room.sendFrame(frame);
	// Read at the size the others are sent, as the room screen's camera is (room-app.ts).
	source.setSize(room.sendSizeFor(source.nativeSize ?? frame));
});
await source.start();
room.on('stats', (stats) => {
	const cpu = process.cpuUsage();
	console.log(
		JSON.stringify({...stats, cpu_ms: (cpu.user + cpu.system) / 1000, rss: process.memoryUsage().rss}),
	);
});
const leave = () => {
	room.leave('bench done');
	void source.stop().then(() => process.exit(0));
};
process.on('SIGTERM', leave);
room.once('ended', () => void source.stop().then(() => process.exit(0)));
