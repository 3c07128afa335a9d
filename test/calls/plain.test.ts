import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {callStats, slowToAnswer, until, withTimeout} from '../session/helpers.js';
import {parseTarget} from '../../source/net/address.js';
import {
	feedCamera,
	noPictureSize,
	runCall,
	runListen,
	type ListenCommandOptions,
} from '../../source/calls/plain.js';
import {CallController, idleReadSize} from '../../source/control/controller.js';
import {openSource} from '../../source/sources/index.js';

/** `facetty listen` for one call with the test pattern on loopback; its port and everything it printed. */
function listenOnce(options: ListenCommandOptions = {}) {
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
		...options,
	});
	return {status, port, listening, text: () => text};
}

function readIfThere(file: string): string[] {
	return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
}

test('parseTarget takes HOST:PORT, or HOST on the default port, and refuses anything else', () => {
	assert.deepEqual(parseTarget('127.0.0.1:5000'), {host: '127.0.0.1', port: 5000});
	assert.deepEqual(parseTarget('[::1]:7'), {host: '::1', port: 7});
	assert.deepEqual(parseTarget('host'), {host: 'host', port: 3223});
	for (const bad of [':5000', 'host:0', 'host:99999', '::1']) assert.throws(() => parseTarget(bad));
});

test(
	'listen and call hold a call with the test pattern, write stats and exit 0',
	{timeout: 30_000},
	async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-cmd-'));
		try {
			const listenerStats = path.join(dir, 'listener.jsonl');
			const {status, port, listening, text} = listenOnce({stats: listenerStats});
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
			assert.match(text(), /in-call v2 \| in [\d.]+ fps/);
			// The listener shows no picture: it asked for the smallest, not the test pattern's 640x480
			// (a first frame may go before its ask has come).
			const received = fs
				.readFileSync(listenerStats, 'utf8')
				.trim()
				.split('\n')
				.map((line) => JSON.parse(line).peer_shape as string | null);
			assert.equal(received.at(-1), '64x48', received.join(' '));
		} finally {
			fs.rmSync(dir, {recursive: true, force: true});
		}
	},
);

test('the plain status line carries the check code, or says the call is not encrypted', async () => {
	const {formatStatus, securityLine} = await import('../../source/calls/plain.js');
	const stats = callStats({bytes_in: 1000, bytes_out: 1000});
	assert.match(formatStatus({...stats, encrypted: true, sas: '959 809'}), / \| encrypted, check 959 809$/);
	assert.match(formatStatus({...stats, encrypted: false, sas: null}), / \| not encrypted$/);
	assert.doesNotMatch(formatStatus(stats), /encrypted/);
	assert.match(
		securityLine({encrypted: true, sas: '959 809', verifiedBySecret: true, peerKey: 'pinned'}),
		/^encrypted, check code 959 809 \(read it to each other.*\); secret verified; peer key matches --peer-key$/,
	);
	assert.equal(
		securityLine({encrypted: false, verifiedBySecret: false, note: 'not encrypted: the seed format'}),
		'not encrypted: the seed format',
	);
});

test(
	'listen and call with different secrets: both print the refusal and exit 1, no key remembered',
	{timeout: 30_000},
	async () => {
		const dirs = ['listener', 'caller'].map((side) =>
			fs.mkdtempSync(path.join(os.tmpdir(), `facetty-${side}-`)),
		);
		const [listenerDir, callerDir] = dirs as [string, string];
		const remembered = () => dirs.map((dir) => readIfThere(path.join(dir, 'known_peers')));
		const {status, port, listening, text} = listenOnce({secret: 'right', configDir: listenerDir});
		const code = await runCall({
			target: `127.0.0.1:${await port}`,
			camera: 'test',
			secret: 'wrong',
			status,
			configDir: callerDir,
		});
		assert.equal(code, 1);
		assert.match(text(), /call ended: call refused: the secret does not match/);
		await new Promise<void>((resolve) => {
			const check = () =>
				/Refused a call from 127\.0\.0\.1:\d+: the secret does not match/.test(text())
					? resolve()
					: setTimeout(check, 20);
			check();
		});
		// A key seen on a refused call is not remembered, on either side.
		assert.deepEqual(
			remembered().map((lines) => lines.filter((line) => line && !line.startsWith('#'))),
			[[], []],
		);
		// The refused call does not count: the listener takes a right one, then returns.
		const right = await runCall({
			target: `127.0.0.1:${await port}`,
			camera: 'test',
			secret: 'right',
			seconds: 3,
			status,
			configDir: callerDir,
		});
		assert.equal(right, 0);
		assert.equal(await listening, 0);
		assert.match(text(), /encrypted, check code \d{3} \d{3}.*secret verified/);
		// The caller remembers the listener's key after the call that was taken (so the check above
		// looked at the right file).
		assert.equal(remembered()[1]!.filter((line) => line.startsWith('127.0.0.1:')).length, 1);
		for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
	},
);

