#!/usr/bin/env node
// Builds the OpenCV binding (@u4/opencv4nodejs, vendored in vendor/opencv4nodejs) against the
// system's OpenCV (Debian's libopencv-dev, Fedora's opencv-devel, Homebrew's opencv). The npm
// package's own install step downloads and compiles OpenCV, which fails without network access and
// takes half an hour with it; npm runs it for any dependency with a binding.gyp, and facetty cannot
// switch that off for a global install or as someone else's dependency. So the binding's sources
// are vendored without a binding.gyp, and this postinstall writes one and builds it.
//
// Two savings over the package's own build:
// - only the modules facetty uses are compiled in (a shadowing opencv_modules.hpp hides the rest,
//   and their sources are left out), which cuts the build from minutes to about one;
// - the built binding is cached outside the clone, keyed on the binding's version, Node's ABI,
//   the OpenCV version and the module list, so a second clone or a CI run copies it in seconds.
import {execFileSync, spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(projectRoot, 'package.json'));
const wantedModules = ['core', 'imgproc', 'imgcodecs', 'videoio', 'highgui'];
const started = Date.now();

function say(message) {
	console.log(`facetty: ${message}`);
}

function fail(message) {
	console.error(`facetty: ${message}`);
	process.exit(1);
}

function findBindingPackage() {
	const dir = path.join(projectRoot, 'vendor', 'opencv4nodejs');
	return fs.existsSync(path.join(dir, 'binding.gyp.in')) ? dir : undefined;
}

function readOpenCvVersion(includeDir) {
	const header = path.join(includeDir, 'opencv2', 'core', 'version.hpp');
	if (!fs.existsSync(header)) return undefined;
	const text = fs.readFileSync(header, 'utf8');
	const part = (name) => text.match(new RegExp(`#define CV_VERSION_${name}\\s+(\\d+)`))?.[1];
	return [part('MAJOR'), part('MINOR'), part('REVISION')].join('.');
}

export function pkgConfig(args) {
	try {
		return execFileSync('pkg-config', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
	} catch {
		return undefined;
	}
}

function locateOpenCv() {
	const includeFlags = pkgConfig(['--cflags-only-I', 'opencv4']);
	const libDirFlag = pkgConfig(['--variable=libdir', 'opencv4']);
	const includeDirs = includeFlags
		? includeFlags
				.split(/\s+/)
				.map((flag) => flag.replace(/^-I/, ''))
				.filter(Boolean)
		: ['/usr/include/opencv4', '/usr/local/include/opencv4'].filter((dir) => fs.existsSync(dir));
	const libDirs = libDirFlag
		? [libDirFlag]
		: ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/local/lib', '/usr/lib'];
	const includeDir = includeDirs.find((dir) => readOpenCvVersion(dir));
	const libDir = libDirs.find(
		(dir) =>
			fs.existsSync(path.join(dir, 'libopencv_core.so')) ||
			fs.existsSync(path.join(dir, 'libopencv_core.dylib')),
	);
	if (!includeDir || !libDir) return undefined;
	return {includeDir, libDir, version: readOpenCvVersion(includeDir)};
}

function cacheRoot() {
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'facetty', 'opencv4nodejs');
}

// A header that shadows OpenCV's own list of modules, so the binding compiles only what we use.
function writeModulesShim(shimDir) {
	const target = path.join(shimDir, 'opencv2');
	fs.mkdirSync(target, {recursive: true});
	const lines = ['#ifndef OPENCV_MODULES_HPP', '#define OPENCV_MODULES_HPP'];
	for (const name of wantedModules) lines.push(`#define HAVE_OPENCV_${name.toUpperCase()}`);
	lines.push('#endif', '');
	fs.writeFileSync(path.join(target, 'opencv_modules.hpp'), lines.join('\n'));
}

