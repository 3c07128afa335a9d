/**
 * What --secret costs at the start of a call: CPace (ristretto255, SHA-512) per side, cold (the
 * first run in a fresh process, as every call is) and warm; the whole auth exchange over loopback
 * TLS with and without a secret; and, for comparison, the scrypt (N=2^15, r=8, p=1) that the
 * shared-secret check used before the PAKE, once per side per call.
 */
import crypto from 'node:crypto';
import net from 'node:net';
import type tls from 'node:tls';
import {authenticate, startTls} from '../source/session/secure.js';
import {confirmationTag, startCpace} from '../source/trust/cpace.js';
import {ephemeralIdentity} from '../source/trust/identity.js';

const runs = Number(process.env['BENCH_RUNS'] ?? 100);
const encoder = new TextEncoder();

function bothSides(): void {
	const sid = crypto.randomBytes(32);
	const inputs = {prs: encoder.encode('kettle violet orbit'), ci: encoder.encode('ci'), sid};
	const ours = startCpace({...inputs, role: 'initiator'});
	const theirs = startCpace({...inputs, role: 'responder'});
	for (const [side, peer] of [
		[ours, theirs],
		[theirs, ours],
	] as const) {
		const {isk, transcript} = side.finish(peer.share);
		confirmationTag(isk, sid, transcript, 'initiator');
		confirmationTag(isk, sid, transcript, 'responder');
	}
}

function time(run: () => void): number {
	const started = performance.now();
	run();
	return performance.now() - started;
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await run();
	return performance.now() - started;
}

function stats(samples: number[]): {p50: number; p95: number; n: number} {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		p50: sorted[Math.floor(sorted.length / 2)]!,
		p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!,
		n: sorted.length,
	};
}

// Cold: the first run pays for module JIT and the curve's precomputed tables. bothSides() is what
// the two peers compute together; each peer does half of it.
const cold = time(bothSides);

const warm: number[] = [];
for (let i = 0; i < runs; i++) warm.push(time(bothSides));

const scryptSamples: number[] = [];
for (let i = 0; i < 10; i++) {
	scryptSamples.push(
		await timeAsync(
			() =>
				new Promise((resolve, reject) =>
					crypto.scrypt(
						'kettle violet orbit',
						crypto.randomBytes(32),
						32,
						{N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024},
						(error, key) => (error ? reject(error) : resolve(key)),
					),
				),
		),
	);
}

/** A TLS pair on loopback, both ends paused after the handshake. */
async function tlsPair(): Promise<{
	caller: tls.TLSSocket;
	accepter: tls.TLSSocket;
	ids: ReturnType<typeof ephemeralIdentity>[];
}> {
	const ids = [ephemeralIdentity(), ephemeralIdentity()];
	let accepterSide: Promise<tls.TLSSocket> | undefined;
	const server = net.createServer({pauseOnConnect: true}, (socket) => {
		accepterSide = startTls(socket, 'accepter', ids[1]!, Buffer.alloc(0), 5000);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const raw = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
	raw.pause();
	await new Promise((resolve) => raw.once('connect', resolve));
	const caller = await startTls(raw, 'caller', ids[0]!, Buffer.alloc(0), 5000);
	const accepter = await accepterSide!;
	server.close();
	return {caller, accepter, ids};
}

async function authSamples(secret: string | undefined): Promise<number[]> {
	const samples: number[] = [];
	for (let i = 0; i < Math.min(runs, 50); i++) {
		const {caller, accepter, ids} = await tlsPair();
		samples.push(
			await timeAsync(() =>
				Promise.all([
					authenticate(caller, 'caller', ids[0]!, secret, 5000),
					authenticate(accepter, 'accepter', ids[1]!, secret, 5000),
				]),
			),
		);
		caller.destroy();
		accepter.destroy();
	}
	return samples;
}

const noSecret = stats(await authSamples(undefined));
const withSecret = stats(await authSamples('kettle violet orbit'));
const warmStats = stats(warm);
const scryptStats = stats(scryptSamples);

console.log(`${runs} warm runs; cold = the first run in this process.\n`);
console.log('| what | p50 ms | p95 ms | runs |');
console.log('|---|---|---|---|');
const row = (what: string, s: {p50: number; p95: number; n: number}) =>
	console.log(`| ${what} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.n} |`);
console.log(`| CPace, both sides' computation, cold (first in process) | ${cold.toFixed(1)} | | 1 |`);
row("CPace, both sides' computation (per side: generator, share, K, ISK, 2 tags), warm", warmStats);
row('auth exchange over loopback TLS, no secret (both sides)', noSecret);
row('auth exchange over loopback TLS, --secret = CPace + confirm (both sides)', withSecret);
row('scrypt N=2^15 r=8 p=1: the former --secret key, per side', scryptStats);
