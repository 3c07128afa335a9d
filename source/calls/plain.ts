/**
 * A call outside a terminal (scripts, pipes): a real call with a frame source and one plain status
 * line (state, protocol, fps in/out, kbit/s, rtt, dropped), for listen, call, invite and join. In a
 * terminal the call screen (ui/call-app.tsx) shows the same call; run.ts chooses.
 * Each resolves to an exit code: 0 for a call that ended normally (or Ctrl-C), 1 for a failure.
 */
import {openSource, type FrameSource} from '../sources/index.js';
import type {Call, CallOptions, CallSecurity} from '../session/call.js';
import {sessionOptions, type SessionPlan} from '../control/plan.js';
import type {CallStats} from '../session/stats.js';
import {dial, listen} from '../session/connect.js';
import {refusalText} from '../ui/refusal.js';
import {cleanLines} from '../text/sanitize.js';
import {loadIdentity} from '../trust/identity.js';
import {KeyFileError, secureConfigDir} from '../config/config.js';
import {defaultPort, formatHostPort, listenFailure, parseTarget} from '../net/address.js';
import {kbit} from '../ui/text.js';
import {errorMessage} from '../text/error-message.js';

export type CallCommandOptions = SessionPlan & {
	/** `--camera` spec: test | index | /dev/videoN | URL | file | image. Default "0". */
	camera?: string;
	/** Pixels this side shows; default the terminal: columns x 2*rows. */
	shownSize?: {width: number; height: number};
	/** Ends the call after this many seconds (scripts and tests). */
	seconds?: number;
	/** Where the status line goes; default stderr. */
	status?: NodeJS.WritableStream & {isTTY?: boolean};
};

/** The session options of a call in plain mode: the plan's, showing the terminal's pixels. */
export function plainSessionOptions(options: CallCommandOptions): CallOptions {
	return sessionOptions(options, {shownSize: options.shownSize ?? terminalPixels()});
}

/** One line about how private the call is: the check code to compare, or why it is not encrypted. */
export function securityLine(security: CallSecurity): string {
	if (!security.encrypted) return security.note ?? 'not encrypted';
	const parts = [
		`encrypted, check code ${security.sas ?? '?'} (read it to each other: equal on both sides means nobody is in the middle)`,
	];
	if (security.verifiedBySecret) parts.push('secret verified');
	if (security.peerKey === 'pinned') parts.push('peer key matches --peer-key');
	if (security.peerKey === 'new') parts.push(`first call: peer key ${security.peerFingerprint} remembered`);
	if (security.peerKey === 'accepted-change') parts.push(`new peer key ${security.peerFingerprint} accepted`);
	return parts.join('; ');
}

export type ListenCommandOptions = CallCommandOptions & {
	host?: string;
	port?: number;
	/** Calls to take before returning; default unlimited. */ calls?: number;
	onListening?: (port: number) => void;
};
export type DialCommandOptions = CallCommandOptions & {target: string};

function terminalPixels(): {width: number; height: number} | undefined {
	const {columns, rows} = process.stdout;
	return columns && rows ? {width: columns, height: rows * 2} : undefined;
}

export function formatStatus(stats: CallStats): string {
	const rtt = stats.rtt_ms === null ? '-' : `${Math.round(stats.rtt_ms)} ms`;
	const security =
		stats.encrypted === true
			? ` | encrypted, check ${stats.sas ?? '?'}`
			: stats.encrypted === false
				? ' | not encrypted'
				: '';
	return (
		`${stats.state} ${stats.protocol ?? '-'} | in ${stats.fps_in} fps ${kbit(stats.bytes_in)}` +
		` | out ${stats.fps_out} fps ${kbit(stats.bytes_out)} | rtt ${rtt} | dropped ${stats.dropped}` +
		security
	);
}

type StatusOutput = NodeJS.WritableStream & {isTTY?: boolean};

/**
 * Plain mode's only way to print: every line passes the sanitizer (it may quote a peer, a camera,
 * OpenSSL), so the only escape sequence written is facetty's own "rewrite this line" on a
 * terminal. `keep` ends the line (a terminal keeps it); otherwise the next line overwrites it.
 */
export function plainPrinter(out: StatusOutput): (text: string, keep?: boolean) => void {
	return (text, keep = false) => {
		const lines = cleanLines(text, {maxColumns: 1000, maxLines: 40, keepSpaces: true}).split('\n');
		lines.forEach((clean, index) => {
			const last = index === lines.length - 1;
			out.write(out.isTTY ? `\r\x1b[2K${clean}${keep || !last ? '\n' : ''}` : `${clean}\n`);
		});
	};
}

/**
 * Holds a call with the plain status line, running the camera into it. A listener passes its own
 * source (already feeding every caller's greeting); a caller's is opened here. `follow` hands over
 * a call that replaces this one on another connection (an invite's move from the relay to
 * direct): the status line says so, and the camera, the timer and the end follow the new call.
 */
