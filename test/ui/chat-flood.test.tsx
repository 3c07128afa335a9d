/**
 * Issue 17 case 3: a peer floods the chat with 4 KB lines (20 a second, each different, mixing
 * the scripts and emoji that cost the sanitizer most) while sending video. The real call screen
 * (runCallApp, a model terminal) must still answer its keys at once: `h` hangs up, and the peer
 * hears the goodbye within 100 ms of the key.
 */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import readline from 'node:readline';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import type {CallStats} from '../../source/session/stats.js';
import {runCallApp} from '../../source/ui/call-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cols = 120;
const rows = 40;

function ttyInput(): PassThrough {
	const input = new PassThrough();
	return Object.assign(input, {isTTY: true, setRawMode: () => input, ref: () => input, unref: () => input});
}

/** A terminal that takes everything (what it draws is not the point here). */
function ttyOutput(): NodeJS.WriteStream {
	const output = new PassThrough();
	output.resume();
	return Object.assign(output, {isTTY: true, columns: cols, rows}) as unknown as NodeJS.WriteStream;
}

type PeerLine = {event: string; port?: number; reason?: string; sent?: number; at: number};

test(
	'a chat flood (4 KB lines, 20 a second) does not hold up the call screen: h hangs up within 100 ms',
	{timeout: 60_000},
	async (t) => {
		const script = fileURLToPath(new URL('chat-flood-peer.ts', import.meta.url));
		const peer = spawn(process.execPath, ['--import', 'tsx', script], {stdio: ['ignore', 'pipe', 'inherit']});
		const lines: PeerLine[] = [];
		readline
			.createInterface({input: peer.stdout})
			.on('line', (text) => lines.push({...(JSON.parse(text) as PeerLine), at: performance.now()}));
		const next = async (event: string, ms: number) => {
			const until = performance.now() + ms;
			while (performance.now() < until) {
				const line = lines.find((l) => l.event === event);
				if (line) return line;
				await sleep(2);
			}
			return undefined;
		};
		const input = ttyInput();
		let stats: CallStats | undefined;
		let running: Promise<number> | undefined;
		try {
			const listening = await next('listening', 20_000);
			assert.ok(listening?.port, 'the flooding peer listens');
			running = runCallApp({
				role: 'call',
				target: `127.0.0.1:${listening.port}`,
				camera: 'test',
				colorDepth: 'truecolor',
				input: input as unknown as NodeJS.ReadStream,
				output: ttyOutput(),
				errorOutput: new PassThrough(),
				onStats: (s) => (stats = s),
				seconds: 40,
			});
			const started = Date.now();
			while (stats?.state !== 'in-call' && Date.now() - started < 20_000) await sleep(100);
			assert.equal(stats?.state, 'in-call', 'the call is up');
			// Long enough for work to pile up if anything falls behind (the issue saw 18-38 s of delay).
			await sleep(8000);
			const pressed = performance.now();
			input.write('h');
			const ended = await next('ended', 60_000);
			assert.ok(ended, 'the peer heard the hang-up');
			const answered = ended.at - pressed;
			t.diagnostic(
				`${ended.sent} chat lines of ~4 KB sent; h answered (the peer heard the goodbye) after ` +
					`${answered.toFixed(1)} ms; last stats: ${JSON.stringify(stats)}`,
			);
			assert.equal(ended.reason, 'the peer hung up');
			assert.ok((ended.sent ?? 0) >= 150, `the flood ran (${ended.sent} lines)`);
			assert.ok(answered < 100, `h took ${answered.toFixed(0)} ms`);
		} finally {
			input.write('q');
			await running;
			peer.kill('SIGTERM');
		}
	},
);
