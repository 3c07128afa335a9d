/**
 * `facetty demo` (npm start): a whole call on one machine with no camera and no second computer.
 * A headless facetty peer listens on loopback and sends media/clip.mp4; the call screen calls it
 * with the test pattern as its camera. The peer answers chat, so every part of the screen is live.
 */
import {interactiveTerminal} from '../tty.js';
import path from 'node:path';
import type {Call} from '../session/call.js';
import {listen} from '../session/connect.js';
import {openSource} from '../sources/index.js';
import type {ColorDepth, GlyphChoice} from '../render/layout.js';
import {colorNotice, terminalColorDepth} from '../terminal/color.js';
import {glyphNotice, terminalGlyphs} from '../terminal/glyph-support.js';
import {loadChoices} from '../config/config.js';

export type DemoOptions = {
	readonly mediaDir: string;
	readonly color?: ColorDepth;
	readonly glyphs?: GlyphChoice;
	readonly seconds?: number;
	/** The peer's camera; default media/clip.mp4. */
	readonly peerCamera?: string;
	/** Your camera; default the test pattern. */
	readonly camera?: string;
};

/** What the demo peer says back. */
export function demoReply(text: string): string {
	const trimmed = text.trim();
	if (/^(hi|hello|hey)\b/i.test(trimmed)) return 'Hello! I am a recording, but I read every word.';
	return `You said: "${trimmed.slice(0, 200)}". Press q to hang up, p to pause your camera, ? for help.`;
}

/** Starts the demo peer: a listener on loopback that answers every call with the clip. */
export async function startDemoPeer(camera: string): Promise<{port: number; close(): Promise<void>}> {
	const listener = await listen({host: '127.0.0.1', port: 0, protocol: 'auto'});
	const source = openSource(camera, {fps: 30, loop: true});
	let active: Call | undefined;
	let started: Promise<void> | undefined;
	source.onFrame((frame) => listener.sendFrame(frame));
	source.onError(() => active?.hangUp('the demo peer lost its video'));
	listener.on('call', (call) => {
		active = call;
		call.on('error', () => undefined);
		started ??= source.start();
		call.on('state', (state) => {
			if (state === 'in-call')
				setTimeout(() => call.sendChat('Hi! I am the demo peer. Press Enter to write to me.'), 500);
		});
		call.on('chat', (text) => setTimeout(() => call.sendChat(demoReply(text)), 300));
		call.once('ended', () => {
			if (active === call) active = undefined;
		});
	});
	return {
		port: listener.port,
		close: async () => {
			await listener.close('the demo is over');
			await started?.catch(() => undefined);
			await source.stop().catch(() => undefined);
		},
	};
}

export async function runDemo(options: DemoOptions): Promise<number> {
	const peer = await startDemoPeer(options.peerCamera ?? path.join(options.mediaDir, 'clip.mp4'));
	try {
		const target = `127.0.0.1:${peer.port}`;
		if (!interactiveTerminal()) {
			const {runCall} = await import('../calls/plain.js');
			return await runCall({target, camera: options.camera ?? 'test', seconds: options.seconds ?? 10});
		}
		const {runCallApp} = await import('../ui/call-app.js');
		const color = await terminalColorDepth(options.color);
		const glyphs = await terminalGlyphs(options.glyphs, loadChoices().glyphs);
		return await runCallApp({
			role: 'call',
			target,
			camera: options.camera ?? 'test',
			name: 'you',
			colorDepth: color.depth,
			colorNotice: colorNotice(color),
			glyphNotice: glyphNotice(glyphs),
			glyphs: glyphs.glyphs,
			seconds: options.seconds,
			input: process.stdin,
			output: process.stdout,
			errorOutput: process.stderr,
		});
	} finally {
		await peer.close();
	}
}
