import assert from 'node:assert/strict';
import net from 'node:net';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {runRelay} from '../../source/commands/relay.js';

test('a relay on a port in use says so in words, not as EADDRINUSE', async () => {
	const holder = net.createServer();
	await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
	const {port} = holder.address() as net.AddressInfo;
	const out = new PassThrough();
	let text = '';
	out.on('data', (chunk: Buffer) => (text += chunk.toString()));
	try {
		const code = await runRelay({host: '127.0.0.1', port}, out);
		assert.equal(code, 1);
		assert.match(text, /already listens there; choose another port with --port/);
		assert.doesNotMatch(text, /EADDRINUSE/);
	} finally {
		holder.close();
	}
});
