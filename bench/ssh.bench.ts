/**
 * `npm run bench -- ssh`: what a person sees of a call over SSH, read off the glass.
 *
 *   stamp camera (HTTP MJPEG, each frame carries its number)
 *     -> facetty listen --camera http://…           (this machine, no terminal)
 *     -> facetty call, at 160x48, inside ssh        (remote side of a private sshd)
 *     -> the link emulator between ssh and sshd     (none, 5, 2, 1 Mbit/s; 40 ms each way)
 *     -> ssh inside tmux: the outer terminal        (read with capture-pane -e -p -N, 30 Hz)
 *
 * Per link: display lag (camera capture -> readable on the outer pane) p50/p95, distinct
 * pictures a second, terminal bytes a second through the link, the PSNR of the glass against the
 * frame it shows, and the colours it was drawn in. Then the same for timg playing a file of the
 * same stamped frames over the same link (its lag counted from its own best frame: a file has no
 * capture time). FACETTY_BENCH_SECONDS (default 12) sets each run's measured seconds;
 * FACETTY_BENCH_LINKS (e.g. "none,1") picks links; FACETTY_BENCH_DUMP=DIR keeps each run's last
 * capture (.ansi: `cat` it in a 160x48 terminal) and where the picture was found;
 * FACETTY_BENCH_DUMP_ALL=DIR every capture whose PSNR was taken, with its frame number and PSNR
 * (a low one is a picture shown part-way: compare its bands with earlier frames);
 * FACETTY_BENCH_CLI=path/to/dist/cli.js runs that build instead of building this tree (A/B
 * against an older build: alternate runs, since a shared machine's load drifts);
 * FACETTY_BENCH_TIMG=0 leaves out the timg rows; FACETTY_BENCH_GLYPHS=half (or quad, sextant,
 * octant) gives the call that --glyphs instead of auto. Not a test: the numbers depend on the machine.
 * Where the picture's decibels go, step by step and without timing: bench/glass/losses.ts.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {percentile} from '../source/session/stats.js';
import {pipRect} from '../source/ui/layout.js';
import {findPicture, PaneReader, parseGlass} from './glass/glass.js';
import {startStampCamera, writeStampVideo, type StampCamera} from './glass/mjpeg-server.js';
import {startSshd, sshdMissing} from './glass/sshd.js';
import {glassPsnr, readStamp, settleSeconds, stampRows, type Rect, type SettleSample} from './glass/stamp.js';
import {launcher} from './launcher.js';
import {emulateLinkInThread, type ThreadedLink} from './link-thread.js';
import {freePort} from '../test/e2e/tmux.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env['FACETTY_BENCH_SECONDS'] ?? 12);
const warmupSeconds = 3;
const fps = 30;
const cols = 160;
const rows = 48;
const sampleMs = 1000 / 33;
/** How long the glass is read after the camera freezes (the convergence column). */
const stillSeconds = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

type Link = {name: string; key: string; rate: number; delay: number};
const allLinks: Link[] = [
	{name: 'none (loopback)', key: 'none', rate: 1e12, delay: 0},
	{name: '5 Mbit/s + 40 ms', key: '5', rate: 5e6, delay: 40},
	{name: '2 Mbit/s + 40 ms', key: '2', rate: 2e6, delay: 40},
	{name: '1 Mbit/s + 40 ms', key: '1', rate: 1e6, delay: 40},
];
const wanted = process.env['FACETTY_BENCH_LINKS']?.split(',');
const links = wanted ? allLinks.filter((link) => wanted.includes(link.key)) : allLinks;
const prebuiltCli = process.env['FACETTY_BENCH_CLI'];
/** FACETTY_BENCH_GLYPHS=half|quad|sextant|octant: the call's --glyphs (default auto, as a user gets). */
const benchGlyphs = process.env['FACETTY_BENCH_GLYPHS'];
const glyphsFlag = benchGlyphs ? ` --glyphs ${benchGlyphs}` : '';
const cliPath = prebuiltCli ? path.resolve(prebuiltCli) : path.join(repo, 'dist', 'cli.js');

