/** Reading a clip's frames for the benches that draw or encode them. */
import {makeFrame, type Frame} from '../source/frame.js';
import {openSource} from '../source/sources/index.js';

/** Frames `from` to `from + count` of a clip (decoding stops there). */
export async function framesOf(file: string, from: number, count: number): Promise<Frame[]> {
	const source = openSource(file, {loop: false, paced: false});
	const frames: Frame[] = [];
	let seen = 0;
	let stop: () => void = () => undefined;
	const done = new Promise<void>((resolve) => (stop = resolve));
	source.onError(() => stop());
	source.onFrame((frame) => {
		if (seen >= from && frames.length < count)
			frames.push(makeFrame(frame.width, frame.height, Uint8Array.from(frame.data)));
		seen++;
		if (frames.length >= count) stop();
	});
	await source.start();
	await done;
	await source.stop();
	return frames;
}
