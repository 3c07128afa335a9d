/** The setup screen (`facetty` with no command): a keyboard-only form, drawn by Ink. */
import React, {useSyncExternalStore} from 'react';
import {Box, Text, useInput} from 'ink';
import type {SetupAction, SetupField, SetupState} from './setup-state.js';
import {setupLayout, type SetupLayout} from './setup-layout.js';
import {Store} from './store.js';
import type {ThumbnailView} from './thumbnail-state.js';

export type TerminalSize = {readonly cols: number; readonly rows: number};

const labels: Record<SetupField, string> = {
	mode: 'Mode',
	address: 'Address',
	camera: 'Camera',
	name: 'Your name',
	window: '--window',
	secret: 'Secret',
};

function Field({
	state,
	field,
	children,
	hint,
	oneRow,
}: {
	state: SetupState;
	field: SetupField;
	children: React.ReactNode;
	hint?: string;
	oneRow: boolean;
}) {
	const active = state.field === field;
	const wrap = oneRow ? 'truncate-end' : 'wrap';
	return (
		<Box>
			<Box flexShrink={0}>
				<Text color={active ? 'cyan' : undefined} bold={active}>
					{active ? '› ' : '  '}
					{labels[field].padEnd(11)}
				</Text>
			</Box>
			<Box flexDirection="column" flexShrink={1}>
				<Text wrap={wrap}>{children}</Text>
				{active && hint ? (
					<Text dimColor wrap={wrap}>
						{hint}
					</Text>
				) : null}
			</Box>
		</Box>
	);
}

function Choice({on, text}: {on: boolean; text: string}) {
	return on ? <Text inverse>{` ${text} `}</Text> : <Text dimColor>{` ${text} `}</Text>;
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
	size?: TerminalSize;
	thumbnail?: ThumbnailView;
}) {
	const layout = size && thumbnail ? setupLayout(size.cols, size.rows) : undefined;
	const shown = layout?.side ? layout : undefined;
	const oneRow = shown?.side === 'below';
	const headWrap = size ? 'truncate-end' : 'wrap';
	const form = <SetupForm state={state} oneRow={oneRow} />;
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold wrap={headWrap}>
				facetty: video chat without voice
			</Text>
			<Text dimColor wrap={headWrap}>
				↑/↓ or Tab: move · ←/→: choose · type to edit · Enter: start · Esc: quit
			</Text>
			<Text> </Text>
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
					<Box width={shown.formCols} flexDirection="column">
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

function SetupForm({state, oneRow}: {state: SetupState; oneRow: boolean}) {
	const cursor = (field: SetupField) => (state.field === field ? '▌' : '');
	return (
		<>
			<Field oneRow={oneRow} state={state} field="mode" hint="wait for a call, or call someone who waits">
				<Choice on={state.mode === 'listen'} text="listen" />{' '}
				<Choice on={state.mode === 'call'} text="call" />
			</Field>
			{state.mode === 'listen' ? (
				<Field
					oneRow={oneRow}
					state={state}
					field="address"
					hint={`the other person calls ${state.addresses
						.slice(0, 3)
						.map((a) => `${a}:${state.port || '?'}`)
						.join(' or ')}`}
				>
					port {state.port}
					{cursor('address')}
				</Field>
			) : (
				<Field oneRow={oneRow} state={state} field="address" hint="HOST:PORT of the person listening">
					{state.target || (state.field === 'address' ? '' : '(type HOST:PORT)')}
					{cursor('address')}
				</Field>
			)}
			<Field
				oneRow={oneRow}
				state={state}
				field="camera"
				hint={`←/→: ${state.cameras.join(', ')}${state.probing ? ' (looking for cameras…)' : ''}; or type a file or URL`}
			>
				{state.camera}
				{cursor('camera')}
			</Field>
			<Field oneRow={oneRow} state={state} field="name" hint="shown to the other person">
				{state.name || (state.field === 'name' ? '' : '(none)')}
				{cursor('name')}
			</Field>
			<Field oneRow={oneRow} state={state} field="window" hint="also show the video in a desktop window">
				<Choice on={!state.window} text="no" /> <Choice on={state.window} text="yes" />
			</Field>
			<Field
				oneRow={oneRow}
				state={state}
				field="secret"
				hint="optional: a passphrase you both type; a different one is refused (never saved)"
			>
				{state.secret ? '•'.repeat([...state.secret].length) : state.field === 'secret' ? '' : '(none)'}
				{cursor('secret')}
			</Field>
			<Text> </Text>
			{state.error ? (
				<Text color="red" wrap={oneRow ? 'truncate-end' : 'wrap'}>
					{state.error}
				</Text>
			) : (
				<Text color="green" wrap={oneRow ? 'truncate-end' : 'wrap'}>
					Press Enter to {state.mode === 'listen' ? 'start listening' : 'call'}.
				</Text>
			)}
		</>
	);
}

const noSize = new Store<TerminalSize | undefined>(undefined);
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
	size?: Store<TerminalSize | undefined> | Store<TerminalSize>;
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