type Result = {
	link: string;
	player: string;
	lags: number[];
	distinct: number;
	bytes: number;
	psnrs: number[];
	samples: number;
	readable: number;
	colours: string;
	/** What facetty's own --stats said meanwhile (median of its per-second p95s). */
	statsLatency?: number;
	statsScreenLag?: number;
	/** After the camera froze: seconds until the glass converged on the still picture, and its PSNR. */
	settle?: {seconds: number; plateau: number};
	note?: string;
};

const children = new Set<ChildProcess>();
const tmuxSocket = `facetty-bench-ssh-${process.pid}`;

function tmux(...args: string[]): string {
	const result = spawnSync('tmux', ['-L', tmuxSocket, '-f', '/dev/null', ...args], {
		encoding: 'utf8',
		timeout: 10_000,
	});
	if (result.status !== 0) throw new Error(`tmux ${args[0]}: ${result.stderr}`);
	return result.stdout;
}

async function waitForPort(port: number, ms: number): Promise<void> {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => (socket.destroy(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await sleep(100);
	}
	throw new Error(`nothing listens on ${port} after ${ms} ms`);
}

/**
 * Runs `remote` through ssh (over `link`) in a fresh 160x48 outer tmux pane, and reads the glass
 * until `seconds` of samples are taken. `frameTime(n)` is when frame n was captured; undefined
 * means "count lag from the player's own best frame".
 */
async function watch(
	link: ThreadedLink,
	sshArgs: string[],
	remote: string,
	player: string,
	linkName: string,
	frameTime: ((n: number) => number | undefined) | undefined,
	mask: boolean,
	camera?: Pick<StampCamera, 'freeze' | 'thaw'>,
): Promise<Result> {
	const session = `glass-${Math.random().toString(36).slice(2, 8)}`;
	// COLORTERM unset and TERM=xterm-256color on the remote side, as over a plain ssh.
	const command = `env -u COLORTERM TERM=xterm-256color ssh -t ${sshArgs.map(quote).join(' ')} ${quote(remote)}`;
	tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), command);
	tmux('set-option', '-t', session, 'remain-on-exit', 'on');
	const reader = new PaneReader(tmuxSocket, session);
	const result: Result = {
		link: linkName,
		player,
		lags: [],
		distinct: 0,
		bytes: 0,
		psnrs: [],
		samples: 0,
		readable: 0,
		colours: '?',
	};
	try {
		// Wait for a readable picture (ssh login, the call set up, the first frames through).
		let rect: Rect | undefined;
		const ready = performance.now() + 45_000;
		while (performance.now() < ready) {
			const glass = parseGlass(await reader.capture());
			const found = findPicture(glass.cells);
			if (found && readStamp(glass.cells, found) !== undefined) {
				rect = found;
				break;
			}
			await sleep(200);
		}
		if (!rect) {
			result.note = `no readable picture; the pane shows: ${tmux('capture-pane', '-p', '-t', session).trim().slice(0, 300)}`;
			return result;
		}
		await sleep(warmupSeconds * 1000);
		// On a slow link the first picture is still being drawn when its stamp first reads: take
		// the largest picture a few captures find once it has settled.
		for (let i = 0; i < 5; i++) {
			const glass = parseGlass(await reader.capture());
			const found = findPicture(glass.cells);
			if (
				found &&
				readStamp(glass.cells, found) !== undefined &&
				found.cols * found.rows > rect.cols * rect.rows
			)
				rect = found;
			await sleep(50);
		}
		const pip = mask ? pipRect(rect) : undefined;
		const maskRect = pip && {col: pip.col - 1, row: pip.row - 1, cols: pip.cols + 2, rows: pip.rows + 2};
		const seen = new Set<number>();
		const offsets: Array<{t: number; n: number}> = [];
		let truecolor = 0;
		let indexed = 0;
		const later: Array<{text: string; n: number; rect: Rect; readable: number}> = [];
		const bytesBefore = await link.bytesDown();
		const start = performance.now();
		const end = start + seconds * 1000;
		let next = start;
		while (performance.now() < end) {
			const before = performance.now();
			// The whole glass every third sample (for its PSNR, after the run), else only the rows of
			// the stamp; the whole glass too when the stamp does not read (the picture may have moved:
			// a resize, a layout change).
			const whole = result.samples % 3 === 0;
			let text = await reader.capture(whole ? undefined : stampRows(rect));
			const at = (before + performance.now()) / 2;
			result.samples++;
			let n = readStamp(parseGlass(text, stampRows(rect)).cells, rect);
			if (n === undefined) {
				if (!whole) text = await reader.capture();
				const found = findPicture(parseGlass(text).cells);
				if (found) {
					const stamp = readStamp(parseGlass(text, stampRows(found)).cells, found);
					if (stamp !== undefined) [rect, n] = [found, stamp];
				}
			}
			if (n !== undefined) {
				result.readable++;
				seen.add(n);
				if (frameTime) {
					const captured = frameTime(n);
					if (captured !== undefined) result.lags.push(at - captured);
				} else offsets.push({t: at, n});
				// Measured after the run: the PSNR's picture (and the whole parse) took the sampler's
				// time, so it read the glass less often than pictures came.
				if (whole) later.push({text, n, rect, readable: result.readable});
			}
			next += sampleMs;
			await sleep(Math.max(0, next - performance.now()));
		}
		const elapsed = (performance.now() - start) / 1000;
		const bytesAfter = await link.bytesDown();
		for (const sample of later) {
			const glass = parseGlass(sample.text);
			truecolor += glass.truecolor;
			indexed += glass.indexed;
			const psnr = glassPsnr(glass.cells, sample.rect, sample.n, maskRect);
			if (process.env['FACETTY_BENCH_DUMP_ALL']) {
				const dir = process.env['FACETTY_BENCH_DUMP_ALL'];
				fs.mkdirSync(dir, {recursive: true});
				const name = `${linkName}-${player}-${sample.readable}`.replaceAll(/[^\w.-]+/g, '_');
				fs.writeFileSync(path.join(dir, `${name}.ansi`), sample.text);
				fs.writeFileSync(
					path.join(dir, `${name}.json`),
					JSON.stringify({rect: sample.rect, mask: maskRect, n: sample.n, psnr}),
				);
			}
			if (psnr !== undefined) result.psnrs.push(psnr);
		}
		if (camera) {
			// A still camera: how long until the glass stops improving on the frozen frame.
			const frozen = camera.freeze();
			try {
				const samples: SettleSample[] = [];
				const from = performance.now();
				let tick = from;
				while (performance.now() < from + stillSeconds * 1000) {
					const glass = parseGlass(await reader.capture());
					const psnr = glassPsnr(glass.cells, rect, frozen, maskRect);
					if (psnr !== undefined) samples.push({seconds: (performance.now() - from) / 1000, psnr});
					tick += sampleMs;
					await sleep(Math.max(0, tick - performance.now()));
				}
				result.settle = settleSeconds(samples);
			} finally {
				camera.thaw();
			}
		}
		const dump = process.env['FACETTY_BENCH_DUMP'];
		if (dump) {
			fs.mkdirSync(dump, {recursive: true});
			const name = `${linkName}-${player}`.replaceAll(/[^\w.-]+/g, '_');
			fs.writeFileSync(path.join(dump, `${name}.ansi`), await reader.capture());
			fs.writeFileSync(path.join(dump, `${name}.json`), JSON.stringify({rect, mask: maskRect}));
		}
		result.bytes = (bytesAfter - bytesBefore) / elapsed;
		result.distinct = seen.size / elapsed;
		if (!frameTime && offsets.length > 0) {
			const base = Math.min(...offsets.map(({t, n}) => t - (n * 1000) / fps));
			result.lags = offsets.map(({t, n}) => t - (n * 1000) / fps - base);
		}
		result.colours =
			truecolor === 0 && indexed === 0
				? '?'
				: truecolor >= indexed
					? `truecolor${indexed > 0 ? ` (${Math.round((100 * indexed) / (truecolor + indexed))}% palette)` : ''}`
					: '256';
		return result;
	} finally {
		reader.close();
		spawnSync('tmux', ['-L', tmuxSocket, 'kill-session', '-t', session], {timeout: 10_000});
	}
}

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
	const out = fs.openSync(log, 'a');
	const child = spawn(command, args, {cwd: repo, env, stdio: ['ignore', out, out], detached: false});
	fs.closeSync(out);
	children.add(child);
	child.once('exit', () => children.delete(child));
	return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await Promise.race([exited, sleep(3000)]);
	if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** The call's own view, from --stats: the last `seconds` lines (the measured part of the run). */
