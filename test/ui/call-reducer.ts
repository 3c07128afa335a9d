/** Driving the call screen's reducer in tests: actions in, the state and every effect out. */
import type {CallAction, CallScreenState, Effect} from '../../source/ui/call-state.js';
import {reduceCall} from '../../source/ui/call-state.js';

export function run(state: CallScreenState, ...actions: CallAction[]): [CallScreenState, Effect[]] {
	let effects: Effect[] = [];
	for (const action of actions) {
		const [next, more] = reduceCall(state, action);
		state = next;
		effects = [...effects, ...more];
	}
	return [state, effects];
}

export const key = (input: string, extra: Record<string, boolean> = {}): CallAction => ({
	type: 'key',
	key: {input, ...extra},
});
