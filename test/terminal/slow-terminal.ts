import {TerminalSink} from '../../source/terminal/sink.js';

/**
 * A sink that has learnt, from when its DA1 questions were answered, that its terminal is 10 ms
 * away and takes a second to draw 100 kB: 100 kB/s. Its clock stays where the lesson ended.
 */
export function sinkAt100kBps(): TerminalSink {
	let now = 0;
	let answer: () => void = () => undefined;
	const sink = new TerminalSink(
		{write: () => true, isTTY: true},
		{answers: {onAnswer: (listener) => ((answer = listener), () => undefined)}, now: () => now, fps: 30},
	);
	sink.write(['x'.repeat(100)]);
	now = 10;
	answer();
	sink.write(['x'.repeat(100_000)]);
	now += 1000;
	answer();
	return sink;
}
