import fc from 'fast-check';
import {ProtocolError} from '../../source/protocol/errors.js';

/** A valid stream with one to four bytes overwritten: garbage that gets past the first checks. */
export function mutationsOf(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
	return fc
		.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({min: 0, max: 255})), {minLength: 1, maxLength: 4})
		.map((edits) => {
			const copy = Uint8Array.from(valid);
			for (const [at, value] of edits) copy[at] = value;
			return copy;
		});
}

/**
 * Random bytes up to `maxLength`, or `valid` mutated, in any chunking: `parse` either parses them
 * or throws a ProtocolError, never anything else.
 */
export function assertParsesOrRefuses(
	valid: Uint8Array,
	maxLength: number,
	numRuns: number,
	parse: (pieces: Uint8Array[]) => void,
): void {
	fc.assert(
		fc.property(
			fc.oneof(fc.uint8Array({maxLength}), mutationsOf(valid)),
			fc.array(fc.nat(), {maxLength: 6}),
			(bytes, cuts) => {
				try {
					parse(chunk(bytes, cuts));
				} catch (error) {
					if (!(error instanceof ProtocolError)) throw error;
				}
			},
		),
		{numRuns},
	);
}

/** Splits bytes at the given cut points, so a property test can try every chunking TCP might choose. */
export function chunk(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
	const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
	const pieces: Uint8Array[] = [];
	let from = 0;
	for (const to of points) {
		pieces.push(bytes.subarray(from, to));
		from = to;
	}
	pieces.push(bytes.subarray(from));
	return pieces;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
	return Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.length)));
}
