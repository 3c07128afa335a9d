/**
 * A call outside a terminal (scripts, pipes): a real call with a frame source and one plain status
 * line (state, protocol, fps in/out, kbit/s, rtt, dropped), for listen, call, invite and join: the
 * plain view (plainView) of the call controller (control/controller.ts), whose other view is the
 * call screen (ui/call-app.tsx); run.ts chooses.
 * Each resolves to an exit code: 0 for a call that ended normally (or Ctrl-C), 1 for a failure.
 */
import {openSource, type FrameSource} from '../sources/index.js';
import type {Size} from '../sources/fit.js';
import type {Frame} from '../frame.js';
import {readSize} from '../ui/call-camera.js';
import type {CallOptions, CallSecurity} from '../session/call.js';
import {CallController, type Connect, type ControlAction} from '../control/controller.js';
import {sessionOptions, type SessionPlan} from '../control/plan.js';
import type {CallStats} from '../session/stats.js';
import {cleanLines} from '../text/sanitize.js';
import {loadIdentity} from '../trust/identity.js';
import {KeyFileError, secureConfigDir} from '../config/config.js';
import {defaultPort, formatHostPort, listenFailure, parseTarget} from '../net/address.js';
import {kbit} from '../ui/text.js';
import {errorMessage} from '../text/error-message.js';

