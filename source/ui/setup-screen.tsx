/** The setup screen (`facetty` with no command): a keyboard-only form, drawn by Ink. */
import React, {useSyncExternalStore} from 'react';
import {Box, Text, useInput} from 'ink';
import {
	fieldsOf,
	setupModes,
	type SetupAction,
	type SetupField,
	type SetupMode,
	type SetupState,
} from './setup-state.js';
import type {CellSize} from '../render/layout.js';
import {
	fitForm,
	formRows,
	hintRows,
	setupLayout,
	stackedBelowCols,
	statusRows,
	type FormFit,
	type SetupLayout,
} from './setup-layout.js';
import {Store} from './store.js';
import {wrap} from './text.js';
import {displayWidth} from '../text/sanitize.js';
import type {ThumbnailView} from './thumbnail-state.js';

const labels: Record<SetupField, string> = {
	mode: 'Mode',
	address: 'Address',
	code: 'Code',
	relay: 'Relay',
	camera: 'Camera',
	name: 'Your name',
	window: '--window',
	secret: 'Secret',
};
/** The label column: the cursor mark and the longest label, padded. */
const labelCols = 13;
/** The mode choices padded (" listen  call "), and without the padding, in columns. */
const paddedModesCols = setupModes.reduce((sum, mode) => sum + mode.length + 3, -1);
const tightModesCols = setupModes.reduce((sum, mode) => sum + mode.length + 1, -1);

const keyHints = '↑/↓ Tab: move · ←/→: choose · type to edit · Enter: start · Esc: quit';
/** The key hints in one row, the first that fits: fewer keys, Enter and Esc last to go. */
const oneRowKeyHints = [
	'↑/↓ Tab: move · ←/→: choose · Enter: start · Esc: quit',
	'↑/↓: move · Enter: start · Esc: quit',
	'Enter: start · Esc: quit',
	'Esc: quit',
];

const modeHints: Record<SetupMode, string> = {
	listen: 'wait for a call to this machine',
	call: 'call someone who listens, at their address',
	invite: 'get a one-time code through a relay; the other side joins with it',
	room: 'make a room through a relay: up to 8 people join with its code',
	join: 'join with the code someone invited you with (to a call or a room)',
};

const startHints: Record<SetupMode, string> = {
	listen: 'start listening',
	call: 'call',
	invite: 'get the code to give',
	room: 'make the room',
	join: 'join',
};

/**
 * Our own word wrap where the width is known: Ink's keeps the blank it breaks at, which then
 * starts the next row one column in.
 */
function wrapped(text: string, width: number | undefined, rows = Infinity): string {
	return width === undefined ? text : wrap(text, Math.max(1, width)).slice(0, rows).join('\n');
}

type FormLook = {
	/** Each field one row, the hint and the status in a fixed number of rows (the thumbnail below). */
	readonly oneRow: boolean;
	/** The mode choices: padded, without padding (to fit beside the labels), or only the chosen one. */
	readonly modes: 'padded' | 'tight' | 'chosen';
	/** The form's columns, when known. */
	readonly width: number | undefined;
	/** Each label on a row of its own above its value (a narrow terminal). */
	readonly stacked: boolean;
	/** What a small terminal shows of the form; none: all of it. */
	readonly fit: FormFit | undefined;
};

function Field({
	state,
	field,
	children,
	hint,
	look,
}: {
	state: SetupState;
	field: SetupField;
	children: React.ReactNode;
	hint?: string;
	look: FormLook;
}) {
	const {oneRow, width} = look;
	const active = state.field === field;
	const label = (
		<Box flexShrink={0}>
			<Text color={active ? 'cyan' : undefined} bold={active}>
				{active ? '› ' : '  '}
				{look.stacked ? labels[field] : labels[field].padEnd(labelCols - 2)}
			</Text>
		</Box>
	);
	if (oneRow) {
		// One row for the field (or the label's and the value's); its hint below it across the form.
		const rows = look.fit?.hintRows ?? hintRows;
		// The field being typed in keeps its end, where the cursor is, in view.
		const value = <Text wrap={active ? 'truncate-start' : 'truncate-end'}>{children}</Text>;
		return (
			<>
				{look.stacked ? (
					<>
						{label}
						<Box paddingLeft={2}>{value}</Box>
					</>
				) : (
					<Box>
						{label}
						{value}
					</Box>
				)}
				{active && hint && rows > 0 ? (
					<Box paddingLeft={2}>
						<Text dimColor wrap="wrap">
							{wrapped(hint, width === undefined ? undefined : width - 2, rows)}
						</Text>
					</Box>
				) : null}
			</>
		);
	}
	return (
		<Box>
			{label}
			<Box flexDirection="column" flexShrink={1}>
				<Text wrap="wrap">{children}</Text>
				{active && hint ? (
					<Text dimColor wrap="wrap">
						{wrapped(hint, width === undefined ? undefined : width - labelCols)}
					</Text>
				) : null}
			</Box>
		</Box>
	);
}

