/**
 * `facetty relay [--host H] [--port P]`: a relay for calls by invite code, until Ctrl-C. It logs
 * counts once a minute (channels, calls, bytes, refusals), never addresses or content.
 */
import {listenFailure} from '../net/address.js';
import {startRelay, type RelayOptions} from '../relay/server.js';

export async function runRelay(
	command: {host: string; port: number},
	out: NodeJS.WritableStream = process.stderr,
	extra: Partial<RelayOptions> = {},
): Promise<number> {
	const log = (line: string) => out.write(`${new Date().toISOString()} ${line}\n`);
	let relay;
	try {
		relay = await startRelay({host: command.host, port: command.port, log, ...extra});
	} catch (error) {
		out.write(`facetty relay: ${listenFailure(error, command.host, command.port)}\n`);
		return 1;
	}
	log(
		`relay: listening on ${command.host}:${relay.port} (invite and join with --relay THIS-HOST:${relay.port})`,
	);
	const running = relay;
	await new Promise<void>((resolve) => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
	log(running.summary());
	log('relay: closing');
	await running.close();
	return 0;
}