function ownStats(file: string): Pick<Result, 'statsLatency' | 'statsScreenLag'> {
	let lines: Array<Record<string, unknown>> = [];
	try {
		lines = fs
			.readFileSync(file, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as Record<string, unknown>);
	} catch {
		return {};
	}
	const median = (key: string) =>
		percentile(
			lines
				.slice(-seconds)
				.map((line) => line[key])
				.filter((value): value is number => typeof value === 'number')
				.sort((a, b) => a - b),
			50,
		) ?? undefined;
	const last = lines.at(-1);
	console.error(
		`--stats: fps_in p50 ${median('fps_in')}, kB/s in p50 ${((median('bytes_in') ?? 0) / 1000).toFixed(0)}, ` +
			`codec ${String(last?.['codec'])}, shown ${String(last?.['shown_shape'])}`,
	);
	return {statsLatency: median('latency_ms_p95'), statsScreenLag: median('screen_lag_ms')};
}

const ms = (values: number[], p: number) => {
	const value = percentile(
		[...values].sort((a, b) => a - b),
		p,
	);
	return value === null ? '–' : String(Math.round(value));
};

function row(result: Result): string {
	const psnr = percentile(
		[...result.psnrs].sort((a, b) => a - b),
		50,
	);
	return (
		`| ${result.link} | ${result.player} | ${ms(result.lags, 50)} / ${ms(result.lags, 95)} | ` +
		`${result.distinct.toFixed(1)} | ${(result.bytes / 1000).toFixed(0)} | ` +
		`${psnr === null ? '–' : psnr.toFixed(1)} | ${result.colours} | ${result.readable}/${result.samples} | ` +
		`${result.statsLatency === undefined ? '–' : Math.round(result.statsLatency)}` +
		`${result.statsScreenLag === undefined ? '' : ` / ${Math.round(result.statsScreenLag)}`} | ` +
		`${result.settle ? `${result.settle.seconds.toFixed(2)} (${result.settle.plateau.toFixed(1)})` : '–'} |`
	);
}

