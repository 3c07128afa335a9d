/**
 * Can a stranger keep a listener busy? A real listener (the real 5 s deadlines, the per-address
 * limit) on loopback, showing a 160x96 picture; for each attack, strangers on 127.0.0.2 keep their
 * connections open for the whole run (each reopened as soon as the listener drops it) while a
 * legitimate caller on 127.0.0.1 calls once a second: dials, waits for the first frame, hangs up.
 * Prints, per attack: legitimate calls connected / tried, time to the first frame p50 / p95, the
 * attacker's connections opened and how the listener ended them.
 *
 * A caller that finished TLS and authentication may be asking its user about a changed key before
 * it says hello, so the listener waits for it as long as that question may take (5 s + 60 s):
 * such a connection is only a candidate meanwhile and keeps no one out, but it does hold one of
 * its address's four unfinished-connection slots; the row shows both.
 *
 * Then issue 17's cases, each rerun with its numbers: 64 stalled connections from 16 addresses
 * (127.0.1.1..16) redialled as soon as dropped, against a --secret listener (FTYS, then silence)
 * and an open one (key-question after TLS, then silence), six legitimate calls each; 200
 * addresses guessing --secret (checked guesses a second); a sweep of every relay channel from 17
 * addresses, then the invite joined by its code; a relay whose cap (scaled to 1000) a crowd of 42
 * addresses x 24 connections fills, then pairs made through it.
 *
 * `BENCH_SECONDS` (default 30) is each attack's length. `BENCH_ONLY=issue17` runs only the latter.
 */
import net from 'node:net';
import {invite, join} from '../source/invite/session.js';
import {codeTag} from '../source/invite/code.js';
import {joinChannel, openChannel, RelayError} from '../source/relay/client.js';
import {startRelay} from '../source/relay/server.js';
import {encodeV2} from '../source/protocol/v2.js';
import {dial, listen, readExactly, type Listener} from '../source/session/connect.js';
import {authenticate, startTls} from '../source/session/secure.js';
import {percentile} from '../source/session/stats.js';
import {ephemeralIdentity} from '../source/trust/identity.js';
import {ended, feedListener, nextFrames, patternFrame, reached} from '../test/session/helpers.js';
import {guessOnce} from '../test/hostile/attacks.js';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 30);
const attackerAddress = '127.0.0.2';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An attacker's connection: resolves when it is closed (by the listener, or at the deadline). */
type Attack = (port: number, until: number) => Promise<void>;

function rawConnect(port: number): Promise<net.Socket> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({port, host: '127.0.0.1', localAddress: attackerAddress});
		socket.once('connect', () => resolve(socket));
		socket.once('error', reject);
	});
}

/** Holds the socket until the listener closes it or the run ends. */
function holdUntilClosed(socket: net.Socket, until: number): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(() => socket.destroy(), Math.max(0, until - Date.now()));
		socket.on('error', () => undefined);
		socket.once('close', () => {
			clearTimeout(timer);
			resolve();
		});
		socket.resume();
	});
}

const silent: Attack = async (port, until) => holdUntilClosed(await rawConnect(port), until);

const seedHold: Attack = async (port, until) => {
	const socket = await rawConnect(port);
	socket.write('done1'); // the seed greeting, five bytes of it
	return holdUntilClosed(socket, until);
};

const seedDribble: Attack = async (port, until) => {
	const socket = await rawConnect(port);
	const gone = holdUntilClosed(socket, until);
	socket.write('done');
	await sleep(200);
	socket.write('2160 4096'); // a 4096x2160 frame shape, then its bytes one every 5 s
	await sleep(200);
	socket.write('406/');
	while (!socket.destroyed && Date.now() < until) {
		socket.write('x');
		await Promise.race([sleep(5000), gone]);
	}
	return gone;
};

const silentAfterTls: Attack = async (port, until) => {
	const raw = await rawConnect(port);
	raw.pause();
	raw.on('error', () => undefined);
	try {
		const greeting = await readExactly(raw, 4, 5000);
		raw.write('FTYS');
		const echo = await readExactly(raw, 4, 5000);
		const initial = Buffer.concat([greeting.rest, echo.rest]);
		const socket = await startTls(raw, 'caller', ephemeralIdentity(), initial, 5000);
		socket.on('error', () => undefined);
		await authenticate(socket, 'caller', ephemeralIdentity(), undefined, 5000);
	} catch {
		raw.destroy(); // dropped during the handshake: the loop opens another
	}
	return holdUntilClosed(raw, until);
};

