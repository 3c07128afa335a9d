/**
 * Faults, each with what the user (here: the Call API the screens read) sees: a peer killed
 * mid-frame, the link cut and restored (network namespaces), packet loss (iptables in a namespace),
 * the camera lost mid-call, and the CLI with stdout not a terminal and TERM=dumb.
 */
import assert from 'node:assert/strict';
import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {after, test, type TestContext} from 'node:test';
import {fileURLToPath} from 'node:url';
import {dial, listen, type Listener} from '../../source/session/connect.js';
import type {Call} from '../../source/session/call.js';
import {ended, feed, nextFrames, patternFrame, withTimeout} from '../session/helpers.js';
import {sleep} from '../hostile/attacks.js';
import {freePort} from '../e2e/tmux.js';
import {skipUnlessCi} from '../tools.js';

const cleanups: Array<() => unknown> = [];
after(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
});

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

async function listener(options: Parameters<typeof listen>[0] = {}): Promise<Listener> {
	const l = await listen({host: '127.0.0.1', port: 0, codec: 'raw', idleTimeoutMs: 1500, ...options});
	cleanups.push(() => l.close());
	return l;
}

function nextCall(l: Listener): Promise<Call> {
	return withTimeout(new Promise((resolve) => l.once('call', resolve)), 10_000, 'a call');
}

function spawnTracked(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
	const child = spawn(command, args, {stdio: ['ignore', 'pipe', 'pipe'], env});
	cleanups.push(() => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	});
	return child;
}

async function takesACall(l: Listener): Promise<void> {
	const accepted = nextCall(l);
	const caller = dial('127.0.0.1', l.port, {codec: 'raw'});
	const accepter = await accepted;
	const stop = feed(accepter, (i) => patternFrame(8, 8, i));
	try {
		await nextFrames(caller, 3);
	} finally {
		stop();
		caller.hangUp();
	}
	await ended(accepter);
}

test('faults: a peer killed mid-frame ends the call with "closed in the middle of a frame"; the listener goes on', async () => {
	const l = await listener();
	const accepted = nextCall(l);
	const child = spawnTracked(process.execPath, [
		'--import',
		'tsx',
		here('./die-mid-frame.ts'),
		String(l.port),
	]);
	const accepter = await accepted;
	const end = await ended(accepter, 15_000);
	assert.equal(
		child.signalCode ?? (await new Promise((r) => child.once('exit', (_c, s) => r(s)))),
		'SIGKILL',
	);
	assert.equal((end.error as {code?: string}).code, 'closed-mid-frame', end.reason);
	assert.match(end.reason, /in the middle of a frame/);
	await takesACall(l);
});

test('faults: a peer that stalls (its machine busy) as we hang up still reads our goodbye, not a reset', async () => {
	// Not the suite's short idle timeout: the CLI peer in its own process may be slow to start.
	const l = await listener({idleTimeoutMs: 30_000});
	const accepted = new Promise<Call>((resolve) => l.once('call', resolve));
	const configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-faults-'));
	cleanups.push(() => fs.rmSync(configHome, {recursive: true, force: true}));
	const cli = fileURLToPath(new URL('../../source/cli.tsx', import.meta.url));
	const child = spawnTracked(
		process.execPath,
		['--import', 'tsx', cli, 'call', `127.0.0.1:${l.port}`, '--camera', 'test'],
		{...process.env, XDG_CONFIG_HOME: configHome},
	);
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const accepter = await withTimeout(accepted, 60_000, 'the CLI to call');
	const stop = feed(accepter, (i) => patternFrame(8, 8, i));
	cleanups.push(stop);
	await nextFrames(accepter, 3, 20_000);
	// The caller's process gets no CPU for two seconds (SIGSTOP: a loaded machine) while we hang
	// up; its camera keeps it sending once it runs again, before it has read our goodbye. (We wait
	// up to lingerMs for the peer to close; a longer stall may read as a reset.)
	child.kill('SIGSTOP');
	accepter.hangUp('time for dinner');
	stop();
	await sleep(2000);
	child.kill('SIGCONT');
	const code = await withTimeout(exit, 15_000, 'the CLI to exit');
	// How our side ended says whether the goodbye was ours to send (a CI run saw it missing).
	const ours = (await ended(accepter)).reason;
	assert.match(output, /call ended: the peer hung up \(time for dinner\)/, `ours: ${ours}\n${output}`);
	assert.equal(code, 0, output);
});

/** A raw call with a short idle timeout, the listener's camera feeding it, its frames arriving. */
async function feedingCall(): Promise<{caller: Call; accepter: Call; stop: () => void}> {
	const l = await listener();
	const accepted = nextCall(l);
	const caller = dial('127.0.0.1', l.port, {codec: 'raw', idleTimeoutMs: 1500});
	cleanups.push(() => caller.hangUp());
	const accepter = await accepted;
	const stop = feed(accepter, (i) => patternFrame(8, 8, i));
	cleanups.push(stop);
	await nextFrames(caller, 3);
	return {caller, accepter, stop};
}