/** A choice of a row of them: the one chosen in reverse video; tight ones without the padding. */
function Choice({on, text, tight = false}: {on: boolean; text: string; tight?: boolean}) {
	const shown = tight ? text : ` ${text} `;
	return on ? <Text inverse>{shown}</Text> : <Text dimColor>{shown}</Text>;
}

/** The thumbnail: a label row, then the picture's rectangle (left empty for the picture layer) or a sentence. */
function Thumbnail({layout, view}: {layout: SetupLayout; view: ThumbnailView}) {
	const rect = layout.thumbnail!;
	return (
		<Box flexDirection="column" width={rect.cols} flexShrink={0}>
			<Text dimColor wrap="truncate-end">
				{view.spec ? `Preview: ${view.spec}` : 'Preview'}
			</Text>
			<Box height={rect.rows} width={rect.cols} overflow="hidden" flexDirection="column">
				{view.kind === 'text' ? (
					<Text color={view.error ? 'red' : undefined} dimColor={!view.error}>
						{view.text}
					</Text>
				) : null}
			</Box>
		</Box>
	);
}

/** The active field's hint: what to type, or what the choice means. */
function hintOf(state: SetupState, field: SetupField): string {
	switch (field) {
		case 'mode':
			return modeHints[state.mode];
		case 'address':
			return state.mode === 'listen'
				? `the other person calls ${state.addresses
						.slice(0, 3)
						.map((a) => `${a}:${state.port || '?'}`)
						.join(' or ')}`
				: 'HOST:PORT of the person listening';
		case 'code':
			return "the code the other side's invite shows, e.g. 42-kettle-violet-orbit";
		case 'relay':
			return state.mode === 'invite' || state.mode === 'room'
				? 'HOST:PORT of a facetty relay you all can reach'
				: 'HOST:PORT of the relay the invite named';
		case 'camera':
			return `type a file or URL, or ←/→: ${state.cameras.join(', ')}${state.probing ? ' (looking for cameras…)' : ''}`;
		case 'name':
			return 'shown to the other person';
		case 'window':
			return 'also show the video in a desktop window';
		case 'secret':
			return 'optional: a passphrase you both type; a different one is refused (never saved)';
	}
}

function statusOf(state: SetupState): string {
	return state.error ?? `Press Enter to ${startHints[state.mode]}.`;
}

/** How the mode choices fit in `cols`: padded, tight, or only the chosen one. */
function modesLook(cols: number): FormLook['modes'] {
	return cols >= paddedModesCols ? 'padded' : cols >= tightModesCols ? 'tight' : 'chosen';
}

export function SetupView({
	state,
	size,
	thumbnail,
}: {
	state: SetupState;
	/** The terminal's size, to place the thumbnail; none: no thumbnail (and rows may wrap). */
	size?: CellSize;
	thumbnail?: ThumbnailView;
}) {
	const layout = size ? setupLayout(size.cols, size.rows) : undefined;
	const shown = thumbnail && layout?.side ? layout : undefined;
	const width = layout?.formCols;
	// Without a thumbnail the terminal may be small: each field one row, and what does not fit goes.
	const small = size !== undefined && width !== undefined && !shown;
	const stacked = small && width < stackedBelowCols;
	const keyRows = size ? wrap(keyHints, Math.max(1, size.cols - 2)).length : 2;
	const fit =
		small && size
			? fitForm(size.rows, {
					keyRows,
					fields: fieldsOf(state.mode).length,
					active: Math.max(0, fieldsOf(state.mode).indexOf(state.field)),
					fieldRows: stacked ? 2 : 1,
					hintRows: wrap(hintOf(state, state.field), Math.max(1, width - 2)).length,
					statusRows: wrap(statusOf(state), Math.max(1, width)).length,
				})
			: undefined;
	const look: FormLook = {
		oneRow: shown?.side === 'below' || small,
		modes: width === undefined ? 'padded' : modesLook(stacked ? width - 2 : width - labelCols),
		width,
		stacked,
		fit,
	};
	const form = <SetupForm state={state} look={look} />;
	const keys =
		fit && fit.keyRows < keyRows
			? (oneRowKeyHints.find((text) => displayWidth(text) <= size!.cols - 2) ?? '')
			: wrapped(keyHints, size ? size.cols - 2 : undefined);
	return (
		<Box flexDirection="column" paddingX={1} width={size?.cols}>
			{fit?.title === false ? null : (
				<Text bold wrap={size ? 'truncate-end' : 'wrap'}>
					facetty: video chat without voice
				</Text>
			)}
			{/* Two rows: the key hints and a blank, or the key hints wrapped on a narrow terminal. */}
			{fit?.keyRows === 0 ? null : (
				<Box height={fit ? fit.keyRows + Number(fit.gap) : 2} overflow="hidden">
					<Text dimColor wrap={fit && fit.keyRows < keyRows ? 'truncate-end' : 'wrap'}>
						{keys}
					</Text>
				</Box>
			)}
			{shown?.side === 'right' ? (
				<Box>
					<Box width={shown.formCols} flexShrink={0} flexDirection="column">
						{form}
					</Box>
					<Box width={2} flexShrink={0} />
					<Thumbnail layout={shown} view={thumbnail!} />
				</Box>
			) : shown?.side === 'below' ? (
				<>
					<Box width={shown.formCols} height={formRows} overflow="hidden" flexDirection="column">
						{form}
					</Box>
					<Text> </Text>
					<Thumbnail layout={shown} view={thumbnail!} />
				</>
			) : (
				form
			)}
		</Box>
	);
}

