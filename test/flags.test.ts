import assert from 'node:assert/strict';
import fs from 'node:fs';
import {test} from 'node:test';
import {flagTable, kebab} from '../source/flags.js';

const commands = ['listen', 'call', 'invite', 'join', 'preview', 'play', 'demo', 'relay'];
const scope = new RegExp(`^((?:${commands.join('|')})(?:, (?:${commands.join('|')}))*): `);

/** How --help writes a flag, without its dashes and value: "no-pace", "peer-key". */
function written(name: string): string {
	const spec = flagTable[name as keyof typeof flagTable] as {usage?: string};
	return (spec.usage ?? `--${kebab(name)}`).split(' ')[0]!.replace(/^--/, '');
}

/** The readme's flag table: flag name -> its meaning, as a user reads it. */
function readmeFlags(): Map<string, string> {
	const readme = fs.readFileSync(new URL('../readme.md', import.meta.url), 'utf8');
	const rows = new Map<string, string>();
	for (const line of readme.split('\n')) {
		const match = /^\| `--([a-z-]+)[^`]*` +\| (.*?) *\|$/.exec(line);
		if (match) rows.set(match[1]!, match[2]!);
	}
	return rows;
}

test("the readme's flag table has every flag of facetty --help, and no other", () => {
	const documented = [...readmeFlags().keys()].sort();
	const known = Object.keys(flagTable).map(written).sort();
	assert.deepEqual(documented, known);
});

test("where the readme's flag table names the commands a flag is for, they are the ones that take it", () => {
	const specs = new Map(
		Object.entries(flagTable).map(([name, spec]) => [written(name), spec.for as readonly string[]]),
	);
	for (const [flag, meaning] of readmeFlags()) {
		const named = scope.exec(meaning)?.[1];
		if (!named) continue;
		assert.deepEqual(named.split(', ').sort(), [...(specs.get(flag) ?? [])].sort(), `--${flag}: "${named}"`);
	}
});