/** `count` connections, each reopened when it closes, until the deadline. */
async function keepOpen(attack: Attack, count: number, port: number, until: number): Promise<number> {
	let opened = 0;
	const one = async () => {
		while (Date.now() < until) {
			opened++;
			await attack(port, until).catch(() => undefined);
			await sleep(50); // a persistent stranger, not a busy loop on this machine's 2 cores
		}
	};
	await Promise.all(Array.from({length: count}, one));
	return opened;
}

async function legitimateCalls(port: number, until: number): Promise<{tried: number; times: number[]}> {
	const times: number[] = [];
	let tried = 0;
	while (Date.now() < until) {
		const next = Date.now() + 1000;
		tried++;
		const started = performance.now();
		const call = dial('127.0.0.1', port, {codec: 'raw', name: 'friend'});
		call.on('error', () => undefined);
		try {
			await nextFrames(call, 1, 10_000);
			times.push(performance.now() - started);
		} catch {
			// not connected within 10 s: counted as a failure
		}
		call.hangUp('bye');
		await ended(call).catch(() => undefined);
		await sleep(Math.max(0, next - Date.now()));
	}
	return {tried, times};
}

type Row = {name: string; count: number; attack?: Attack};
const rows: Row[] = [
	{name: 'none (baseline)', count: 0},
	{name: 'six silent connections, each reopened when dropped', count: 6, attack: silent},
	{name: 'the 5-byte seed hold (done1), four at once', count: 4, attack: seedHold},
	{name: 'TLS completed, then silent, four at once', count: 4, attack: silentAfterTls},
	{name: 'a 4096x2160 seed frame dribbled a byte every 5 s, four at once', count: 4, attack: seedDribble},
];

async function run(row: Row, listener: Listener) {
	const drops = new Map<string, number>();
	const sentences = new Map<string, string>();
	const onRejected = (error: Error, address: string) => {
		// What the bench itself closes at the end of the run is not the listener's doing.
		if (!address.startsWith(attackerAddress) || Date.now() >= until) return;
		const code = (error as {code?: string}).code ?? 'other';
		drops.set(code, (drops.get(code) ?? 0) + 1);
		if (!sentences.has(code)) sentences.set(code, error.message);
	};
	const until = Date.now() + seconds * 1000;
	listener.on('rejected', onRejected);
	const attack = row.attack ? keepOpen(row.attack, row.count, listener.port, until) : Promise.resolve(0);
	await sleep(row.attack ? 300 : 0);
	const [opened, legit] = await Promise.all([attack, legitimateCalls(listener.port, until)]);
	listener.off('rejected', onRejected);
	const sorted = [...legit.times].sort((a, b) => a - b);
	const ms = (p: number) => percentile(sorted, p)?.toFixed(0) ?? '-';
	const dropped = [...drops].map(([code, n]) => `${code} ${n}`).join(', ') || '-';
	console.log(
		`| ${row.name} | ${legit.times.length} / ${legit.tried} | ${ms(50)} / ${ms(95)} | ${opened} | ${dropped} |`,
	);
	return sentences;
}

const only = process.env['BENCH_ONLY'];
if (only !== 'issue17') {
	const listener = await listen({host: '127.0.0.1', port: 0, codec: 'raw'});
	const stop = feedListener(listener, (i) => patternFrame(160, 96, i));
	listener.on('call', (call) => call.on('error', () => undefined));
	console.log(
		`Each attack runs ${seconds} s against a listener with the real deadlines; a legitimate call a second.\n`,
	);
	console.log(
		'| attack (from 127.0.0.2) | legitimate calls connected / tried | first frame p50 / p95 ms | attacker connections opened | how the listener dropped them |',
	);
	console.log('|---|---|---|---|---|');
	const said = new Map<string, string>();
	for (const row of rows) for (const [code, sentence] of await run(row, listener)) said.set(code, sentence);
	console.log('\nWhat the listener said, one example per kind of drop:');
	for (const [code, sentence] of said) console.log(`- ${code}: ${sentence}`);
	stop();
	await listener.close();
}

// Issue 17's cases.

/** A connection from `localAddress`, resolved once connected. */
function connectFrom(port: number, localAddress: string): Promise<net.Socket> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({port, host: '127.0.0.1', localAddress});
		socket.once('connect', () => resolve(socket));
		socket.once('error', reject);
	});
}

/** 64 connections from 127.0.1.1..16 doing `stall`, each redialled as soon as it closes. */
async function crowd(
	port: number,
	stall: (socket: net.Socket, until: number) => Promise<void>,
	until: number,
) {
	let opened = 0;
	const one = async (address: string) => {
		while (Date.now() < until) {
			const socket = await connectFrom(port, address).catch(() => undefined);
			if (!socket) {
				await sleep(50);
				continue;
			}
			opened++;
			socket.on('error', () => undefined);
			const gone = holdUntilClosed(socket, until);
			await stall(socket, until).catch(() => socket.destroy());
			await gone;
		}
	};
	await Promise.all(Array.from({length: 64}, (_, i) => one(`127.0.1.${(i % 16) + 1}`)));
	return opened;
}

