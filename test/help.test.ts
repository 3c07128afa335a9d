import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {promisify} from 'node:util';
import {commandNames, flagTable} from '../source/flags.js';
import {flagsOf, flagUsage, helpRequest} from '../source/help.js';

const run = promisify(execFile);

test('--help and -h are found anywhere before --, with the command they are about', () => {
	assert.equal(helpRequest(['listen', '--port', '4000']), undefined);
	assert.deepEqual(helpRequest(['--help']), {});
	assert.deepEqual(helpRequest(['-h']), {});
	assert.deepEqual(helpRequest(['listen', '--help']), {command: 'listen'});
	assert.deepEqual(helpRequest(['-h', 'relay']), {command: 'relay'});
	// A flag's value is not the command: "call" here is the camera.
	assert.deepEqual(helpRequest(['--camera', 'call', 'play', 'a.mp4', '-h']), {command: 'play'});
	assert.deepEqual(helpRequest(['--camera=x', 'demo', '--help']), {command: 'demo'});
	assert.deepEqual(helpRequest(['dance', '--help']), {});
	// After --, --help is a file name.
	assert.equal(helpRequest(['play', '--', '--help']), undefined);
});

/**
 * Every command, with --help and with -h, must answer and exit 0 at once without starting: a
 * listener or a relay would never exit (the timeout fails the test), and a call, a demo or a
 * listener would create its identity key in the config directory, which must stay empty.
 */
for (const command of [undefined, ...commandNames]) {
	for (const asking of ['--help', '-h']) {
		const what = `facetty ${command ?? ''} ${asking}`.replace(/ +/g, ' ');
		test(`${what} prints its help, exits 0 and opens nothing`, async () => {
			const config = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-help-'));
			try {
				// Values that would otherwise be refused or start something: help wins over them.
				const args = command === undefined ? [asking] : [command, asking, ...argsFor(command)];
				const {stdout, stderr} = await run(process.execPath, ['dist/cli.js', ...args], {
					timeout: 15_000,
					env: {...process.env, XDG_CONFIG_HOME: config, HOME: config},
				});
				assert.equal(stderr, '');
				assert.deepEqual(fs.readdirSync(config), [], 'nothing written to the config directory');
				if (command === undefined) {
					assert.match(stdout, /Usage/);
					for (const name of commandNames) assert.match(stdout, new RegExp(`\\$ facetty ${name}\\b`));
					return;
				}
				assert.match(stdout, new RegExp(`\\$ facetty ${command}\\b`));
				const own = new Set(flagsOf(command).map(([name]) => name));
				for (const [name, spec] of Object.entries(flagTable)) {
					const written = flagUsage(name, spec).split(' ')[0]!;
					const shown = new RegExp(`^ +${written}\\b`, 'm').test(stdout);
					assert.equal(shown, own.has(name), `${what}: ${written} ${own.has(name) ? 'missing' : 'shown'}`);
				}
				assert.match(stdout, /--help, -h/);
			} finally {
				fs.rmSync(config, {recursive: true, force: true});
			}
		});
	}
}

/** Arguments that, without the help flag, would start the command (or be refused by it). */
function argsFor(command: string): string[] {
	switch (command) {
		case 'listen':
		case 'relay':
			return ['--port', '0', '--host', '127.0.0.1'];
		case 'call':
			return ['127.0.0.1:9', '--camera', 'test'];
		case 'play':
			return [];
		case 'join':
			return ['1-a-b-c', '--relay', '127.0.0.1:9'];
		case 'invite':
			return ['--relay', '127.0.0.1:9'];
		default:
			return [];
	}
}
