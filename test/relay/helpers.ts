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
