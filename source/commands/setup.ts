/**
 * `facetty` with no command: the setup screen, then the call screen with what was chosen. The
 * choices are remembered (config/config.ts) and offered next time.
 */
import {cleanError} from '../text/sanitize.js';
import fs from 'node:fs';
import path from 'node:path';
import {configPath, loadChoices, saveChoices} from '../config/config.js';
import {shareableAddresses} from '../ui/addresses.js';
import {runSetupApp} from '../ui/setup-app.js';
import {initialSetup, type SetupAction} from '../ui/setup-state.js';
import {Store} from '../ui/store.js';

/** Camera indices worth trying: on Linux those with a /dev/videoN, elsewhere 0..9. */
export function candidateIndices(platform: NodeJS.Platform = process.platform): number[] {
	if (platform !== 'linux') return [...Array(10).keys()];
	try {
		return fs
			.readdirSync('/dev')
			.map((name) => /^video(\d)$/.exec(name)?.[1])
			.filter((n): n is string => n !== undefined)
			.map(Number)
			.sort((a, b) => a - b);
	} catch {
		return [];
	}
}

/** Opens each candidate camera once, one after another, and reports those that give a picture. */
async function probeCameras(onFound: (indices: number[], done: boolean) => void): Promise<void> {
	const found: number[] = [];
	const {openSource} = await import('../sources/index.js');
	for (const index of candidateIndices()) {
		const source = openSource(String(index), {fps: 5});
		try {
			await source.start();
			found.push(index);
			onFound([...found], false);
		} catch {
			// Not a camera that opens.
		} finally {
			await source.stop().catch(() => undefined);
		}
	}
	onFound(found, true);
}

export async function runSetup(options: {mediaDir: string}): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		process.stderr.write(
			'facetty: the setup screen needs a terminal. Use facetty listen or facetty call HOST:PORT (facetty --help).\n',
		);
		return 2;
	}
	const clip = path.join(options.mediaDir, 'clip.mp4');
	const fixed = ['test', clip];
	const saved = loadChoices();
	const store = new Store(initialSetup(saved, shareableAddresses(undefined), fixed));
	const {openSource} = await import('../sources/index.js');
	const {terminalColorDepth} = await import('../terminal/color.js');
	const color = await terminalColorDepth();
	const result = await runSetupApp({
		store,
		colorDepth: color.depth,
		input: process.stdin,
		output: process.stdout,
		errorOutput: process.stderr,
		openSource,
		onDispatch: (dispatch: (action: SetupAction) => void) =>
			void probeCameras((indices, done) =>
				dispatch({type: 'cameras', cameras: [...indices.map(String), ...fixed], done}),
			).catch(() => dispatch({type: 'cameras', cameras: fixed, done: true})),
	});
	if (result.kind === 'quit') return 0;
	const failed = saveChoices({
		mode: result.mode,
		port: result.port,
		target: result.target || undefined,
		camera: result.camera,
		name: result.name || undefined,
		window: result.window,
	});
	if (failed)
		process.stderr.write(
			`facetty: could not remember the choices in ${configPath()}: ${cleanError(failed, {maxColumns: 1000})}\n`,
		);
	const {runCallCommand} = await import('./call.js');
	return runCallCommand({
		role: result.mode,
		host: '0.0.0.0',
		port: result.port,
		target: result.mode === 'call' ? result.target : undefined,
		camera: result.camera,
		protocol: 'auto',
		window: result.window,
		name: result.name || undefined,
		secret: result.secret || undefined,
	});
}
