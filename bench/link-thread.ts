/**
 * The link emulator (link-emulator.ts) on an event loop of its own, a worker thread: a bench
 * that also does work of its own (the ssh bench parses the glass 30 times a second and serves
 * the camera) held the emulator's timers back while it did, so the link delivered bytes late and
 * in bunches (delivery p95 35 ms, up to 200 ms after due at load 15), which no wire does.
 *
 *   const link = await emulateLinkInThread({target, rateBitsPerSecond: 5e6, delayMs: 40});
 *   ...; await link.bytesDown(); await link.close();
 */
import {Worker} from 'node:worker_threads';
import type {LinkOptions} from './link-emulator.js';

export type ThreadedLink = {
	port: number;
	/** Bytes the link has written to the connecting side so far (target -> client), all connections. */
	bytesDown(): Promise<number>;
	close(): Promise<void>;
};

type Reply = {port: number} | {bytesDown: number} | {closed: true} | {error: string};

export async function emulateLinkInThread(options: LinkOptions): Promise<ThreadedLink> {
	// The bench runs under tsx, whose hooks a worker does not inherit: the thread registers them
	// before it loads the TypeScript.
	const api = import.meta.resolve('tsx/esm/api');
	const entry = new URL('./link-thread-worker.ts', import.meta.url).href;
	const code = `import(${JSON.stringify(api)}).then(({register}) => (register(), import(${JSON.stringify(entry)})))`;
	const worker = new Worker(code, {eval: true, workerData: options});
	const replies: Array<(reply: Reply) => void> = [];
	const failed = new Promise<never>((_, reject) => {
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the link thread exited with ${code}`)));
	});
	failed.catch(() => undefined);
	worker.on('message', (reply: Reply) => replies.shift()?.(reply));
	const next = () => Promise.race([new Promise<Reply>((resolve) => replies.push(resolve)), failed]);
	const ask = (what: 'bytes' | 'close') => {
		const reply = next();
		worker.postMessage(what);
		return reply;
	};
	const started = await next();
	if (!('port' in started)) throw new Error(`the link thread did not start: ${JSON.stringify(started)}`);
	return {
		port: started.port,
		bytesDown: async () => {
			const reply = await ask('bytes');
			if (!('bytesDown' in reply)) throw new Error(`the link thread: ${JSON.stringify(reply)}`);
			return reply.bytesDown;
		},
		close: async () => {
			await ask('close').catch(() => undefined);
			await worker.terminate();
		},
	};
}
