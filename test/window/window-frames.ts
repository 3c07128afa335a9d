/**
 * Run under a display (xvfb-run -a): opens the --window, draws FRAMES frames of 640x480 into it as
 * fast as it takes them, and prints as JSON how many OpenCV Mats were made and how many released
 * (every Mat must be released by hand: V8 does not see their pixels, see opencv.ts), with the
 * resident memory after the first 200 frames and at the end.
 */
import {makeFrame} from '../../source/frame.js';
import {loadOpenCv} from '../../source/opencv.js';
import {openPeerWindow} from '../../source/window/window.js';

const frames = Number(process.argv[2] ?? 2000);
const width = 640;
const height = 480;
const cv = await loadOpenCv();
let made = 0;
const released = new WeakSet<object>();
let releases = 0;
// Every Mat the window makes is counted, and every release.
const Counted = class extends cv.Mat {
	constructor(...args: ConstructorParameters<typeof cv.Mat>) {
		super(...args);
		made++;
	}
	override release(): void {
		if (!released.has(this)) releases++;
		released.add(this);
		super.release();
	}
};
(cv as {Mat: typeof cv.Mat}).Mat = Counted as typeof cv.Mat;

const notices: string[] = [];
const window = await openPeerWindow({onNotice: (text) => notices.push(text), pumpMs: 1});
if (!window) {
	process.stdout.write(JSON.stringify({error: notices.join(' ')}) + '\n');
	process.exit(1);
}
const data = new Uint8Array(width * height * 3);
const mb = () => Math.round(process.memoryUsage.rss() / 1048576);
let warm = 0;
while (window.shown < frames) {
	const before = window.shown;
	for (let i = 0; i < data.length; i += 997) data[i] = (data[i]! + 1) & 0xff;
	window.show(makeFrame(width, height, data, Date.now()));
	while (window.shown === before && window.open) await new Promise((resolve) => setTimeout(resolve, 1));
	if (!window.open) break;
	if (window.shown === 200) warm = mb();
}
const shown = window.shown;
window.close();
process.stdout.write(JSON.stringify({shown, made, releases, warmMb: warm, endMb: mb(), notices}) + '\n');
process.exit(0);
