/**
 * A facetty listener in its own process, for the hostile suite to attack: two ports (no secret;
 * with the secret "hostile-suite"), raw 16x12 video to every caller, one JSON line on stdout per
 * event so the test can tell how each attack ended. Short timeouts keep the suite quick.
 */
import {loadOpenCv} from '../../source/opencv.js';
import {listen, type Listener} from '../../source/session/connect.js';
import {patternFrame} from '../session/helpers.js';

const options = {
	host: process.env['FACETTY_TEST_HOST'] ?? '127.0.0.1',
	port: 0,
	codec: 'raw' as const,
	handshakeTimeoutMs: 1000,
	idleTimeoutMs: Number(process.env['FACETTY_TEST_IDLE_MS'] ?? 1500),
	// Long, so that a silent peer held for it (rather than the handshake deadline) shows in tests.
	confirmTimeoutMs: 20_000,
	maxWriteBacklogBytes: 8 * 1024 * 1024,
};

const say = (line: object) => process.stdout.write(JSON.stringify(line) + '\n');

function watch(listener: Listener, name: string): void {
	listener.on('rejected', (error, address) =>
		say({
			port: name,
			event: 'rejected',
			from: address.replace(/:\d+$/, ''),
			code: (error as {code?: string}).code ?? null,
			message: error.message,
		}),
	);
	// The picture goes to the listener: callers still in their greeting get it too (the seed
	// format's shape is announced, and its frames sent, before the call is live).
	let index = 0;
	const timer = setInterval(() => listener.sendFrame(patternFrame(16, 12, index++)), 33);
	timer.unref();
	listener.on('call', (call) => {
		say({port: name, event: 'call'});
		call.once('ended', (end) => {
			say({
				port: name,
				event: 'ended',
				code: (end.error as {code?: string})?.code ?? null,
				message: end.reason,
			});
		});
	});
}

// Loaded up front, so the memory baseline includes the library (JPEG cases decode with it).
await loadOpenCv();
const open = await listen(options);
const secret = await listen({...options, secret: 'hostile-suite'});
watch(open, 'open');
watch(secret, 'secret');
say({event: 'ready', open: open.port, secret: secret.port, pid: process.pid});
// The leak check asks for the memory still live after a full collection: unlike resident size,
// it does not keep the high-water marks of the allocator and V8's page pools.
process.on('SIGUSR2', () => {
	(globalThis as {gc?: () => void}).gc?.();
	const usage = process.memoryUsage();
	say({event: 'memory', live: usage.heapUsed + usage.external, rss: usage.rss});
});
process.on('SIGTERM', () => {
	void Promise.all([open.close(), secret.close()]).then(() => process.exit(0));
});
