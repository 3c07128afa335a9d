/**
 * The commands as a user runs them (outside a terminal: the plain status line): facetty relay,
 * facetty invite --relay, then facetty join CODE with the relay remembered from the invite's
 * config; both sides show the same check code. And the sentences for what cannot work.
 */
import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {freePort} from '../e2e/tmux.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const config = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-relay-cli-'));
const children: ChildProcess[] = [];
after(() => {
	for (const child of children) child.kill();
	fs.rmSync(config, {recursive: true, force: true});
});

function facetty(args: string[]): {child: ChildProcess; output: () => string; exit: Promise<number>} {
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'source', 'cli.tsx'), ...args], {
		cwd: root,
		env: {...process.env, XDG_CONFIG_HOME: config},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	children.push(child);
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exit = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
	return {child, output: () => output, exit};
}

async function waitFor(read: () => string, pattern: RegExp, ms = 30_000): Promise<RegExpExecArray> {
	const until = Date.now() + ms;
	for (;;) {
		const match = pattern.exec(read());
		if (match) return match;
		if (Date.now() > until) throw new Error(`no ${pattern} within ${ms} ms in:\n${read()}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

test('relay, invite and join from the command line; the relay is remembered', async () => {
	const relay = facetty(['relay', '--host', '127.0.0.1', '--port', String(await freePort())]);
	const port = (await waitFor(relay.output, /listening on 127\.0\.0\.1:(\d+)/))[1]!;
	// --seconds only as a safety net: the call ends when the joiner hangs up (Ctrl-C) after both
	// sides said the call moved to a direct connection, however long that takes on a loaded machine.
	const inviter = facetty(['invite', '--relay', `127.0.0.1:${port}`, '--camera', 'test', '--seconds', '120']);
	const code = (await waitFor(inviter.output, /Your invite code: (\S+)/))[1]!;
	assert.match(inviter.output(), new RegExp(`facetty join ${code} --relay 127\\.0\\.0\\.1:${port}`));
	const joiner = facetty(['join', code, '--camera', 'test', '--seconds', '120']);
	// Moved, and a status line from the direct call since: the move has settled on that side.
	const moved = /the call moved: in call with .*direct [\d.]+:\d+[^]*: in-call v2 \|/;
	await Promise.all([waitFor(joiner.output, moved, 60_000), waitFor(inviter.output, moved, 60_000)]).catch(
		(error: Error) => {
			throw new Error(`${error.message}\nthe inviter:\n${inviter.output()}`);
		},
	);
	joiner.child.kill('SIGINT');
	const [joinerCode, inviterCode] = await Promise.all([joiner.exit, inviter.exit]);
	const checks = [joiner.output(), inviter.output()].map(
		(text) => /check code (\d{3} \d{3})/.exec(text)?.[1],
	);
	assert.ok(checks[0] && checks[0] === checks[1], `check codes ${checks.join(' / ')}:\n${joiner.output()}`);
	assert.match(joiner.output(), /via relay 127\.0\.0\.1:\d+/);
	// On one machine the call moves to a direct connection; the status line says so, same check code.
	for (const text of [joiner.output(), inviter.output()]) {
		const codes = new Set([...text.matchAll(/check code (\d{3} \d{3})/g)].map((m) => m[1]));
		assert.deepEqual([...codes], [checks[0]]);
	}
	assert.match(joiner.output(), /join: call ended: hung up/);
	assert.match(inviter.output(), /call ended: the peer hung up\n/);
	assert.equal(joinerCode, 0, joiner.output());
	assert.equal(inviterCode, 0, inviter.output());
	// The code was used once: joining again is refused with a sentence.
	const again = facetty(['join', code, '--camera', 'test']);
	assert.equal(await again.exit, 1);
	assert.match(again.output(), /no such invite at the relay/);
	relay.child.kill('SIGINT');
	assert.equal(await relay.exit, 0);
	assert.match(relay.output(), /relay: 0 channels waiting, 0 calls, 1 paired and 1 ended so far/);
	// Whole words only: a code word such as "tin" is part of "waiting", and "channel" of the
	// relay's own "no-channel" count.
	const words = code.split('-').slice(1).join('|');
	assert.doesNotMatch(relay.output(), new RegExp(`(?<![\\w-])(${words})(?![\\w-])`));
	assert.ok(!relay.output().includes(code.split('-').slice(1).join('-')), 'the relay logged the code');
});

test('what cannot work is said in a sentence', async () => {
	const bad = facetty(['join', '42-kettle-violet-orbits', '--relay', '127.0.0.1:9']);
	assert.equal(await bad.exit, 2);
	assert.match(bad.output(), /"orbits" is not one of the invite words/);
	const unreachable = facetty(['join', '42-kettle-violet-orbit', '--relay', '127.0.0.1:9']);
	assert.equal(await unreachable.exit, 1);
	assert.match(unreachable.output(), /could not reach the relay 127\.0\.0\.1:9/);
});
