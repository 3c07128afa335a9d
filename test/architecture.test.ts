import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const map = fs.readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
const named = [...map.matchAll(/`((?:source|docs|test)\/[^`\s]+)`/g)].map((match) => match[1]!);

test('every file docs/architecture.md names exists', () => {
	assert.ok(named.length > 40, `the map names ${named.length} files`);
	const missing = named.filter((file) => !fs.existsSync(path.join(root, file)));
	assert.deepEqual(missing, []);
});

test('docs/architecture.md places every directory of source/', () => {
	const directories = fs
		.readdirSync(path.join(root, 'source'), {withFileTypes: true})
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name);
	const placed = new Set(named.map((file) => file.split('/')[1]));
	assert.deepEqual(
		directories.filter((directory) => !placed.has(directory)),
		[],
	);
});
