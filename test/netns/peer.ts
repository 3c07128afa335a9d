/**
 * One actor of the NAT test, run inside a namespace (`ip netns exec NS node --import tsx
 * test/netns/peer.ts ...`); it reports JSON lines on stdout:
 *
 *   relay RELAY_PORT PROXY_PORT RECORD  the relay, behind a proxy that records every byte both ways
 *                                       into RECORD (and the addresses that connected) until SIGTERM
 *   invite HOST:PORT SECONDS            invite, then a call sending media/clip.mp4, showing 160x96
 *   join HOST:PORT CODE SECONDS         join by code, the same call
 *                                       (both move to a direct connection when they can: "direct")
 *   serve PORT                          a plain TCP server (something a home could be called at)
 *   probe HOST PORT                     whether a TCP connection to HOST:PORT is made within 2 s
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {invite, join} from '../../source/invite/session.js';
import {startRelay} from '../../source/relay/server.js';
import type {Call} from '../../source/session/call.js';
import {openSource} from '../../source/sources/index.js';

const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const [mode, ...args] = process.argv.slice(2);
const clip = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'media', 'clip.mp4');

function relayAddress(text: string) {
	const [host, port] = text.split(':');
	return {host: host!, port: Number(port)};
}

/** Calls that replace the first one (the move to direct), to runCall once it is ready. */
function moves() {
	let deliver: ((next: Call) => void) | undefined;
	const early: Call[] = [];
	return {
		onDirect: (next: Call) => (deliver ? deliver(next) : early.push(next)),
		follow(moved: (next: Call) => void) {
			deliver = moved;
			early.splice(0).forEach(moved);
		},
	};
}
const move = moves();

async function runCall(first: Call, seconds: number): Promise<void> {
	const source = openSource(clip, {fps: 30});
	const fps: number[][] = [];
	let frames = {in: 0, out: 0};
	let current = first;
	let finished: () => void = () => undefined;
	const ended = new Promise<void>((resolve) => (finished = resolve));
	let hangUpTimer: NodeJS.Timeout | undefined;
	let counted = {in: 0, out: 0};
	const watch = (call: Call) => {
		call.on('security', (security) => say({event: 'security', ...security}));
		call.on('stats', (stats) => {
			if (call !== current) return;
			if (stats.state === 'in-call') fps.push([stats.fps_in, stats.fps_out]);
			frames = {in: counted.in + stats.frames_in, out: counted.out + stats.frames_out};
		});
		call.once('ended', ({reason, error}) => {
			if (call !== current) return;
			// The first second is the start; the rest is the call's steady rate.
			const steady = fps.slice(1);
			const mean = (i: number) => steady.reduce((sum, f) => sum + f[i]!, 0) / Math.max(1, steady.length);
			say({
				event: 'ended',
				reason,
				error: error?.message,
				fpsIn: mean(0),
				fpsOut: mean(1),
				framesIn: frames.in,
				framesOut: frames.out,
				seconds: steady.length,
			});
			finished();
		});
	};
	watch(first);
	first.on('state', (state) => {
		if (state !== 'in-call') return;
		say({event: 'in-call', sas: first.security.sas, address: first.remoteAddress});
		hangUpTimer = setTimeout(() => current.hangUp('time is up'), seconds * 1000);
	});
	move.follow((next) => {
		counted = frames;
		current = next;
		watch(next);
		say({event: 'direct', sas: next.security.sas, address: next.remoteAddress});
	});
	source.onFrame((frame) => current.sendFrame(frame));
	await source.start();
	await ended;
	clearTimeout(hangUpTimer);
	await source.stop();
}

const options = {shownSize: {width: 160, height: 96}, name: mode ?? ''};

switch (mode) {
	case 'relay': {
		const [relayPort, proxyPort, record] = args;
		const relay = await startRelay({host: '127.0.0.1', port: Number(relayPort)});
		const chunks: Buffer[] = [];
		const addresses: string[] = [];
		const proxy = net.createServer((client) => {
			addresses.push(client.remoteAddress ?? '?');
			const upstream = net.connect({host: '127.0.0.1', port: relay.port});
			client.on('data', (chunk) => chunks.push(Buffer.from(chunk)));
			upstream.on('data', (chunk) => chunks.push(Buffer.from(chunk)));
			client.pipe(upstream).pipe(client);
			client.on('error', () => upstream.destroy());
			upstream.on('error', () => client.destroy());
		});
		await new Promise<void>((resolve) => proxy.listen(Number(proxyPort), '0.0.0.0', resolve));
		process.once('SIGTERM', () => {
			fs.writeFileSync(record!, Buffer.concat(chunks));
			fs.writeFileSync(`${record}.addresses`, addresses.join('\n'));
			say({event: 'recorded', bytes: chunks.reduce((n, c) => n + c.length, 0), stats: relay.stats()});
			process.exit(0);
		});
		say({event: 'ready'});
		break;
	}
	case 'invite': {
		const made = await invite(relayAddress(args[0]!), options, move.onDirect);
		say({event: 'code', text: made.text});
		try {
			await runCall(await made.call, Number(args[1]));
		} catch (error) {
			say({event: 'ended', error: (error as Error).message});
		}
		break;
	}
	case 'join': {
		try {
			await runCall(await join(relayAddress(args[0]!), args[1]!, options, move.onDirect), Number(args[2]));
		} catch (error) {
			say({event: 'ended', error: (error as Error).message});
		}
		break;
	}
	case 'serve': {
		net
			.createServer((socket) => socket.end('hello from home\n'))
			.listen(Number(args[0]), '0.0.0.0', () => say({event: 'ready'}));
		break;
	}
	case 'probe': {
		const socket = net.connect({host: args[0], port: Number(args[1])});
		const done = (reachable: boolean, why: string) => {
			say({event: 'probe', reachable, why});
			socket.destroy();
			process.exit(0);
		};
		// Reachable: the TCP handshake completed (an answer is not needed: the relay waits for a request).
		socket.setTimeout(2000, () => done(false, 'timeout'));
		socket.once('connect', () => done(true, 'connected'));
		socket.once('error', (error) => done(false, error.message));
		break;
	}
	default:
		process.stderr.write(`unknown mode ${mode}\n`);
		process.exit(2);
}
