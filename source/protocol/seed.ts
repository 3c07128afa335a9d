/**
 * The seed script's wire format, as the script really behaves (see docs/protocol.md):
 * after the `done` exchange each side sends its shape as ASCII `"<rows> <cols>"` with no
 * terminator, then frames, each `<segments>/` + rows*cols*3 raw BGR bytes, where segments is
 * ceil(bytes / 65470). Pure: no sockets, no clocks.
 *
 * The parser has to find where a shape ends without a terminator. TCP may glue the shape to the
 * first frame header (`480 64015/`), so the shape is settled when the first `/` arrives: the
 * split of the digits is the one whose segment count agrees with the shape.
 */
import {quoteBytes} from '../text/sanitize.js';
import {ProtocolError} from './errors.js';

export const seedSegmentBytes = 65470;
/** The script reads a shape with recv(10). */
export const seedMaxShapeBytes = 10;
export const seedMaxDimension = 4096;
/** 4096x2160 BGR: bigger than any camera the script could feed, small enough to allocate. */
export const seedMaxFrameBytes = 4096 * 2160 * 3;
const maxSegmentDigits = String(Math.ceil(seedMaxFrameBytes / seedSegmentBytes)).length;

export type SeedShape = {readonly rows: number; readonly cols: number};

export type SeedEvent =
	| {readonly type: 'shape'; readonly rows: number; readonly cols: number}
	| {readonly type: 'frame'; readonly rows: number; readonly cols: number; readonly data: Uint8Array};

export function seedFrameBytes(shape: SeedShape): number {
	return shape.rows * shape.cols * 3;
}

export function seedSegments(frameBytes: number): number {
	return Math.ceil(frameBytes / seedSegmentBytes);
}

export function validateSeedShape(rows: number, cols: number): SeedShape {
	const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= seedMaxDimension;
	if (!ok(rows) || !ok(cols)) {
		throw new ProtocolError(
			'bad-shape',
			`the peer's frame shape ${rows} ${cols} is not between 1 and ${seedMaxDimension} on each side`,
		);
	}
	if (rows * cols * 3 > seedMaxFrameBytes) {
		throw new ProtocolError('shape-too-large', `the peer's frame shape ${rows} ${cols} is too large`);
	}
	return {rows, cols};
}

/**
 * facetty's announcement inside the shape message: `"<rows> <cols> F"`. The script splits what its
 * recv(10) got on spaces and keeps the first two numbers, so a third field costs it nothing as
 * long as the whole message fits its 10 bytes (nothing may be left for its frame reader). Two
 * facetty peers that both announce switch to TLS + v2 right after the two shape messages.
 */
export const seedAnnounceToken = 'F';

export function encodeSeedShape(shape: SeedShape, announce = false): Buffer {
	validateSeedShape(shape.rows, shape.cols);
	const text = `${shape.rows} ${shape.cols}${announce ? ` ${seedAnnounceToken}` : ''}`;
	if (text.length > seedMaxShapeBytes) throw new RangeError(`shape "${text}" exceeds the script's 10 bytes`);
	return Buffer.from(text, 'ascii');
}

/**
 * The largest shape of the same aspect whose announced message fits the script's recv(10):
 * `"720 1280 F"` fits, 1920x1080 is sent as 1280x720 (the frames are scaled to it).
 */
export function announceableShape(rows: number, cols: number): SeedShape {
	const fits = (r: number, c: number) => `${r} ${c} ${seedAnnounceToken}`.length <= seedMaxShapeBytes;
	let shape = validateSeedShape(rows, cols);
	for (let scale = 1; !fits(shape.rows, shape.cols); scale *= 0.9) {
		shape = {rows: Math.max(1, Math.round(rows * scale)), cols: Math.max(1, Math.round(cols * scale))};
	}
	return shape;
}

export type ShapeMessageKind =
	/** `"<rows> <cols> F"`: a facetty peer offering the upgrade; `end` is where its bytes stop. */
	| {readonly kind: 'announced'; readonly end: number}
	/** A shape without the announcement (the script, or facetty speaking only the seed format). */
	| {readonly kind: 'plain'}
	/** Could still become either: wait for more bytes (or a short silence, which means plain). */
	| {readonly kind: 'incomplete'};

