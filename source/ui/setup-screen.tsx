/** The setup screen (`facetty` with no command): a keyboard-only form, drawn by Ink. */
import React, {useSyncExternalStore} from 'react';
import {Box, Text, useInput} from 'ink';
import type {SetupAction, SetupField, SetupState} from './setup-state.js';
import type {Store} from './store.js';

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
}: {
	state: SetupState;
	field: SetupField;
	children: React.ReactNode;
	hint?: string;
}) {
	const active = state.field === field;
	return (
		<Box>
			<Text color={active ? 'cyan' : undefined} bold={active}>
				{active ? '› ' : '  '}
				{labels[field].padEnd(11)}
			</Text>
			<Box flexDirection="column">
				<Text>{children}</Text>
				{active && hint ? <Text dimColor>{hint}</Text> : null}
			</Box>
		</Box>
	);
}

function Choice({on, text}: {on: boolean; text: string}) {
	return on ? <Text inverse>{` ${text} `}</Text> : <Text dimColor>{` ${text} `}</Text>;
}

export function SetupView({state}: {state: SetupState}) {
	const cursor = (field: SetupField) => (state.field === field ? '▌' : '');
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>facetty: video chat without voice</Text>
			<Text dimColor>↑/↓ or Tab: move · ←/→: choose · type to edit · Enter: start · Esc: quit</Text>
			<Text> </Text>
			<Field state={state} field="mode" hint="wait for a call, or call someone who waits">
				<Choice on={state.mode === 'listen'} text="listen" />{' '}
				<Choice on={state.mode === 'call'} text="call" />
			</Field>
			{state.mode === 'listen' ? (
				<Field
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
				<Field state={state} field="address" hint="HOST:PORT of the person listening">
					{state.target || (state.field === 'address' ? '' : '(type HOST:PORT)')}
					{cursor('address')}
				</Field>
			)}
			<Field
				state={state}
				field="camera"
				hint={`←/→: ${state.cameras.join(', ')}${state.probing ? ' (looking for cameras…)' : ''}; or type a file or URL`}
			>
				{state.camera}
				{cursor('camera')}
			</Field>
			<Field state={state} field="name" hint="shown to the other person">
				{state.name || (state.field === 'name' ? '' : '(none)')}
				{cursor('name')}
			</Field>
			<Field state={state} field="window" hint="also show the video in a desktop window">
				<Choice on={!state.window} text="no" /> <Choice on={state.window} text="yes" />
			</Field>
			<Field
				state={state}
				field="secret"
				hint="optional: a passphrase you both type; a different one is refused (never saved)"
			>
				{state.secret ? '•'.repeat([...state.secret].length) : state.field === 'secret' ? '' : '(none)'}
				{cursor('secret')}
			</Field>
			<Text> </Text>
			{state.error ? (
				<Text color="red">{state.error}</Text>
			) : (
				<Text color="green">Press Enter to {state.mode === 'listen' ? 'start listening' : 'call'}.</Text>
			)}
		</Box>
	);
}

export function SetupScreen({
	store,
	dispatch,
}: {
	store: Store<SetupState>;
	dispatch: (action: SetupAction) => void;
}) {
	const state = useSyncExternalStore(store.subscribe, store.get);
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
	return <SetupView state={state} />;
}
