/**
 * What a call measures about itself, and the `--stats FILE` format: one JSON object per line,
 * appended once a second. Keys (a public interface; documented in docs/protocol.md):
 * t, state, protocol, codec (what this side sends: h264, vp9, jpeg444, jpeg, raw), target_kbps (the
 * bitrate the codec aims at, following the link; null for JPEG and raw), fps_in, fps_out, bytes_in, bytes_out (per second, on the wire),
 * frames_in, frames_out, dropped (totals), rtt_ms, latency_ms_p50, latency_ms_p95 (capture to
 * display, over the last interval), peer_shape, shown_shape, encrypted, sas, screen_lag_ms (the call screen's write -> drawn).
 */
import fs from 'node:fs';

export type CallStats = {
	t: string;
	state: string;
	protocol: 'seed' | 'v2' | null;
	codec: string | null;
	target_kbps?: number | null;
	fps_in: number;
	fps_out: number;
	bytes_in: number;
	bytes_out: number;
	frames_in: number;
	frames_out: number;
	dropped: number;
	rtt_ms: number | null;
	latency_ms_p50: number | null;
	latency_ms_p95: number | null;
	peer_shape: string | null;
	shown_shape: string | null;
	/** v2 over TLS: true; seed or plaintext v2: false; null before the greeting. */
	encrypted?: boolean | null;
	/** Short authentication string shown on both screens, null when not encrypted. */
	sas?: string | null;
	/** The call screen's display lag: a batch written to the terminal until it answered DA1. */
	screen_lag_ms?: number | null;
};

export function percentile(sorted: readonly number[], p: number): number | null {
	if (sorted.length === 0) return null;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index]!;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Totals since the call began, and per-interval counts that `snapshot()` turns into rates. */
export class CallMeter {
	framesIn = 0;
	framesOut = 0;
	dropped = 0;
	bytesInTotal = 0;
	bytesOutTotal = 0;
	private intervalStart = Date.now();
	private intervalBytesIn = 0;
	private intervalBytesOut = 0;
	private intervalFramesIn = 0;
	private intervalFramesOut = 0;
	private latencies: number[] = [];
	/** Every latency seen, for benchmarks; bounded so a long call cannot grow it forever. */
	readonly allLatencies: number[] = [];

	received(bytes: number): void {
		this.intervalBytesIn += bytes;
		this.bytesInTotal += bytes;
	}

	sent(bytes: number): void {
		this.intervalBytesOut += bytes;
		this.bytesOutTotal += bytes;
	}

	frameSent(): void {
		this.framesOut++;
		this.intervalFramesOut++;
	}

	frameShown(latencyMs: number | undefined): void {
		this.framesIn++;
		this.intervalFramesIn++;
		if (latencyMs !== undefined && Number.isFinite(latencyMs)) {
			this.latencies.push(latencyMs);
			if (this.allLatencies.length < 100_000) this.allLatencies.push(latencyMs);
		}
	}

	snapshot(
		fields: Pick<
			CallStats,
			| 'state'
			| 'protocol'
			| 'codec'
			| 'target_kbps'
			| 'rtt_ms'
			| 'peer_shape'
			| 'shown_shape'
			| 'encrypted'
			| 'sas'
		>,
		now = Date.now(),
	): CallStats {
		const seconds = Math.max(0.001, (now - this.intervalStart) / 1000);
		const sorted = [...this.latencies].sort((a, b) => a - b);
		const p50 = percentile(sorted, 50);
		const p95 = percentile(sorted, 95);
		const stats: CallStats = {
			t: new Date(now).toISOString(),
			state: fields.state,
			protocol: fields.protocol,
			codec: fields.codec,
			target_kbps: fields.target_kbps ?? null,
			fps_in: round1(this.intervalFramesIn / seconds),
			fps_out: round1(this.intervalFramesOut / seconds),
			bytes_in: Math.round(this.intervalBytesIn / seconds),
			bytes_out: Math.round(this.intervalBytesOut / seconds),
			frames_in: this.framesIn,
			frames_out: this.framesOut,
			dropped: this.dropped,
			rtt_ms: fields.rtt_ms === null ? null : round1(fields.rtt_ms),
			latency_ms_p50: p50 === null ? null : round1(p50),
			latency_ms_p95: p95 === null ? null : round1(p95),
			peer_shape: fields.peer_shape,
			shown_shape: fields.shown_shape,
			encrypted: fields.encrypted,
			sas: fields.sas,
		};
		this.intervalStart = now;
		this.intervalBytesIn = this.intervalBytesOut = this.intervalFramesIn = this.intervalFramesOut = 0;
		this.latencies = [];
		return stats;
	}
}

/** Appends without blocking the call; a failing disk loses stats lines, never the call. */
export class StatsFile {
	private failed = false;
	constructor(readonly path: string) {}

	append(stats: object, onError?: (error: Error) => void): void {
		if (this.failed) return;
		fs.appendFile(this.path, JSON.stringify(stats) + '\n', (error) => {
			if (error) {
				this.failed = true;
				onError?.(error);
			}
		});
	}
}
