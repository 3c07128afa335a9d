/**
 * Plain mode (stdout not a terminal) against hostile v2 peers: `facetty listen` and `facetty call`
 * run as real processes, and what they print holds no escape sequence, C1, bidi or zero-width
 * character at all, whatever the peer said. (Issue 10: CSI 6n made the terminal type
 * `^[[16;45R` into the input; DCS and C1 passed.)
 */
import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import fc from 'fast-check';
import {foreign, hostileCall, hostileListener, hostileWords, knownInjections} from './hostile-peer.js';
import {rawConnect} from '../hostile/attacks.js';
import {until} from '../session/helpers.js';

const cli = path.resolve('source/cli.tsx');

type Running = {child: ChildProcess; output: () => string; done: Promise<number | null>};

function facetty(args: string[], configHome: string): Running {
	const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
		env: {...process.env, XDG_CONFIG_HOME: configHome, HOME: configHome},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let text = '';
	child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
	child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
	const done = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return {child, output: () => text, done};
}

/** Bytes as UTF-8, so C1 sent as \xc2\x9b is seen as U+009B; a raw 0x9b byte is not UTF-8, also caught. */
function scan(latin1: string): string[] {
	const bytes = Buffer.from(latin1, 'latin1');
	const problems: string[] = [];
	if (bytes.includes(0x1b)) problems.push('an ESC byte');
	const text = bytes.toString('utf8');
	const bad = foreign.exec(text);
	if (bad)
		problems.push(
			`U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, bad.index - 30), bad.index + 10))}`,
		);
	try {
		new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		problems.push('bytes that are not UTF-8 (a raw C1 byte would be one)');
	}
	return problems;
}

test(
	"plain listen: a hostile caller's name, chat, goodbye and greeting come out as text, one call after another",
	{timeout: 240_000},
	async (t) => {
		const home = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-plain-'));
		t.after(() => fs.rmSync(home, {recursive: true, force: true}));
		const listener = facetty(['listen', '--host', '127.0.0.1', '--port', '0', '--camera', 'test'], home);
		t.after(() => listener.child.kill('SIGKILL'));
		await until('the listener', () => /listening on 127\.0\.0\.1:\d+/.test(listener.output()));
		const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(listener.output())![1]);
		// A call ends, or (when its words break the protocol before it is live) is refused.
		const ends = () => listener.output().match(/^(call: call ended|Refused a call from)/gm)?.length ?? 0;

		// The cases of issue 10, each checked for what shows instead.
		await hostileCall(port, knownInjections);
		await until('the first call to end', () => ends() === 1);
		const first = listener.output();
		assert.deepEqual(scan(first), [], first);
		for (const said of ['title', 'clip', 'link', 'red', 'ask', 'dcs', 'c1', 'bidifdp.exe zerowidth'])
			assert.match(first, new RegExp(`^call says: ${said}$`, 'm'));
		assert.match(first, /^call: call ended: the peer hung up \(bye 1 2 3 4 5\)$/m);
		assert.match(first, /^call: in call with Eve at 127\.0\.0\.1:\d+: encrypted/m);

		// A greeting answer with a C1 CSI in it: the refusal quotes it, cleaned.
		const raw = await rawConnect(port);
		raw.write(Buffer.from([0x9b, 0x36, 0x6e, 0x07]));
		await until('the refusal', () => ends() === 2);
		raw.destroy();

		let calls = 2;
		await fc.assert(
			fc.asyncProperty(hostileWords, async (words) => {
				const from = listener.output().length;
				await hostileCall(port, words);
				calls++;
				await until(`call ${calls} to end`, () => ends() === calls);
				const printed = listener.output().slice(from);
				assert.deepEqual(scan(printed), [], printed);
			}),
			{numRuns: 25},
		);
		listener.child.kill('SIGINT');
		await listener.done;
		assert.deepEqual(scan(listener.output()), []);
	},
);

test("plain call: a hostile listener's words come out as text", {timeout: 60_000}, async (t) => {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-plain-'));
	t.after(() => fs.rmSync(home, {recursive: true, force: true}));
	const peer = await hostileListener(knownInjections);
	t.after(() => peer.close());
	const caller = facetty(['call', `127.0.0.1:${peer.port}`, '--camera', 'test', '--seconds', '10'], home);
	t.after(() => caller.child.kill('SIGKILL'));
	await caller.done;
	const text = caller.output();
	assert.deepEqual(scan(text), [], text);
	assert.match(text, /^call 127\.0\.0\.1:\d+ says: red$/m);
	assert.match(text, /call ended: the peer hung up \(bye 1 2 3 4 5\)$/m);
});