export type CallCommandOptions = SessionPlan & {
	/** `--camera` spec: test | index | /dev/videoN | URL | file | image. Default "0". */
	camera?: string;
	/**
	 * Pixels this side shows; default: none (`noPictureSize`) for the status line alone, and for a
	 * call a screen may take over (invite, room) the terminal's columns x 2*rows.
	 */
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

function terminalPixels(): {width: number; height: number} {
	const {columns, rows} = process.stdout;
	return columns && rows ? {width: columns, height: rows * 2} : noPictureSize;
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
export function plainPrinter(out: StatusOutput): PlainPrinter {
	return (text, keep = false) => {
		const lines = cleanLines(text, {maxColumns: 1000, maxLines: 40, keepSpaces: true}).split('\n');
		lines.forEach((clean, index) => {
			const last = index === lines.length - 1;
			out.write(out.isTTY ? `\r\x1b[2K${clean}${keep || !last ? '\n' : ''}` : `${clean}\n`);
		});
	};
}

/** How a call reports to the plain status line, as the controller reports it to a view. */
export type PlainPrinter = (text: string, keep?: boolean) => void;

/**
 * The plain view of a call: what the controller reports, as status lines naming the call
 * `label`; `listenHost` is the host a listener was asked to listen on.
 */
export function plainView(
	label: string,
	line: PlainPrinter,
	listenHost?: string,
): (action: ControlAction) => void {
	const inCall = (what: string, action: {name?: string; address?: string; security?: CallSecurity}) => {
		const who = [action.name, action.address].filter(Boolean).join(' at ');
		const security = action.security ?? {encrypted: false, verifiedBySecret: false};
		line(`${label}: ${what}${who ? ` with ${who}` : ''}: ${securityLine(security)}`, true);
	};
	return (action) => {
		switch (action.type) {
			case 'listening':
				line(`listening on ${listenHost ?? '*'}:${action.port}`, true);
				line(`this side's key: ${action.fingerprint ?? '?'}`, true);
				for (const warning of action.warnings ?? []) line(`warning: ${warning}`, true);
				break;
			case 'notice':
				if (action.text) line(action.text, true);
				break;
			case 'stats':
				line(`${label}: ${formatStatus(action.stats)}`);
				break;
			case 'call-state':
				line(`${label}: ${action.state}`);
				break;
			case 'call-started':
				line(`${label}: in-call`);
				inCall('in call', action);
				break;
			case 'call-moved':
				inCall('the call moved: in call', action);
				break;
			case 'chat-received':
				// A message of several lines: each one under the name, so none can pass for facetty's own.
				for (const said of action.text.split('\n')) line(`${label} says: ${said}`, true);
				break;
			case 'call-ended':
				line(`${label}: call ended: ${action.reason}`, true);
				break;
			default:
			// dialing, security, warnings after the start: the next status line says them. A changed
			// key is refused with both fingerprints (asksAboutKeys: false), in the end line.
		}
	};
}

/**
 * What a side with only the status line asks the peer for: it shows no picture, so the smallest
 * that still carries the call's stats (frames, latency). Asking for nothing (full size) made the
 * peer scale, encode and send its camera's 640x480 for no one: on the ssh bench the calling side,
 * which also draws the listener's picture, spent a quarter of its main thread drawing its test
 * pattern at that size and a sixth encoding it.
 */
export const noPictureSize = {width: 64, height: 48};

/** What the status line's controller is given besides the plan. */
function plainController(options: CallCommandOptions, dispatch: (action: ControlAction) => void) {
	return {
		...options,
		shownSize: options.shownSize ?? noPictureSize,
		asksAboutKeys: false,
		chatBatchMs: 0,
		dispatch,
	};
}

/**
 * Holds a call with the plain status line: the controller dials `target`, or takes the call
 * `connect` makes (invite, join: `target` then names the relay), and the camera goes into it.
 * The call's end is the exit code. `interrupt` is what Ctrl-C does; default: hang up.
 */
export async function holdCall(
	how: {target: string; connect?: Connect},
	options: CallCommandOptions,
	label: string,
	interrupt?: () => void,
): Promise<number> {
	const line = plainPrinter(options.status ?? process.stderr);
	let finish: (code: number) => void = () => undefined;
	const end = new Promise<number>((resolve) => (finish = resolve));
	const show = plainView(label, line);
	let stopTimer: NodeJS.Timeout | undefined;
	const controller = new CallController({
		...plainController(options, (action) => {
			show(action);
			// --seconds is the call's length, on both sides (runListen counts from the same action): from
			// the dial, a handshake slowed by a busy machine could use it all up.
			if (action.type === 'call-started' && options.seconds && !stopTimer)
				stopTimer = setTimeout(() => controller.hangUp('time is up'), options.seconds * 1000);
			if (action.type === 'call-ended') finish(action.failed ? 1 : 0);
		}),
		role: 'call',
		target: how.target,
		connect: how.connect,
	});
	const source = openSource(options.camera ?? '0');
	feedCamera(source, controller);
	source.onError((error) => controller.hangUp(`camera: ${error.message}`));
	const release = onInterrupt(interrupt ?? (() => controller.hangUp()));
	controller.dial();
	try {
		try {
			await source.start();
		} catch (error) {
			controller.hangUp('no camera');
			line(`${label}: ${errorMessage(error)}`, true);
			return 1;
		}
		const code = await end;
		await source.stop();
		return code;
	} finally {
		clearTimeout(stopTimer);
		release();
		await controller.close();
	}
}

/** What a camera feeds: a call's controller, a room. */
export type CameraSink = {
	/** Nobody wants the picture now (no call, none on its way). */
	readonly idle: boolean;
	sendSizeFor(native: Size): Size | undefined;
	sendFrame(frame: Frame, native?: Size): void;
};

/**
 * The camera into the calls, each frame read at the size they send it at (readSize, with no self
 * view here): a 640x480 picture converted whole, then scaled down by the sender, cost a plain side
 * about half a millisecond a frame more; between calls, read small.
 */
export function feedCamera(source: FrameSource, calls: CameraSink): void {
	source.onFrame((frame) => {
		const native = source.nativeSize ?? frame;
		source.setSize(readSize(calls.sendSizeFor(native), undefined, calls.idle));
		calls.sendFrame(frame, native);
	});
}

function onInterrupt(action: () => void): () => void {
	process.once('SIGINT', action);
	return () => process.off('SIGINT', action);
}

export async function runCall(options: DialCommandOptions): Promise<number> {
	const target = formatHostPort(parseTarget(options.target));
	return holdCall({target}, options, `call ${target}`);
}

export async function runListen(options: ListenCommandOptions = {}): Promise<number> {
	const {onListening, calls, ...plan} = options;
	const port = plan.port ?? defaultPort;
	const line = plainPrinter(plan.status ?? process.stderr);
	const show = plainView('call', line, plan.host);
	let listeningOn = port;
	let remaining = calls ?? Infinity;
	let lastCode = 0;
	let stopping = false;
	let callTimer: NodeJS.Timeout | undefined;
	let finish: () => void = () => undefined;
	const done = new Promise<void>((resolve) => (finish = resolve));
	const controller = new CallController({
		...plainController(plan, (action) => {
			show(action);
			if (action.type === 'listening') listeningOn = action.port;
			if (action.type === 'call-started' && plan.seconds)
				callTimer = setTimeout(() => controller.hangUp('time is up'), plan.seconds * 1000);
			if (action.type === 'call-ended') {
				clearTimeout(callTimer);
				lastCode = action.failed ? 1 : 0;
				if (--remaining <= 0 || stopping) finish();
			}
		}),
		role: 'listen',
		port,
	});
	await controller.listen().catch((error: unknown) => {
		throw new Error(listenFailure(error, plan.host, port));
	});
	// One camera for the listener: callers in their greeting see its frame size (the seed format
	// announces it before the call is live), the live call its picture.
	const source = openSource(plan.camera ?? '0');
	feedCamera(source, controller);
	let cameraError: Error | undefined;
	source.onError((error) => {
		cameraError = error;
	});
	try {
		await source.start();
	} catch (error) {
		await controller.close();
		line(`listen: ${errorMessage(error)}`, true);
		return 1;
	}
	onListening?.(listeningOn);
	const release = onInterrupt(() => {
		stopping = true;
		if (!controller.active) finish();
		else controller.hangUp();
	});
	await done;
	release();
	await controller.close();
	await source.stop();
	return cameraError ? 1 : lastCode;
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
