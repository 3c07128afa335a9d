/** A caller that gets into a call, writes half a video frame, and is killed (SIGKILL) by itself. */
import {encodeV2} from '../../source/protocol/v2.js';
import {hello, secureConnect, sleep} from '../hostile/attacks.js';

const port = Number(process.argv[2]);
const {socket} = await secureConnect(port);
socket.write(hello());
await sleep(300);
const frame = encodeV2({
	type: 'video',
	codec: 'raw',
	width: 320,
	height: 240,
	seq: 1,
	capturedAt: Date.now(),
	data: new Uint8Array(320 * 240 * 3),
});
socket.write(frame.subarray(0, frame.length >> 1), () => {
	process.stdout.write('half a frame written\n');
	setTimeout(() => process.kill(process.pid, 'SIGKILL'), 100);
});
