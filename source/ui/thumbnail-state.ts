/**
 * The setup screen's camera thumbnail as a pure state machine: which choice to show, when to open
 * it (a choice must stay for the debounce time, so scrolling through the cameras does not open each
 * one), which source is open, and what the thumbnail says instead of a picture. The caller carries
 * out the effects: arm/disarm the debounce timer, close the open source, open a new one.
 */

export const thumbnailDebounceMs = 300;

export type Shown = {
	readonly spec: string;
	/** Counts opens: events of a source that was since closed carry an old generation and are ignored. */
	readonly generation: number;
	readonly status: 'opening' | 'live' | 'failed';
	readonly message?: string;
};

export type ThumbnailState = {
	/** The choice to show; undefined while there is none to open (see note). */
	readonly wanted: string | undefined;
	/** Why nothing is opened (a file name being typed, cameras being looked for). */
	readonly note?: string;
	/** The debounce timer runs: `wanted` opens when it fires. */
	readonly pending: boolean;
	readonly shown: Shown | undefined;
	readonly generation: number;
	readonly ended: boolean;
};

export type ThumbnailEvent =
	| {readonly type: 'choice'; readonly spec: string | undefined; readonly note?: string}
	| {readonly type: 'settled'}
	| {readonly type: 'started'; readonly generation: number}
	| {readonly type: 'failed'; readonly generation: number; readonly message: string}
	| {readonly type: 'end'};

export type ThumbnailEffect =
	| {readonly type: 'arm'}
	| {readonly type: 'disarm'}
	| {readonly type: 'close'}
	| {readonly type: 'open'; readonly spec: string; readonly generation: number};

export const initialThumbnail: ThumbnailState = {
	wanted: undefined,
	pending: false,
	shown: undefined,
	generation: 0,
	ended: false,
};

export function reduceThumbnail(
	state: ThumbnailState,
	event: ThumbnailEvent,
): [ThumbnailState, ThumbnailEffect[]] {
	if (state.ended) return [state, []];
	switch (event.type) {
		case 'choice': {
			if (event.spec === state.wanted && event.note === state.note) return [state, []];
			if (event.spec === undefined) {
				const effects: ThumbnailEffect[] = [{type: 'disarm'}];
				if (state.shown) effects.push({type: 'close'});
				return [{...state, wanted: undefined, note: event.note, pending: false, shown: undefined}, effects];
			}
			if (state.shown?.spec === event.spec && state.shown.status !== 'failed') {
				// Back to what is open: nothing to wait for.
				return [{...state, wanted: event.spec, note: undefined, pending: false}, [{type: 'disarm'}]];
			}
			return [{...state, wanted: event.spec, note: undefined, pending: true}, [{type: 'arm'}]];
		}
		case 'settled': {
			if (!state.pending) return [state, []];
			const spec = state.wanted;
			if (spec === undefined) return [{...state, pending: false}, []];
			if (state.shown?.spec === spec && state.shown.status !== 'failed')
				return [{...state, pending: false}, []];
			const generation = state.generation + 1;
			const effects: ThumbnailEffect[] = [];
			if (state.shown) effects.push({type: 'close'});
			effects.push({type: 'open', spec, generation});
			return [{...state, pending: false, generation, shown: {spec, generation, status: 'opening'}}, effects];
		}
		case 'started':
			if (state.shown?.generation !== event.generation || state.shown.status !== 'opening')
				return [state, []];
			return [{...state, shown: {...state.shown, status: 'live'}}, []];
		case 'failed':
			if (state.shown?.generation !== event.generation || state.shown.status === 'failed') return [state, []];
			return [
				{...state, shown: {...state.shown, status: 'failed', message: event.message}},
				[{type: 'close'}],
			];
		case 'end': {
			const effects: ThumbnailEffect[] = [{type: 'disarm'}];
			if (state.shown && state.shown.status !== 'failed') effects.push({type: 'close'});
			return [{...state, ended: true, pending: false, shown: undefined}, effects];
		}
	}
}

/** What the thumbnail shows. */
export type ThumbnailView =
	| {readonly kind: 'picture'; readonly spec: string}
	| {
			readonly kind: 'text';
			readonly spec: string | undefined;
			readonly text: string;
			readonly error: boolean;
	  };

export function thumbnailView(state: ThumbnailState): ThumbnailView {
	const spec = state.wanted;
	if (spec === undefined) return {kind: 'text', spec, text: state.note ?? '', error: false};
	const shown = state.shown;
	if (state.pending || !shown || shown.spec !== spec)
		return {kind: 'text', spec, text: 'Opening…', error: false};
	if (shown.status === 'live') return {kind: 'picture', spec};
	if (shown.status === 'failed')
		return {kind: 'text', spec, text: shown.message ?? 'It cannot be opened.', error: true};
	return {kind: 'text', spec, text: 'Opening…', error: false};
}

/**
 * What the camera field asks the thumbnail to show: a choice from the list at once (after the
 * debounce), a typed file or URL once the field is left, a camera index once the cameras have been
 * looked for (the search opens each one, and a camera opened twice may refuse).
 */
export function thumbnailChoice(setup: {
	readonly camera: string;
	readonly cameras: readonly string[];
	readonly field: string;
	readonly probing: boolean;
}): {spec: string | undefined; note?: string} {
	const camera = setup.camera.trim();
	if (!camera) return {spec: undefined, note: 'Choose a camera to see it here.'};
	if (setup.field === 'camera' && !setup.cameras.includes(setup.camera))
		return {spec: undefined, note: 'Leave the field (Tab) to see it here.'};
	if (setup.probing && /^\d+$/.test(camera)) return {spec: undefined, note: 'Looking for cameras…'};
	return {spec: camera};
}