export async function hold(
	call: Call,
	options: CallCommandOptions,
	label: string,
	shared?: FrameSource,
	follow?: (moved: (next: Call) => void) => void,
): Promise<number> {
	const out = options.status ?? process.stderr;
	const source: FrameSource = shared ?? openSource(options.camera ?? '0');
	const line = plainPrinter(out);
	let current = call;
	let finish: (code: number) => void = () => undefined;
	const end = new Promise<number>((resolve) => (finish = resolve));
	const inCallLine = (c: Call, what: string) => {
		const who = [c.peerName, c.remoteAddress].filter(Boolean).join(' at ');
		line(`${label}: ${what}${who ? ` with ${who}` : ''}: ${securityLine(c.security)}`, true);
	};
	const watch = (c: Call) => {
		c.on('stats', (stats) => {
			if (c === current) line(`${label}: ${formatStatus(stats)}`);
		});
		c.on('state', (state) => {
			if (state === 'ended' || c !== current) return;
			line(`${label}: ${state}`);
			if (state === 'in-call') inCallLine(c, 'in call');
		});
		c.on('chat', (text) => {
			// A message of several lines: each one under the name, so none can pass for facetty's own.
			for (const said of text.split('\n')) line(`${label} says: ${said}`, true);
		});
		c.once('ended', (e) => {
			if (c !== current) return;
			line(`${label}: call ended: ${e.reason}`, true);
			finish(e.error ? 1 : 0);
		});
	};
	watch(call);
	follow?.((next) => {
		if (current.ended || next.state !== 'in-call') {
			next.hangUp('hung up');
			return;
		}
		current = next;
		watch(next);
		inCallLine(next, 'the call moved: in call');
	});
	if (!shared) source.onFrame((frame) => current.sendFrame(frame));
	if (!shared) source.onError((error) => current.hangUp(`camera: ${error.message}`));
	const stopTimer = options.seconds
		? setTimeout(() => current.hangUp('time is up'), options.seconds * 1000)
		: undefined;
	if (!shared) {
		try {
			await source.start();
		} catch (error) {
			current.hangUp('no camera');
			line(`${label}: ${errorMessage(error)}`, true);
			clearTimeout(stopTimer);
			return 1;
		}
	}
	const code = await end;
	clearTimeout(stopTimer);
	if (!shared) await source.stop();
	return code;
}

function onInterrupt(action: () => void): () => void {
	process.once('SIGINT', action);
	return () => process.off('SIGINT', action);
}

export async function runCall(options: DialCommandOptions): Promise<number> {
	const {host, port} = parseTarget(options.target);
	const call = dial(host, port, plainSessionOptions(options));
	const release = onInterrupt(() => call.hangUp('hung up'));
	try {
		return await hold(call, options, `call ${formatHostPort({host, port})}`);
	} finally {
		release();
	}
}

export async function runListen(options: ListenCommandOptions = {}): Promise<number> {
	const port = options.port ?? defaultPort;
	const listener = await listen({...plainSessionOptions(options), host: options.host, port}).catch(
		(error: unknown) => {
			throw new Error(listenFailure(error, options.host, port));
		},
	);
	const line = plainPrinter(options.status ?? process.stderr);
	line(`listening on ${options.host ?? '*'}:${listener.port}`, true);
	line(`this side's key: ${listener.fingerprint}`, true);
	for (const warning of listener.warnings) line(`warning: ${warning}`, true);
	// One camera for the listener: callers in their greeting see its frame size (the seed format
	// announces it before the call is live), the live call its picture.
	const source = openSource(options.camera ?? '0');
	source.onFrame((frame) => listener.sendFrame(frame));
	let cameraError: Error | undefined;
	source.onError((error) => {
		cameraError = error;
	});
	try {
		await source.start();
	} catch (error) {
		await listener.close();
		line(`listen: ${errorMessage(error)}`, true);
		return 1;
	}
	options.onListening?.(listener.port);
	listener.on('rejected', (error, address) => line(refusalText(error, address), true));
	let remaining = options.calls ?? Infinity;
	let lastCode = 0;
	let stopping = false;
	return new Promise<number>((resolve) => {
		const finish = () => {
			release();
			void listener
				.close()
				.then(() => source.stop())
				.then(() => resolve(cameraError ? 1 : lastCode));
		};
		const release = onInterrupt(() => {
			stopping = true;
			if (!listener.active) finish();
			else listener.active.hangUp('hung up');
		});
		listener.on('call', (call) => {
			void hold(call, options, 'call', source).then((code) => {
				lastCode = code;
				if (--remaining <= 0 || stopping) finish();
			});
		});
	});
}

/**
 * The config directory and the identity key, before anything starts (as ssh checks its files):
 * warnings printed, and a sentence naming the file when one cannot be used.
 */
export function checkKeyFiles(
	configDir: string,
	errors: NodeJS.WritableStream = process.stderr,
): string | undefined {
	try {
		for (const warning of secureConfigDir(configDir)) errors.write(`facetty: warning: ${warning}\n`);
		loadIdentity(configDir);
		return undefined;
	} catch (error) {
		if (error instanceof KeyFileError) return error.message;
		const code = (error as NodeJS.ErrnoException).code;
		if (code)
			return `cannot use the config directory ${configDir} (${code}): ${cleanLines(errorMessage(error))}`;
		throw error;
	}
}
