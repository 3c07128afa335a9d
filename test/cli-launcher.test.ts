import assert from 'node:assert/strict';
import fs from 'node:fs';
import {test} from 'node:test';

test("cli.js's first line fits the 127 bytes Linux before 5.1 reads of it, and names node with its flags", () => {
	const first = fs.readFileSync(new URL('../source/cli.tsx', import.meta.url), 'utf8').split('\n')[0]!;
	assert.ok(Buffer.byteLength(first) <= 127, `${Buffer.byteLength(first)} bytes: ${first}`);
	assert.match(first, /^#!\/usr\/bin\/env -S (\w+=\S+ )*node( --[\w-]+=\S+)*$/);
});

test("npm start runs node with the first line's flags (they are not read from it there)", () => {
	const first = fs.readFileSync(new URL('../source/cli.tsx', import.meta.url), 'utf8').split('\n')[0]!;
	const flags = first.match(/ node((?: --[\w-]+=\S+)*)$/)![1]!.trim();
	const scripts = (
		JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
			scripts: Record<string, string>;
		}
	).scripts;
	assert.equal(scripts['start'], `node ${flags} dist/cli.js demo`);
});
