import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';

/** A 120x36 terminal for the call screen that keeps everything written to it, as text. */
export class CapturedTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns = 120;
	readonly rows = 36;
	readonly writableLength = 0;
	text = '';
	write(data: string | Uint8Array): boolean {
		this.text += typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
		return true;
	}
}

/** A keyboard for a screen under test: a stream that says it is a TTY and takes raw mode. */
export function ttyInput(): PassThrough {
	const input = new PassThrough();
	return Object.assign(input, {isTTY: true, setRawMode: () => input, ref: () => input, unref: () => input});
}
