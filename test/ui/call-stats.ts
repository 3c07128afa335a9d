import type {CallStats} from '../../source/session/stats.js';

/** A call's numbers for the chrome's tests: 30 fps both ways, nothing dropped, unless `over` says. */
export const callStats = (over: Partial<CallStats> = {}): CallStats => ({
	t: '',
	state: 'in-call',
	protocol: 'v2',
	codec: 'jpeg',
	fps_in: 30,
	fps_out: 30,
	bytes_in: 100_000,
	bytes_out: 100_000,
	frames_in: 1,
	frames_out: 1,
	dropped: 0,
	rtt_ms: 1,
	latency_ms_p50: null,
	latency_ms_p95: null,
	peer_shape: null,
	shown_shape: null,
	...over,
});
