/**
 * `npm run bench -- room`: rooms of 2, 4 and 8 members on loopback, each member its own process
 * (bench/room-member.ts: the test pattern as camera, sent at the size an 80x24 room screen shows
 * each member, nothing drawn), through one relay in this process.
 *
 * Per row: the frames a second each member receives from each other member (the lowest pair, the
 * median pair), CPU (% of one core) and RSS per member (mean), the bytes a second the relay
 * forwarded, how many pairs' ends moved to a direct connection (the rest stay on the relay), and
 * the longest a member went between two answers to the relay's pings (it pings every 5 s and drops
 * a member silent for 30 s) with the members the relay dropped for it. The machine is shared: the
 * load average is printed beside the table.
 *
 *   FACETTY_BENCH_SECONDS=10   seconds measured per row (after the room settles)
 *   FACETTY_BENCH_ROOMS=2,4,8  the room sizes
 */
import {spawn, type ChildProcess} from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {fileURLToPath} from 'node:url';
import {startRelay} from '../source/relay/server.js';
import {percentile} from '../source/session/stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env['FACETTY_BENCH_SECONDS'] ?? 10);
const sizes = (process.env['FACETTY_BENCH_ROOMS'] ?? '2,4,8').split(',').map(Number);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Line = {
	members: number;
	peers: Array<{name: string; fps_in: number; state: string; via: string}>;
	cpu_ms: number;
	rss: number;
};
type Member = {child: ChildProcess; lines: Array<Line & {at: number}>; code: Promise<string>};

function startMember(where: string, args: string[]): Member {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', path.join(here, 'room-member.ts'), where, ...args],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const lines: Member['lines'] = [];
	let gotCode: (code: string) => void = () => undefined;
	const code = new Promise<string>((resolve) => (gotCode = resolve));
	readline.createInterface({input: child.stdout!}).on('line', (line) => {
		if (line.startsWith('CODE ')) gotCode(line.slice(5));
		else if (line.startsWith('{')) lines.push({...(JSON.parse(line) as Line), at: Date.now()});
	});
	return {child, lines, code};
}

type Row = {
	members: number;
	lowFps: number;
	medianFps: number;
	cpu: number;
	rss: number;
	relayKBps: number;
	/** Pair ends on a direct connection at the end of the window, of all pair ends. */
	direct: string;
	/** The longest gap between a member's answers to the relay, in seconds, and members dropped. */
	answerGap: number;
	dropped: number;
	load: number;
};

async function measure(count: number): Promise<Row> {
	const relay = await startRelay({host: '127.0.0.1', port: 0});
	const where = `127.0.0.1:${relay.port}`;
	const members = [startMember(where, ['create', 'm1', String(count)])];
	const code = await members[0]!.code;
	for (let i = 2; i <= count; i++) members.push(startMember(where, ['join', `m${i}`, String(count), code]));
	// Settled: every member in a call with every other (or 120 s: eight processes start slowly on a loaded machine).
	const settled = Date.now() + 120_000;
	while (Date.now() < settled) {
		const ready = members.every((m) => {
			const last = m.lines.at(-1);
			return (
				last?.peers.length === count - 1 && last.peers.every((p) => p.state === 'in-call' && p.fps_in > 0)
			);
		});
		if (ready) break;
		await sleep(500);
	}
	await sleep(3000);
	const start = Date.now();
	const bytesBefore = relay.stats().bytesRelayed;
	await sleep(seconds * 1000);
	const elapsed = (Date.now() - start) / 1000;
	const relayed = relay.stats().bytesRelayed - bytesBefore;
	const pairFps: number[] = [];
	const cpus: number[] = [];
	const rss: number[] = [];
	let directEnds = 0;
	for (const member of members) {
		directEnds += member.lines.at(-1)?.peers.filter((p) => p.via.startsWith('direct')).length ?? 0;
		const window = member.lines.filter((l) => l.at >= start);
		if (window.length < 2) continue;
		const byPeer = new Map<string, number[]>();
		for (const line of window)
			for (const p of line.peers) byPeer.set(p.name, [...(byPeer.get(p.name) ?? []), p.fps_in]);
		for (const values of byPeer.values()) pairFps.push(values.reduce((a, b) => a + b, 0) / values.length);
		// Pairs that never came count as 0 fps.
		for (let missing = byPeer.size; missing < count - 1; missing++) pairFps.push(0);
		const first = window[0]!;
		const last = window.at(-1)!;
		cpus.push(((last.cpu_ms - first.cpu_ms) / (last.at - first.at)) * 100);
		rss.push(last.rss / 1e6);
	}
	const load = os.loadavg()[0]!;
	const {memberAnswerGapMaxMs, refused} = relay.stats();
	for (const member of members) member.child.kill('SIGTERM');
	await sleep(1500);
	for (const member of members) member.child.kill('SIGKILL');
	await relay.close();
	const sorted = [...pairFps].sort((a, b) => a - b);
	const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
	return {
		members: count,
		lowFps: sorted[0] ?? 0,
		medianFps: percentile(sorted, 50) ?? 0,
		cpu: mean(cpus),
		rss: mean(rss),
		relayKBps: relayed / elapsed / 1000,
		direct: `${directEnds}/${count * (count - 1)}`,
		answerGap: memberAnswerGapMaxMs / 1000,
		dropped: refused.silent,
		load,
	};
}

const rows: Row[] = [];
for (const count of sizes) {
	const row = await measure(count);
	rows.push(row);
	console.log(`${count} members measured; load average ${row.load.toFixed(2)}`);
}
const header =
	'| members | fps from each other: lowest pair | median pair | CPU per member | RSS per member | relay | pair ends direct | answers to the relay: longest gap, dropped | load |';
console.log(`\n${header}\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const r of rows) {
	console.log(
		`| ${r.members} | ${r.lowFps.toFixed(1)} | ${r.medianFps.toFixed(1)} | ${r.cpu.toFixed(0)}% | ${r.rss.toFixed(0)} MB | ${r.relayKBps.toFixed(0)} kB/s | ${r.direct} | ${r.answerGap.toFixed(1)} s, ${r.dropped} | ${r.load.toFixed(1)} |`,
	);
}
