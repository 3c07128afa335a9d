/**
 * Picture layers that move, resize, clear and show over a text layer whose text changes at the
 * same time (the room screen's grid as members come and go): after every paint the model terminal
 * must show exactly what the compositor says each cell is, with no cell of old text or old picture
 * left standing (tmux showed one cell of an old label row under a moved picture).
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {makeFrame} from '../../source/frame.js';
import {areaScaler} from '../../source/render/area-scale.js';
import {maskOfGlyph} from '../../source/render/glyphs.js';
import type {CellRect} from '../../source/render/layout.js';
import {Compositor} from '../../source/terminal/compositor.js';
import {minimumRegion, PictureLayer} from '../../source/terminal/picture-layer.js';
import {minimumBudget, TerminalSink} from '../../source/terminal/sink.js';
import {TextLayer} from '../../source/terminal/text-layer.js';
import {defaultColour, VirtualTerminal} from '../render/virtual-terminal.js';

const cols = 30;
const rows = 12;

/** A terminal that takes `budget` bytes a frame (a slow link, or tmux falling behind). */
class ShortSink extends TerminalSink {
	constructor(
		output: ConstructorParameters<typeof TerminalSink>[0],
		private readonly frameBudget: number,
	) {
		super(output, {synchronized: true});
	}

	override get budget(): number {
		return this.frameBudget;
	}
}

function setUp(budget: number) {
	const terminal = new VirtualTerminal(cols, rows);
	const sink = new ShortSink(
		{
			write: (data) => {
				terminal.write(typeof data === 'string' ? data : Buffer.from(data).toString());
				return true;
			},
			isTTY: true,
		},
		budget,
	);
	return {terminal, compositor: new Compositor(sink, {cols, rows})};
}

/** One colour a picture layer shows, as the terminal reports it (0xRRGGBB). */
const colours = [0xc80000, 0x00c800, 0x0000c8];

function solid(width: number, height: number, rgb: number) {
	const data = new Uint8Array(width * height * 3);
	const bgr = [rgb & 0xff, (rgb >> 8) & 0xff, rgb >> 16];
	for (let i = 0; i < data.length; i += 3) data.set(bgr, i);
	return makeFrame(width, height, data);
}

/** What a cell shows, reduced to whose it is: a text letter, a picture's colour, or blank. */
function seen(terminal: VirtualTerminal, col: number, row: number): string {
	const cell = terminal.cell(col, row);
	if (/[a-z]/.test(cell.char)) return cell.char;
	const mask = maskOfGlyph(cell.char);
	if (mask === undefined || (cell.char === ' ' && cell.bg === defaultColour)) return ' ';
	const colour = mask === 0 ? cell.bg : cell.fg;
	const index = colours.indexOf(colour);
	return index >= 0 ? String(index) : `#${colour.toString(16)}`;
}

function screenText(terminal: VirtualTerminal): string[] {
	return Array.from({length: rows}, (_, row) =>
		Array.from({length: cols}, (_, col) => seen(terminal, col, row)).join(''),
	);
}

/** The first cell that does not show what the compositor says it should, if any. */
function stale(
	terminal: VirtualTerminal,
	compositor: Compositor,
	text: TextLayer,
	letter: string,
	pictures: PictureLayer[],
	showing: boolean[],
): string | undefined {
	const view = compositor.view;
	for (let row = 0; row < rows; row++)
		for (let col = 0; col < cols; col++) {
			const owner = view.owner[row * cols + col]!;
			const got = seen(terminal, col, row);
			const which = pictures.findIndex((p) => p.id === owner);
			const layer = pictures[which];
			let want: string;
			if (owner === text.id) want = letter;
			else if (!layer?.rect) return `cell ${col},${row} has no owner`;
			else if (layer.rect.cols < minimumRegion.cols || layer.rect.rows < minimumRegion.rows) {
				// A rectangle too small for a picture is blank but for its note, in letters.
				if (got === ' ' || (/[a-z!]/.test(got) && got !== letter)) continue;
				want = 'blank or the note';
			} else {
				const p = showing[which] ? layer.layoutFor({width: 32, height: 24})?.picture : undefined;
				const inPicture = p && col >= p.col && col < p.col + p.cols && row >= p.row && row < p.row + p.rows;
				want = inPicture ? String(which) : ' ';
			}
			if (got !== want) return `cell ${col},${row} (layer ${owner}) shows ${got}, not ${want}`;
		}
	return undefined;
}

