// What facetty's two native builds (scripts/build-opencv-binding.mjs and
// scripts/build-codec-binding.mjs) share: finding the tools, running node-gyp with Node's local
// headers, and the cache in ~/.cache/facetty that lets a second clone, a CI run or a global
// install copy a built binding in seconds instead of compiling it again.
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(projectRoot, 'package.json'));
const started = Date.now();

export function say(message) {
	console.log(`facetty: ${message}`);
}

/** Seconds since this build script started, for the closing line. */
export function elapsed() {
	return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

/** The folder holding one binding's cached builds: $XDG_CACHE_HOME/facetty/<name>. */
export function cacheRoot(name) {
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'facetty', name);
}

/** Copies a cached build into place; false when there is none. */
export function restoreFromCache(cachedFile, builtFile) {
	if (!fs.existsSync(cachedFile)) return false;
	fs.mkdirSync(path.dirname(builtFile), {recursive: true});
	fs.copyFileSync(cachedFile, builtFile);
	return true;
}

/**
 * Stores a fresh build in the cache (through a temporary name, so two installs at once never see
 * half a file); the error's message when it could not, since a cache is a saving, not a need.
 */
export function storeInCache(builtFile, cachedFile) {
	try {
		fs.mkdirSync(path.dirname(cachedFile), {recursive: true});
		const temporary = `${cachedFile}.${process.pid}`;
		fs.copyFileSync(builtFile, temporary);
		fs.renameSync(temporary, cachedFile);
		return undefined;
	} catch (error) {
		return error.message;
	}
}

export function pkgConfig(args) {
	try {
		return execFileSync('pkg-config', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
	} catch {
		return undefined;
	}
}

export function findNodeGyp() {
	// npm hands its own node-gyp to every install script; outside npm, one on PATH.
	if (process.env.npm_config_node_gyp && fs.existsSync(process.env.npm_config_node_gyp)) {
		return [process.execPath, process.env.npm_config_node_gyp];
	}
	try {
		return [process.execPath, require.resolve('node-gyp/bin/node-gyp.js')];
	} catch {
		// Run by hand: the node-gyp inside the npm on PATH.
		const npm = (process.env.PATH ?? '')
			.split(path.delimiter)
			.map((dir) => path.join(dir, 'npm'))
			.find((file) => fs.existsSync(file));
		if (npm) {
			const bundled = path.join(
				path.dirname(fs.realpathSync(npm)),
				'..',
				'node_modules',
				'node-gyp',
				'bin',
				'node-gyp.js',
			);
			if (fs.existsSync(bundled)) return [process.execPath, bundled];
		}
		return onPath('node-gyp') ? ['node-gyp'] : undefined;
	}
}

function onPath(command) {
	return (process.env.PATH ?? '')
		.split(path.delimiter)
		.some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

/** What a C/C++ build needs besides the libraries, as the names of the missing tools. */
export function missingTools(has = onPath) {
	const missing = [];
	const compiler = process.env.CXX ? process.env.CXX.split(/\s+/)[0] : undefined;
	if (compiler ? !has(compiler) : !['c++', 'g++', 'clang++'].some(has)) missing.push('a C++ compiler');
	if (process.platform !== 'win32' && !has('make')) missing.push('make');
	if (!['python3', 'python'].some(has) && !process.env.npm_config_python) missing.push('python3');
	return missing;
}

/**
 * Node's own headers installed next to the running node (nodejs.org builds, NodeSource,
 * Homebrew and nvm all ship include/node), so that node-gyp needs no download from nodejs.org.
 */
function localNodeHeaders(execPath = process.execPath, version = process.version) {
	const prefix = path.dirname(path.dirname(execPath));
	const header = path.join(prefix, 'include', 'node', 'node_version.h');
	if (!fs.existsSync(header)) return undefined;
	const text = fs.readFileSync(header, 'utf8');
	const part = (name) => text.match(new RegExp(`#define NODE_${name}_VERSION\\s+(\\d+)`))?.[1];
	const found = `v${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}`;
	return found === version ? prefix : undefined;
}

/**
 * Runs `node-gyp rebuild --release` in bindingDir with Node's local headers. Returns whether
 * builtFile came out, node-gyp's whole output, and a short summary of it for the person: the
 * compiler's own error lines (often far above the end), then the last lines.
 */
export function runNodeGyp(nodeGyp, bindingDir, builtFile, {jobs, errorLines, tailLines}) {
	const [command, ...prefix] = nodeGyp;
	const nodedir = process.env.npm_config_nodedir ? [] : [localNodeHeaders()].filter(Boolean);
	const result = spawnSync(
		command,
		[
			...prefix,
			'rebuild',
			'--release',
			...(jobs ? ['--jobs', String(jobs)] : []),
			...nodedir.map((dir) => `--nodedir=${dir}`),
		],
		{cwd: bindingDir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20},
	);
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
	const lines = output.split('\n');
	const errors = lines
		.filter((line) => /\berror\b/i.test(line) && !/^gyp (ERR!|info)/.test(line))
		.slice(0, errorLines);
	const summary = [...errors, ...(errors.length ? ['...'] : []), ...lines.slice(-tailLines)].join('\n');
	return {built: result.status === 0 && fs.existsSync(builtFile), output, summary};
}
