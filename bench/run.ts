/**
 * `npm run bench [-- name ...]`: runs every bench/*.bench.ts (or the named ones) one after the
 * other, each in its own process so one's memory and JIT state do not colour the next. Each prints
 * its own table.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const all = fs
	.readdirSync(benchDir)
	.filter((name) => name.endsWith('.bench.ts'))
	.sort();
const chosen = wanted.length === 0 ? all : all.filter((name) => wanted.some((w) => name.startsWith(w)));
if (chosen.length === 0) {
	console.error(`No benchmark matches ${wanted.join(' ')}; there are: ${all.join(', ')}`);
	process.exit(1);
}
let failed = 0;
for (const name of chosen) {
	console.log(`\n## ${name.replace('.bench.ts', '')}\n`);
	const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, name)], {
		stdio: 'inherit',
	});
	if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
