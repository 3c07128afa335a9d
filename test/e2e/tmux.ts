/**
 * Helpers for end-to-end tests in tmux: a private tmux server (its own socket, so a user's tmux
 * is never touched), panes running facetty, and a reader of `capture-pane -e -p` that knows the
 * colour of every half-block cell.
 */
import {spawnSync} from 'node:child_process';
import {maskOfGlyph} from '../../source/render/glyphs.js';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {needsTool} from '../tools.js';
import {launcher} from '../../bench/launcher.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function tmuxMissing(): string | undefined {
	const result = spawnSync('tmux', ['-V'], {encoding: 'utf8'});
	return needsTool(result.status === 0 ? undefined : 'tmux is not installed: skipping the end-to-end tests');
}

/** How to start facetty: the build when there is one (npm test builds first), else the sources. */
export function facettyCommand(): string {
	const built = path.join(repo, 'dist', 'cli.js');
	if (!fs.existsSync(built))
		return `${process.execPath} --import tsx ${path.join(repo, 'source', 'cli.tsx')}`;
	// As the first line starts it: its environment and Node's flags.
	const {env, nodeFlags} = launcher(fs.readFileSync(built, 'utf8').split('\n')[0]!);
	const assignments = Object.entries(env).map(([name, value]) => `${name}=${value}`);
	return ['env', ...assignments, process.execPath, ...nodeFlags, built].join(' ');
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Tmux {
	readonly socket = `facetty-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

	run(...args: string[]): string {
		const result = spawnSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8', timeout: 10_000});
		if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
		return result.stdout;
	}

	/** A session running `command` (through sh) in a cols x rows window. */
	start(name: string, command: string, cols = 120, rows = 36): void {
		this.run(
			'new-session',
			'-d',
			'-s',
			name,
			'-x',
			String(cols),
			'-y',
			String(rows),
			'-e',
			'COLORTERM=truecolor',
			'-c',
			repo,
			command,
		);
		this.run('set-option', '-t', name, 'remain-on-exit', 'on');
	}

	capture(name: string, escapes = false): string {
		return this.run('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', name);
	}

	display(name: string, format: string): string {
		return this.run('display-message', '-p', '-t', name, format).trim();
	}

	/** Resizes the session's window (and so its one pane) to cols x rows. */
	resize(name: string, cols: number, rows: number): void {
		this.run('resize-window', '-t', name, '-x', String(cols), '-y', String(rows));
	}

	/** The pid of the pane's first process (the shell running the command given to start). */
	panePid(name: string): number {
		return Number(this.display(name, '#{pane_pid}'));
	}

	keys(name: string, ...keys: string[]): void {
		this.run('send-keys', '-t', name, ...keys);
	}

	text(name: string, text: string): void {
		this.run('send-keys', '-t', name, '-l', text);
	}

	/** Polls the pane until `test` passes; throws with the pane's text when `ms` runs out. */
	async waitFor(
		name: string,
		test: (text: string) => boolean,
		ms = 20_000,
		what = 'the pane',
	): Promise<string> {
		const end = Date.now() + ms;
		let text = '';
		while (Date.now() < end) {
			text = this.capture(name);
			if (test(text)) return text;
			await sleep(200);
		}
		throw new Error(`timed out waiting for ${what}; it shows:\n${text}`);
	}

	/**
	 * Ends the server and waits (up to `ms`) until every process its panes ran has ended: killing
	 * the server only hangs up their terminals, and a facetty still closing may write into a
	 * directory the test is about to remove (a room test's `rmSync` failed with ENOTEMPTY so).
	 */
	kill(ms = 10_000): void {
		const panes = spawnSync('tmux', ['-L', this.socket, 'list-panes', '-a', '-F', '#{pane_pid}'], {
			encoding: 'utf8',
			timeout: 10_000,
		});
		const pids = (panes.stdout ?? '').split('\n').filter(Boolean).map(Number).flatMap(descendants);
		spawnSync('tmux', ['-L', this.socket, 'kill-server'], {timeout: 10_000});
		const end = Date.now() + ms;
		while (pids.some(processAlive) && Date.now() < end) pause(50);
	}
}

/** Blocks this thread for `ms` (kill() runs in `finally` blocks that do not await). */
function pause(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A process and all its descendants, as they are now. */
export function descendants(pid: number): number[] {
	return [pid, ...childPids(pid).flatMap(descendants)];
}

/** Direct children of a process (from /proc), e.g. facetty under the pane's shell. */
export function childPids(pid: number): number[] {
	const children: number[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === pid) children.push(Number(entry));
		} catch {
			// The process ended while we looked.
		}
	}
	return children;
}

export function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
	} catch {
		return false;
	}
}

export type Rgb = [number, number, number];
export type CapturedCell = {char: string; fg?: Rgb; bg?: Rgb};

/** The colours an SGR sequence leaves set; `palette` maps 256-colour and basic indexes (else they are ignored). */
export type SgrColours = {fg?: Rgb; bg?: Rgb; truecolor: number; indexed: number};

/** Applies one SGR's parameters (`38;2;r;g;b`, `48;5;n`, `0`, `39`…) to `colours`, counting what kind each colour was. */
export function applySgr(parameters: string, colours: SgrColours, palette?: (index: number) => Rgb): void {
	const codes = parameters === '' ? [0] : parameters.split(/[;:]/).map(Number);
	const set = (code: number, rgb: Rgb | undefined) => {
		if (code === 38) colours.fg = rgb;
		else colours.bg = rgb;
	};
	for (let i = 0; i < codes.length; i++) {
		const code = codes[i]!;
		if (code === 0) colours.fg = colours.bg = undefined;
		else if (code === 39) colours.fg = undefined;
		else if (code === 49) colours.bg = undefined;
		else if ((code === 38 || code === 48) && codes[i + 1] === 2) {
			set(code, [codes[i + 2]!, codes[i + 3]!, codes[i + 4]!]);
			colours.truecolor++;
			i += 4;
		} else if ((code === 38 || code === 48) && codes[i + 1] === 5) {
			if (palette) {
				set(code, palette(codes[i + 2]!));
				colours.indexed++;
			}
			i += 2;
		} else if (palette && code >= 30 && code <= 37) colours.fg = palette(code - 30);
		else if (palette && code >= 40 && code <= 47) colours.bg = palette(code - 40);
		else if (palette && code >= 90 && code <= 97) colours.fg = palette(code - 82);
		else if (palette && code >= 100 && code <= 107) colours.bg = palette(code - 92);
	}
}

/** The characters of one captured line, each with the colours set before it. */
export function* sgrCells(line: string, colours: SgrColours, palette?: (index: number) => Rgb) {
	for (const match of line.matchAll(/\x1b\[([0-9;:]*)m|\x1b[^[]|([^\x1b])/gu)) {
		if (match[2] !== undefined) yield {char: match[2], fg: colours.fg, bg: colours.bg};
		else if (match[1] !== undefined) applySgr(match[1], colours, palette);
	}
}

/** Parses `capture-pane -e -p` output into rows of cells with their truecolour fg and bg. */
export function parseCapture(text: string): CapturedCell[][] {
	return text.split('\n').map((line) => [...sgrCells(line, {truecolor: 0, indexed: 0})]);
}

/** Share of a block glyph's area in the foreground colour (any set: half blocks to octants). */
function foregroundShare(char: string): number | undefined {
	const count = (mask: number) => {
		let n = 0;
		for (; mask; mask &= mask - 1) n++;
		return n;
	};
	const octant = maskOfGlyph(char, 'octant');
	if (octant !== undefined) return count(octant) / 8;
	const sextant = maskOfGlyph(char, 'sextant');
	return sextant === undefined ? undefined : count(sextant) / 6;
}

/**
 * Picture cells (half blocks, or whatever glyph set `auto` chose: quadrants, sextants, octants)
 * with the colours they need set inside the rectangle, and their mean colour.
 */
export function halfBlockStats(
	cells: CapturedCell[][],
	rect: {col: number; row: number; cols: number; rows: number},
): {count: number; total: number; mean: Rgb} {
	let count = 0;
	const sum = [0, 0, 0];
	for (let row = rect.row; row < rect.row + rect.rows; row++) {
		for (let col = rect.col; col < rect.col + rect.cols; col++) {
			const cell = cells[row]?.[col];
			const share = cell ? foregroundShare(cell.char) : undefined;
			if (!cell || share === undefined) continue;
			const colours: Array<[Rgb | undefined, number]> =
				share === 0
					? [[cell.bg, 1]]
					: share === 1
						? [[cell.fg, 1]]
						: [
								[cell.fg, share],
								[cell.bg, 1 - share],
							];
			if (colours.some(([c]) => c === undefined)) continue;
			count++;
			for (const [c, weight] of colours) for (let k = 0; k < 3; k++) sum[k]! += c![k]! * weight;
		}
	}
	const n = Math.max(1, count);
	return {count, total: rect.cols * rect.rows, mean: [sum[0]! / n, sum[1]! / n, sum[2]! / n]};
}

export function distance(a: Rgb, b: Rgb): number {
	return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
