import {spawn} from 'node:child_process';

/**
 * A bench role in a child process: `command` is run (inside `ip netns exec NS` when `ns` is
 * given); `ready` resolves when it prints READY, `result` with the JSON of its last line once it
 * exits 0. The call and codec benches run their two peers this way, each with a core of its own.
 */
export function spawnRole<T>(
	command: string[],
	label: string,
	ns?: string,
): {ready: Promise<void>; result: Promise<T>} {
	const child = ns
		? spawn('ip', ['netns', 'exec', ns, ...command], {stdio: ['ignore', 'pipe', 'inherit']})
		: spawn(command[0]!, command.slice(1), {stdio: ['ignore', 'pipe', 'inherit']});
	let out = '';
	let markReady: () => void = () => undefined;
	const ready = new Promise<void>((resolve) => (markReady = resolve));
	child.stdout.on('data', (chunk: Buffer) => {
		out += chunk.toString();
		if (out.includes('READY\n')) markReady();
	});
	const result = new Promise<T>((resolve, reject) =>
		child.on('exit', (code) => {
			markReady();
			if (code === 0) resolve(JSON.parse(out.trim().split('\n').at(-1)!) as T);
			else reject(new Error(`${label} exited ${code}`));
		}),
	);
	return {ready, result};
}
