import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {spawnSync} from 'node:child_process';
import {PassThrough, Writable} from 'node:stream';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';
import {runPlay, type PlayOptions} from '../../source/commands/play.js';
import {runPreview} from '../../source/commands/preview.js';
import {statusLine} from '../../source/terminal/show-source.js';
import {maxQueuedBytes} from '../../source/terminal/sink.js';
import {VirtualTerminal} from '../render/virtual-terminal.js';
import {ttyInput} from '../ui/captured-terminal.js';

/** Plays a file with no terminal on either side (unless given), and what it said on stderr. */
async function play(options: Partial<PlayOptions> & Pick<PlayOptions, 'file' | 'size'>) {
	const errors = new PassThrough();
	let said = '';
	errors.on('data', (chunk: Buffer) => (said += chunk.toString()));
	const code = await runPlay({
		color: 'truecolor',
		input: new PassThrough() as unknown as NodeJS.ReadStream,
		output: new PassThrough() as unknown as NodeJS.WriteStream,
		errorOutput: errors,
		...options,
	});
	return {code, said};
}

/** A reader that takes the first write and then never reads again (a stalled pipe). */
class StalledReader extends Writable {
	constructor() {
		super({highWaterMark: 16 * 1024});
	}

	override _write(_chunk: Buffer, _encoding: string, _done: (error?: Error) => void): void {
		// Never calls done: everything after the first chunk waits in the stream's buffer.
	}
}

test('play into a reader that stopped reading skips frames instead of queueing them', async () => {
	const output = new StalledReader();
	const {code} = await play({
		file: 'media/clip.mp4',
		pace: false,
		size: {cols: 80, rows: 24},
		output: output as unknown as NodeJS.WriteStream,
	});
	assert.equal(code, 0);
	// One frame may go past the bound (it was let through just under it); never a whole clip.
	assert.ok(output.writableLength < maxQueuedBytes + 200_000, `${output.writableLength} bytes queued`);
	output.destroy();
});

test('play into a reader that keeps up writes every frame', async () => {
	let bytes = 0;
	let frames = 0;
	const output = new Writable({
		write(chunk: Buffer, _encoding, done) {
			bytes += chunk.length;
			// Not a terminal: no synchronized output, one write a frame.
			assert.ok(!chunk.includes('\x1b[?2026'));
			frames++;
			done();
		},
	});
	const {code} = await play({
		file: 'media/clip.mp4',
		pace: false,
		size: {cols: 40, rows: 12},
		output: output as unknown as NodeJS.WriteStream,
	});
	assert.equal(code, 0);
	assert.ok(frames > 300, `${frames} frames drawn of 360`);
	assert.ok(bytes > 0);
});

/**
 * A terminal at the end of a slow link: it draws `rate` bytes a second, answers DA1 when it has
 * drawn everything before the question, and says how far behind it is.
 */
class SlowTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns = 80;
	readonly rows = 24;
	readonly writableLength = 0;
	private drawnUntil = performance.now();
	bytes = 0;
	constructor(
		private readonly input: PassThrough,
		private readonly rate: number,
	) {
		super();
	}

	/** Milliseconds of drawing still ahead of the terminal. */
	get behind(): number {
		return Math.max(0, this.drawnUntil - performance.now());
	}

	write(data: string | Uint8Array): boolean {
		const text = typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
		this.bytes += text.length;
		this.drawnUntil = Math.max(performance.now(), this.drawnUntil) + (text.length / this.rate) * 1000;
		if (text.includes('\x1b[c')) {
			setTimeout(() => this.input.write('\x1b[?62;22c'), this.behind);
		}
		return true;
	}
}