/**
 * Looks at the first bytes of a peer's shape message (not consuming them: the seed parser reads
 * them again if the call stays in the seed format).
 */
export function classifyShapeMessage(bytes: Uint8Array): ShapeMessageKind {
	const text = Buffer.from(bytes.subarray(0, seedMaxShapeBytes + 1)).toString('latin1');
	const announced = /^[1-9]\d{0,3} [1-9]\d{0,3} F/.exec(text);
	if (announced) return {kind: 'announced', end: announced[0].length};
	// Every prefix of an announced message; anything else is plain (or garbage the parser refuses).
	if (/^(?:[1-9]\d{0,3}(?: (?:[1-9]\d{0,3} ?)?)?)?$/.test(text)) return {kind: 'incomplete'};
	return {kind: 'plain'};
}

/** Header and pixels in one buffer, so the frame goes out in one write as the script expects. */
export function encodeSeedFrame(shape: SeedShape, bgr: Uint8Array): Buffer {
	const size = seedFrameBytes(shape);
	if (bgr.length !== size) {
		throw new RangeError(`a ${shape.rows}x${shape.cols} seed frame needs ${size} bytes, got ${bgr.length}`);
	}
	const header = Buffer.from(`${seedSegments(size)}/`, 'ascii');
	const out = Buffer.allocUnsafe(header.length + size);
	header.copy(out, 0);
	out.set(bgr, header.length);
	return out;
}

const slash = 0x2f;
const space = 0x20;
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/**
 * Splits "<rows> <cols><segments>" (the text before the first `/`) where the segment count
 * agrees with the shape. More than one agreeing split would make the stream ambiguous; the
 * script could never produce that for a real shape, so it is refused.
 */
export function splitGluedShape(text: string): SeedShape & {segments: number} {
	const match = /^(\d+) (\d+)$/.exec(text);
	if (!match) throw new ProtocolError('bad-shape', `"${printable(text)}" is not a frame shape`);
	const rowsText = match[1] ?? '';
	const rest = match[2] ?? '';
	const rows = Number(rowsText);
	const found: Array<SeedShape & {segments: number}> = [];
	for (let cut = 1; cut < rest.length; cut++) {
		const colsText = rest.slice(0, cut);
		const segmentsText = rest.slice(cut);
		if (segmentsText.startsWith('0') || colsText.startsWith('0')) continue;
		if (rowsText.length + 1 + colsText.length > seedMaxShapeBytes) break;
		const cols = Number(colsText);
		const segments = Number(segmentsText);
		if (rows < 1 || rows > seedMaxDimension || cols > seedMaxDimension) continue;
		if (segments === seedSegments(rows * cols * 3)) found.push({rows, cols, segments});
	}
	if (found.length === 0) {
		throw new ProtocolError(
			'bad-shape',
			`no frame shape in "${printable(text)}" agrees with its segment count`,
		);
	}
	if (found.length > 1)
		throw new ProtocolError('bad-shape', `the frame shape in "${printable(text)}" is ambiguous`);
	const only = found[0]!;
	validateSeedShape(only.rows, only.cols);
	return only;
}

function printable(text: string): string {
	return quoteBytes(text, 40);
}

type ParserState =
	| {phase: 'shape'; text: string}
	/** After `"<rows> <cols> "`: only the announcement may follow. */
	| {phase: 'announce'; text: string}
	| {phase: 'header'; text: string}
	| {phase: 'body'; data: Uint8Array; filled: number};

/**
 * Incremental: push() takes bytes in any chunking and returns what completed. After a thrown
 * ProtocolError the parser is spent; the connection must be closed.
 */
export class SeedParser {
	shape: SeedShape | undefined;
	/** The peer's shape carried facetty's announcement (it is a facetty peer). */
	announced = false;
	private state: ParserState = {phase: 'shape', text: ''};

	/** True when a frame has begun but not finished: a close now is a close mid-frame. */
	get midFrame(): boolean {
		return this.state.phase === 'body' || (this.state.phase === 'header' && this.state.text.length > 0);
	}

	/** The peer's shape has rows, a space and columns (or is settled): its shape message is whole. */
	get shapeLooksWhole(): boolean {
		return (
			this.shape !== undefined ||
			this.state.phase === 'announce' ||
			(this.state.phase === 'shape' && /^\d+ \d/.test(this.state.text))
		);
	}

