/**
 * A private sshd for benchmarks: Debian's openssh-server run from a temp dir with its own host
 * key and one authorized key, on 127.0.0.1 only, in the foreground (so it dies with its handle).
 * Root logs in with that key alone; PAM and the home-directory permission checks are off because
 * the keys live in a temp dir.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {freePort} from '../../test/e2e/tmux.js';

export type Sshd = {
	port: number;
	/** ssh's arguments to log in to `port` (the sshd's, or a relay in front of it) with the key. */
	sshArgs(port: number): string[];
	close(): Promise<void>;
};

export const sshdPath = '/usr/sbin/sshd';

export function sshdMissing(): string | undefined {
	if (!fs.existsSync(sshdPath)) return `${sshdPath} is missing (apt-get install openssh-server)`;
	if (spawnSync('ssh', ['-V']).status !== 0) return 'ssh is missing (apt-get install openssh-client)';
	return undefined;
}

function keygen(file: string): void {
	const result = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file], {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`ssh-keygen: ${result.stderr}`);
}

export async function startSshd(dir: string): Promise<Sshd> {
	// sshd refuses to start without its privilege-separation directory (made by the package's
	// service, which is not running here).
	fs.mkdirSync('/run/sshd', {recursive: true, mode: 0o755});
	keygen(path.join(dir, 'host_key'));
	keygen(path.join(dir, 'user_key'));
	fs.copyFileSync(path.join(dir, 'user_key.pub'), path.join(dir, 'authorized_keys'));
	const port = await freePort();
	const config = path.join(dir, 'sshd_config');
	fs.writeFileSync(
		config,
		[
			`Port ${port}`,
			'ListenAddress 127.0.0.1',
			`HostKey ${path.join(dir, 'host_key')}`,
			`AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
			`PidFile ${path.join(dir, 'sshd.pid')}`,
			'PermitRootLogin prohibit-password',
			'PubkeyAuthentication yes',
			'PasswordAuthentication no',
			'KbdInteractiveAuthentication no',
			'UsePAM no',
			'StrictModes no',
			'PrintMotd no',
			'PrintLastLog no',
			'LogLevel ERROR',
			'',
		].join('\n'),
	);
	const child: ChildProcess = spawn(sshdPath, ['-D', '-e', '-f', config], {
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let log = '';
	child.stderr!.on('data', (data: Buffer) => (log = (log + data.toString()).slice(-4000)));
	const deadline = Date.now() + 10_000;
	while (!(await answers(port))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill();
			throw new Error(`sshd did not start: ${log}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		port,
		sshArgs: (to) => [
			'-F',
			'/dev/null',
			'-i',
			path.join(dir, 'user_key'),
			'-o',
			'StrictHostKeyChecking=no',
			'-o',
			'UserKnownHostsFile=/dev/null',
			'-o',
			'LogLevel=ERROR',
			'-o',
			'BatchMode=yes',
			'-p',
			String(to),
			'root@127.0.0.1',
		],
		close: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

function answers(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}
