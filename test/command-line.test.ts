import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {test} from 'node:test';
import {promisify} from 'node:util';
import {parseCommandLine, UsageError, type Flags} from '../source/command-line.js';

/** Any 32 bytes make a well-formed fingerprint. */
const fingerprint = 'SHA256:' + Buffer.alloc(32, 7).toString('base64').replace(/=+$/, '');

const defaults: Flags = {
	host: '0.0.0.0',
	port: '3223',
	protocol: 'auto',
	window: false,
	pace: true,
	loop: false,
};

test('no command opens the setup', () => {
	assert.deepEqual(parseCommandLine([], defaults), {kind: 'setup'});
});

test('play reads size and pacing', () => {
	const play = parseCommandLine(['play', 'clip.mp4'], {...defaults, size: '160x48', pace: false});
	assert.deepEqual(play, {
		kind: 'play',
		file: 'clip.mp4',
		pace: false,
		loop: false,
		color: undefined,
		glyphs: undefined,
		threshold: undefined,
		size: {cols: 160, rows: 48},
	});
});

test('bad usage is told in one sentence', () => {
	const cases: Array<[string[], Partial<Flags>, RegExp]> = [
		[['dance'], {}, /unknown command "dance"/],
		[['call'], {}, /call needs HOST:PORT/],
		[['call', '127.0.0.1:99999'], {}, /port must be a whole number from 1 to 65535, not "99999"/],
		[['call', '127.0.0.1:0'], {}, /port must be a whole number from 1 to 65535, not "0"/],
		[['call', '::1:3223'], {}, /IPv6 address in brackets before the port, as in \[::1\]:3223/],
		[['play'], {}, /play needs FILE/],
		[['listen', 'extra'], {}, /listen does not take "extra"/],
		[['listen'], {port: 70000}, /--port: the port must be a whole number from 0 to 65535/],
		[['listen'], {port: '80x'}, /--port: the port must be a whole number/],
		[['listen'], {host: 'no_such host'}, /--host: "no_such host" is not a host name/],
		[['call', 'h:1'], {quality: 0}, /--quality must be a whole number from 1 to 100/],
		[['play', 'a.mp4'], {size: '160by48'}, /--size must be COLSxROWS/],
		[['play', 'a.mp4'], {threshold: -1}, /--threshold must be from 0 to 255/],
		[['listen'], {seconds: 0}, /--seconds must be more than 0/],
		[['listen'], {secret: '  '}, /--secret needs a passphrase/],
		[['call', 'h:1'], {secret: 'x', protocol: 'seed'}, /--secret needs an encrypted call/],
		[['listen'], {requireEncryption: true, protocol: 'seed'}, /contradict each other/],
		[['call', 'h:1'], {peerKey: 'SHA256:short'}, /--peer-key must be a fingerprint/],
		[['call', 'h:1'], {peerKey: fingerprint, protocol: 'seed'}, /--peer-key needs an encrypted call/],
		[['listen'], {camera: '/nonexistent/nope.mp4'}, /^--camera: \/nonexistent\/nope\.mp4 does not exist$/],
	];
	for (const [input, flags, message] of cases) {
		assert.throws(
			() => parseCommandLine(input, {...defaults, ...flags}),
			(error: unknown) => error instanceof UsageError && message.test(error.message),
		);
	}
});

const run = promisify(execFile);

test('the built CLI prints its help with every command and flag', async () => {
	const {stdout} = await run(process.execPath, ['dist/cli.js', '--help']);
	for (const word of [
		'listen',
		'call HOST',
		'preview',
		'play FILE',
		'--camera',
		'--window',
		'--protocol',
		'--stats',
		'--size',
		'--no-pace',
		'--color',
		'--glyphs',
		'--secret',
		'--require-encryption',
		'--peer-key',
		'check code',
	]) {
		assert.ok(stdout.includes(word), `help lacks ${word}`);
	}
});

test('the built CLI exits 2 with a sentence on bad usage', async () => {
	await assert.rejects(
		run(process.execPath, ['dist/cli.js', 'call', 'nowhere:99999']),
		(error: {code?: number; stderr?: string}) => {
			assert.equal(error.code, 2);
			assert.match(error.stderr ?? '', /port must be a whole number from 1 to 65535, not "99999"/);
			return true;
		},
	);
	// A flag given twice: meow refuses it; that is usage too, one sentence and no stack trace.
	await assert.rejects(
		run(process.execPath, ['dist/cli.js', 'call', 'nowhere', '--camera', 'test', '--camera', 'test']),
		(error: {code?: number; stderr?: string}) => {
			assert.equal(error.code, 2);
			assert.equal(error.stderr, 'facetty: the flag --camera can only be set once\n');
			return true;
		},
	);
});

