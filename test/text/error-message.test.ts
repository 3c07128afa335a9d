import assert from 'node:assert/strict';
import {test} from 'node:test';
import {asError, errorMessage} from '../../source/text/error-message.js';

test('whatever was thrown reads as a message, and becomes an Error where one is needed', () => {
	assert.equal(errorMessage(new RangeError('too far')), 'too far');
	assert.equal(errorMessage('a string'), 'a string');
	assert.equal(errorMessage(42), '42');
	const error = new Error('kept');
	assert.equal(asError(error), error);
	assert.equal(asError('thrown text').message, 'thrown text');
});