test(
	'--seconds is the length of the call, not of the dial: a slow handshake does not use it up',
	{timeout: 30_000},
	async () => {
		// At a load of 10 a handshake outlasted 2.5 s: the caller, counting from the dial, hung up before
		// the call began, and the listener (waiting for one call) waited for ever. A listener that
		// answers 1.5 s late stands in for the busy machine.
		const {status, port, listening, text} = listenOnce();
		const proxy = await slowToAnswer(await port, 1500);
		try {
			const code = await runCall({target: `127.0.0.1:${proxy.port}`, camera: 'test', seconds: 1, status});
			assert.equal(code, 0, text());
			assert.equal(await listening, 0);
			assert.match(text(), /call ended: time is up/);
		} finally {
			proxy.close();
		}
	},
);

test(
	"an idle listener reads its camera small, yet a seed caller is told the camera's own size",
	{timeout: 30_000},
	async () => {
		// Between calls the camera is read at idleReadSize (nobody wants its picture); the seed format
		// announces the first frame's size as the call's shape, so a caller must not get that one.
		const {port, listening, text} = listenOnce({camera: 'test'});
		const listeningOn = await port;
		// Idle for a while: every frame since the first has been read small.
		await new Promise((resolve) => setTimeout(resolve, 400));
		const socket = net.connect(listeningOn, '127.0.0.1');
		let received = '';
		const shape = await withTimeout(
			new Promise<string>((resolve, reject) => {
				socket.on('error', reject);
				socket.on('data', (chunk: Buffer) => {
					received += chunk.toString('latin1');
					if (received === 'done') socket.write('done');
					const match = /^done(\d+ \d+)/.exec(received);
					if (match) resolve(match[1]!);
				});
			}),
			10_000,
			"the listener's shape",
		);
		assert.equal(shape, '480 640', text());
		// Our shape and a frame make the call live; hanging up then ends the listener's one call.
		const frame = Buffer.concat([Buffer.from('1/'), Buffer.alloc(64 * 48 * 3)]);
		socket.write(Buffer.concat([Buffer.from('48 64'), frame]));
		await new Promise((resolve) => setTimeout(resolve, 300));
		socket.destroy();
		await listening;
	},
);

test(
	'the status line reads its camera at what the call sends, and small while nobody is calling',
	{timeout: 30_000},
	async () => {
		const sizes: string[] = [];
		let resolvePort: (port: number) => void = () => undefined;
		const port = new Promise<number>((resolve) => (resolvePort = resolve));
		const listener = new CallController({
			role: 'listen',
			host: '127.0.0.1',
			port: 0,
			shownSize: noPictureSize,
			dispatch: () => undefined,
			onListening: resolvePort,
		});
		await listener.listen();
		const source = openSource('test', {fps: 30});
		feedCamera(source, listener);
		source.onFrame((frame) => sizes.push(`${frame.width}x${frame.height}`));
		await source.start();
		const callerCamera = openSource('test', {fps: 30});
		let caller: CallController | undefined;
		try {
			await new Promise((resolve) => setTimeout(resolve, 300));
			// The first frame at the camera's own size, every one after it small: nobody is calling.
			assert.equal(sizes[0], '640x480');
			assert.equal(sizes.at(-1), `${idleReadSize.width}x${idleReadSize.height}`);
			// A caller that shows 96x72: the listener reads what it sends, not 640x480 scaled afterwards.
			caller = new CallController({
				role: 'call',
				target: `127.0.0.1:${await port}`,
				shownSize: {width: 96, height: 72},
				dispatch: () => undefined,
			});
			feedCamera(callerCamera, caller);
			await callerCamera.start();
			caller.dial();
			await until('the listener to read 96x72', () => sizes.at(-1) === '96x72', 15_000).catch(
				(error: Error) => assert.fail(`${error.message}; sizes read: ${[...new Set(sizes)].join(', ')}`),
			);
		} finally {
			await callerCamera.stop();
			await caller?.close();
			await source.stop();
			await listener.close();
		}
	},
);
