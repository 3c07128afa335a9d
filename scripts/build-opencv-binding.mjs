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
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {
	cacheRoot,
	elapsed,
	findNodeGyp,
	missingTools,
	pkgConfig,
	restoreFromCache,
	runNodeGyp,
	say,
	storeInCache,
} from './native-build.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wantedModules = ['core', 'imgproc', 'imgcodecs', 'videoio', 'highgui'];

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
		cacheRoot('opencv4nodejs'),
		`${bindingVersion}-abi${process.versions.modules}-cv${opencv.version}-${key}`,
	);
	const cachedFile = path.join(cacheDir, 'opencv4nodejs.node');

	if (!process.env.FACETTY_REBUILD_OPENCV && restoreFromCache(cachedFile, builtFile)) {
		say(`OpenCV binding copied from cache ${cacheDir} in ${elapsed()}`);
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
	const jobs = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
	const build = runNodeGyp(nodeGyp, bindingDir, builtFile, {jobs, errorLines: 30, tailLines: 15});
	if (!build.built) {
		console.error(build.summary);
		fail(explainBuildFailure(build.output));
	}
	const notCached = storeInCache(builtFile, cachedFile);
	if (notCached) say(`could not cache the binding (${notCached}); the next install will build it again`);
	say(`OpenCV binding built in ${elapsed()}, cached in ${cacheDir}`);
}

// Run as the postinstall; imported by the tests for its pieces.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