test('faults: the camera lost mid-call: no more frames, but the call stays up and keeps measuring', async () => {
	const {caller, accepter, stop} = await feedingCall();
	stop(); // the camera is gone: the sender has nothing more to send
	const framesAtLoss = caller.meter.framesIn;
	await sleep(2500); // longer than the idle timeout: pings must keep the call alive
	assert.equal(caller.state, 'in-call');
	assert.equal(accepter.state, 'in-call');
	assert.ok(caller.meter.framesIn - framesAtLoss <= 2, 'frames stopped');
	assert.notEqual(caller.statsNow().rtt_ms, null);
	// The camera comes back (or another source is chosen): frames flow again in the same call.
	const again = feed(accepter, (i) => patternFrame(8, 8, i));
	await nextFrames(caller, 3);
	again();
	caller.hangUp();
	await ended(accepter);
});

test('faults: our process stalls longer than the idle timeout: what the peer sent meanwhile is read before silence is judged', async () => {
	const {caller, accepter, stop} = await feedingCall();
	// The event loop blocked for 2.5 s (a loaded machine, a laptop lid): afterwards the timers run
	// before the bytes that arrived (and those sent as the peer's timers run) are read.
	const until = Date.now() + 2500;
	while (Date.now() < until);
	await nextFrames(caller, 3);
	assert.equal(caller.state, 'in-call');
	assert.equal(accepter.state, 'in-call');
	stop();
	caller.hangUp();
	await ended(accepter);
});

function canRun(command: string, args: string[]): string | undefined {
	try {
		execFileSync(command, args, {stdio: 'pipe'});
		return undefined;
	} catch (error) {
		return ((error as {stderr?: Buffer}).stderr?.toString() || String(error)).trim();
	}
}

type Namespace = {ns: string; outside: string; subnet: string};

/**
 * A network namespace joined to this one by a veth pair (outside: SUBNET.1, inside: SUBNET.2), or
 * undefined when namespaces cannot be made here (the test is skipped, or failed under CI=true).
 */
function namespace(t: TestContext, name: string): Namespace | undefined {
	const id = process.pid % 100000;
	const ns = `fty${name}${id}`;
	const outside = `fty${name}o${id}`;
	const inside = `fty${name}i${id}`;
	const subnet = `10.${200 + (id % 50)}.${(id + name.charCodeAt(0)) % 250}`;
	const setup = [
		['netns', 'add', ns],
		['link', 'add', outside, 'type', 'veth', 'peer', 'name', inside],
		['link', 'set', inside, 'netns', ns],
		['addr', 'add', `${subnet}.1/24`, 'dev', outside],
		['link', 'set', outside, 'up'],
		['netns', 'exec', ns, 'ip', 'addr', 'add', `${subnet}.2/24`, 'dev', inside],
		['netns', 'exec', ns, 'ip', 'link', 'set', inside, 'up'],
		['netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up'],
	];
	cleanups.push(() => {
		canRun('ip', ['link', 'del', outside]);
		canRun('ip', ['netns', 'del', ns]);
	});
	for (const args of setup) {
		const problem = canRun('ip', args);
		if (problem) {
			skipUnlessCi(t, `network namespaces cannot be made here (ip ${args.join(' ')}: ${problem})`);
			return undefined;
		}
	}
	return {ns, outside, subnet};
}

/** test/hostile/listener-process.ts listening inside the namespace; resolves with its port and its lines. */
async function listenerInside(
	{ns, subnet}: Namespace,
	idleMs: number,
): Promise<{
	child: ChildProcess;
	port: number;
	lines: Array<{event: string; open?: number; code?: string | null}>;
}> {
	const child = spawnTracked(
		'ip',
		['netns', 'exec', ns, process.execPath, '--import', 'tsx', here('../hostile/listener-process.ts')],
		{...process.env, FACETTY_TEST_HOST: `${subnet}.2`, FACETTY_TEST_IDLE_MS: String(idleMs)},
	);
	const lines: Array<{event: string; open?: number; code?: string | null}> = [];
	readline.createInterface({input: child.stdout!}).on('line', (text) => lines.push(JSON.parse(text)));
	await withTimeout(
		(async () => {
			while (!lines.some((l) => l.event === 'ready')) await sleep(50);
		})(),
		30_000,
		'the listener in the namespace',
	);
	return {child, port: lines.find((l) => l.event === 'ready')!.open!, lines};
}

