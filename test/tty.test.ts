import assert from 'node:assert/strict';
import {test} from 'node:test';
import {interactiveTerminal} from '../source/tty.js';

test('a screen needs both ends to be terminals: either one a pipe means plain lines', () => {
	assert.equal(interactiveTerminal({isTTY: true}, {isTTY: true}), true);
	assert.equal(interactiveTerminal({isTTY: true}, {isTTY: false}), false);
	assert.equal(interactiveTerminal({}, {isTTY: true}), false);
});
