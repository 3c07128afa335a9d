import assert from 'node:assert/strict';
import {test} from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {asError, errorMessage, errorReport} from '../../source/text/error-message.js';

test('whatever was thrown reads as a message, and becomes an Error where one is needed', () => {
	assert.equal(errorMessage(new RangeError('too far')), 'too far');
	assert.equal(errorMessage('a string'), 'a string');
	assert.equal(errorMessage(42), '42');
	const error = new Error('kept');
	assert.equal(asError(error), error);
	assert.equal(asError('thrown text').message, 'thrown text');
});

test('an object thrown with a message reads as that message; a crash report keeps the stack', () => {
	assert.equal(errorMessage({message: 'cannot open camera'}), 'cannot open camera');
	assert.equal(errorMessage(null), 'null');
	assert.equal(asError({message: 'from a binding'}).message, 'from a binding');
	const error = new Error('boom');
	assert.equal(errorReport(error), error.stack);
	assert.equal(errorReport('text'), 'text');
});

test('what was thrown becomes a message in one place: no other file turns an error into text itself', () => {
	const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../source');
	const home = path.join(root, 'text/error-message.ts');
	const copies: string[] = [];
	for (const file of fs.readdirSync(root, {recursive: true, encoding: 'utf8'})) {
		const full = path.join(root, file);
		if (!/\.tsx?$/.test(file) || full === home) continue;
		const text = fs.readFileSync(full, 'utf8');
		// `x instanceof Error ? x.message : String(x)` and its kin (stack, new Error(String(x))).
		for (const match of text.matchAll(/instanceof Error \?[^;]*(message|stack|String\()/g))
			copies.push(`${file}: ${match[0]}`);
	}
	assert.deepEqual(copies, []);
});