type Step =
	| {kind: 'move'; which: number; rect: CellRect | undefined}
	| {kind: 'show'; which: number}
	| {kind: 'clear'; which: number}
	| {kind: 'text'; letter: string};

const rectArb = fc.option(
	fc
		.record({
			col: fc.integer({min: 0, max: cols - 1}),
			row: fc.integer({min: 0, max: rows - 1}),
			cols: fc.integer({min: 1, max: cols}),
			rows: fc.integer({min: 1, max: rows}),
		})
		// The room's tiles lie inside the screen.
		.map((r): CellRect => ({
			...r,
			cols: Math.min(r.cols, cols - r.col),
			rows: Math.min(r.rows, rows - r.row),
		})),
	{nil: undefined},
);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
	fc.record({kind: fc.constant('move' as const), which: fc.integer({min: 0, max: 2}), rect: rectArb}),
	fc.record({kind: fc.constant('show' as const), which: fc.integer({min: 0, max: 2})}),
	fc.record({kind: fc.constant('clear' as const), which: fc.integer({min: 0, max: 2})}),
	fc.record({kind: fc.constant('text' as const), letter: fc.constantFrom('x', 'y', 'z')}),
);

/** Plays `batches` of steps on a screen with `budget` and checks, after each, that no cell is stale. */
function settlesWithoutStaleCells(budget: number, batches: Step[][]): void {
	const {terminal, compositor} = setUp(budget);
	const text = compositor.add(new TextLayer(0));
	text.setRect({col: 0, row: 0, cols, rows});
	let letter = 'x';
	const setLetter = (next: string) => {
		letter = next;
		text.setText(Array.from({length: rows}, () => letter.repeat(cols)).join('\n'));
	};
	setLetter('x');
	const pictures = colours.map(() =>
		compositor.add(new PictureLayer({z: 1, scale: areaScaler(), threshold: 0})),
	);
	const showing: boolean[] = colours.map(() => false);
	compositor.paint();
	for (const batch of batches) {
		for (const step of batch) {
			if (step.kind === 'text') setLetter(step.letter);
			else if (step.kind === 'move') pictures[step.which]!.setRect(step.rect);
			else if (step.kind === 'clear') {
				pictures[step.which]!.clear();
				showing[step.which] = false;
			} else {
				const layer = pictures[step.which]!;
				layer.show(solid(32, 24, colours[step.which]!));
				showing[step.which] = true;
			}
		}
		// A short budget draws a picture over several paints: what counts is where it settles.
		for (let paints = 0; paints < 200 && compositor.pending; paints++) compositor.paint();
		assert.ok(!compositor.pending, 'the screen settles');
		const wrong = stale(terminal, compositor, text, letter, pictures, showing);
		if (wrong) throw new Error(`${wrong}\n${screenText(terminal).join('\n')}`);
	}
}

// A fixed seed keeps the suite's verdict the same run to run; 5,600 random runs found nothing more
// once the case below (which a random seed found in 1 of 3 suite runs) was fixed.
for (const budget of [Infinity, minimumBudget])
	test(`property: moved, resized, cleared and shown pictures over changing text leave no stale cell (budget ${budget})`, () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(stepArb, {minLength: 1, maxLength: 4}), {minLength: 1, maxLength: 10}),
				(batches) => settlesWithoutStaleCells(budget, batches),
			),
			{numRuns: budget === Infinity ? 1000 : 150, seed: 20261207},
		);
	});

test('a too-small note of a picture half hidden under another is written only on its own cells', () => {
	settlesWithoutStaleCells(Infinity, [
		[
			{kind: 'move', which: 0, rect: {col: 0, row: 0, cols: 9, rows: 1}},
			{kind: 'move', which: 1, rect: {col: 0, row: 0, cols: 1, rows: 1}},
			{kind: 'move', which: 2, rect: {col: 1, row: 0, cols: 8, rows: 3}},
		],
		[{kind: 'move', which: 1, rect: undefined}],
		[{kind: 'clear', which: 0}],
	]);
});
