export type Size = {readonly width: number; readonly height: number};
export type Rect = {readonly x: number; readonly y: number; readonly width: number; readonly height: number};

/**
 * The largest centred part of a `from`-sized picture that has the aspect ratio of `to`: cropping
 * to it before scaling keeps faces their true shape when a camera's aspect differs from the one
 * asked for (the seed format, for one, fixes the shape for the whole call).
 */
export function centreCrop(from: Size, to: Size): Rect {
	const wantedAspect = to.width / to.height;
	const fromAspect = from.width / from.height;
	if (Math.abs(fromAspect - wantedAspect) < 1e-3) return {x: 0, y: 0, width: from.width, height: from.height};
	if (fromAspect > wantedAspect) {
		const width = Math.max(1, Math.min(from.width, Math.round(from.height * wantedAspect)));
		return {x: Math.floor((from.width - width) / 2), y: 0, width, height: from.height};
	}
	const height = Math.max(1, Math.min(from.height, Math.round(from.width / wantedAspect)));
	return {x: 0, y: Math.floor((from.height - height) / 2), width: from.width, height};
}

/** The size frames are delivered at: the one asked for, or the source's own; either dimension alone keeps the aspect. */
export function resolveTargetSize(native: Size, wanted: Partial<Size>): Size {
	const {width, height} = wanted;
	if (width && height) return {width, height};
	if (width) return {width, height: Math.max(1, Math.round((width * native.height) / native.width))};
	if (height) return {width: Math.max(1, Math.round((height * native.width) / native.height)), height};
	return native;
}
