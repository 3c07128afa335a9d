/**
 * Reads a JPEG's frame header (SOFn) without decoding anything, so a peer cannot make us
 * decode a 30000x30000 picture (gigabytes) hidden in a 1 KB message that claims 64x48.
 * Pure; walks the marker segments from SOI, stops at the first SOF or at anything unexpected.
 */
export type JpegHeader = {width: number; height: number; components: number};

export function jpegHeader(bytes: Uint8Array): JpegHeader | undefined {
	if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
	let at = 2;
	while (at + 4 <= bytes.length) {
		if (bytes[at] !== 0xff) return undefined;
		const marker = bytes[at + 1]!;
		if (marker === 0xff) {
			at++; // fill byte
			continue;
		}
		if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
			at += 2;
			continue;
		}
		if (marker === 0xd9 || marker === 0xda) return undefined; // image end or scan before any SOF
		const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
		if (length < 2) return undefined;
		const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
		if (isSof) {
			if (length < 8 || at + 2 + length > bytes.length) return undefined;
			const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
			const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
			return {width, height, components: bytes[at + 9]!};
		}
		at += 2 + length;
	}
	return undefined;
}
