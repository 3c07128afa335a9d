import assert from 'node:assert/strict';
import {test} from 'node:test';
import {contains, overlaps} from '../../source/ui/layout.js';
import {formRows, formTop, minFormCols, setupLayout, thumbnailSize} from '../../source/ui/setup-layout.js';
import {
	initialThumbnail,
	reduceThumbnail,
	thumbnailChoice,
	thumbnailView,
	type ThumbnailEffect,
	type ThumbnailEvent,
	type ThumbnailState,
} from '../../source/ui/thumbnail-state.js';

test('thumbnail layout: beside the form when wide, below when tall, none when small; always on screen', () => {
	assert.equal(setupLayout(120, 36).side, 'right');
	assert.deepEqual(setupLayout(120, 36).thumbnail, {col: 87, row: 4, cols: 32, rows: 12});
	assert.equal(setupLayout(80, 24).side, 'right');
	assert.equal(setupLayout(60, 40).side, 'below');
	assert.deepEqual(setupLayout(60, 40).thumbnail, {col: 1, row: formTop + formRows + 2, cols: 32, rows: 12});
	assert.equal(setupLayout(60, 20).side, undefined);
	assert.equal(setupLayout(30, 60).side, undefined);
	assert.equal(setupLayout(0, 0).thumbnail, undefined);
	for (let cols = 0; cols <= 200; cols += 3) {
		for (let rows = 0; rows <= 60; rows += 2) {
			const layout = setupLayout(cols, rows);
			const at = `${cols}x${rows}`;
			if (!layout.thumbnail) continue;
			const t = layout.thumbnail;
			assert.equal(t.cols, thumbnailSize.cols, at);
			assert.equal(t.rows, thumbnailSize.rows, at);
			assert.ok(contains({col: 0, row: 0, cols, rows}, t), at);
			assert.equal(layout.labelRow, t.row - 1, at);
			// Never over the title rows, nor over the form.
			assert.ok(t.row > formTop, at);
			const form =
				layout.side === 'right'
					? {col: 1, row: formTop, cols: layout.formCols, rows: rows - formTop}
					: {col: 1, row: formTop, cols: layout.formCols, rows: formRows};
			assert.ok(!overlaps(form, {...t, row: t.row - 1, rows: t.rows + 1}), at);
			if (layout.side === 'right') assert.ok(layout.formCols >= minFormCols, at);
		}
	}
});

function run(state: ThumbnailState, ...events: ThumbnailEvent[]) {
	const effects: ThumbnailEffect[] = [];
	for (const event of events) {
		const [next, more] = reduceThumbnail(state, event);
		state = next;
		effects.push(...more);
	}
	return {state, effects};
}

test('thumbnail: a choice opens only once it has stayed (debounced); scrolling past others opens none of them', () => {
	let {state, effects} = run(
		initialThumbnail,
		{type: 'choice', spec: '0'},
		{type: 'choice', spec: '1'},
		{type: 'choice', spec: 'test'},
	);
	assert.deepEqual(effects, [{type: 'arm'}, {type: 'arm'}, {type: 'arm'}]);
	assert.deepEqual(thumbnailView(state), {kind: 'text', spec: 'test', text: 'Opening…', error: false});
	({state, effects} = run(state, {type: 'settled'}));
	assert.deepEqual(effects, [{type: 'open', spec: 'test', generation: 1}]);
	({state, effects} = run(state, {type: 'started', generation: 1}));
	assert.deepEqual(thumbnailView(state), {kind: 'picture', spec: 'test'});

	// Another choice: the previous source is closed first, then the new one opens.
	({state, effects} = run(state, {type: 'choice', spec: 'clip.mp4'}, {type: 'settled'}));
	assert.deepEqual(effects, [
		{type: 'arm'},
		{type: 'close'},
		{type: 'open', spec: 'clip.mp4', generation: 2},
	]);
	// A late event of the old source changes nothing.
	({state, effects} = run(state, {type: 'failed', generation: 1, message: 'old'}));
	assert.deepEqual(effects, []);
	assert.equal(state.shown?.status, 'opening');

	// Going away and back to what is open within the debounce: nothing is reopened.
	({state, effects} = run(state, {type: 'started', generation: 2}, {type: 'choice', spec: 'test'}));
	({state, effects} = run(state, {type: 'choice', spec: 'clip.mp4'}, {type: 'settled'}));
	assert.deepEqual(effects, [{type: 'disarm'}]);
	assert.deepEqual(thumbnailView(state), {kind: 'picture', spec: 'clip.mp4'});
});

test('thumbnail: a source that fails shows its sentence; the end closes what is open and ignores the rest', () => {
	let {state, effects} = run(
		initialThumbnail,
		{type: 'choice', spec: 'missing.mp4'},
		{type: 'settled'},
		{type: 'failed', generation: 1, message: 'missing.mp4 does not exist.'},
	);
	assert.deepEqual(effects.at(-1), {type: 'close'});
	assert.deepEqual(thumbnailView(state), {
		kind: 'text',
		spec: 'missing.mp4',
		text: 'missing.mp4 does not exist.',
		error: true,
	});
	// Typing: nothing open, a note instead.
	({state, effects} = run(state, {type: 'choice', spec: undefined, note: 'typing'}));
	assert.deepEqual(effects, [{type: 'disarm'}, {type: 'close'}]);
	assert.deepEqual(thumbnailView(state), {kind: 'text', spec: undefined, text: 'typing', error: false});

	({state, effects} = run(state, {type: 'choice', spec: 'test'}, {type: 'settled'}, {type: 'end'}));
	assert.deepEqual(effects.slice(-2), [{type: 'disarm'}, {type: 'close'}]);
	({state, effects} = run(
		state,
		{type: 'choice', spec: '0'},
		{type: 'settled'},
		{type: 'started', generation: 2},
	));
	assert.deepEqual(effects, []);
	assert.equal(state.ended, true);
});

test('thumbnail choice: list choices at once, typed text once the field is left, camera indices after the search', () => {
	const base = {cameras: ['0', 'test', 'clip.mp4'], field: 'camera', probing: false};
	assert.deepEqual(thumbnailChoice({...base, camera: 'test'}), {spec: 'test'});
	assert.equal(thumbnailChoice({...base, camera: 'movie.mp4'}).spec, undefined);
	assert.deepEqual(thumbnailChoice({...base, camera: 'movie.mp4', field: 'name'}), {spec: 'movie.mp4'});
	assert.equal(thumbnailChoice({...base, camera: '0', probing: true}).spec, undefined);
	assert.deepEqual(thumbnailChoice({...base, camera: 'test', probing: true}), {spec: 'test'});
	assert.equal(thumbnailChoice({...base, camera: '  ', field: 'name'}).spec, undefined);
});
