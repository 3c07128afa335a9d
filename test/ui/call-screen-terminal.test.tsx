/**
 * The real call screen (runCallApp, in a call with the demo peer) drawing into the model
 * terminal: every byte it writes is replayed there, and the terminal answers DA1 like a real one.
 */
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {startDemoPeer} from '../../source/commands/demo.js';
import type {CallStats} from '../../source/session/stats.js';
import {runCallApp} from '../../source/ui/call-app.js';
import {callScreenLayout} from '../../source/ui/call-screen.js';
import {initialCallState, reduceCall} from '../../source/ui/call-state.js';
import {defaultThreshold} from '../../source/render/renderer.js';
import {type Cell, VirtualTerminal} from '../render/virtual-terminal.js';
import {slowToAnswer} from '../session/helpers.js';
import {ttyInput} from './captured-terminal.js';

const cols = 100;
const rows = 30;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A terminal: bytes go to the model, DA1 is answered through the input after what came before it. */
class ModelTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns = cols;
	readonly rows = rows;
	readonly writableLength = 0;
	readonly terminal = new VirtualTerminal(cols, rows);
	error: Error | undefined;
	bytes = 0;
	private answering: Promise<void> = Promise.resolve();
	constructor(private readonly input: PassThrough) {
		super();
	}

	/** Keys typed: after any answer the terminal is sending (a terminal never splits one with a key). */
	type(keys: string): Promise<void> {
		this.answering = this.answering.then(() => void this.input.write(keys));
		return this.answering;
	}

	write(data: string | Uint8Array): boolean {
		const text = typeof data === 'string' ? data : Buffer.from(data).toString();
		this.bytes += text.length;
		try {
			this.terminal.write(text);
		} catch (error) {
			this.error ??= error as Error;
		}
		// In order, each split across two reads, as a slow link would deliver them.
		const answers = text.split('\x1b[c').length - 1;
		for (let i = 0; i < answers; i++) {
			this.answering = this.answering
				.then(() => this.input.write('\x1b[?1;'))
				.then(() => sleep(2))
				.then(() => void this.input.write('2c'));
		}
		return true;
	}
}

/** Every cell of `rect`, to compare two moments of the screen. */
function snapshot(
	terminal: VirtualTerminal,
	rect: {col: number; row: number; cols: number; rows: number},
): Cell[] {
	const cells: Cell[] = [];
	for (let row = rect.row; row < rect.row + rect.rows; row++)
		for (let col = rect.col; col < rect.col + rect.cols; col++) cells.push({...terminal.cell(col, row)});
	return cells;
}

/**
 * Within twice the renderer's threshold: two screens each drawn to within the threshold of the
 * same picture (its quality floor) differ by up to twice that.
 */
function near(a: number, b: number): boolean {
	if (a === b) return true;
	if (a < 0 || b < 0) return false;
	return [16, 8, 0].every(
		(shift) => Math.abs(((a >>> shift) & 255) - ((b >>> shift) & 255)) <= 2 * defaultThreshold,
	);
}

/** The colours of a half-block cell's upper and lower pixel; undefined for text. */
function pixels(cell: Cell): [number, number] | undefined {
	switch (cell.char) {
		case ' ':
			return [cell.bg, cell.bg];
		case '▀':
			return [cell.fg, cell.bg];
		case '▄':
			return [cell.bg, cell.fg];
		case '█':
			return [cell.fg, cell.fg];
		default:
			return undefined;
	}
}

/** Whether a cell shows what another does (the same pixels within the quality floor, or the same text). */
function same(a: Cell, b: Cell): boolean {
	const pa = pixels(a);
	const pb = pixels(b);
	if (!pa || !pb) return a.char === b.char && a.fg === b.fg && a.bg === b.bg;
	return near(pa[0], pb[0]) && near(pa[1], pb[1]);
}

/**
 * The cells of `rect` once they stop changing (a still peer: the picture has converged, even on
 * a loaded machine where the byte budget draws it over a few frames).
 */
async function settled(
	terminal: VirtualTerminal,
	rect: {col: number; row: number; cols: number; rows: number},
): Promise<Cell[]> {
	let last = snapshot(terminal, rect);
	for (let i = 0; i < 30; i++) {
		await sleep(300);
		const next = snapshot(terminal, rect);
		if (next.every((cell, j) => same(cell, last[j]!))) return next;
		last = next;
	}
	return last;
}

