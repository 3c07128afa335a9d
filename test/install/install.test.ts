/**
 * facetty as a user installs it: `npm pack`, then `npm install -g` of the tarball into a
 * temporary prefix with a fresh HOME and nothing exported, then the installed command. Also
 * `npx --package <tarball> facetty`, what the tarball holds, and the postinstall's diagnoses when
 * the build cannot work (run in the installed copy, so the clone's own binding is never touched).
 *
 * To stay fast, the compiled binding is copied from this machine's cache (~/.cache/facetty)
 * into the fresh HOME's, and npm's package cache is shared (--prefer-offline): the test is about
 * what facetty's install does, not npm's downloads. Without a cached binding, the postinstall
 * compiles it (a few minutes).
 */
import assert from 'node:assert/strict';
import {execFileSync, spawnSync, type SpawnSyncReturns} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-install-'));
const home = path.join(work, 'home');
const prefix = path.join(work, 'prefix');
const realNpmCache = execFileSync('npm', ['config', 'get', 'cache'], {encoding: 'utf8'}).trim();
const installed = path.join(prefix, 'lib', 'node_modules', 'facetty');
const facetty = path.join(prefix, 'bin', 'facetty');
let tarball = '';
let packedFiles: string[] = [];

after(() => fs.rmSync(work, {recursive: true, force: true}));

/** The environment of a user who exported nothing: a fresh HOME, no npm_config_* or XDG_*. */
function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(npm_|XDG_|NODE_OPTIONS$|INIT_CWD$|FACETTY_)/i.test(key)) continue;
		env[key] = value;
	}
	return {
		...env,
		HOME: home,
		npm_config_cache: realNpmCache,
		npm_config_prefer_offline: 'true',
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		...extra,
	};
}

function run(command: string, args: string[], env = userEnvironment(), cwd = work): SpawnSyncReturns<string> {
	return spawnSync(command, args, {cwd, env, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 << 20});
}

before(() => {
	fs.mkdirSync(home, {recursive: true});
	const cache = path.join(process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache'), 'facetty');
	if (fs.existsSync(cache)) fs.cpSync(cache, path.join(home, '.cache', 'facetty'), {recursive: true});
	assert.ok(fs.existsSync(path.join(root, 'dist', 'cli.js')), 'dist/ is built (npm run build)');
	const packed = run(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', work],
		process.env,
		root,
	);
	assert.equal(packed.status, 0, packed.stderr);
	const [info] = JSON.parse(packed.stdout) as Array<{filename: string; files: Array<{path: string}>}>;
	tarball = path.join(work, info!.filename);
	packedFiles = info!.files.map((file) => file.path);
});

test('the tarball holds what a user needs and no more', () => {
	for (const needed of [
		'LICENSE',
		'readme.md',
		'docs/protocol.md',
		'package.json',
		'dist/cli.js',
		'dist/facetty.1',
		'media/clip.mp4',
		'scripts/build-opencv-binding.mjs',
		'scripts/build-codec-binding.mjs',
		'scripts/native-build.mjs',
		'native/codec/codec.c',
		'vendor/opencv4nodejs/binding.gyp.in',
		'vendor/opencv4nodejs/LICENSE',
		'vendor/opencv4nodejs/esm/lib/opencv4nodejs.js',
		'vendor/opencv4nodejs/cc/opencv4nodejs.cc',
	]) {
		assert.ok(packedFiles.includes(needed), `the tarball has ${needed}`);
	}
	const unwanted = packedFiles.filter(
		(file) =>
			file.endsWith('.map') ||
			file.endsWith('.node') ||
			/^(source|test|bench)\//.test(file) ||
			/^vendor\/opencv4nodejs\/(build|typings|types|facetty-shim)\//.test(file) ||
			file === 'vendor/opencv4nodejs/binding.gyp' ||
			(file.startsWith('native/') && file !== 'native/codec/codec.c') ||
			file === 'media/screenshot.svg' ||
			(file.startsWith('scripts/') &&
				!/^scripts\/(build-(opencv|codec)-binding|native-build)\.mjs$/.test(file)),
	);
	assert.deepEqual(unwanted, []);
	// Nothing in the tarball gives npm a reason to run a build of its own.
	assert.ok(!packedFiles.includes('binding.gyp'));
	const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		dependencies: Record<string, string>;
	};
	assert.equal(manifest.dependencies['@u4/opencv4nodejs'], undefined);
});

test(
	'npm install -g of the tarball, with a fresh HOME and nothing exported, gives a working facetty',
	{timeout: 600_000},
	() => {
		const install = run('npm', ['install', '-g', '--prefix', prefix, '--foreground-scripts', tarball]);
		assert.equal(install.status, 0, `${install.stdout}\n${install.stderr}`);
		assert.match(install.stdout + install.stderr, /facetty: OpenCV binding (copied from cache|built in)/);
		assert.match(install.stdout + install.stderr, /facetty: codec binding (copied from cache|built in)/);
		assert.ok(
			fs.existsSync(path.join(installed, 'native', 'codec', 'build', 'Release', 'facetty_codec.node')),
		);
		assert.ok(fs.existsSync(facetty), 'the facetty command is installed');
		assert.ok(fs.existsSync(path.join(prefix, 'share', 'man', 'man1', 'facetty.1')), 'and its man page');

		const play = run(facetty, [
			'play',
			path.join(installed, 'media', 'clip.mp4'),
			'--size',
			'40x12',
			'--no-pace',
		]);
		assert.equal(play.status, 0, play.stderr);
		assert.ok(play.stdout.includes('▀'), 'the picture is drawn with half blocks');
		assert.ok(play.stdout.includes('\u001b[12;1H'), 'in 12 rows');
		assert.ok(!play.stdout.includes('\u001b[13;1H'), 'and no more');
		assert.equal(play.stderr, '');

		const typo = run(facetty, ['call', '127.0.0.1:3223', '--secrte', 'x']);
		assert.equal(typo.status, 2);
		assert.equal(typo.stderr, 'facetty: unknown flag --secrte: did you mean --secret?\n');
	},
);