async function main(): Promise<void> {
	const missing = sshdMissing() ?? (spawnSync('tmux', ['-V']).status === 0 ? undefined : 'tmux is missing');
	if (missing) {
		console.log(`skipped: ${missing}`);
		return;
	}
	const hasTimg = process.env['FACETTY_BENCH_TIMG'] !== '0' && spawnSync('timg', ['--version']).status === 0;
	console.log(
		`machine load before: ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')} (${os.cpus().length} cores)`,
	);
	if (prebuiltCli) console.log(`build: ${cliPath}`);
	else {
		const build = spawnSync('npm', ['run', 'build'], {cwd: repo, encoding: 'utf8'});
		if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
	}

	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-bench-ssh-'));
	fs.chmodSync(dir, 0o755);
	const results: Result[] = [];
	const camera = await startStampCamera(fps);
	const sshd = await startSshd(dir);
	const video = path.join(dir, 'stamp.avi');
	if (hasTimg) await writeStampVideo(video, (seconds + warmupSeconds + 30) * fps, fps);
	// Both sides run as a user's shell runs dist/cli.js: its first line's environment and Node flags.
	const {env: cliEnv, nodeFlags} = launcher(fs.readFileSync(cliPath, 'utf8').split('\n')[0]!);
	const envWords = Object.entries(cliEnv).map(([name, value]) => `${name}=${quote(value)}`);
	const cli = [process.execPath, ...nodeFlags, quote(cliPath)].join(' ');
	try {
		for (const [index, spec] of links.entries()) {
			const link = await emulateLinkInThread({
				target: {host: '127.0.0.1', port: sshd.port},
				rateBitsPerSecond: spec.rate,
				delayMs: spec.delay,
				...(spec.key === 'none' ? {burstBytes: 64 * 1024 * 1024, queueBytes: 64 * 1024 * 1024} : {}),
			});
			try {
				const port = await freePort();
				const listenerHome = path.join(dir, `listener-${index}`);
				const listener = startProcess(
					process.execPath,
					[
						...nodeFlags,
						cliPath,
						'listen',
						'--host',
						'127.0.0.1',
						'--port',
						String(port),
						'--camera',
						camera.url,
						'--name',
						'stamp',
					],
					{...process.env, ...cliEnv, XDG_CONFIG_HOME: listenerHome},
					path.join(dir, `listener-${index}.log`),
				);
				try {
					await waitForPort(port, 20_000);
					const callerHome = path.join(dir, `caller-${index}`);
					const stats = path.join(dir, `caller-${index}.stats`);
					const remote = `cd ${quote(repo)} && XDG_CONFIG_HOME=${quote(callerHome)} ${envWords.join(' ')} exec ${cli} call 127.0.0.1:${port} --camera test --name glass --stats ${quote(stats)}${glyphsFlag}`;
					const args = sshd.sshArgs(link.port);
					const result = await watch(
						link,
						args,
						remote,
						'facetty call',
						spec.name,
						camera.sentAt,
						true,
						camera,
					);
					results.push({...result, ...ownStats(stats)});
				} finally {
					await stopProcess(listener);
				}
				if (hasTimg) {
					const remote = `exec timg -V -ph -g124x46 ${quote(video)}`;
					results.push(
						await watch(link, sshd.sshArgs(link.port), remote, 'timg (file)', spec.name, undefined, false),
					);
				}
			} finally {
				await link.close();
			}
			console.error(`done: ${spec.name}`);
		}
	} finally {
		spawnSync('tmux', ['-L', tmuxSocket, 'kill-server'], {timeout: 10_000});
		await Promise.all([...children].map(stopProcess));
		await sshd.close();
		await camera.close();
		fs.rmSync(dir, {recursive: true, force: true});
	}

	console.log(
		`\nThe call screen at ${cols}x${rows} inside ssh inside tmux, read ${Math.round(1000 / sampleMs)} times a second for ${seconds} s per row. ` +
			'Lag: camera capture -> readable on the outer pane (timg: behind its own best frame). Bytes: sshd -> ssh through the link.\n',
	);
	console.log(
		'| link | player | display lag p50 / p95 ms | distinct pictures/s | terminal kB/s | PSNR dB (p50) | colours | readable samples | --stats latency p95 (/ screen_lag_ms) | still camera: converged after s (PSNR dB) |',
	);
	console.log('|---|---|---|---|---|---|---|---|---|---|');
	for (const result of results) console.log(row(result));
	for (const result of results.filter((r) => r.note))
		console.log(`\n${result.link}, ${result.player}: ${result.note}`);
	console.log(
		`\nmachine load after: ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`,
	);
}

const cleanUp = () => {
	spawnSync('tmux', ['-L', tmuxSocket, 'kill-server'], {timeout: 10_000});
	for (const child of children) child.kill('SIGKILL');
	process.exit(130);
};
process.once('SIGINT', cleanUp);
process.once('SIGTERM', cleanUp);

await main();
