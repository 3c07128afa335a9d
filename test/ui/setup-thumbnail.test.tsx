import assert from 'node:assert/strict';
import {test} from 'node:test';
import React from 'react';
import {render} from 'ink-testing-library';
import {openSource} from '../../source/sources/index.js';
import {setupLayout} from '../../source/ui/setup-layout.js';
import {SetupView} from '../../source/ui/setup-screen.js';
import {initialSetup} from '../../source/ui/setup-state.js';
import {
	initialThumbnail,
	reduceThumbnail,
	thumbnailView,
	type ThumbnailState,
} from '../../source/ui/thumbnail-state.js';

const strip = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** The sentence a missing file's source fails with, from the real sources. */
async function missingFileSentence(): Promise<string> {
	const source = openSource('/nonexistent/facetty-missing.mp4', {width: 32, height: 24, fps: 15});
	try {
		await source.start();
		return 'it opened';
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	} finally {
		await source.stop().catch(() => undefined);
	}
}

test('setup screen: the thumbnail region is reserved beside the form, with its label, and says why a file fails', async () => {
	const sentence = await missingFileSentence();
	assert.match(sentence, /does not exist\./);
	let thumbnail: ThumbnailState = initialThumbnail;
	for (const event of [
		{type: 'choice', spec: '/nonexistent/facetty-missing.mp4'},
		{type: 'settled'},
		{type: 'failed', generation: 1, message: sentence},
	] as const)
		thumbnail = reduceThumbnail(thumbnail, event)[0];

	const size = {cols: 120, rows: 36};
	const layout = setupLayout(size.cols, size.rows);
	const rect = layout.thumbnail!;
	const state = initialSetup({camera: '/nonexistent/facetty-missing.mp4'}, ['10.0.0.9'], ['test']);
	const view = render(<SetupView state={state} size={size} thumbnail={thumbnailView(thumbnail)} />);
	const lines = strip(view.lastFrame() ?? '').split('\n');
	assert.match(lines[layout.labelRow]!.slice(rect.col), /^Preview: \/nonexistent/);
	// The sentence, wrapped inside the thumbnail's columns, from its first row.
	const inside = lines
		.slice(rect.row, rect.row + rect.rows)
		.map((line) => line.slice(rect.col, rect.col + rect.cols).trimEnd())
		.join(' ');
	assert.ok(inside.replace(/\s+/g, '').includes(sentence.replace(/\s+/g, '')), inside);
	// The form keeps its place on the left.
	assert.match(lines[3]!, /› Mode/);
	assert.ok(lines.every((line) => line.length <= size.cols));

	// A live picture: the rectangle is left empty for the surface to draw in.
	const live = render(<SetupView state={state} size={size} thumbnail={{kind: 'picture', spec: 'test'}} />);
	const liveLines = strip(live.lastFrame() ?? '').split('\n');
	assert.match(liveLines[layout.labelRow]!.slice(rect.col), /^Preview: test/);
	for (let row = rect.row; row < rect.row + rect.rows; row++)
		assert.equal((liveLines[row] ?? '').slice(rect.col, rect.col + rect.cols).trim(), '', `row ${row}`);
});

test('setup screen: below the form on a narrow, tall terminal; no thumbnail on a small one', () => {
	const state = initialSetup({}, ['10.0.0.9'], ['test']);
	const below = {cols: 60, rows: 40};
	const layout = setupLayout(below.cols, below.rows);
	const frame = strip(
		render(
			<SetupView
				state={state}
				size={below}
				thumbnail={{kind: 'text', spec: 'test', text: 'Opening…', error: false}}
			/>,
		).lastFrame() ?? '',
	).split('\n');
	assert.match(frame[layout.labelRow]!, /^ Preview: test/);
	assert.match(frame[layout.thumbnail!.row]!, /^ Opening…/);
	const small = strip(
		render(
			<SetupView
				state={state}
				size={{cols: 60, rows: 20}}
				thumbnail={{kind: 'text', spec: 'test', text: 'Opening…', error: false}}
			/>,
		).lastFrame() ?? '',
	);
	assert.doesNotMatch(small, /Preview/);
});