const ftysThenSilence = async (socket: net.Socket) => {
	socket.write('FTYS');
};

const keyQuestionAfterTls = async (raw: net.Socket) => {
	raw.pause();
	const greeting = await readExactly(raw, 4, 5000);
	raw.write('FTYS');
	const echo = await readExactly(raw, 4, 5000);
	const identity = ephemeralIdentity();
	const socket = await startTls(raw, 'caller', identity, Buffer.concat([greeting.rest, echo.rest]), 5000);
	socket.on('error', () => undefined);
	await authenticate(socket, 'caller', identity, undefined, 5000);
	socket.write(encodeV2({type: 'key-question'}));
	socket.resume();
};

/** Six legitimate calls, 1.5 s apart, during a crowd; connected, and what the others were told. */
async function sixCalls(port: number, secret: string | undefined) {
	let connected = 0;
	const times: number[] = [];
	const told: string[] = [];
	for (let i = 0; i < 6; i++) {
		const started = performance.now();
		const call = dial('127.0.0.1', port, {codec: 'raw', ...(secret ? {secret} : {})});
		call.on('error', () => undefined);
		const end = ended(call);
		try {
			await nextFrames(call, 1, 10_000);
			connected++;
			times.push(performance.now() - started);
		} catch {
			told.push(
				((await Promise.race([end, sleep(200)])) as {reason?: string} | undefined)?.reason ??
					'no frame in 10 s',
			);
		}
		call.hangUp('bye');
		await end.catch(() => undefined);
		await sleep(1500);
	}
	return {connected, times, told};
}

console.log('\nIssue 17, each case rerun (real deadlines, real limits unless said):\n');
console.log('| case | result | numbers |');
console.log('|---|---|---|');

for (const variant of [
	{
		name: '1a: --secret listener; 64 from 16 addresses send FTYS, then nothing; redialled',
		secret: 'bench secret',
		stall: ftysThenSilence,
	},
	{
		name: '1b: open listener; 64 from 16 addresses say key-question after TLS, then nothing; redialled',
		secret: undefined,
		stall: keyQuestionAfterTls,
	},
]) {
	const target = await listen({
		host: '127.0.0.1',
		port: 0,
		codec: 'raw',
		...(variant.secret ? {secret: variant.secret} : {}),
	});
	const stop = feedListener(target, (i) => patternFrame(160, 96, i));
	target.on('call', (call) => call.on('error', () => undefined));
	const drops = new Map<string, number>();
	target.on('rejected', (error) => {
		const code = (error as {code?: string}).code ?? 'other';
		drops.set(code, (drops.get(code) ?? 0) + 1);
	});
	const started = Date.now();
	const until = started + Math.max(seconds, 15) * 1000;
	const attack = crowd(target.port, variant.stall, until);
	await sleep(3000); // the crowd fills every slot first
	const legit = await sixCalls(target.port, variant.secret);
	const opened = await attack;
	const rate = opened / ((Date.now() - started) / 1000);
	const sorted = [...legit.times].sort((a, b) => a - b);
	console.log(
		`| ${variant.name} | ${legit.connected} of 6 legitimate calls connected | first frame p50 ${percentile(sorted, 50)?.toFixed(0) ?? '-'} ms; crowd redialled ${rate.toFixed(1)}/s; listener: ${[...drops].map(([c, n]) => `${c} ${n}`).join(', ')}${legit.told.length ? `; the others were told: ${legit.told.join(' / ')}` : ''} |`,
	);
	stop();
	await target.close();
}

{
	const target = await listen({host: '127.0.0.1', port: 0, codec: 'raw', secret: 'correct horse battery'});
	const until = Date.now() + seconds * 1000;
	const outcomes = new Map<string, number>();
	const checkedAt: number[] = [];
	await Promise.all(
		Array.from({length: 200}, async (_, i) => {
			while (Date.now() < until) {
				const outcome = await guessOnce(target.port, `127.0.10.${i + 1}`, `guess ${i} ${Date.now()}`);
				outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
				if (outcome === 'checked') checkedAt.push(Date.now());
				await sleep(200);
			}
		}),
	);
	const attempts = [...outcomes.values()].reduce((a, b) => a + b, 0);
	const sustained =
		checkedAt.filter((t) => t >= until - seconds * 1000 + 10_000).length / Math.max(1, seconds - 10);
	console.log(
		`| 4: 200 addresses guess --secret for ${seconds} s | ${outcomes.get('checked') ?? 0} guesses checked (${((outcomes.get('checked') ?? 0) / seconds).toFixed(2)}/s; ${sustained.toFixed(2)}/s after the first 10 s) | ${attempts} attempts (${(attempts / seconds).toFixed(0)}/s): ${[...outcomes].map(([o, n]) => `${o} ${n}`).join(', ')} |`,
	);
	await target.close();
}

