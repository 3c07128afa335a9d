import net from 'node:net';
import {after, before} from 'node:test';
import {startRelay, type RelayServer} from '../../source/relay/server.js';

/**
 * A relay on a free loopback port for the whole test file: started before its tests, closed after.
 * The address's port is filled in when the relay is up, so tests read it when they run.
 */
export function relayForThisFile(): {host: string; port: number} {
	const address = {host: '127.0.0.1', port: 0};
	let relay: RelayServer | undefined;
	before(async () => {
		relay = await startRelay({host: address.host, port: 0});
		address.port = relay.port;
	});
	after(() => relay?.close());
	return address;
}

/** A relay in front of the relay that keeps a copy of every byte both ways. */
export async function recordingProxy(target: {host: string; port: number}) {
	const seen: Buffer[] = [];
	const server = net.createServer((client) => {
		const upstream = net.connect(target);
		client.on('data', (chunk) => seen.push(Buffer.from(chunk)));
		upstream.on('data', (chunk) => seen.push(Buffer.from(chunk)));
		client.pipe(upstream).pipe(client);
		client.on('error', () => upstream.destroy());
		upstream.on('error', () => client.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	return {address: {host: '127.0.0.1', port}, bytes: () => Buffer.concat(seen), close: () => server.close()};
}
