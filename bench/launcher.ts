/**
 * How dist/cli.js starts, from its first line (source/cli.tsx):
 * `#!/usr/bin/env -S NAME=value ... node --flag ...`. Benches that run the built CLI run it with
 * these, as a user's shell does through the first line, not with a bare `node cli.js` (which
 * left out NODE_ENV=production: React's development build, several % of a core more).
 */
export function launcher(shebang: string): {env: Record<string, string>; nodeFlags: string[]} {
	const words = shebang
		.replace(/^#!\S*env\s+(-S\s+)?/, '')
		.trim()
		.split(/\s+/);
	const at = words.findIndex((word) => !/^\w+=/.test(word));
	const env = Object.fromEntries(words.slice(0, at).map((word) => word.split('=', 2) as [string, string]));
	return {env, nodeFlags: words.slice(at + 1)};
}