{
	const relay = await startRelay({host: '127.0.0.1', port: 0});
	const here = {host: '127.0.0.1', port: relay.port};
	const inv = await invite(here);
	let told = 0;
	inv.onWrongCode(() => told++);
	const wrongTag = codeTag(inv.code.words) ^ 0x5a;
	const answers = new Map<string, number>();
	const started = performance.now();
	await Promise.all(
		Array.from({length: 17}, async (_, a) => {
			for (let channel = a + 1; channel <= 999; channel += 17) {
				const code = await joinChannel({...here, localAddress: `127.0.9.${a + 1}`}, channel, wrongTag).then(
					() => 'paired',
					(error: RelayError) => error.code,
				);
				answers.set(code, (answers.get(code) ?? 0) + 1);
			}
		}),
	);
	const sweptMs = performance.now() - started;
	const joiner = await join(here, inv.text);
	const inviter = await inv.call;
	const joined = await Promise.all([reached(joiner, 'in-call'), reached(inviter, 'in-call')]).then(
		() => true,
		() => false,
	);
	joiner.hangUp('bye');
	await Promise.all([ended(joiner), ended(inviter)]).catch(() => undefined);
	console.log(
		`| 2: 17 addresses sweep channels 1-999 with wrong codes, then the invite is joined | ${joined ? 'joined by its code' : 'NOT joined'} | sweep ${(sweptMs / 1000).toFixed(1)} s, answers: ${[...answers].map(([c, n]) => `${c} ${n}`).join(', ')}; the inviter was told of ${told} wrong codes |`,
	);
	await relay.close();
}

{
	// Scaled: a cap of 1000 and 42 addresses x (8 waiting invites + 16 silent connections) = 1008.
	const relay = await startRelay({host: '127.0.0.1', port: 0, limits: {maxConnections: 1000}});
	const here = {host: '127.0.0.1', port: relay.port};
	const until = Date.now() + Math.max(seconds, 20) * 1000;
	const sockets: net.Socket[] = [];
	const invites: Array<{close(): void}> = [];
	const holders = Array.from({length: 42}, async (_, a) => {
		const address = `127.0.12.${a + 1}`;
		for (let i = 0; i < 8; i++) {
			const opened = await openChannel({...here, localAddress: address}, 1).catch(() => undefined);
			if (opened) {
				invites.push(opened);
				opened.paired.catch(() => undefined);
			}
		}
		await Promise.all(
			Array.from({length: 16}, async () => {
				while (Date.now() < until) {
					const socket = await connectFrom(relay.port, address).catch(() => undefined);
					if (!socket) {
						await sleep(100);
						continue;
					}
					socket.on('error', () => undefined);
					sockets.push(socket);
					await holdUntilClosed(socket, until);
					await sleep(50);
				}
			}),
		);
	});
	await sleep(5000);
	let paired = 0;
	const told = new Map<string, number>();
	for (let i = 0; i < 6; i++) {
		try {
			const opened = await openChannel({...here, localAddress: `127.0.13.${i + 1}`}, 0x2a);
			const joined = await joinChannel({...here, localAddress: `127.0.14.${i + 1}`}, opened.channel, 0x2a);
			(await opened.paired).socket.destroy();
			joined.socket.destroy();
			paired++;
		} catch (error) {
			const code = error instanceof RelayError ? error.code : String(error);
			told.set(code, (told.get(code) ?? 0) + 1);
		}
		await sleep(500);
	}
	const stats = relay.stats();
	console.log(
		`| 7: relay cap (scaled to 1000) filled by 42 addresses x 24 connections | ${paired} of 6 pairs made through it | refused: ${Object.entries(
			stats.refused,
		)
			.filter(([, n]) => n > 0)
			.map(([c, n]) => `${c} ${n}`)
			.join(
				', ',
			)}${told.size ? `; the pairs that failed were told ${[...told].map(([c, n]) => `${c} ${n}`).join(', ')}` : ''} |`,
	);
	for (const socket of sockets) socket.destroy();
	for (const invitation of invites) invitation.close();
	await Promise.race([Promise.all(holders), sleep(2000)]);
	await relay.close();
}
process.exit(0);
