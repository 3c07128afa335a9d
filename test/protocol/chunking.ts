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
