/**
 * One picture in facetty's common currency: tightly packed 8-bit BGR, row-major, no padding.
 * Everything that makes frames (sources, decoders) produces this; everything that shows or sends
 * frames consumes it. `capturedAt` is wall-clock milliseconds (Date.now() scale) when the source
 * grabbed it, so latency can be measured from capture to display, even across machines.
 */
export type Frame = {
	readonly width: number;
	readonly height: number;
	readonly data: Uint8Array;
	readonly capturedAt: number;
};

export const bytesPerPixel = 3;

export function frameByteLength(width: number, height: number): number {
	return width * height * bytesPerPixel;
}

export function makeFrame(width: number, height: number, data: Uint8Array, capturedAt = Date.now()): Frame {
	if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
		throw new RangeError(`a frame must have a positive whole size, not ${width}x${height}`);
	}
	if (data.length !== frameByteLength(width, height)) {
		throw new RangeError(
			`a ${width}x${height} BGR frame needs ${frameByteLength(width, height)} bytes, got ${data.length}`,
		);
	}
	return {width, height, data, capturedAt};
}

export function formatShape(width: number, height: number): string {
	return `${width}x${height}`;
}
