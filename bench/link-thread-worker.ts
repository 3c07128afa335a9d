/** The thread link-thread.ts starts: one emulated link, its byte count and its close on request. */
import {parentPort, workerData} from 'node:worker_threads';
import {emulateLink, type LinkOptions} from './link-emulator.js';

const port = parentPort!;
try {
	const link = await emulateLink(workerData as LinkOptions);
	port.on('message', (what: 'bytes' | 'close') => {
		if (what === 'bytes')
			port.postMessage({
				bytesDown: link.connections.reduce((sum, connection) => sum + connection.down.bytesOut, 0),
			});
		else void link.close().then(() => port.postMessage({closed: true}));
	});
	port.postMessage({port: link.port});
} catch (error) {
	port.postMessage({error: String(error)});
}
