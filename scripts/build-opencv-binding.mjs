#!/usr/bin/env node
// Builds @u4/opencv4nodejs against the system's OpenCV (Debian's libopencv-dev), because the
// package's own install step wants to download and compile OpenCV, which cannot work offline.
// npm is told not to run that step (package.json "allowScripts"); this postinstall does it instead.
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
	// The package's exports map hides its package.json, so walk up from its entry point.
	let dir;
	try {
		dir = path.dirname(require.resolve('@u4/opencv4nodejs'));
	} catch {
		return undefined;
	}
	while (dir !== path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === '@u4/opencv4nodejs')
			return dir;
		dir = path.dirname(dir);
	}
	return undefined;
}

function readOpenCvVersion(includeDir) {
	const header = path.join(includeDir, 'opencv2', 'core', 'version.hpp');
	if (!fs.existsSync(header)) return undefined;
	const text = fs.readFileSync(header, 'utf8');
	const part = (name) => text.match(new RegExp(`#define CV_VERSION_${name}\\s+(\\d+)`))?.[1];
	return [part('MAJOR'), part('MINOR'), part('REVISION')].join('.');
}

function pkgConfig(args) {
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
	const original = fs.readFileSync(path.join(bindingDir, 'binding.gyp'), 'utf8');
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
			'the binding.gyp of @u4/opencv4nodejs has a layout this script does not know; update scripts/build-opencv-binding.mjs.',
		);
	}
	fs.writeFileSync(path.join(bindingDir, 'binding.gyp'), gyp);
}

function findNodeGyp() {
	if (process.env.npm_config_node_gyp && fs.existsSync(process.env.npm_config_node_gyp)) {
		return [process.execPath, process.env.npm_config_node_gyp];
	}
	try {
		return [process.execPath, require.resolve('node-gyp/bin/node-gyp.js')];
	} catch {
		return ['node-gyp'];
	}
}

function main() {
	const bindingDir = findBindingPackage();
	if (!bindingDir) fail('@u4/opencv4nodejs is not installed; run npm install first.');
	const bindingVersion = JSON.parse(fs.readFileSync(path.join(bindingDir, 'package.json'), 'utf8')).version;
	const builtFile = path.join(bindingDir, 'build', 'Release', 'opencv4nodejs.node');

	const opencv = locateOpenCv();
	if (!opencv) {
		fail(
			'OpenCV development files were not found. Install them, then run npm install again:\n' +
				'  Debian/Ubuntu: sudo apt-get install libopencv-dev\n' +
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

	say(
		`building the OpenCV binding ${bindingVersion} against OpenCV ${opencv.version} (${opencv.includeDir}, ${opencv.libDir}), modules: ${wantedModules.join(' ')}`,
	);
	const shimDir = path.join(bindingDir, 'facetty-shim');
	writeModulesShim(shimDir);
	writeBindingGyp(bindingDir, opencv, shimDir);
	const [command, ...prefix] = findNodeGyp();
	const jobs = String(Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
	const result = spawnSync(command, [...prefix, 'rebuild', '--release', '--jobs', jobs], {
		cwd: bindingDir,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: {...process.env, OPENCV4NODEJS_DISABLE_AUTOBUILD: '1'},
	});
	if (result.status !== 0 || !fs.existsSync(builtFile)) {
		fail(
			'building the OpenCV binding failed (see the compiler output above). Is libopencv-dev installed, with g++, make and python3?',
		);
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

main();
