import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {flagTable, type FlagSpec} from '../source/flags.js';
import {commandTable, flagUsage} from '../source/help.js';
import {manPage} from '../source/man-page.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	version: string;
	man: string[];
	scripts: {build: string};
};
// .ci/run installs man-db: under CI a missing man fails the test instead of skipping it.
const noMan = process.env['CI'] !== 'true' && spawnSync('sh', ['-c', 'command -v man']).status !== 0;

test('package.json installs the man page the build writes, made from the flag table', () => {
	// An array: npm links a man page given as a string only after normalising package.json, which a
	// global install of a tarball does not do.
	assert.deepEqual(manifest.man, ['./dist/facetty.1']);
	assert.match(manifest.scripts.build, /write-man-page/);
	const built = path.join(root, manifest.man[0]!);
	assert.ok(fs.existsSync(built), 'dist/facetty.1 is built (npm run build)');
	assert.equal(fs.readFileSync(built, 'utf8'), manPage(manifest.version));
});

test(
	'man -l renders the page, without a warning, with every command and flag',
	{skip: noMan && 'man is not installed'},
	() => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-man-')), 'facetty.1');
		fs.writeFileSync(file, manPage(manifest.version));
		const shown = spawnSync('man', ['--warnings', '-l', file], {
			encoding: 'utf8',
			env: {...process.env, MANWIDTH: '100', MAN_KEEP_FORMATTING: '', PAGER: 'cat', MANPAGER: 'cat'},
		});
		fs.rmSync(path.dirname(file), {recursive: true, force: true});
		assert.equal(shown.status, 0, shown.stderr);
		assert.equal(shown.stderr, '');
		// Bold and underline come as overstrikes when man writes to a pipe.
		const text = shown.stdout.replace(/.\x08/g, '');
		assert.match(text, /^FACETTY\(1\)/);
		assert.match(text, /facetty - video chat without voice, in your terminal/);
		for (const {usage} of Object.values(commandTable)) assert.ok(text.includes(`facetty ${usage}`), usage);
		for (const [name, spec] of Object.entries(flagTable) as Array<[string, FlagSpec]>) {
			assert.match(
				text,
				new RegExp(`^ +${flagUsage(name, spec).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`, 'm'),
			);
		}
		assert.match(text, /--peer-key SHA256:…/, 'UTF-8 survives');
		assert.match(text, /^SECURITY$/m);
	},
);