	/** Bytes of the peer's shape seen so far: the script sends frames only after reading ours. */
	get shapeStarted(): boolean {
		return (
			this.shape !== undefined ||
			this.state.phase === 'announce' ||
			(this.state.phase === 'shape' && this.state.text.length > 0)
		);
	}

	push(chunk: Uint8Array): SeedEvent[] {
		const events: SeedEvent[] = [];
		let i = 0;
		while (i < chunk.length) {
			const state = this.state;
			if (state.phase === 'body') {
				const take = Math.min(chunk.length - i, state.data.length - state.filled);
				state.data.set(chunk.subarray(i, i + take), state.filled);
				state.filled += take;
				i += take;
				if (state.filled === state.data.length) {
					const shape = this.shape!;
					events.push({type: 'frame', rows: shape.rows, cols: shape.cols, data: state.data});
					this.state = {phase: 'header', text: ''};
				}
				continue;
			}
			const byte = chunk[i++]!;
			if (state.phase === 'announce') {
				if (byte !== seedAnnounceToken.charCodeAt(0)) {
					throw new ProtocolError(
						'bad-shape',
						`"${printable(state.text + String.fromCharCode(byte))}" is not a frame shape`,
					);
				}
				const [rows, cols] = state.text.trim().split(' ').map(Number) as [number, number];
				this.shape = validateSeedShape(rows, cols);
				this.announced = true;
				events.push({type: 'shape', rows, cols});
				this.state = {phase: 'header', text: ''};
				continue;
			}
			if (state.phase === 'shape') {
				if (byte === slash) {
					const {rows, cols} = splitGluedShape(state.text);
					this.shape = {rows, cols};
					events.push({type: 'shape', rows, cols});
					this.beginBody();
				} else {
					this.acceptShapeByte(state, byte);
				}
			} else if (byte === slash) {
				this.checkSegments(state.text);
				this.beginBody();
			} else {
				if (!isDigit(byte) || state.text.length >= maxSegmentDigits) {
					throw new ProtocolError('bad-frame-header', 'the peer sent something other than a frame header');
				}
				state.text += String.fromCharCode(byte);
			}
		}
		return events;
	}

	private acceptShapeByte(state: {text: string}, byte: number): void {
		const text = state.text;
		const spaceAt = text.indexOf(' ');
		if (byte === space && spaceAt !== -1 && spaceAt < text.length - 1) {
			// `"<rows> <cols> "`: facetty's announcement follows; the shape is complete.
			this.state = {phase: 'announce', text: text + ' '};
			return;
		}
		if (byte === space) {
			if (spaceAt !== -1 || text.length === 0 || Number(text) < 1) {
				throw new ProtocolError('bad-shape', `"${printable(text)} " does not start a frame shape`);
			}
		} else if (!isDigit(byte) || (byte === 0x30 && (text.length === 0 || spaceAt === text.length - 1))) {
			throw new ProtocolError(
				'bad-shape',
				`"${printable(text + String.fromCharCode(byte))}" is not a frame shape`,
			);
		}
		const next = text + String.fromCharCode(byte);
		// Rows can be judged as soon as they are complete; cols only once the segment count splits them off.
		if (spaceAt === -1 && byte !== space && next.length > String(seedMaxDimension).length) {
			throw new ProtocolError(
				'bad-shape',
				`the peer announced ${printable(next)}... rows, more than ${seedMaxDimension}`,
			);
		}
		if (next.length > seedMaxShapeBytes + maxSegmentDigits) {
			throw new ProtocolError('bad-shape', `"${printable(next)}" is longer than any frame shape`);
		}
		state.text = next;
	}

	private checkSegments(text: string): void {
		const expected = seedSegments(seedFrameBytes(this.shape!));
		if (text !== String(expected)) {
			throw new ProtocolError(
				'bad-frame-header',
				`a frame header says "${printable(text)}" segments; the announced shape needs ${expected}`,
			);
		}
	}

	private beginBody(): void {
		// Allocation happens only here, after the shape passed the limits.
		this.state = {phase: 'body', data: new Uint8Array(seedFrameBytes(this.shape!)), filled: 0};
	}
}