function SetupForm({state, look}: {state: SetupState; look: FormLook}) {
	const fit = look.fit;
	const all = fieldsOf(state.mode);
	const asked = fit ? all.slice(fit.firstField, fit.firstField + fit.fieldCount) : all;
	/** A field typed into: its value (or, when empty and not being typed in, what to type) and the cursor. */
	const typed = (field: SetupField, value: string, placeholder: string, prefix = '') => (
		<Field look={look} state={state} field={field} hint={hintOf(state, field)}>
			{prefix}
			{value || (state.field === field ? '' : placeholder)}
			{state.field === field ? '▌' : ''}
		</Field>
	);
	const fields: Record<SetupField, () => React.ReactNode> = {
		mode: () => (
			<Field look={look} state={state} field="mode" hint={hintOf(state, 'mode')}>
				{look.modes === 'chosen' ? (
					// Too narrow for the four: the chosen one, between the arrows that change it.
					<Text>‹ {state.mode} ›</Text>
				) : (
					setupModes.map((mode, index) => (
						<React.Fragment key={mode}>
							{index > 0 ? ' ' : ''}
							<Choice on={state.mode === mode} text={mode} tight={look.modes === 'tight'} />
						</React.Fragment>
					))
				)}
			</Field>
		),
		address: () =>
			state.mode === 'listen'
				? typed('address', state.port, '', 'port ')
				: typed('address', state.target, '(type HOST:PORT)'),
		code: () => typed('code', state.code, '(type the code)'),
		relay: () => typed('relay', state.relay, '(type HOST:PORT)'),
		camera: () => typed('camera', state.camera, ''),
		name: () => typed('name', state.name, '(none)'),
		window: () => (
			<Field look={look} state={state} field="window" hint={hintOf(state, 'window')}>
				<Choice on={!state.window} text="no" /> <Choice on={state.window} text="yes" />
			</Field>
		),
		secret: () => typed('secret', '•'.repeat([...state.secret].length), '(none)'),
	};
	return (
		<>
			{asked.map((field) => (
				<React.Fragment key={field}>{fields[field]()}</React.Fragment>
			))}
			{fit?.blank === false ? null : <Text> </Text>}
			<Text color={state.error ? 'red' : 'green'} wrap="wrap">
				{wrapped(statusOf(state), look.width, fit ? fit.statusRows : look.oneRow ? statusRows : Infinity)}
			</Text>
		</>
	);
}

const noSize = new Store<CellSize | undefined>(undefined);
const noThumbnail = new Store<ThumbnailView | undefined>(undefined);

export function SetupScreen({
	store,
	dispatch,
	size = noSize,
	thumbnail = noThumbnail,
}: {
	store: Store<SetupState>;
	dispatch: (action: SetupAction) => void;
	/** The terminal's size and what the thumbnail shows; none: the form alone. */
	size?: Store<CellSize | undefined> | Store<CellSize>;
	thumbnail?: Store<ThumbnailView | undefined> | Store<ThumbnailView>;
}) {
	const state = useSyncExternalStore(store.subscribe, store.get);
	const terminal = useSyncExternalStore(size.subscribe, size.get);
	const view = useSyncExternalStore(thumbnail.subscribe, thumbnail.get);
	useInput((input, key) =>
		dispatch({
			type: 'key',
			key: {
				input,
				ctrl: key.ctrl,
				meta: key.meta,
				shift: key.shift,
				escape: key.escape,
				return: key.return,
				tab: key.tab,
				backspace: key.backspace,
				delete: key.delete,
				upArrow: key.upArrow,
				downArrow: key.downArrow,
				leftArrow: key.leftArrow,
				rightArrow: key.rightArrow,
			},
		}),
	);
	return <SetupView state={state} size={terminal} thumbnail={view} />;
}
