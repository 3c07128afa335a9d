/**
 * The one owner of the screen: one model of what the terminal shows, cell by cell, and the
 * z-ordered layers that draw there (the peer's video, the self view, Ink's chrome, a preview).
 * Every cell belongs to the topmost visible layer that covers it; a layer draws only its own
 * cells, so the peer's video never draws under the self view (occlusion, not clear-and-repaint).
 * When a layer is hidden, moved or resized, exactly the cells it covered (and now covers) are
 * damaged and redrawn by whichever layer is now on top of each, in the same batch.
 *
 * A paint gathers every layer's bytes into one batch for the sink (one synchronized-output pair,
 * one DA1). Paints run when the sink is ready; a frame that comes while it is not replaces the
 * one waiting, so nothing queues (frame skipping lives here and in the sink, for every command).
 * Modelled on notcurses' render.c (planes, damage, one raster).
 */
import type {CellRect, CellSize} from '../render/layout.js';
import type {TerminalSink} from './sink.js';

/**
 * The share of a short byte budget a picture above another (the self view) may spend: an eighth
 * keeps the small self view moving while the peer's picture, the one that counts, gets the rest
 * (at 1 Mbit/s a quarter cost the peer's picture about 1 dB of PSNR on the glass).
 */
export const overShare = 0.12;

/** What a layer sees of the screen while it paints. */
export type CellView = {
	readonly cols: number;
	readonly rows: number;
	/** Per cell: the id of the layer that owns it (-1: none). */
	readonly owner: Int16Array;
	/** Per cell: 1 when the terminal's content there is unknown or stale and must be drawn. */
	readonly damaged: Uint8Array;
	/** Whether any cell is damaged (so a layer can skip looking). */
	readonly anyDamage: boolean;
	/** Changes whenever who owns which cell changes. */
	readonly ownership: number;
};

export abstract class Layer {
	/** Set by the compositor when added. */
	id = -1;
	protected compositor: Compositor | undefined;
	private shownRect: CellRect | undefined;

	constructor(
		/** Higher draws on top. */
		readonly z: number,
		/** Whether the layer's bytes count against the frame's budget (pictures) or not (text). */
		readonly budgeted: boolean,
	) {}

	/** The cells the layer covers; undefined while hidden. */
	get rect(): CellRect | undefined {
		return this.shownRect;
	}

	attach(compositor: Compositor, id: number): void {
		this.compositor = compositor;
		this.id = id;
	}

	/** Moves, resizes, shows (a rect) or hides (undefined) the layer. */
	setRect(rect: CellRect | undefined): void {
		const next = rect && rect.cols > 0 && rect.rows > 0 ? {...rect} : undefined;
		if (sameRect(next, this.shownRect)) return;
		const old = this.shownRect;
		this.shownRect = next;
		this.compositor?.layerMoved(old, next);
	}

	/** Whether the layer has something new to draw beyond damaged cells. */
	abstract get dirty(): boolean;

	/** The bytes that bring the cells this layer owns up to date; `budget` bytes at most if budgeted. */
	abstract paint(view: CellView, budget: number): Array<Uint8Array | string>;

	/** The screen was cleared or resized: nothing this layer drew is there any more. */
	abstract forget(): void;

	protected requestPaint(): void {
		this.compositor?.requestPaint();
	}
}

export function sameRect(a: CellRect | undefined, b: CellRect | undefined): boolean {
	if (!a || !b) return a === b;
	return a.col === b.col && a.row === b.row && a.cols === b.cols && a.rows === b.rows;
}

/** Runs of cells in `row` from `from` to `to` (exclusive) that satisfy `take`, as [start, end). */
export function runs(
	row: number,
	from: number,
	to: number,
	cols: number,
	take: (index: number) => boolean,
): Array<[number, number]> {
	const found: Array<[number, number]> = [];
	let start = -1;
	for (let col = from; col <= to; col++) {
		const yes = col < to && take(row * cols + col);
		if (yes && start < 0) start = col;
		else if (!yes && start >= 0) {
			found.push([start, col]);
			start = -1;
		}
	}
	return found;
}

/** Cursor to a 0-based cell. */
export function cursorTo(col: number, row: number): string {
	return `\x1b[${row + 1};${col + 1}H`;
}

/** Blanks the runs of cells given, in the terminal's own background. */
export function eraseRuns(row: number, spans: ReadonlyArray<[number, number]>): string {
	let text = '';
	for (const [start, end] of spans)
		text += cursorTo(start, row) + (end - start === 1 ? ' ' : `\x1b[${end - start}X`);
	return text ? '\x1b[m' + text : '';
}

export type CompositorOptions = {
	/** Called after each paint with its bytes and how long it took (benchmarks). */
	readonly onPaint?: (bytes: number, ms: number) => void;
};

export class Compositor {
	private readonly layers: Layer[] = [];
	private size: CellSize;
	private owner: Int16Array;
	private damaged: Uint8Array;
	private clearFirst = true;
	private anyDamage = true;
	private ownership = 0;
	private scheduled = false;
	private closed = false;
	/** Called after every paint (a command counting frames drawn). */
	onPainted: (() => void) | undefined;

	constructor(
		private readonly sink: TerminalSink,
		size: CellSize,
		private readonly options: CompositorOptions = {},
	) {
		this.size = {cols: Math.max(0, size.cols), rows: Math.max(0, size.rows)};
		this.owner = new Int16Array(this.size.cols * this.size.rows).fill(-1);
		this.damaged = new Uint8Array(this.size.cols * this.size.rows).fill(1);
	}

