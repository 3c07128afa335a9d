/**
 * Two real V2Links joined back to back without sockets: every message of a write is delivered on
 * its own, so a test can look at, delay, drop or damage each message on its way, and drives the sender the way
 * Call.pump does (readyForFrame, then encodeFrame, then the bytes on the wire).
 */
import type {Frame} from '../../source/frame.js';
import {V2Parser, v2HeaderBytes, type V2Message} from '../../source/protocol/v2.js';
import type {CallOptions} from '../../source/session/call-types.js';
import type {LinkHost} from '../../source/session/link.js';
import {V2Link} from '../../source/session/v2-link.js';

export type Side = {
	link: V2Link;
	shown: Array<{frame: Frame; at: number}>;
	/** Every message this side wrote, decoded, with when and in which of its writes (0, 1, ...). */
	wrote: Array<{message: V2Message; at: number; write: number}>;
	/** The frames this side's link was given to send, with the capture times they went with. */
	given: Frame[];
	/** Puts bytes on the wire from this side, as the Call does with what encodeFrame returns. */
	write: (bytes: Buffer) => void;
};

/** What happens to a message on its way: pass it (maybe changed), or undefined to drop it. */
export type Tamper = (bytes: Buffer, message: V2Message, from: 'a' | 'b') => Buffer | undefined;

export function linkPair(
	options: {a?: CallOptions; b?: CallOptions; oneWayMs?: number; tamper?: Tamper} = {},
): {a: Side; b: Side; close(): void} {
	const timers = new Set<NodeJS.Timeout>();
	const sides = {} as {a: Side; b: Side};
	const make = (name: 'a' | 'b', callOptions: CallOptions): Side => {
		const parser = new V2Parser();
		const side = {shown: [], wrote: [], given: []} as unknown as Side;
		let writes = 0;
		const host: LinkHost = {
			options: callOptions,
			write: (bytes, done) => {
				// One write may hold several messages (held acks before a video message; a link sharing
				// a room's encoder writes the packets a peer missed with the newest): each is looked at,
				// and may be tampered with, on its own.
				const write = writes++;
				for (const whole of splitMessages(bytes)) {
					const [message] = parser.push(whole);
					side.wrote.push({message: message!, at: Date.now(), write});
					const passed = options.tamper ? options.tamper(whole, message!, name) : whole;
					if (!passed) continue;
					const deliver = () => sides[name === 'a' ? 'b' : 'a'].link.receive(passed);
					if (!options.oneWayMs) {
						queueMicrotask(deliver);
						continue;
					}
					const timer = setTimeout(() => {
						timers.delete(timer);
						deliver();
					}, options.oneWayMs);
					timers.add(timer);
				}
				done?.();
			},
			shown: (frame) => side.shown.push({frame, at: Date.now()}),
			chat: () => undefined,
			directOffer: () => undefined,
			peerIsAsking: () => undefined,
			fail: (error) => {
				throw error;
			},
			ended: () => undefined,
			peekFrame: () => undefined,
			pump: () => undefined,
			peerHello: () => undefined,
			inCall: () => undefined,
		};
		side.link = new V2Link(host);
		side.write = (bytes) => host.write(bytes);
		return side;
	};
	sides.a = make('a', options.a ?? {});
	sides.b = make('b', options.b ?? {});
	sides.a.link.start(Buffer.alloc(0));
	sides.b.link.start(Buffer.alloc(0));
	return {
		...sides,
		close() {
			for (const timer of timers) clearTimeout(timer);
			sides.a.link.close();
			sides.b.link.close();
		},
	};
}

/** The whole v2 messages `bytes` holds, each as its own bytes (a write is always whole messages). */
function splitMessages(bytes: Buffer): Buffer[] {
	const messages: Buffer[] = [];
	for (let at = 0; at < bytes.length;) {
		const end = at + v2HeaderBytes + bytes.readUInt32BE(at + 1);
		messages.push(bytes.subarray(at, end));
		at = end;
	}
	return messages;
}

/** Sends `frame(i)` from `side` at `fps` as Call.pump would, until stopped. */
export function stream(side: Side, frame: (index: number) => Frame, fps = 30): () => void {
	let index = 0;
	let busy = false;
	const timer = setInterval(() => {
		if (busy || !side.link.readyForFrame()) return;
		busy = true;
		const f = {...frame(index++), capturedAt: Date.now()};
		side.given.push(f);
		void side.link.encodeFrame(f).then((bytes) => {
			busy = false;
			if (bytes) side.write(bytes);
		});
	}, 1000 / fps);
	return () => clearInterval(timer);
}

/** The frame `side` was given that `shown` (a picture the peer decoded) came from. */
export function sourceOf(side: Side, shown: Frame): Frame | undefined {
	// The receiver moves capture times onto its own clock (the clock offset from the pings, off by
	// a few ms on a busy machine): the nearest frame given, within half a frame interval.
	let best: Frame | undefined;
	for (const f of side.given) {
		if (!best || Math.abs(f.capturedAt - shown.capturedAt) < Math.abs(best.capturedAt - shown.capturedAt))
			best = f;
	}
	return best && Math.abs(best.capturedAt - shown.capturedAt) < 16 ? best : undefined;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
