import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {loadOpenCv} from '../../source/opencv.js';
import {FileReaderGrabber} from '../../source/sources/file-reader.js';
import {drawTestPattern} from '../../source/sources/test-pattern.js';

/** An MJPEG AVI file (seekable, as a looped camera file must be) of test-pattern pictures. */
async function videoFile(
	t: {after: (fn: () => void) => void},
	width: number,
	height: number,
	frames: number,
) {
	const cv = await loadOpenCv();
	const file = path.join(os.tmpdir(), `facetty-reader-${process.pid}-${width}x${height}.avi`);
	t.after(() => fs.rmSync(file, {force: true}));
	const writer = new cv.VideoWriter(
		file,
		cv.VideoWriter.fourcc('MJPG'),
		30,
		new cv.Size(width, height),
		true,
	);
	for (let i = 0; i < frames; i++) {
		const mat = new cv.Mat(Buffer.from(drawTestPattern(width, height, i / 30)), height, width, cv.CV_8UC3);
		writer.write(mat);
		mat.release();
	}
	writer.release();
	return file;
}

/** Whether the event loop went round (a setImmediate ran) while `grabber` read its next picture. */
async function loopTurnedDuringRead(grabber: FileReaderGrabber): Promise<boolean> {
	let turned = false;
	const immediate = setImmediate(() => (turned = true));
	const frame = await grabber.read();
	clearImmediate(immediate);
	assert.equal(frame.data.length, frame.width * frame.height * 3);
	return turned;
}

test("a local file's pictures up to 640x480 are decoded in the event loop's turn; larger ones on the thread pool", async (t) => {
	for (const [width, height, inTurn] of [
		[160, 120, true],
		[640, 480, true],
		[656, 496, false],
	] as const) {
		const file = await videoFile(t, width, height, 6);
		const grabber = FileReaderGrabber.create({kind: 'file', path: file}, {width: 64, height: 48}, true, 5)!;
		try {
			await grabber.open();
			for (let i = 0; i < 3; i++)
				assert.equal(await loopTurnedDuringRead(grabber), !inTurn, `${width}x${height}, picture ${i}`);
		} finally {
			grabber.close();
		}
	}
});

test("read in the turn, a file's end (not looped) and a closed reader are read failures, as pooled reads are", async (t) => {
	const file = await videoFile(t, 160, 120, 4);
	const grabber = FileReaderGrabber.create({kind: 'file', path: file}, {width: 64, height: 48}, false, 5)!;
	await grabber.open();
	for (let i = 0; i < 4; i++) await grabber.read();
	// Past the end of a file that does not loop: the same sentence as any other failed read.
	await assert.rejects(grabber.read(), /./);
	grabber.close();
	await assert.rejects(grabber.read(), /./);
});
