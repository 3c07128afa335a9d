/**
 * End to end: `facetty invite` in tmux, waiting for the other side: q or Esc cancels it at once,
 * and neither is echoed (they used to show as `q^[` while only Ctrl+C cancelled).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {startRelay} from '../../source/relay/server.js';
import {facettyCommand, Tmux, tmuxMissing} from './tmux.js';

const skip = tmuxMissing();
const configRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-e2e-invite-'));
after(() => fs.rmSync(configRoot, {recursive: true, force: true}));

for (const [key, name] of [
	['q', 'q'],
	['Escape', 'Esc'],
] as const) {
	test(
		`facetty invite waiting for the other side: ${name} cancels, without an echo`,
		{skip, timeout: 60_000},
		async () => {
			const relay = await startRelay({host: '127.0.0.1', port: 0, log: () => undefined});
			const tmux = new Tmux();
			try {
				tmux.start(
					'invite',
					`env XDG_CONFIG_HOME=${configRoot} ${facettyCommand()} invite --relay 127.0.0.1:${relay.port} --camera test; echo INVITE-EXIT $?; sleep 60`,
					100,
					20,
				);
				await tmux.waitFor('invite', (t) => t.includes('(q or Esc cancels)'), 20_000, 'the invite code');
				assert.equal(relay.stats().channelsWaiting, 1);
				tmux.keys('invite', key);
				const text = await tmux.waitFor(
					'invite',
					(t) => t.includes('INVITE-EXIT'),
					10_000,
					'the invite ending',
				);
				assert.match(text, /cancelled; the code no longer works/);
				assert.match(text, /INVITE-EXIT 0/);
				assert.doesNotMatch(text, /\^\[|Waiting for them\.\.\. \(q or Esc cancels\)q/);
				// The relay sees the invite's connection close a moment after the process has gone.
				const end = Date.now() + 5000;
				while (relay.stats().channelsWaiting > 0 && Date.now() < end)
					await new Promise((go) => setTimeout(go, 50));
				assert.equal(relay.stats().channelsWaiting, 0, 'the channel closed');
			} finally {
				tmux.kill();
				await relay.close();
			}
		},
	);
}