test('npx --package <tarball> facetty --help works from a fresh HOME', {timeout: 600_000}, () => {
	const npxCache = path.join(realNpmCache, '_npx');
	const before = new Set(fs.existsSync(npxCache) ? fs.readdirSync(npxCache) : []);
	try {
		const help = run('npx', ['--yes', '--package', tarball, 'facetty', '--help']);
		assert.equal(help.status, 0, help.stderr);
		assert.match(help.stdout, /Video chat without voice, in your terminal/);
	} finally {
		// npx keeps what it installed under the npm cache: remove this run's copy.
		for (const entry of fs.existsSync(npxCache) ? fs.readdirSync(npxCache) : []) {
			if (!before.has(entry)) fs.rmSync(path.join(npxCache, entry), {recursive: true, force: true});
		}
	}
});

/** The installed postinstall, made to build (not copy from the cache) under `env`. */
function rebuild(env: Record<string, string>, pathDirs?: string[]): SpawnSyncReturns<string> {
	const environment = userEnvironment({FACETTY_REBUILD_OPENCV: '1', ...env});
	if (pathDirs) environment['PATH'] = pathDirs.join(path.delimiter);
	return run(
		process.execPath,
		[path.join(installed, 'scripts', 'build-opencv-binding.mjs')],
		environment,
		installed,
	);
}

test('the postinstall says which part of the build is missing', {timeout: 300_000}, () => {
	assert.ok(fs.existsSync(installed), 'runs after the global install');
	// No compiler, make or python: a PATH that holds only node and pkg-config.
	const bare = path.join(work, 'bare-bin');
	fs.mkdirSync(bare, {recursive: true});
	fs.symlinkSync(process.execPath, path.join(bare, 'node'));
	const noTools = rebuild({}, [bare]);
	assert.equal(noTools.status, 1);
	assert.match(noTools.stderr, /needs a C\+\+ compiler, make, python3, not found on PATH/);

	// pkg-config knows an opencv4 whose headers are not there (the development package removed).
	const pkgConfig = path.join(work, 'pkgconfig');
	fs.mkdirSync(pkgConfig, {recursive: true});
	fs.writeFileSync(
		path.join(pkgConfig, 'opencv4.pc'),
		'prefix=/nonexistent\nlibdir=/nonexistent/lib\nincludedir=/nonexistent/include/opencv4\n' +
			'Name: OpenCV\nDescription: gone\nVersion: 4.6.0\nLibs: -L${libdir} -lopencv_core\nCflags: -I${includedir}\n',
	);
	const noOpenCv = rebuild({PKG_CONFIG_LIBDIR: pkgConfig});
	assert.equal(noOpenCv.status, 1);
	assert.match(noOpenCv.stderr, /OpenCV development files were not found/);
	assert.match(noOpenCv.stderr, /libopencv-dev/);

	// Node's headers nowhere to be found.
	const noHeaders = rebuild({npm_config_nodedir: path.join(work, 'no-node-here')});
	assert.equal(noHeaders.status, 1);
	assert.match(noHeaders.stderr, /node-gyp could not get the headers of Node v\d+/);
	assert.match(noHeaders.stderr, /npm_config_nodedir=/);

	// The compiler fails on the sources.
	const broken = rebuild({CXXFLAGS: `-include ${path.join(work, 'missing-header.h')}`});
	assert.equal(broken.status, 1);
	assert.match(broken.stderr, /compiling the OpenCV binding failed \(the compiler output is above\)/);
	assert.match(broken.stderr, /missing-header\.h/);
});

test('without FFmpeg development files the codec is skipped with a warning, and the install goes on', () => {
	assert.ok(fs.existsSync(installed), 'runs after the global install');
	const empty = path.join(work, 'no-ffmpeg-pkgconfig');
	fs.mkdirSync(empty, {recursive: true});
	const result = run(
		process.execPath,
		[path.join(installed, 'scripts', 'build-codec-binding.mjs')],
		userEnvironment({FACETTY_REBUILD_CODEC: '1', PKG_CONFIG_LIBDIR: empty, PKG_CONFIG_PATH: ''}),
		installed,
	);
	assert.equal(result.status, 0, result.stderr);
	assert.match(
		result.stderr,
		/FFmpeg's development files \(libavcodec, libswscale, libavutil\) were not found/,
	);
	assert.match(result.stderr, /libavcodec-dev/);
	assert.match(result.stderr, /video is sent as jpeg444/);
});

test('package-lock.json agrees with package.json, so npm install leaves a clone clean', () => {
	type Manifest = {dependencies?: Record<string, string>; devDependencies?: Record<string, string>};
	const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
	const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
		packages: Record<string, Manifest>;
	};
	const locked = lock.packages['']!;
	assert.deepEqual(locked.dependencies, manifest.dependencies);
	assert.deepEqual(locked.devDependencies, manifest.devDependencies);
});