test('faults: 5% of packets lost each way (iptables in a network namespace): the call goes on', async (t) => {
	// This kernel has no sch_netem (tc's "netem loss"); iptables' statistic match drops the same
	// share of packets at random, on the namespace's way in and out.
	const space = namespace(t, 'l');
	if (!space) return;
	for (const chain of ['INPUT', 'OUTPUT']) {
		const rule = ['-A', chain, '-m', 'statistic', '--mode', 'random', '--probability', '0.05', '-j', 'DROP'];
		const problem = canRun('ip', ['netns', 'exec', space.ns, 'iptables', ...rule]);
		if (problem) {
			skipUnlessCi(t, `iptables cannot drop packets here (${problem})`);
			return;
		}
	}
	const {child, port} = await listenerInside(space, 10_000);
	const call = dial(`${space.subnet}.2`, port, {codec: 'raw', idleTimeoutMs: 10_000});
	cleanups.push(() => call.hangUp());
	const frames = await nextFrames(call, 30, 60_000);
	assert.equal(frames.length, 30);
	assert.equal(call.state, 'in-call');
	// The drops really happened: the counters of the two rules moved. The way in carries mostly
	// acks, a few dozen in 30 frames, so 5% of them is sometimes none (a fresh-clone CI run saw 0,
	// 3): the call goes on, frame by frame, until both have dropped one or 20 s have passed.
	const readDrops = () => {
		const counters = execFileSync('ip', ['netns', 'exec', space.ns, 'iptables', '-L', '-v', '-n', '-x'], {
			encoding: 'utf8',
		});
		return {counters, dropped: [...counters.matchAll(/^\s*(\d+)\s+\d+\s+DROP/gm)].map((m) => Number(m[1]))};
	};
	const until = Date.now() + 20_000;
	while (Date.now() < until && !readDrops().dropped.every((n) => n > 0)) {
		assert.equal((await nextFrames(call, 10, 20_000)).length, 10, 'the call went on');
	}
	const {counters, dropped} = readDrops();
	assert.equal(dropped.length, 2, counters);
	assert.ok(
		dropped.every((n) => n > 0),
		`packets dropped on the way in and out: ${dropped.join(', ')}`,
	);
	call.hangUp();
	child.kill('SIGTERM');
});

test('faults: the link cut and restored (network namespace, ip link down/up)', async (t) => {
	const space = namespace(t, 'c');
	if (!space) return;
	const {outside, subnet} = space;
	const {child, port, lines} = await listenerInside(space, 4000);
	const link = (state: 'up' | 'down') => execFileSync('ip', ['link', 'set', outside, state]);

	// A short cut (under the 4 s idle timeout): TCP holds on, the call survives, frames resume.
	const call = dial(`${subnet}.2`, port, {codec: 'raw', idleTimeoutMs: 4000});
	cleanups.push(() => call.hangUp());
	await nextFrames(call, 3);
	link('down');
	await sleep(1500);
	const during = call.meter.framesIn;
	link('up');
	const after = await nextFrames(call, 5, 15_000);
	assert.equal(after.length, 5);
	assert.ok(call.meter.framesIn > during);
	assert.equal(call.state, 'in-call');

	// A long cut: both sides give up with a plain sentence; once restored, a new call works.
	link('down');
	const end = await ended(call, 20_000);
	assert.equal((end.error as {code?: string}).code, 'timeout', end.reason);
	assert.match(end.reason, /the peer sent nothing for \d+ s/);
	link('up');
	await withTimeout(
		(async () => {
			while (!lines.some((l) => l.event === 'ended' && l.code === 'timeout')) await sleep(100);
		})(),
		20_000,
		'the listener to time out too',
	);
	const next = dial(`${subnet}.2`, port, {codec: 'raw'});
	cleanups.push(() => next.hangUp());
	await nextFrames(next, 3);
	next.hangUp();
	child.kill('SIGTERM');
});

test('faults: the CLI listener with stdout not a terminal and TERM=dumb takes a call and quits cleanly', async () => {
	const port = await freePort();
	const cli = fileURLToPath(new URL('../../source/cli.tsx', import.meta.url));
	const configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-faults-'));
	cleanups.push(() => fs.rmSync(configHome, {recursive: true, force: true}));
	const child = spawnTracked(
		process.execPath,
		['--import', 'tsx', cli, 'listen', '--host', '127.0.0.1', '--port', String(port), '--camera', 'test'],
		// Its own config directory: the CLI keeps its identity key there, never in the real home.
		{
			...process.env,
			TERM: 'dumb',
			COLORTERM: '',
			XDG_CONFIG_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-faults-')),
		},
	);
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	let stdout = '';
	child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	await withTimeout(
		(async () => {
			while (!/listening/.test(stdout + stderr)) await sleep(100);
		})(),
		30_000,
		'the CLI to listen',
	);
	const call = dial('127.0.0.1', port, {});
	cleanups.push(() => call.hangUp());
	const frames = await nextFrames(call, 3, 20_000);
	assert.ok(frames[0]!.width > 0);
	assert.equal(call.security.encrypted, true);
	call.hangUp();
	// Ctrl+C is how a user quits plain mode: the listener closes and exits 0, not killed by the signal.
	child.kill('SIGINT');
	const [code, signal] = await withTimeout(
		new Promise<[number | null, string | null]>((resolve) => child.once('exit', (c, s) => resolve([c, s]))),
		10_000,
		'the CLI to exit',
	);
	assert.deepEqual([code, signal], [0, null], `exit ${code} ${signal}: ${stderr}`);
	assert.doesNotMatch(stderr, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
});
