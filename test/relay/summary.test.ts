import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openChannel} from '../../source/relay/client.js';
import {startRelay} from '../../source/relay/server.js';

test("the relay's summary counts in words: 1 channel, not 1 channels", async () => {
	const relay = await startRelay({host: '127.0.0.1', port: 0, log: () => undefined});
	try {
		assert.match(
			relay.summary(),
			/^relay: 0 channels waiting, 0 calls, 0 paired and 0 ended so far, 0 connections,/,
		);
		const invitation = await openChannel({host: '127.0.0.1', port: relay.port}, 0x10);
		invitation.paired.catch(() => undefined);
		assert.match(relay.summary(), /^relay: 1 channel waiting, 0 calls, .*, 1 connection,/);
		invitation.close();
	} finally {
		await relay.close();
	}
});
