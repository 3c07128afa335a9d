/**
 * What room tests share: a proxy in front of the relay that plays the network (it cuts and stalls
 * links), and a member in a process of its own that a test can freeze.
 */
import {type ChildProcess, spawn} from 'node:child_process';
import net from 'node:net';
import readline from 'node:readline';
import type {TestContext} from 'node:test';
import {fileURLToPath} from 'node:url';
import {startRelay, type RelayLimits} from '../../source/relay/server.js';
import {joinCode} from '../../source/room/join.js';
import {createRoom, type Room} from '../../source/room/room.js';
import {patternFrame} from '../session/helpers.js';

const memberScript = fileURLToPath(new URL('member-process.ts', import.meta.url));

/**
 * A member in its own process (member-process.ts) joining the room by `code` through the relay on
 * `port`; each JSON line it prints goes to `onLine`. Killed in t.after (SIGKILL ends a stopped
 * process too).
 */
export function memberProcess(
	t: TestContext,
	port: number,
	code: string,
	name: string,
	onLine: (line: Record<string, unknown>) => void,
): ChildProcess {
	const child = spawn(process.execPath, ['--import', 'tsx', memberScript, `127.0.0.1:${port}`, code, name], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	t.after(() => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	});
	readline.createInterface({input: child.stdout!}).on('line', (line) => {
		if (line.startsWith('{')) onLine(JSON.parse(line) as Record<string, unknown>);
	});
	return child;
}

/** A proxy to the relay that knows each connection's request line and can cut them. */
export async function cuttingProxy(target: {host: string; port: number}) {
	const open: Array<{line: string; ends: [net.Socket, net.Socket]}> = [];
	let dead = false;
	const server = net.createServer((client) => {
		client.on('error', () => undefined);
		if (dead) {
			client.destroy();
			return;
		}
		const upstream = net.connect(target);
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
		client.on('close', () => upstream.destroy());
		upstream.on('close', () => client.destroy());
		const entry = {line: '', ends: [client, upstream] as [net.Socket, net.Socket]};
		open.push(entry);
		client.once('data', (chunk: Buffer) => {
			entry.line = chunk.toString('latin1').split('\n')[0]!;
		});
		client.pipe(upstream).pipe(client);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	const cut = (match: (line: string) => boolean) => {
		for (const entry of open) if (match(entry.line)) for (const end of entry.ends) end.destroy();
	};
	/** `FTYR1 link <channel> <id> <peer> <key>`: the link is member id's end of its pair with peer. */
	const linkOf = (line: string) => {
		const [, kind, , id, peer] = line.split(' ');
		return kind === 'link' ? {id: Number(id), peer: Number(peer)} : undefined;
	};
	return {
		address: {host: '127.0.0.1', port},
		/** Cuts every connection whose request line matches (both ends). */
		cut,
		/** Cuts the links between members a and b (both ends), as a path that fails mid-call. */
		cutPair(a: number, b: number) {
			cut((line) => {
				const link = linkOf(line);
				return link !== undefined && [link.id, link.peer].sort().join() === [a, b].sort().join();
			});
		},
		/**
		 * The links between members a and b stop carrying bytes both ways and stay open (no FIN, no
		 * reset): a path that went silent, as a dropping firewall or a dead NAT mapping leaves it.
		 */
		silencePair(a: number, b: number) {
			for (const entry of open) {
				const link = linkOf(entry.line);
				if (link === undefined || [link.id, link.peer].sort().join() !== [a, b].sort().join()) continue;
				const [client, upstream] = entry.ends;
				client.unpipe(upstream);
				upstream.unpipe(client);
				client.pause();
				upstream.pause();
			}
		},
		/**
		 * Member `id` stops reading what `peer` sends it on their link (a reader that stopped): the
		 * bytes wait in the proxy's and the kernel's buffers, then back up to the sender.
		 */
		stopReading(id: number, peer: number) {
			for (const entry of open) {
				const link = linkOf(entry.line);
				if (link?.id !== id || link.peer !== peer) continue;
				const [client, upstream] = entry.ends;
				upstream.unpipe(client);
				upstream.pause();
			}
		},
		/** Every connection through this proxy, now and later: the machine went away. */
		vanish() {
			dead = true;
			cut(() => true);
		},
		close: () => server.close(),
	};
}

/**
 * A relay (with these limits) and two members of one room in this process, Ada and Bo, each
 * counting the frames it gets from each member (`seen`); with `camera`, both send a test pattern
 * ten times a second. Everything is stopped in t.after.
 */
export async function twoMembersAtRelay(
	t: TestContext,
	options: {limits?: Partial<RelayLimits>; camera?: boolean} = {},
) {
	const relay = await startRelay({host: '127.0.0.1', port: 0, limits: options.limits});
	t.after(() => relay.close());
	const address = {host: '127.0.0.1', port: relay.port};
	const first = await createRoom(address, {name: 'Ada'});
	t.after(() => first.leave());
	const second = ((await joinCode(address, first.text, {name: 'Bo'})) as {room: Room}).room;
	t.after(() => second.leave());
	const rooms = [first, second];
	const seen = rooms.map(() => new Map<number, number>());
	rooms.forEach((room, i) => room.on('frame', (id) => seen[i]!.set(id, (seen[i]!.get(id) ?? 0) + 1)));
	if (options.camera ?? true) {
		let index = 0;
		const camera = setInterval(() => {
			index++;
			for (const room of rooms) room.sendFrame(patternFrame(32, 24, index));
		}, 100);
		t.after(() => clearInterval(camera));
	}
	return {relay, address, first, second, rooms, seen};
}
