/**
 * Key files like ssh: a bad identity key is one sentence naming the file and how to make a new
 * one; a config directory or known_peers that others can change is refused, one others can only
 * read is closed with a warning. (Issue 10, point 6: a stack trace, or "could not listen on port",
 * and a world-writable known_peers accepted silently.)
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {KeyFileError, secureConfigDir} from '../../source/config/config.js';
import {loadIdentity} from '../../source/trust/identity.js';
import {KnownPeers} from '../../source/trust/known-peers.js';

function configDir(t: {after: (fn: () => void) => void}): string {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-keys-'));
	t.after(() => fs.rmSync(home, {recursive: true, force: true}));
	const dir = path.join(home, 'facetty');
	fs.mkdirSync(dir, {mode: 0o700});
	return dir;
}

const pem = () =>
	crypto.generateKeyPairSync('ed25519').privateKey.export({format: 'pem', type: 'pkcs8'}).toString();

/** A PEM whose DER says the wrong length: what a flipped bit in the wrong place does. */
function damagedPem(): string {
	const der = crypto.generateKeyPairSync('ed25519').privateKey.export({format: 'der', type: 'pkcs8'});
	der[1] = der[1]! ^ 0x40;
	return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`;
}

const badKeys: Array<[what: string, content: () => string | Buffer, says: RegExp]> = [
	['an empty key', () => '', /is empty/],
	['a truncated key', () => pem().slice(0, 60), /is damaged/],
	['a key whose structure is damaged', () => damagedPem(), /is damaged/],
	['random bytes', () => crypto.randomBytes(200), /is damaged/],
	[
		'an RSA key',
		() =>
			crypto
				.generateKeyPairSync('rsa', {modulusLength: 1024})
				.privateKey.export({format: 'pem', type: 'pkcs8'}),
		/holds a rsa key, not Ed25519/,
	],
];

test('a bad identity key is a sentence that names the file and how to make a new one', (t) => {
	for (const [what, content, says] of badKeys) {
		const dir = configDir(t);
		const file = path.join(dir, 'identity.pem');
		fs.writeFileSync(file, content(), {mode: 0o600});
		assert.throws(
			() => loadIdentity(dir),
			(error: unknown) => {
				assert.ok(error instanceof KeyFileError, `${what}: ${String(error)}`);
				assert.match(error.message, says, what);
				assert.ok(error.message.includes(file), what);
				assert.ok(error.message.includes(`mv ${file} ${file}.bad`), what);
				return true;
			},
		);
	}
});

test('facetty listen and call with a damaged key: the sentence, exit 1, no stack trace, no "could not listen"', (t) => {
	const dir = configDir(t);
	fs.writeFileSync(path.join(dir, 'identity.pem'), pem().slice(0, 60), {mode: 0o600});
	for (const args of [
		['listen', '--host', '127.0.0.1', '--port', '0', '--camera', 'test'],
		['call', '127.0.0.1:9', '--camera', 'test'],
	]) {
		const run = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('source/cli.tsx'), ...args], {
			env: {...process.env, XDG_CONFIG_HOME: path.dirname(dir)},
			encoding: 'utf8',
			timeout: 30_000,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const said = run.stdout + run.stderr;
		assert.equal(run.status, 1, said);
		assert.match(
			said,
			/^facetty: the identity key .*identity\.pem is damaged .*mv .*identity\.pem .*identity\.pem\.bad/m,
		);
		assert.doesNotMatch(said, /\n\s+at |could not listen|DECODER routines/);
	}
});

test('a config directory others can write in is refused; one they can only read is closed, with a warning', (t) => {
	const dir = configDir(t);
	for (const mode of [0o777, 0o775, 0o757]) {
		fs.chmodSync(dir, mode);
		assert.throws(() => secureConfigDir(dir), /can be written by other users .*chmod 700/);
		assert.throws(() => loadIdentity(dir), KeyFileError);
	}
	fs.chmodSync(dir, 0o755);
	const warnings = secureConfigDir(dir);
	assert.equal(warnings.length, 1);
	assert.match(warnings[0]!, /was open to other users \(mode 755\); facetty made it 700/);
	assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
	assert.deepEqual(secureConfigDir(dir), []);
	// A missing directory is made owner-only.
	const fresh = path.join(dir, 'new');
	secureConfigDir(fresh);
	assert.equal(fs.statSync(fresh).mode & 0o777, 0o700);
});

test('a known_peers others can change is refused; one they can read is closed, with a warning', (t) => {
	const dir = configDir(t);
	const peers = new KnownPeers(dir);
	peers.record('10.0.0.9:5000', 'SHA256:' + 'A'.repeat(43));
	for (const mode of [0o666, 0o622, 0o660]) {
		fs.chmodSync(peers.file, mode);
		assert.throws(() => secureConfigDir(dir), /known_peers can be changed by other users .*chmod 600/);
		assert.throws(() => peers.lookup('10.0.0.9:5000'), KeyFileError);
	}
	fs.chmodSync(peers.file, 0o644);
	assert.match(
		secureConfigDir(dir).join('\n'),
		/known_peers could be read by other users \(mode 644\); facetty made it 600/,
	);
	assert.equal(fs.statSync(peers.file).mode & 0o777, 0o600);
	assert.equal(peers.lookup('10.0.0.9:5000'), 'SHA256:' + 'A'.repeat(43));
});

test(
	'key files that belong to another user are refused',
	{skip: process.getuid?.() === 0 ? undefined : 'needs root to give a file away'},
	(t) => {
		const dir = configDir(t);
		const peers = new KnownPeers(dir);
		peers.record('h:1', 'SHA256:' + 'A'.repeat(43));
		fs.chownSync(peers.file, 4242, 4242);
		assert.throws(() => peers.lookup('h:1'), /belongs to another user \(uid 4242\)/);
		fs.chownSync(dir, 4242, 4242);
		assert.throws(() => secureConfigDir(dir), /belongs to another user \(uid 4242\)/);
	},
);

test('processes starting at once with no key yet all read the same whole key (never an empty or half-written file)', async (t) => {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-keys-race-'));
	t.after(() => fs.rmSync(home, {recursive: true, force: true}));
	const go = path.join(home, 'go');
	const dirs = 200;
	// Each process loads the identity of the same fresh config directories in the same order, all
	// starting at one signal, so they meet while one of them is making the key.
	const script = `
		import fs from 'node:fs';
		const {loadIdentity} = await import(${JSON.stringify(path.resolve('source/trust/identity.ts'))});
		console.log('ready');
		while (!fs.existsSync(${JSON.stringify(go)}));
		const seen = [];
		for (let k = 0; k < ${dirs}; k++) {
			try {
				seen.push(loadIdentity(${JSON.stringify(home)} + '/' + k + '/facetty').fingerprint);
			} catch (error) {
				seen.push('error: ' + error.message);
			}
		}
		console.log(JSON.stringify(seen));
	`;
	const {spawn} = await import('node:child_process');
	const children = Array.from({length: 4}, () =>
		spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	);
	const outputs = children.map(
		(child) =>
			new Promise<string[]>((resolve) => {
				let text = '';
				child.stdout.on('data', (chunk: Buffer) => {
					text += chunk.toString();
					if (text.includes('ready\n') && !text.includes('ready\n[')) ready();
				});
				child.once('exit', () => resolve(JSON.parse(text.slice(text.indexOf('[')) || '[]') as string[]));
			}),
	);
	let waiting = children.length;
	const ready = () => {
		if (--waiting === 0) fs.writeFileSync(go, '');
	};
	const seen = await Promise.all(outputs);
	for (let k = 0; k < dirs; k++) {
		const each = seen.map((list) => list[k]);
		assert.ok(
			each.every((fingerprint) => fingerprint?.startsWith('SHA256:') && fingerprint === each[0]),
			`config ${k}: ${each.join(' / ')}`,
		);
	}
});

test('a known_peers that is a symbolic link: its target is checked, and its mode is never changed through the link', (t) => {
	const dir = configDir(t);
	// Someone else's file, or any file of the user's that should stay as it is (a shared notes file).
	const elsewhere = path.join(path.dirname(dir), 'notes.txt');
	fs.writeFileSync(elsewhere, '# facetty known peers: <name> <fingerprint>\n', {mode: 0o644});
	fs.chmodSync(elsewhere, 0o644);
	fs.symlinkSync(elsewhere, path.join(dir, 'known_peers'));
	const warnings = secureConfigDir(dir);
	assert.equal(fs.statSync(elsewhere).mode & 0o777, 0o644, 'the link target keeps its mode');
	assert.match(
		warnings.join('\n'),
		/is a link to .*notes\.txt.*does not change a file through a link: run chmod 600/,
	);
	// A target others can change is refused as a file would be.
	fs.chmodSync(elsewhere, 0o666);
	assert.throws(() => secureConfigDir(dir), /can be changed by other users/);
	assert.equal(fs.statSync(elsewhere).mode & 0o777, 0o666);
	// A link to nothing is no known_peers yet.
	fs.rmSync(elsewhere);
	assert.deepEqual(secureConfigDir(dir), []);
});