// Keeps the top-level sources and those of the modules we compile in; the other modules' sources
// would compile to empty files anyway, at a second or two each.
const sourceDirsKept = new Set(['core', 'imgproc', 'io', 'highgui']);
function writeBindingGyp(bindingDir, opencv, shimDir) {
	const original = fs.readFileSync(path.join(bindingDir, 'binding.gyp.in'), 'utf8');
	const list = (items) => items.map((item) => JSON.stringify(item)).join(', ') + ',';
	const defines = wantedModules.map((name) => `OPENCV4NODEJS_FOUND_LIBRARY_${name.toUpperCase()}`);
	const libraries = [
		`-L${opencv.libDir}`,
		...wantedModules.map((name) => `-lopencv_${name}`),
		`-Wl,-rpath,${opencv.libDir}`,
	];
	let gyp = original
		.replace(/"<!@\(node \.\/bin\/install\.js OPENCV4NODEJS_DEFINES\)",/, list(defines))
		.replace(/"<!@\(node \.\/bin\/install\.js OPENCV4NODEJS_INCLUDES\)",/, list([shimDir, opencv.includeDir]))
		.replace(/"<!@\(node \.\/bin\/install\.js OPENCV4NODEJS_LIBRARIES\)",/, list(libraries));
	gyp = gyp.replace(/^\s*"cc\/([A-Za-z0-9_]+)\/[^"]+\.cc",\s*$/gm, (line, dir) =>
		sourceDirsKept.has(dir) ? line : '',
	);
	if (gyp.includes('OPENCV4NODEJS_DEFINES') || gyp.includes('bin/install.js')) {
		fail(
			'vendor/opencv4nodejs/binding.gyp.in has a layout this script does not know; update scripts/build-opencv-binding.mjs.',
		);
	}
	fs.writeFileSync(path.join(bindingDir, 'binding.gyp'), gyp);
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

/** What a C++ build needs besides OpenCV, as the names of the missing tools. */
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
export function localNodeHeaders(execPath = process.execPath, version = process.version) {
	const prefix = path.dirname(path.dirname(execPath));
	const header = path.join(prefix, 'include', 'node', 'node_version.h');
	if (!fs.existsSync(header)) return undefined;
	const text = fs.readFileSync(header, 'utf8');
	const part = (name) => text.match(new RegExp(`#define NODE_${name}_VERSION\\s+(\\d+)`))?.[1];
	const found = `v${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}`;
	return found === version ? prefix : undefined;
}

const installCommand = {
	debian: 'sudo apt-get install g++ make python3',
	fedora: 'sudo dnf install gcc-c++ make python3',
	macos: 'xcode-select --install',
};

/** One plain sentence (and what to do) for a failed node-gyp run, from its output. */
export function explainBuildFailure(output) {
	// node-gyp's "gyp info" lines name Python and nodejs.org on builds that work: only errors count.
	const errors = output
		.split('\n')
		.filter((line) => !/^gyp (info|http)\b/.test(line))
		.join('\n');
	const tool = errors.match(
		/\b(make|g\+\+|c\+\+|clang\+\+|cc)(: command)?: (not found|No such file or directory)|find Python|Could not find any Python/i,
	);
	if (tool) {
		return (
			`a build tool is missing (${tool[0]}). Install one with ${installCommand.debian} ` +
			`(Fedora: ${installCommand.fedora}; macOS: ${installCommand.macos}), then install facetty again.`
		);
	}
	if (
		/nodejs\.org|-headers\.tar|common\.gypi|config\.gypi|node_version\.h|node_api\.h|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|unable to get local issuer|self[- ]signed certificate/i.test(
			errors,
		)
	) {
		return (
			`node-gyp could not get the headers of Node ${process.version} (it downloads them from nodejs.org unless told where they are). ` +
			'Point it at a local copy and install again: npm_config_nodedir=/path/to/node (the folder holding include/node, ' +
			'as a nodejs.org tarball or a NodeSource package installs it) npm install -g facetty.'
		);
	}
	return (
		'compiling the OpenCV binding failed (the compiler output is above). ' +
		'If OpenCV is 4.x (pkg-config --modversion opencv4), please report it to facetty with that output.'
	);
}

