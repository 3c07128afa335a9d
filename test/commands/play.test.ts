import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {PassThrough, Writable} from 'node:stream';
import {test} from 'node:test';
import {runPlay, type PlayOptions} from '../../source/commands/play.js';
import {maxQueuedBytes} from '../../source/terminal/sink.js';

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
		const input = Object.assign(new PassThrough(), {
			isTTY: true,
			setRawMode: () => input,
			ref: () => input,
			unref: () => input,
		});
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
