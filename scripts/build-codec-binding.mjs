#!/usr/bin/env node
// Builds facetty's video codec binding (native/codec/codec.c: H.264 and VP9 in 4:4:4 through
// libavcodec, BGR through libswscale, video files and streams through libavformat) against the
// system's FFmpeg libraries: Debian's libavcodec-dev, libavformat-dev, libswscale-dev and
// libavutil-dev (already pulled in by libopencv-dev), Fedora's ffmpeg-free-devel or
// ffmpeg-devel, Homebrew's ffmpeg.
//
// Why the system's FFmpeg and not a prebuilt binding (node-av): nothing is downloaded, no GPL
// binary (x264 is GPL) ships inside facetty's package, and the build is the one OpenCV's binding
// already gets (scripts/build-opencv-binding.mjs): a binding.gyp written here with what pkg-config
// says, node-gyp with Node's local headers, the result cached in ~/.cache/facetty keyed on
// everything it depends on.
//
// The codec is optional: without these libraries (or without libx264 and libvpx in them) facetty
// sends jpeg444 as before, so a failure here is a warning, not a failed install.
import {createHash} from 'node:crypto';
import fs from 'node:fs';
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
const bindingDir = path.join(projectRoot, 'native', 'codec');
const libraries = ['libavcodec', 'libswscale', 'libavutil'];
// Reads video files and streams without OpenCV (about 90 MB less resident); without it OpenCV
// reads them, as before.
const optional = ['libavformat'];

/** Skips the codec with a sentence that says what facetty does without it and how to get it. */
function skip(message) {
	console.warn(
		`facetty: ${message}\n` +
			'facetty: video is sent as jpeg444 (about ten times the bytes of H.264). For the codec, install\n' +
			'  Debian/Ubuntu: sudo apt-get install libavcodec-dev libavformat-dev libswscale-dev libavutil-dev pkg-config\n' +
			'  Fedora:        sudo dnf install ffmpeg-free-devel pkgconf-pkg-config (or ffmpeg-devel from RPM Fusion)\n' +
			'  macOS:         brew install ffmpeg pkg-config\n' +
			'then run npm rebuild facetty (npm install in a clone).',
	);
	process.exit(0);
}

/**
 * The flags pkg-config gives for FFmpeg's libraries, or undefined when they are not installed;
 * libavformat is used when it is there (`reader`).
 */
export function locateFfmpeg(query = pkgConfig) {
	const versions = libraries.map((name) => query(['--modversion', name]));
	if (versions.some((version) => !version)) return undefined;
	const found = optional.filter((name) => query(['--modversion', name]));
	const all = [...libraries, ...found];
	const cflags = query(['--cflags', ...all]) ?? '';
	const libs = query(['--libs', ...all]) ?? '';
	const libDirs = libs
		.split(/\s+/)
		.filter((flag) => flag.startsWith('-L'))
		.map((flag) => flag.slice(2));
	return {
		versions: Object.fromEntries(all.map((name) => [name, query(['--modversion', name])])),
		cflags: found.includes('libavformat') ? `${cflags} -DFACETTY_AVFORMAT` : cflags,
		libs,
		libDirs,
		reader: found.includes('libavformat'),
	};
}

function writeBindingGyp(ffmpeg) {
	const words = (text) => text.split(/\s+/).filter(Boolean);
	const gyp = {
		targets: [
			{
				target_name: 'facetty_codec',
				sources: ['codec.c'],
				cflags: ['-O2', '-std=c11', '-Wall', ...words(ffmpeg.cflags)],
				libraries: [...words(ffmpeg.libs), ...ffmpeg.libDirs.map((dir) => `-Wl,-rpath,${dir}`)],
				xcode_settings: {OTHER_CFLAGS: words(ffmpeg.cflags), MACOSX_DEPLOYMENT_TARGET: '11.0'},
			},
		],
	};
	fs.writeFileSync(path.join(bindingDir, 'binding.gyp'), JSON.stringify(gyp, null, '\t') + '\n');
}

function main() {
	const source = path.join(bindingDir, 'codec.c');
	if (!fs.existsSync(source)) skip('native/codec is missing from this copy of facetty.');
	const builtFile = path.join(bindingDir, 'build', 'Release', 'facetty_codec.node');
	const ffmpeg = locateFfmpeg();
	if (!ffmpeg) skip(`FFmpeg's development files (${libraries.join(', ')}) were not found by pkg-config.`);

	const key = createHash('sha256')
		.update(fs.readFileSync(source))
		.update(
			JSON.stringify({
				abi: process.versions.modules,
				napi: process.versions.napi,
				ffmpeg,
				arch: process.arch,
				script: 1,
			}),
		)
		.digest('hex')
		.slice(0, 12);
	const cacheDir = path.join(
		cacheRoot('codec'),
		`abi${process.versions.modules}-avcodec${ffmpeg.versions.libavcodec}-${key}`,
	);
	const cachedFile = path.join(cacheDir, 'facetty_codec.node');
	if (!process.env.FACETTY_REBUILD_CODEC && restoreFromCache(cachedFile, builtFile)) {
		say(`codec binding copied from cache ${cacheDir} in ${elapsed()}`);
		return;
	}

	const missing = missingTools().map((tool) => (tool === 'a C++ compiler' ? 'a C/C++ compiler' : tool));
	if (missing.length > 0) skip(`building the codec binding needs ${missing.join(', ')}, not found on PATH.`);
	say(`building the codec binding against libavcodec ${ffmpeg.versions.libavcodec}`);
	if (!ffmpeg.reader)
		say(
			'libavformat was not found: video files are read through OpenCV (about 90 MB more resident in a call)',
		);
	writeBindingGyp(ffmpeg);
	const nodeGyp = findNodeGyp();
	if (!nodeGyp) skip('node-gyp was not found (npm brings its own; or npm install -g node-gyp).');
	const build = runNodeGyp(nodeGyp, bindingDir, builtFile, {errorLines: 20, tailLines: 10});
	if (!build.built) {
		console.warn(build.summary);
		skip('compiling the codec binding failed (the compiler output is above).');
	}
	const notCached = storeInCache(builtFile, cachedFile);
	if (notCached)
		say(`could not cache the codec binding (${notCached}); the next install will build it again`);
	say(`codec binding built in ${elapsed()}, cached in ${cacheDir}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
