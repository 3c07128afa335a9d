import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {completionScript} from '../source/completion.js';
import {commandNames, kebab} from '../source/flags.js';
import {flagsOf} from '../source/help.js';
import {needsTool} from './tools.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-completion-'));
process.on('exit', () => fs.rmSync(work, {recursive: true, force: true}));

function has(tool: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

/** What bash offers for a command line whose last word is being typed (the script sourced). */
function bashCompletes(...words: string[]): string[] {
	const script = path.join(work, 'facetty.bash');
	fs.writeFileSync(script, completionScript('bash'));
	const quoted = words.map((word) => `'${word}'`).join(' ');
	const out = execFileSync(
		'bash',
		[
			'--norc',
			'-c',
			`source ${script}
complete -p facetty
COMP_WORDS=(${quoted}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); COMP_LINE="\${COMP_WORDS[*]}"; COMP_POINT=\${#COMP_LINE}
_facetty facetty "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"`,
		],
		{encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '..')},
	);
	const [registered, ...offered] = out.trimEnd().split('\n');
	assert.match(registered!, /^complete -F _facetty facetty$/);
	return offered.filter(Boolean).sort();
}

test('facetty completion bash loads in bash and completes the commands', () => {
	assert.deepEqual(bashCompletes('facetty', 'li'), ['listen']);
	assert.deepEqual(bashCompletes('facetty', ''), [...commandNames].sort());
	assert.deepEqual(bashCompletes('facetty', 'completion', ''), ['bash', 'fish', 'zsh']);
	assert.deepEqual(bashCompletes('facetty', '--'), ['--help', '--version']);
});

test("bash completes each command's own flags and no other, and the values it knows", () => {
	for (const command of commandNames) {
		const expected = [
			...flagsOf(command).map(([name, spec]) =>
				spec.type === 'boolean' && spec.default === true ? `--no-${kebab(name)}` : `--${kebab(name)}`,
			),
			'--help',
		].sort();
		assert.deepEqual(bashCompletes('facetty', command, '--'), expected, command);
	}
	assert.deepEqual(bashCompletes('facetty', 'listen', '--p'), ['--peer-key', '--port', '--protocol']);
	assert.deepEqual(bashCompletes('facetty', 'play', '--no'), ['--no-pace']);
	assert.deepEqual(bashCompletes('facetty', 'play', 'x.mp4', '--glyphs', ''), [
		'auto',
		'half',
		'octant',
		'quad',
		'sextant',
	]);
	assert.deepEqual(bashCompletes('facetty', 'call', 'h', '--color', '2'), ['256']);
	assert.deepEqual(bashCompletes('facetty', 'listen', '--protocol', ''), ['auto', 'seed', 'v2']);
	// Files where a file goes: play's FILE and --camera's clip.
	assert.ok(bashCompletes('facetty', 'play', 'media/cl').includes('media/clip.mp4'));
	assert.ok(bashCompletes('facetty', 'preview', '--camera', 'media/cl').includes('media/clip.mp4'));
	// Nothing to guess for a port.
	assert.deepEqual(bashCompletes('facetty', 'listen', '--port', ''), []);
});

test('the built CLI prints the same scripts, and refuses a shell it does not know', () => {
	for (const shell of ['bash', 'zsh', 'fish'] as const) {
		assert.equal(
			execFileSync(process.execPath, ['dist/cli.js', 'completion', shell], {encoding: 'utf8'}),
			completionScript(shell),
		);
	}
	const refused = spawnSync(process.execPath, ['dist/cli.js', 'completion', 'tcsh'], {encoding: 'utf8'});
	assert.equal(refused.status, 2);
	assert.equal(refused.stderr, 'facetty: completion is for bash, zsh, fish, not "tcsh"\n');
});

test('the zsh script parses', {skip: needsTool(has('zsh') ? undefined : 'zsh is not installed')}, () => {
	const script = path.join(work, '_facetty');
	fs.writeFileSync(script, completionScript('zsh'));
	execFileSync('zsh', ['-n', script]);
});

test(
	'fish loads its script and completes commands and flags',
	{skip: needsTool(has('fish') ? undefined : 'fish is not installed')},
	() => {
		const script = path.join(work, 'facetty.fish');
		fs.writeFileSync(script, completionScript('fish'));
		const offered = (line: string) =>
			execFileSync('fish', ['--no-config', '-c', `source ${script}; complete -C '${line}'`], {
				encoding: 'utf8',
			})
				.split('\n')
				.filter(Boolean)
				.map((row) => row.split('\t')[0]);
		assert.deepEqual(offered('facetty li'), ['listen']);
		assert.deepEqual(offered('facetty relay --'), ['--help', '--host', '--port']);
		assert.deepEqual(offered('facetty play x --glyphs '), ['auto', 'half', 'octant', 'quad', 'sextant']);
	},
);