test(
	'call screen in a model terminal: v over a still peer leaves no stale cell, ?2026 alternates, DA1 answers never type',
	{timeout: 60_000},
	async () => {
		const peer = await startDemoPeer('media/still.png');
		const input = ttyInput();
		const output = new ModelTerminal(input);
		let stats: CallStats | undefined;
		const running = runCallApp({
			role: 'call',
			target: `127.0.0.1:${peer.port}`,
			camera: 'test',
			colorDepth: 'truecolor',
			input: input as unknown as NodeJS.ReadStream,
			output: output as unknown as NodeJS.WriteStream,
			errorOutput: new PassThrough(),
			onStats: (s) => (stats = s),
			seconds: 30,
		});
		try {
			const started = Date.now();
			while (!(stats && stats.frames_in > 10) && Date.now() - started < 20_000) await sleep(100);
			assert.ok(stats && stats.frames_in > 10, 'the call is up and frames come');
			await sleep(800);
			const inCall = reduceCall(initialCallState('call', 'test'), {type: 'call-started', protocol: 'v2'})[0];
			const layout = callScreenLayout(inCall, {cols, rows});
			assert.ok(layout.pip, 'the self view shows');
			const before = snapshot(output.terminal, layout.pip);
			if (process.env['DEBUG_STALE'])
				console.log('pip', JSON.stringify(layout.pip), before.slice(0, 40).join(','));

			await output.type('v');
			const hidden = await settled(output.terminal, layout.video);
			const now = snapshot(output.terminal, layout.pip);
			assert.ok(
				now.some((cell, i) => !same(cell, before[i]!)),
				'the self view went',
			);
			// Everything drawn again from nothing: whatever differs was stale.
			output.emit('resize');
			const redrawn = await settled(output.terminal, layout.video);
			const stale = hidden.filter((cell, i) => !same(cell, redrawn[i]!)).length;
			if (stale > 0 && process.env['DEBUG_STALE'])
				hidden.forEach((cell, i) => {
					if (!same(cell, redrawn[i]!))
						console.log(
							i % layout.video.cols,
							Math.floor(i / layout.video.cols),
							JSON.stringify([cell, redrawn[i]]),
						);
				});
			assert.equal(stale, 0, `${stale} stale cells after v`);

			assert.equal(output.error, undefined, `the model terminal refused: ${output.error?.message}`);
			const modes = output.terminal.synchronizedModes;
			assert.ok(modes.length > 20);
			modes.forEach((mode, i) => assert.equal(mode, i % 2 === 0 ? 'h' : 'l', `?2026 #${i}`));
			assert.ok(output.terminal.deviceAttributeQueries > 10, 'each batch asks DA1');
			// The answers went to flow control, not into the chat: nothing was typed.
			await output.type('\t');
			await sleep(300);
			const screen = output.terminal.cells.map((cell) => cell.char).join('');
			assert.doesNotMatch(screen, /\?1;2c|1;2c|\[\?/);
			assert.ok(stats!.screen_lag_ms !== undefined && stats!.screen_lag_ms !== null, 'screen lag measured');
		} finally {
			await output.type('\x1b');
			await sleep(300);
			await output.type('q');
			await running;
			await peer.close();
		}
	},
);

test(
	"--seconds on the call screen is the call's length, as in the plain status line: a slow answer does not use it up",
	{timeout: 30_000},
	async () => {
		// Counted from the screen's start, a peer that answered 1.5 s late got no call at all in 1 s.
		const peer = await startDemoPeer('media/still.png');
		const proxy = await slowToAnswer(peer.port, 1500);
		const input = ttyInput();
		const output = new ModelTerminal(input);
		const meter = {renderMs: 0, videoDraws: 0, peerFramesDrawn: 0};
		try {
			const code = await runCallApp({
				role: 'call',
				target: `127.0.0.1:${proxy.port}`,
				camera: 'test',
				colorDepth: 'truecolor',
				input: input as unknown as NodeJS.ReadStream,
				output: output as unknown as NodeJS.WriteStream,
				errorOutput: new PassThrough(),
				meter,
				seconds: 1,
			});
			assert.equal(code, 0);
			assert.ok(meter.peerFramesDrawn > 0, "the call began and the peer's pictures were drawn");
		} finally {
			proxy.close();
			await peer.close();
		}
	},
);