	get screenSize(): CellSize {
		return this.size;
	}

	add<T extends Layer>(layer: T): T {
		layer.attach(this, this.layers.length);
		this.layers.push(layer);
		this.recomputeOwners();
		return layer;
	}

	/** The view of the cells, for tests. */
	get view(): CellView {
		return {
			cols: this.size.cols,
			rows: this.size.rows,
			owner: this.owner,
			damaged: this.damaged,
			anyDamage: this.anyDamage,
			ownership: this.ownership,
		};
	}

	/** The terminal changed size: everything is cleared and drawn again. */
	resize(size: CellSize): void {
		this.size = {cols: Math.max(0, size.cols), rows: Math.max(0, size.rows)};
		this.owner = new Int16Array(this.size.cols * this.size.rows);
		this.damaged = new Uint8Array(this.size.cols * this.size.rows);
		this.invalidate();
	}

	/** Something else drew on the screen: clear it and draw everything again. */
	invalidate(): void {
		this.clearFirst = true;
		this.damaged.fill(1);
		this.anyDamage = true;
		for (const layer of this.layers) layer.forget();
		this.recomputeOwners();
		this.requestPaint();
	}

	/** Marks cells as unknown; their owners draw them on the next paint. */
	damage(rect: CellRect | undefined): void {
		if (!rect) return;
		const {cols, rows} = this.size;
		for (let row = Math.max(0, rect.row); row < Math.min(rows, rect.row + rect.rows); row++) {
			const from = row * cols + Math.max(0, rect.col);
			const to = row * cols + Math.min(cols, rect.col + rect.cols);
			if (to > from) {
				this.damaged.fill(1, from, to);
				this.anyDamage = true;
			}
		}
		this.requestPaint();
	}

	/** A layer moved (Layer.setRect): the cells it left and the cells it took. */
	layerMoved(old: CellRect | undefined, next: CellRect | undefined): void {
		this.damage(old);
		this.damage(next);
		this.recomputeOwners();
	}

	/** Whether any layer or cell waits to be drawn. */
	get pending(): boolean {
		return this.clearFirst || this.anyDamage || this.layers.some((layer) => layer.dirty);
	}

	/** Paints soon: on the next turn when the sink is ready, else when it becomes ready. */
	requestPaint(): void {
		if (this.scheduled || this.closed) return;
		this.scheduled = true;
		const run = () => {
			if (this.closed) return;
			if (!this.sink.ready) {
				this.sink.whenReady(run);
				return;
			}
			this.scheduled = false;
			this.paint();
			// A picture held back by its budget keeps refining on later paints.
			if (this.layers.some((layer) => layer.dirty)) this.requestPaint();
		};
		setImmediate(run);
	}

	/** Draws everything pending as one batch now; returns the bytes written. */
	paint(): number {
		if (this.closed || !this.pending) return 0;
		const started = performance.now();
		const parts: Array<Uint8Array | string> = [];
		if (this.clearFirst) {
			parts.push('\x1b[m\x1b[2J');
			this.clearFirst = false;
		}
		const view = this.view;
		if (this.anyDamage) parts.push(this.paintUnowned());
		// Text first (small, never skipped), then pictures from the top down: the self view's few
		// cells before the peer's many when the budget is short.
		const order = [...this.layers].sort((a, b) =>
			a.budgeted === b.budgeted ? b.z - a.z : a.budgeted ? 1 : -1,
		);
		let budget = this.sink.budget;
		const bottom = order.findLast((layer) => layer.budgeted);
		for (const layer of order) {
			if (layer.budgeted) {
				// A picture above another (the self view over the peer's) gets a share of a short
				// budget, not all of it: over a slow link a moving self view would take every byte.
				const share = layer === bottom ? budget : Math.min(budget, this.sink.budget * overShare);
				const drawn = layer.paint(view, Math.max(0, share));
				for (const part of drawn) budget -= part.length;
				parts.push(...drawn);
			} else parts.push(...layer.paint(view, Infinity));
		}
		if (this.anyDamage) this.damaged.fill(0);
		this.anyDamage = false;
		const bytes = this.sink.write(parts);
		this.options.onPaint?.(bytes, performance.now() - started);
		this.onPainted?.();
		return bytes;
	}

	close(): void {
		this.closed = true;
	}

	private paintUnowned(): string {
		const {cols, rows} = this.size;
		let text = '';
		for (let row = 0; row < rows; row++) {
			const spans = runs(row, 0, cols, cols, (i) => this.owner[i] === -1 && this.damaged[i] === 1);
			text += eraseRuns(row, spans);
		}
		return text;
	}

	private recomputeOwners(): void {
		this.ownership++;
		const {cols, rows} = this.size;
		this.owner.fill(-1);
		const byZ = [...this.layers].sort((a, b) => a.z - b.z);
		for (const layer of byZ) {
			const rect = layer.rect;
			if (!rect) continue;
			for (let row = Math.max(0, rect.row); row < Math.min(rows, rect.row + rect.rows); row++) {
				const from = row * cols + Math.max(0, rect.col);
				const to = row * cols + Math.min(cols, rect.col + rect.cols);
				if (to > from) this.owner.fill(layer.id, from, to);
			}
		}
	}
}
