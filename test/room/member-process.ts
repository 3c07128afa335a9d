/**
 * One room member in its own process, for tests that need a real peer the test can freeze
 * (SIGSTOP) or kill: it joins the room by code, sends a small test pattern ten times a second,
 * and prints one JSON line a second with the room's stats, and one for each notice
 * (`{"notice": ...}`) and for its end (`{"ended": ...}`).
 *
 *   node --import tsx test/room/member-process.ts HOST:PORT CODE NAME
 */
import {joinCode} from '../../source/room/join.js';
import {patternFrame} from '../session/helpers.js';

const [where, code, name] = process.argv.slice(2);
const [host, port] = where!.split(':');
const joined = await joinCode({host: host!, port: Number(port)}, code!, {name});
if (joined.kind !== 'room') throw new Error('the code is not a room');
const room = joined.room;
let index = 0;
const camera = setInterval(() => room.sendFrame(patternFrame(32, 24, index++)), 100);
room.on('stats', (stats) => console.log(JSON.stringify(stats)));
room.on('notice', (notice) => console.log(JSON.stringify({notice})));
room.once('ended', (ended) => {
	console.log(JSON.stringify({ended}));
	clearInterval(camera);
	process.exit(0);
});
process.on('SIGTERM', () => room.leave('test done'));
