/**
 * A changed peer key, end to end: the session's question reaches the call screen, the key typed
 * there goes back to the session, and only `y` lets the call through (and records the new key);
 * `n` refuses it, the listener never gets a call and known_peers keeps the old key.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {listen} from '../../source/session/connect.js';
import {ephemeralIdentity} from '../../source/trust/identity.js';
import {cleanupsAfterFile, feedListener, nextRejection, patternFrame, until} from '../session/helpers.js';
import {CapturedTerminal, ttyInput} from './captured-terminal.js';

const cleanups = cleanupsAfterFile();

/** Calls `port` on the call screen with `configDir`, answers the key question with `answer`. */
async function callAndAnswer(port: number, configDir: string, answer: 'y' | 'n') {
	const {runCallApp} = await import('../../source/ui/call-app.js');
	const output = new CapturedTerminal();
	const input = ttyInput();
	const running = runCallApp({
		role: 'call',
		target: `127.0.0.1:${port}`,
		camera: 'test',
		colorDepth: 'truecolor',
		configDir,
		input: input as unknown as NodeJS.ReadStream,
		output: output as unknown as NodeJS.WriteStream,
		errorOutput: new PassThrough(),
	});
	try {
		await until('the question about the changed key', () =>
			/WARNING: the key of .* has changed/.test(output.text),
		);
		input.write(answer);
		return {output, input, running};
	} catch (error) {
		input.write('q');
		throw error;
	}
}

test(
	'a changed key: n on the screen refuses the call and keeps the old key; y lets it through and records the new one',
	{timeout: 90_000},
	async () => {
		const identity = ephemeralIdentity();
		const l = await listen({host: '127.0.0.1', port: 0, identity});
		cleanups.push(() => l.close());
		const stop = feedListener(l, (i) => patternFrame(64, 48, i));
		cleanups.push(stop);
		let calls = 0;
		l.on('call', () => calls++);
		const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-key-change-'));
		cleanups.push(() => fs.rmSync(configDir, {recursive: true, force: true}));
		const knownPeers = path.join(configDir, 'known_peers');
		const old = ephemeralIdentity().fingerprint;
		fs.writeFileSync(knownPeers, `127.0.0.1:${l.port} ${old}\n`);
		assert.notEqual(old, identity.fingerprint);

		const rejection = nextRejection(l, 30_000);
		const refused = await callAndAnswer(l.port, configDir, 'n');
		// The listener is told the caller left before the call began: it refused this side's key.
		assert.match((await rejection).message, /refused this side's key/);
		assert.equal(calls, 0, 'the listener got no call');
		assert.match(
			fs.readFileSync(knownPeers, 'utf8'),
			new RegExp(`127\\.0\\.0\\.1:${l.port} ${old.replace(/[+/]/g, '\\$&')}`),
		);
		assert.ok(
			!fs.readFileSync(knownPeers, 'utf8').includes(identity.fingerprint),
			'the new key is not recorded',
		);
		refused.input.write('q');
		await refused.running;

		const accepted = await callAndAnswer(l.port, configDir, 'y');
		await until('the call', () => calls === 1);
		const lines = fs.readFileSync(knownPeers, 'utf8').split('\n');
		assert.ok(lines.includes(`127.0.0.1:${l.port} ${identity.fingerprint}`), lines.join('\n'));
		assert.ok(!lines.some((line) => line.includes(old)), 'the old key is replaced');
		accepted.input.write('q');
		assert.equal(await accepted.running, 0);
	},
);
