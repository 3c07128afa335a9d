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
 * `BENCH_SECONDS` (default 30) is each attack's length.
 */
import net from 'node:net';
import {dial, listen, readExactly, type Listener} from '../source/session/connect.js';
import {authenticate, startTls} from '../source/session/secure.js';
import {percentile} from '../source/session/stats.js';
import {ephemeralIdentity} from '../source/trust/identity.js';
import {ended, feedListener, nextFrames, patternFrame} from '../test/session/helpers.js';

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
