/** The addresses of this machine another person can dial, best first. */
import os from 'node:os';

export function shareableAddresses(
	host: string | undefined,
	interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces(),
): string[] {
	if (host && host !== '0.0.0.0' && host !== '::') return [host];
	const external: string[] = [];
	const internal: string[] = [];
	for (const list of Object.values(interfaces)) {
		for (const info of list ?? []) {
			if (info.family !== 'IPv4' && host !== '::') continue;
			if (info.address.startsWith('fe80')) continue;
			(info.internal ? internal : external).push(info.address);
		}
	}
	return [...external, ...internal];
}