function main() {
	const bindingDir = findBindingPackage();
	if (!bindingDir) fail('vendor/opencv4nodejs is missing from this copy of facetty; reinstall it.');
	const bindingVersion = JSON.parse(fs.readFileSync(path.join(bindingDir, 'package.json'), 'utf8')).version;
	const builtFile = path.join(bindingDir, 'build', 'Release', 'opencv4nodejs.node');

	const opencv = locateOpenCv();
	if (!opencv) {
		fail(
			'OpenCV development files were not found. Install them, then install facetty again (npm install in a clone):\n' +
				'  Debian/Ubuntu: sudo apt-get install libopencv-dev pkg-config\n' +
				'  Fedora:        sudo dnf install opencv-devel pkgconf-pkg-config\n' +
				'  macOS:         brew install opencv pkg-config',
		);
	}

	const key = createHash('sha256')
		.update(
			JSON.stringify({
				bindingVersion,
				abi: process.versions.modules,
				opencv: opencv.version,
				libDir: opencv.libDir,
				wantedModules,
				arch: process.arch,
				script: 2,
			}),
		)
		.digest('hex')
		.slice(0, 12);
	const cacheDir = path.join(
		cacheRoot(),
		`${bindingVersion}-abi${process.versions.modules}-cv${opencv.version}-${key}`,
	);
	const cachedFile = path.join(cacheDir, 'opencv4nodejs.node');

	if (fs.existsSync(cachedFile) && !process.env.FACETTY_REBUILD_OPENCV) {
		fs.mkdirSync(path.dirname(builtFile), {recursive: true});
		fs.copyFileSync(cachedFile, builtFile);
		say(`OpenCV binding copied from cache ${cacheDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return;
	}

	const missing = missingTools();
	if (missing.length > 0) {
		fail(
			`building the OpenCV binding needs ${missing.join(', ')}, not found on PATH. Install them, then install facetty again:\n` +
				`  Debian/Ubuntu: ${installCommand.debian}\n` +
				`  Fedora:        ${installCommand.fedora}\n` +
				`  macOS:         ${installCommand.macos}`,
		);
	}
	say(
		`building the OpenCV binding ${bindingVersion} against OpenCV ${opencv.version} (${opencv.includeDir}, ${opencv.libDir}), modules: ${wantedModules.join(' ')}; this takes one to a few minutes`,
	);
	const shimDir = path.join(bindingDir, 'facetty-shim');
	writeModulesShim(shimDir);
	writeBindingGyp(bindingDir, opencv, shimDir);
	const nodeGyp = findNodeGyp();
	if (!nodeGyp)
		fail(
			'node-gyp was not found: install facetty with npm (which brings its own), or npm install -g node-gyp.',
		);
	const [command, ...prefix] = nodeGyp;
	const jobs = String(Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
	const nodedir = process.env.npm_config_nodedir ? [] : [localNodeHeaders()].filter(Boolean);
	const result = spawnSync(
		command,
		[...prefix, 'rebuild', '--release', '--jobs', jobs, ...nodedir.map((dir) => `--nodedir=${dir}`)],
		{cwd: bindingDir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20},
	);
	if (result.status !== 0 || !fs.existsSync(builtFile)) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
		// The compiler's own error lines (often far above the end), then node-gyp's summary.
		const lines = output.split('\n');
		const errors = lines
			.filter((line) => /\berror\b/i.test(line) && !/^gyp (ERR!|info)/.test(line))
			.slice(0, 30);
		console.error([...errors, ...(errors.length ? ['...'] : []), ...lines.slice(-15)].join('\n'));
		fail(explainBuildFailure(output));
	}
	try {
		fs.mkdirSync(cacheDir, {recursive: true});
		const temporary = `${cachedFile}.${process.pid}`;
		fs.copyFileSync(builtFile, temporary);
		fs.renameSync(temporary, cachedFile);
	} catch (error) {
		say(`could not cache the binding (${error.message}); the next install will build it again`);
	}
	say(`OpenCV binding built in ${((Date.now() - started) / 1000).toFixed(1)} s, cached in ${cacheDir}`);
}

// Run as the postinstall; imported by the tests for its pieces.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
