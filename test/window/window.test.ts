import assert from 'node:assert/strict';
import {test} from 'node:test';
import {missingDisplay, openPeerWindow} from '../../source/window/window.js';

test('--window without a display says so in one sentence, and opens nothing', async () => {
	assert.match(missingDisplay({}, 'linux') ?? '', /No display for --window/);
	assert.equal(missingDisplay({DISPLAY: ':0'}, 'linux'), undefined);
	assert.equal(missingDisplay({WAYLAND_DISPLAY: 'wayland-0'}, 'linux'), undefined);
	assert.equal(missingDisplay({}, 'darwin'), undefined);
	const notices: string[] = [];
	const window = await openPeerWindow({onNotice: (text) => notices.push(text), env: {}, platform: 'linux'});
	assert.equal(window, undefined);
	assert.equal(notices.length, 1);
});