test(
	'play on a slow terminal stays real-time: frames are dropped or coarser, the terminal never falls behind',
	{timeout: 60_000},
	async () => {
		const input = ttyInput();
		// 1 Mbit/s: a third of what the clip needs at 80x24.
		const output = new SlowTerminal(input, 125_000);
		const started = performance.now();
		let worst = 0;
		const watch = setInterval(() => (worst = Math.max(worst, output.behind)), 50);
		const {code} = await play({
			file: 'media/clip.mp4',
			size: {cols: 80, rows: 24},
			input: input as unknown as NodeJS.ReadStream,
			output: output as unknown as NodeJS.WriteStream,
		});
		clearInterval(watch);
		const seconds = (performance.now() - started) / 1000;
		assert.equal(code, 0);
		// The clip is 12 s long; slow motion would take three times that.
		assert.ok(seconds < 15, `played in ${seconds.toFixed(1)} s`);
		assert.ok(worst < 1500, `the terminal fell ${Math.round(worst)} ms behind`);
		assert.ok(
			output.bytes < 125_000 * (seconds + 1.5),
			`${output.bytes} bytes for a ${seconds.toFixed(1)} s link`,
		);
	},
);

test('a file OpenCV opens but decodes no picture from (an SVG) is said in a sentence, exit 1, not a silent blank', async () => {
	const {code, said} = await play({file: 'media/screenshot.svg', pace: false, size: {cols: 20, rows: 5}});
	assert.equal(code, 1);
	assert.match(said, /^media\/screenshot\.svg has no picture OpenCV can decode\.\n$/);
});

test('play given a still image says how to show one', async () => {
	const {code, said} = await play({file: 'media/still.png', size: {cols: 20, rows: 5}});
	assert.equal(code, 2);
	assert.equal(
		said,
		'media/still.png is a still image, not a video: facetty preview --camera media/still.png shows it.\n',
	);
});

/** A terminal the size given, drawing into a VirtualTerminal and answering DA1 at once. */
class ModelTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly writableLength = 0;
	readonly screen: VirtualTerminal;
	written = '';
	constructor(
		private readonly input: PassThrough,
		readonly columns: number,
		readonly rows: number,
	) {
		super();
		this.screen = new VirtualTerminal(columns, rows, {char: ' ', fg: -1, bg: -1});
	}

	write(data: string | Uint8Array): boolean {
		const text = typeof data === 'string' ? data : Buffer.from(data).toString();
		this.written += text;
		this.screen.write(text);
		if (text.includes('\x1b[c')) setImmediate(() => this.input.write('\x1b[?62;22c'));
		return true;
	}

	row(row: number): string {
		return Array.from({length: this.columns}, (_, col) => this.screen.cell(col, row).char).join('');
	}
}

test('a file that cannot open, or opens to no picture, writes nothing to the output: a pipe or a terminal', async () => {
	for (const file of ['media/no-such-clip.mp4', 'media/screenshot.svg']) {
		for (const terminal of [false, true]) {
			const input = ttyInput();
			let piped = '';
			const output = terminal
				? new ModelTerminal(input, 40, 12)
				: new Writable({
						write(chunk: Buffer, _encoding, done) {
							piped += chunk.toString();
							done();
						},
					});
			const errors = new PassThrough();
			let said = '';
			errors.on('data', (chunk: Buffer) => (said += chunk.toString()));
			const code = await runPlay({
				file,
				color: 'truecolor',
				input: (terminal ? input : new PassThrough()) as unknown as NodeJS.ReadStream,
				output: output as unknown as NodeJS.WriteStream,
				errorOutput: errors,
			});
			const where = `${file} into ${terminal ? 'a terminal' : 'a pipe'}`;
			assert.equal(code, 1, where);
			assert.equal(output instanceof ModelTerminal ? output.written : piped, '', where);
			assert.match(said, /^\S[^\n]*\n$/, where);
		}
	}
});

