/**
 * The call screen against hostile v2 peers: a real listening call screen (runCallApp, the test
 * pattern as its camera) drawing into a captured terminal, hostile callers one after another.
 * Every escape sequence in what it draws must be one facetty writes itself (cursor moves, colours
 * from its own palette, the alternate screen, synchronized output); no OSC (title, clipboard,
 * links), DCS, device queries, C1, bidi or zero-width character. (Issue 10: a goodbye reason set
 * the window title, wrote the clipboard, planted a link and coloured text, and its newlines
 * spilled the status line over five rows.)
 */
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import fc from 'fast-check';
import {foreign, hostileCall, hostileWords, knownInjections} from './hostile-peer.js';
import {sleep} from '../hostile/attacks.js';
import {CapturedTerminal, ttyInput} from '../ui/captured-terminal.js';

/**
 * facetty's own vocabulary: CSI cursor moves and erases, the alternate screen, cursor visibility,
 * synchronized output, save/restore cursor, DA1 (the flow control's "tell me when you have drawn
 * this"), and SGR made of its own colours (truecolor, Ink's basic ones, bold/dim/inverse/underline
 * and their resets). Anything else came from outside.
 */
const ownSequence = /\x1b(?:\[(?:\?(?:25|1049|2026)[hl]|[0-9;]*[ABCDEFGHJKXdf]|c|([0-9;]*)m)|[78])/y;
const ownSgr = new Set([0, 1, 2, 3, 4, 7, 22, 23, 24, 27, 39, 49]);

function foreignSequences(text: string): string[] {
	const found: string[] = [];
	let at = text.indexOf('\x1b');
	while (at !== -1) {
		ownSequence.lastIndex = at;
		const match = ownSequence.exec(text);
		if (!match || (match[1] !== undefined && !ownSgrParameters(match[1])))
			found.push(JSON.stringify(text.slice(at, at + 24)));
		at = text.indexOf('\x1b', at + 1);
	}
	// ESC was judged above; CR and LF are Ink's own line ends.
	const bad = foreign.exec(text.replace(/[\x1b\r]/g, ''));
	if (bad) found.push(`U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')}`);
	return found;
}

function ownSgrParameters(parameters: string): boolean {
	const codes = parameters === '' ? [0] : parameters.split(';').map(Number);
	for (let i = 0; i < codes.length; i++) {
		const code = codes[i]!;
		if (code === 38 || code === 48) {
			if (codes[i + 1] !== 2) return false; // only truecolor: the screen runs in truecolor here
			i += 4;
		} else if (!(ownSgr.has(code) || (code >= 30 && code <= 47) || (code >= 90 && code <= 107))) return false;
	}
	return true;
}

/** SGR a peer might try that facetty never writes (blink, conceal, 256 colours): caught by the vocabulary. */
const sgrCanaries = ['\x1b[5m', '\x1b[8m', '\x1b[38;5;196m', '\x1b[53m'];

test(
	'call screen: whatever a caller says, what is drawn holds no escape sequence facetty did not write',
	{timeout: 240_000},
	async (t) => {
		const {runCallApp} = await import('../../source/ui/call-app.js');
		const output = new CapturedTerminal();
		const input = ttyInput();
		let resolvePort: (port: number) => void = () => undefined;
		const listening = new Promise<number>((resolve) => (resolvePort = resolve));
		const running = runCallApp({
			role: 'listen',
			host: '127.0.0.1',
			port: 0,
			camera: 'test',
			colorDepth: 'truecolor',
			input: input as unknown as NodeJS.ReadStream,
			output: output as unknown as NodeJS.WriteStream,
			errorOutput: new PassThrough(),
			onListening: resolvePort,
		});
		t.after(() => input.write('q'));
		const port = await listening;
		/** Waits until what was drawn after offset `from` matches. */
		const shows = async (what: RegExp, ms = 10_000, from = 0) => {
			const end = Date.now() + ms;
			while (!what.test(output.text.slice(from))) {
				if (Date.now() > end) throw new Error(`the screen never showed ${what}`);
				await sleep(50);
			}
		};

		await hostileCall(port, {
			...knownInjections,
			chats: [...knownInjections.chats, ...sgrCanaries.map((sgr) => Buffer.from(`x${sgr}y`))],
		});
		await shows(/the peer hung up \(bye 1 2 3 4 5\)/);
		await sleep(300);
		assert.deepEqual(foreignSequences(output.text), []);
		// What the peer said shows, as text; the status line stays one line.
		for (const said of ['title', 'clip', 'link', 'red', 'ask', 'dcs', 'bidifdp.exe zerowidth', 'xy'])
			assert.ok(output.text.includes(said), said);

		let count = 1;
		await fc.assert(
			fc.asyncProperty(hostileWords, async (words) => {
				const from = output.text.length;
				const marker = `marker${++count}`;
				// This call's end, drawn after `from`: its reason (led by the marker, which a reason cut to
				// the screen's width keeps), or, when the words broke the protocol first, why it ended.
				await hostileCall(port, {...words, reason: Buffer.concat([Buffer.from(`${marker} `), words.reason])});
				await shows(new RegExp(`${marker}|call ended|refused`, 'i'), 10_000, from);
				await sleep(400);
				const drawn = output.text.slice(from);
				assert.deepEqual(foreignSequences(drawn), []);
			}),
			{numRuns: 20},
		);
		input.write('q');
		assert.equal(await running, 0);
		assert.deepEqual(foreignSequences(output.text), []);
	},
);
