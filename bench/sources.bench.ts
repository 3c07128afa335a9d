/**
 * The media clip opened as a camera at 640x480@30: the rate frames arrive at, how late a 10 ms
 * timer fires meanwhile (the event loop must stay free while OpenCV decodes), and the CPU each
 * frame costs (decoding, converting, scaling; the process's, threads included).
 */
import {openSource} from '../source/sources/index.js';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);

async function measure(spec: string, width: number, height: number, fps: number) {
	const source = openSource(spec, {width, height, fps});
	const arrivals: number[] = [];
	source.onFrame(() => arrivals.push(performance.now()));
	let worstLateness = 0;
	let worstDuringOpen = 0;
	let opening = true;
	let ticks = 0;
	let expected = performance.now() + 10;
	const timer = setInterval(() => {
		const now = performance.now();
		if (opening) worstDuringOpen = Math.max(worstDuringOpen, now - expected);
		else worstLateness = Math.max(worstLateness, now - expected);
		expected = now + 10;
		ticks++;
	}, 10);
	const opened = performance.now();
	await source.start();
	const openMs = performance.now() - opened;
	// Let the open's own lateness show in its column, not in the running one.
	await new Promise((resolve) => setTimeout(resolve, 15));
	opening = false;
	const started = performance.now();
	const cpuBefore = process.cpuUsage();
	const framesBefore = arrivals.length;
	await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
	const cpu = process.cpuUsage(cpuBefore);
	const framesDuring = arrivals.length - framesBefore;
	await source.stop();
	clearInterval(timer);
	const inWindow = arrivals.filter((time) => time >= started);
	const gaps = inWindow
		.slice(1)
		.map((time, index) => time - inWindow[index]!)
		.sort((a, b) => a - b);
	const span = (inWindow.at(-1)! - inWindow[0]!) / 1000;
	return {
		spec,
		size: `${width}x${height}@${fps}`,
		fps: (inWindow.length - 1) / span,
		gapP50: gaps[Math.floor(gaps.length / 2)]!,
		gapP95: gaps[Math.floor(gaps.length * 0.95)]!,
		worstLateness,
		worstDuringOpen,
		openMs,
		ticks,
		cpuMsPerFrame: (cpu.user + cpu.system) / 1000 / Math.max(1, framesDuring),
	};
}

const rows = [
	await measure('media/clip.mp4', 640, 480, 30),
	await measure('media/clip.mp4', 160, 96, 30),
	await measure('test', 640, 480, 30),
	await measure('media/still.png', 640, 480, 30),
];
console.log(
	`${seconds} s each; target: 30 fps +-5% (28.5-31.5), timer lateness < 20 ms while frames flow.\n` +
		'The first open loads OpenCV itself (a synchronous dlopen), which the last column shows apart.\n',
);
console.log(
	'| source | size | fps | frame gap p50 ms | frame gap p95 ms | worst 10 ms-timer lateness ms | open ms (lateness during open) | CPU ms a frame | verdict |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
	const ok = Math.abs(row.fps - 30) <= 1.5 && row.worstLateness < 20;
	console.log(
		`| ${row.spec} | ${row.size} | ${row.fps.toFixed(2)} | ${row.gapP50.toFixed(1)} | ${row.gapP95.toFixed(1)} | ${row.worstLateness.toFixed(1)} | ${row.openMs.toFixed(0)} (${row.worstDuringOpen.toFixed(0)}) | ${row.cpuMsPerFrame.toFixed(2)} | ${ok ? 'ok' : 'MISSED'} |`,
	);
}