test('a flag must exist, and belong to the command; the nearest known one is suggested', () => {
	const refused: Array<[string[], string[], RegExp]> = [
		[['call', 'h:1'], ['--secrte', 'x'], /^unknown flag --secrte: did you mean --secret\?$/],
		[['listen'], ['--protocl=seed'], /did you mean --protocol\?/],
		[['play', 'a.mp4'], ['--no-pase'], /did you mean --no-pace\?/],
		[['play', 'a.mp4'], ['--zzzzzzzz'], /^unknown flag --zzzzzzzz \(facetty --help lists the flags\)$/],
		[['listen'], ['--size', '10x10'], /^listen does not take --size \(it is for play, preview\)$/],
		[['call', 'h:1'], ['--no-pace'], /^call does not take --pace/],
		[['play', 'a.mp4'], ['--secret', 'x'], /^play does not take --secret/],
		// The invite code is the secret (and encryption is required): a --secret given would be ignored.
		[['invite'], ['--secret', 'x'], /^invite does not take --secret \(it is for listen, call\)$/],
		[['join', '1-a-b-c'], ['--require-encryption'], /^join does not take --require-encryption/],
		[['demo'], ['--camera', 'test'], /^demo does not take --camera/],
		[['play', 'a.mp4'], ['-x'], /^unknown flag -x: facetty has long flags only/],
		[[], ['--camera', 'test'], /the setup screen \(facetty alone\) asks for its settings/],
	];
	for (const [input, argv, message] of refused) {
		assert.throws(
			() => parseCommandLine(input, defaults, [...input, ...argv]),
			(error: unknown) => error instanceof UsageError && message.test(error.message),
			argv.join(' '),
		);
	}
	// Flags the command takes, in every spelling meow accepts; values and what follows -- are not flags.
	assert.equal(
		parseCommandLine(['play', 'a.mp4'], defaults, ['play', 'a.mp4', '--no-pace', '--loop', '--size=10x5'])
			.kind,
		'play',
	);
	assert.equal(
		parseCommandLine(['listen'], defaults, ['listen', '--require-encryption', '--port', '4000', '--help'])
			.kind,
		'listen',
	);
	assert.equal(parseCommandLine(['play', '-x.mp4'], defaults, ['play', '--', '-x.mp4']).kind, 'play');
});

test('every command refuses bad input with exit 2 and one sentence, never a stack trace', async () => {
	const bad: string[][] = [
		['--secrte', 'x'],
		['--camera', 'test', '--no-such-flag'],
		['nonsense-command'],
		['listen', '--size', '10x10'],
		['listen', '--port', '-1'],
		['listen', '--port', '99999'],
		['listen', '--port', 'http'],
		['listen', '--host', 'bad host'],
		['listen', '--quality', '0'],
		['listen', '--protocol', 'seed', '--secret', 'x'],
		['listen', 'extra'],
		['call'],
		['call', '127.0.0.1:99999'],
		['call', '127.0.0.1:0'],
		['call', '::1:3223'],
		['call', '[nonsense]:3223'],
		['call', 'example.org:http'],
		['call', 'h:1', '--secrte', 'x'],
		['call', 'h:1', '--peer-key', 'SHA256:short'],
		['call', 'h:1', '--loop'],
		['preview', '--size', 'big'],
		['preview', '--port', '1'],
		['preview', 'extra'],
		['play'],
		['play', 'a.mp4', '--threshold', '-1'],
		['play', 'a.mp4', '--secret', 'x'],
		['play', 'a.mp4', '--colour', '256'],
		['demo', '--camera', 'test'],
		['demo', 'extra'],
		['listen', '--camera', '/nonexistent/nope.mp4'],
		['preview', '--camera', '/nonexistent/photo.png'],
		['invite', '--camera', '/nonexistent/nope.mp4', '--relay', '127.0.0.1:9'],
	];
	for (const args of bad) {
		const outcome = await run(process.execPath, ['dist/cli.js', ...args]).then(
			() => ({code: 0, stdout: '', stderr: ''}),
			(error: {code?: number; stdout?: string; stderr?: string}) => error,
		);
		const what = `facetty ${args.join(' ')}`;
		assert.equal(outcome.code, 2, `${what}: exit 2`);
		assert.equal(outcome.stdout, '', `${what}: nothing on stdout`);
		const lines = (outcome.stderr ?? '').split('\n').filter(Boolean);
		assert.equal(lines.length, 1, `${what}: one line, not ${JSON.stringify(outcome.stderr)}`);
		assert.match(lines[0]!, /^facetty: [^\n]+[^.]$/, `${what}: one sentence`);
		assert.doesNotMatch(lines[0]!, /[.?!] [A-Z]/, `${what}: not two sentences`);
		assert.doesNotMatch(lines[0]!, /\bat .*\(?[\w/.-]+:\d+(:\d+)?\)?$|Error:/, `${what}: no stack trace`);
	}
});

test('what was typed comes back in an error as text: ESC, BEL and other controls show as ?', async () => {
	const cli = ['--import', 'tsx', 'source/cli.tsx'];
	const cases: Array<[string[], RegExp]> = [
		[['call', '127.0.0.1\x1b]0;T\x07:7100'], /"127\.0\.0\.1\?\]0;T\?" is not a host name/],
		[['call', '127.0.0.1:71\x1b[2J00'], /not "71\?\[2J00"/],
		[['ca\x1b]52;c;eA==\x07ll'], /unknown command "ca\?\]52;c;eA==\?ll"/],
		[['play', 'x', '--size', '1\x1b[6nx2'], /--size must be COLSxROWS/],
	];
	for (const [args, sentence] of cases) {
		await assert.rejects(
			run(process.execPath, [...cli, ...args]),
			(error: {code?: number; stderr?: string}) => {
				assert.equal(error.code, 2, args.join(' '));
				assert.match(error.stderr ?? '', sentence);
				assert.doesNotMatch(error.stderr ?? '', /[\x00-\x09\x0b-\x1f\x7f]/, JSON.stringify(error.stderr));
				return true;
			},
		);
	}
});
