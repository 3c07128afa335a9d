/**
 * Native libraries write to file descriptor 2 on their own: FFmpeg inside OpenCV
 * (`[mov,mp4,… @ 0x…] moov atom not found`, once per try when a camera file goes bad), GStreamer,
 * GTK for --window. On a full-screen view those lines land in the middle of the picture. While
 * one is up, fd 2 is pointed at the --log file (or /dev/null): facetty's own sentences say what
 * matters, and the raw lines stay in the log for whoever wants them.
 *
 * Node has no dup2, but POSIX open() returns the lowest free descriptor: closing 2 and opening the
 * log puts the log at 2. Node's own process.stderr on a terminal is unaffected: libuv reopened the
 * terminal on a descriptor of its own (so facetty's sentences still reach the screen), which is why
 * this is done only when stderr is a terminal, and after process.stderr exists.
 */
import fs from 'node:fs';

export type NativeOutputDiversion = {
	/** Points fd 2 back where it was (the terminal). */
	restore(): void;
};

export class LogFileError extends Error {
	override name = 'LogFileError';
}

/** Opens (and creates, owner-only) the --log file, or says in one sentence why it cannot. */
function checkLogFile(file: string): void {
	try {
		fs.closeSync(fs.openSync(file, 'a', 0o600));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? String(error);
		throw new LogFileError(`--log ${file}: cannot write there (${code})`);
	}
}

/**
 * Sends native stderr to `logFile` (appended) or nowhere, until restore(). Does nothing (returns
 * undefined) when stderr is not a terminal (a pipe or a file already keeps it off the screen) or
 * on Windows.
 */
export function divertNativeOutput(
	logFile: string | undefined,
	stderr: {isTTY?: boolean} = process.stderr,
): NativeOutputDiversion | undefined {
	if (logFile !== undefined) checkLogFile(logFile);
	if (process.platform === 'win32' || !stderr.isTTY) return undefined;
	const target = logFile ?? '/dev/null';
	let saved: number;
	try {
		saved = fs.openSync('/dev/fd/2', 'w');
	} catch {
		return undefined;
	}
	if (logFile !== undefined)
		fs.appendFileSync(logFile, `--- facetty ${new Date().toISOString()}: native messages (OpenCV, FFmpeg)\n`);
	fs.closeSync(2);
	const at = reopenAt2(target, 'a');
	if (at !== 2) {
		// Another thread took 2 first (nothing should be running yet): put the terminal back.
		if (at !== undefined) fs.closeSync(at);
		reopenAt2(`/dev/fd/${saved}`, 'w');
		fs.closeSync(saved);
		return undefined;
	}
	let restored = false;
	return {
		restore() {
			if (restored) return;
			restored = true;
			fs.closeSync(2);
			reopenAt2(`/dev/fd/${saved}`, 'w');
			fs.closeSync(saved);
		},
	};
}

function reopenAt2(file: string, flags: string): number | undefined {
	try {
		return fs.openSync(file, flags);
	} catch {
		return undefined;
	}
}
