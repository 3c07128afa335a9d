/**
 * The call benchmark's slow link with netem: two network namespaces joined by a veth pair, each
 * end shaped to `rateBits` and `delayMs` one way. Needs root and the kernel's sch_netem.
 */
import {spawnSync} from 'node:child_process';

export const rateBits = 2_000_000;
export const delayMs = 40;
export const nsA = 'fxbench-a';
export const nsB = 'fxbench-b';
export const addrA = '10.231.77.1';
export const addrB = '10.231.77.2';

function ip(...args: string[]): void {
	const result = spawnSync('ip', args, {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`ip ${args.join(' ')}: ${result.stderr.trim()}`);
}

/** Two namespaces joined by a veth pair with netem on both ends; throws when any step fails. */
export function makeNetemLink(): void {
	removeLink();
	ip('netns', 'add', nsA);
	ip('netns', 'add', nsB);
	ip('link', 'add', 'fxb-a', 'netns', nsA, 'type', 'veth', 'peer', 'name', 'fxb-b', 'netns', nsB);
	for (const [ns, dev, addr] of [
		[nsA, 'fxb-a', addrA],
		[nsB, 'fxb-b', addrB],
	] as const) {
		ip('-n', ns, 'addr', 'add', `${addr}/24`, 'dev', dev);
		ip('-n', ns, 'link', 'set', dev, 'up');
		ip('-n', ns, 'link', 'set', 'lo', 'up');
		const tc = spawnSync(
			'ip',
			[
				'netns',
				'exec',
				ns,
				'tc',
				'qdisc',
				'add',
				'dev',
				dev,
				'root',
				'netem',
				'rate',
				`${rateBits / 1_000_000}mbit`,
				'delay',
				`${delayMs}ms`,
			],
			{encoding: 'utf8'},
		);
		if (tc.status !== 0) throw new Error(`tc netem: ${tc.stderr.trim() || tc.error?.message}`);
	}
}

export function removeLink(): void {
	for (const ns of [nsA, nsB]) spawnSync('ip', ['netns', 'del', ns], {stdio: 'ignore'});
}
