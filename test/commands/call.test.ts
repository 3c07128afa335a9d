import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {parseTarget, runCall, runListen} from '../../source/commands/call.js';

test('parseTarget takes HOST:PORT and refuses anything else', () => {
	assert.deepEqual(parseTarget('127.0.0.1:5000'), {host: '127.0.0.1', port: 5000});
	assert.deepEqual(parseTarget('[::1]:7'), {host: '::1', port: 7});
	for (const bad of ['host', ':5000', 'host:0', 'host:99999']) assert.throws(() => parseTarget(bad));
});

test(
	'listen and call hold a call with the test pattern, write stats and exit 0',
	{timeout: 30_000},
	async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-cmd-'));
		try {
			const status = new PassThrough();
			let text = '';
			status.on('data', (chunk: Buffer) => (text += chunk.toString()));
			let resolvePort: (port: number) => void = () => undefined;
			const port = new Promise<number>((resolve) => (resolvePort = resolve));
			const listening = runListen({
				host: '127.0.0.1',
				port: 0,
				calls: 1,
				camera: 'test',
				status,
				onListening: resolvePort,
			});
			const stats = path.join(dir, 'stats.jsonl');
			const calling = runCall({
				target: `127.0.0.1:${await port}`,
				camera: 'test',
				seconds: 2.5,
				stats,
				status,
				shownSize: {width: 80, height: 48},
			});
			assert.equal(await calling, 0);
			assert.equal(await listening, 0);
			const lines = fs
				.readFileSync(stats, 'utf8')
				.trim()
				.split('\n')
				.map((line) => JSON.parse(line));
			assert.ok(
				lines.some((line) => line.protocol === 'v2' && line.frames_in > 0),
				JSON.stringify(lines.at(-1)),
			);
			assert.match(text, /in-call v2 \| in [\d.]+ fps/);
		} finally {
			fs.rmSync(dir, {recursive: true, force: true});
		}
	},
);
