import assert from 'node:assert/strict';
import {PassThrough, Writable} from 'node:stream';
import {test} from 'node:test';
import {runPlay} from '../../source/commands/play.js';
import {maxQueuedBytes} from '../../source/terminal/sink.js';

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
	const errors = new PassThrough();
	const code = await runPlay({
		file: 'media/clip.mp4',
		pace: false,
		size: {cols: 80, rows: 24},
		color: 'truecolor',
		input: new PassThrough() as unknown as NodeJS.ReadStream,
		output: output as unknown as NodeJS.WriteStream,
		errorOutput: errors,
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
	const code = await runPlay({
		file: 'media/clip.mp4',
		pace: false,
		size: {cols: 40, rows: 12},
		color: 'truecolor',
		input: new PassThrough() as unknown as NodeJS.ReadStream,
		output: output as unknown as NodeJS.WriteStream,
		errorOutput: new PassThrough(),
	});
	assert.equal(code, 0);
	assert.ok(frames > 300, `${frames} frames drawn of 360`);
	assert.ok(bytes > 0);
});