test('play on a terminal keeps its last row for a status line saying how to quit; q quits and gives the terminal back', async () => {
	const input = ttyInput();
	const output = new ModelTerminal(input, 40, 12);
	const played = runPlay({
		file: 'media/clip.mp4',
		loop: true,
		color: 'truecolor',
		// Chosen, so the status line has no word on what auto chose (the next test's).
		glyphs: 'half',
		input: input as unknown as NodeJS.ReadStream,
		output: output as unknown as NodeJS.WriteStream,
		errorOutput: new PassThrough(),
	});
	try {
		const deadline = Date.now() + 20_000;
		while (!/[▀▄]/.test(output.row(5)) || !output.row(11).includes('quit')) {
			assert.ok(
				Date.now() < deadline,
				`no picture and status line; rows:\n${output.row(5)}\n${output.row(11)}`,
			);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		assert.ok(output.screen.alternateScreen);
		assert.match(output.row(11), /^ playing media\/clip\.mp4 +q, Ctrl\+C: quit$/);
		// The picture stays above it: no block glyph on the status row.
		assert.doesNotMatch(output.row(11), /[▀▄█]/);
	} finally {
		// A looping clip ends only when asked: q, whatever happened above.
		input.write('q');
	}
	assert.equal(await played, 0);
	assert.equal(output.screen.alternateScreen, false);
	assert.equal(output.screen.cursorVisible, true);
});

test('play and preview say once in the status line which glyphs auto chose, as the call screen does', async () => {
	const shows = {
		play: (options: Omit<PlayOptions, 'file'>) => runPlay({...options, file: 'media/clip.mp4', loop: true}),
		preview: (options: Omit<PlayOptions, 'file'>) => runPreview({...options, camera: 'test'}),
	};
	for (const [name, show] of Object.entries(shows)) {
		const input = ttyInput();
		const output = new ModelTerminal(input, 100, 12);
		const shown = show({
			color: 'truecolor',
			configuredGlyphs: 'auto',
			// A terminal nothing is known of: quadrants, and the reason.
			env: {TERM: 'xterm-256color'},
			input: input as unknown as NodeJS.ReadStream,
			output: output as unknown as NodeJS.WriteStream,
			errorOutput: new PassThrough(),
		});
		try {
			const deadline = Date.now() + 20_000;
			while (!output.row(11).includes('quit')) {
				assert.ok(Date.now() < deadline, `${name}: no status line; it shows ${output.row(11)}`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			assert.match(output.row(11), / · quadrants: the terminal is not known to draw sextants/, name);
		} finally {
			input.write('q');
		}
		assert.equal(await shown, 0, name);
	}
});

test('the status line fits any width: the keys whole, the title whole or cut to no fewer than a dozen columns', () => {
	for (let cols = 4; cols <= 80; cols++) {
		const line = statusLine('playing media/clip.mp4', true, cols).replace(/\x1b\[[0-9;]*m/g, '');
		assert.ok(line.length <= cols, `${cols}: "${line}"`);
		assert.match(
			line,
			cols >= 16 ? /q, Ctrl\+C: quit$/ : cols >= 7 ? /q quit$/ : /^ *$/,
			`${cols}: "${line}"`,
		);
		const title = line.trim().replace(/ *(q, Ctrl\+C: quit|q quit)$/, '');
		assert.ok(title === '' || title.length >= 12, `${cols}: "${line}"`);
	}
	assert.match(
		statusLine('preview: \x1b[31mevil', false, 40),
		/^\x1b\[2m preview: evil +Ctrl\+C: quit\x1b\[22m$/,
	);
});

test('facetty play into a pipe (no terminal, no --size) draws in an 80x24 box', () => {
	const cli = fileURLToPath(new URL('../../source/cli.tsx', import.meta.url));
	const run = spawnSync(process.execPath, ['--import', 'tsx', cli, 'play', 'media/clip.mp4', '--no-pace'], {
		cwd: fileURLToPath(new URL('../..', import.meta.url)),
		encoding: 'latin1',
		maxBuffer: 256 * 1024 * 1024,
		timeout: 120_000,
		env: {...process.env, COLUMNS: '', LINES: ''},
	});
	assert.equal(run.status, 0, run.stderr);
	const positions = [...run.stdout.matchAll(/\x1b\[(\d+);(\d+)H/g)].map((m) => [Number(m[1]), Number(m[2])]);
	assert.ok(positions.length > 1000, `${positions.length} cursor moves`);
	assert.deepEqual(
		[Math.min(...positions.map(([row]) => row!)), Math.max(...positions.map(([row]) => row!))],
		[1, 24],
	);
	// The 4:3 clip fills the 24 rows, 64 columns wide, centred: 8 columns of border each side,
	// the right one erased from column 73 to the box's edge at 80.
	assert.ok(
		run.stdout.includes('\x1b[1;1H\x1b[8X\x1b[1;73H\x1b[8X'),
		JSON.stringify(run.stdout.slice(0, 120)),
	);
	assert.ok(positions.every(([, col]) => col! <= 80));
});
