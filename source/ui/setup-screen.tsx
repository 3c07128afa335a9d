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
import {formRows, hintRows, setupLayout, statusRows, type SetupLayout} from './setup-layout.js';
import {Store} from './store.js';
import {wrap} from './text.js';
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
/** The mode choices padded (" listen  call "), and the columns that takes beside the labels. */
const modesCols = labelCols + setupModes.reduce((sum, mode) => sum + mode.length + 3, -1);

const keyHints = '↑/↓ Tab: move · ←/→: choose · type to edit · Enter: start · Esc: quit';

const modeHints: Record<SetupMode, string> = {
	listen: 'wait for a call to this machine',
	call: 'call someone who listens, at their address',
	invite: 'get a one-time code through a relay; the other side joins with it',
	join: 'join with the code someone invited you with',
};

const startHints: Record<SetupMode, string> = {
	listen: 'start listening',
	call: 'call',
	invite: 'get the code to give',
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
	/** The mode choices without padding, to fit beside the labels. */
	readonly tight: boolean;
	/** The form's columns, when known. */
	readonly width: number | undefined;
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
				{labels[field].padEnd(labelCols - 2)}
			</Text>
		</Box>
	);
	if (oneRow) {
		// One row for the field; its hint below it across the form, in at most two rows.
		return (
			<>
				<Box>
					{label}
					{/* The field being typed in keeps its end, where the cursor is, in view. */}
					<Text wrap={active ? 'truncate-start' : 'truncate-end'}>{children}</Text>
				</Box>
				{active && hint ? (
					<Box paddingLeft={2}>
						<Text dimColor wrap="wrap">
							{wrapped(hint, width === undefined ? undefined : width - 2, hintRows)}
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
	const look: FormLook = {
		oneRow: shown?.side === 'below',
		tight: layout !== undefined && layout.formCols < modesCols,
		width: layout?.formCols,
	};
	const form = <SetupForm state={state} look={look} />;
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold wrap={size ? 'truncate-end' : 'wrap'}>
				facetty: video chat without voice
			</Text>
			{/* Two rows: the key hints and a blank, or the key hints wrapped on a narrow terminal. */}
			<Box height={2} overflow="hidden">
				<Text dimColor wrap="wrap">
					{wrapped(keyHints, size ? size.cols - 2 : undefined)}
				</Text>
			</Box>
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
	const asked = fieldsOf(state.mode);
	/** A field typed into: its value (or, when empty and not being typed in, what to type) and the cursor. */
	const typed = (field: SetupField, hint: string, value: string, placeholder: string, prefix = '') => (
		<Field look={look} state={state} field={field} hint={hint}>
			{prefix}
			{value || (state.field === field ? '' : placeholder)}
			{state.field === field ? '▌' : ''}
		</Field>
	);
	const fields: Record<SetupField, () => React.ReactNode> = {
		mode: () => (
			<Field look={look} state={state} field="mode" hint={modeHints[state.mode]}>
				{setupModes.map((mode, index) => (
					<React.Fragment key={mode}>
						{index > 0 ? ' ' : ''}
						<Choice on={state.mode === mode} text={mode} tight={look.tight} />
					</React.Fragment>
				))}
			</Field>
		),
		address: () =>
			state.mode === 'listen'
				? typed(
						'address',
						`the other person calls ${state.addresses
							.slice(0, 3)
							.map((a) => `${a}:${state.port || '?'}`)
							.join(' or ')}`,
						state.port,
						'',
						'port ',
					)
				: typed('address', 'HOST:PORT of the person listening', state.target, '(type HOST:PORT)'),
		code: () =>
			typed(
				'code',
				"the code the other side's invite shows, e.g. 42-kettle-violet-orbit",
				state.code,
				'(type the code)',
			),
		relay: () =>
			typed(
				'relay',
				state.mode === 'invite'
					? 'HOST:PORT of a facetty relay you both can reach'
					: 'HOST:PORT of the relay the invite named',
				state.relay,
				'(type HOST:PORT)',
			),
		camera: () =>
			typed(
				'camera',
				`type a file or URL, or ←/→: ${state.cameras.join(', ')}${state.probing ? ' (looking for cameras…)' : ''}`,
				state.camera,
				'',
			),
		name: () => typed('name', 'shown to the other person', state.name, '(none)'),
		window: () => (
			<Field look={look} state={state} field="window" hint="also show the video in a desktop window">
				<Choice on={!state.window} text="no" /> <Choice on={state.window} text="yes" />
			</Field>
		),
		secret: () =>
			typed(
				'secret',
				'optional: a passphrase you both type; a different one is refused (never saved)',
				'•'.repeat([...state.secret].length),
				'(none)',
			),
	};
	return (
		<>
			{asked.map((field) => (
				<React.Fragment key={field}>{fields[field]()}</React.Fragment>
			))}
			<Text> </Text>
			<Text color={state.error ? 'red' : 'green'} wrap="wrap">
				{wrapped(
					state.error ?? `Press Enter to ${startHints[state.mode]}.`,
					look.width,
					look.oneRow ? statusRows : Infinity,
				)}
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
