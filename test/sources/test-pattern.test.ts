import assert from 'node:assert/strict';
import {test} from 'node:test';
import {drawTestPattern} from '../../source/sources/test-pattern.js';

test('the test pattern is deterministic, sized, and moves', () => {
	const a = drawTestPattern(64, 48, 1);
	const b = drawTestPattern(64, 48, 1);
	const later = drawTestPattern(64, 48, 1.5);
	assert.equal(a.length, 64 * 48 * 3);
	assert.deepEqual(a, b);
	let changed = 0;
	for (let index = 0; index < a.length; index++) if (a[index] !== later[index]) changed++;
	assert.ok(changed > a.length / 10, `only ${changed} bytes changed in half a second`);
});

test('the test pattern has fine gradients: many distinct colours', () => {
	const data = drawTestPattern(160, 120, 0);
	const colours = new Set<number>();
	for (let index = 0; index < data.length; index += 3)
		colours.add((data[index]! << 16) | (data[index + 1]! << 8) | data[index + 2]!);
	assert.ok(colours.size > 2000, `only ${colours.size} colours`);
});

test('tiny sizes do not break it', () => {
	assert.equal(drawTestPattern(1, 1, 0).length, 3);
	assert.equal(drawTestPattern(2, 1, 3).length, 6);
});
