/**
 * `facetty` with no command: the setup screen, then what was chosen: the call screen (listen,
 * call), or what `facetty invite` and `facetty join` run. The choices are remembered
 * (config/config.ts) and offered next time.
 */
import {interactiveTerminal} from '../tty.js';
import {cleanError} from '../text/sanitize.js';
import fs from 'node:fs';
import path from 'node:path';
import {configPath, defaultConfigDir, loadChoices, saveChoices} from '../config/config.js';
import {shareableAddresses} from '../net/own-addresses.js';
import {runSetupApp} from '../ui/setup-app.js';
import {choicesOf, initialSetup, reduceSetup, refused, type SetupAction} from '../ui/setup-state.js';
import {chooseRelay} from '../invite/relay-choice.js';
import {cameraProblem} from '../sources/spec.js';
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
	if (!interactiveTerminal()) {
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
	const {terminalGlyphs} = await import('../terminal/glyph-support.js');
	const glyphs = await terminalGlyphs(undefined, saved.glyphs);
	// The cameras are looked for once, and what is found goes to the setup screen that is up (it
	// comes back when a relay refuses an invite), else straight into the form's state.
	let screen: ((action: SetupAction) => void) | undefined;
	const found = (action: SetupAction) =>
		screen ? screen(action) : store.set(reduceSetup(store.get(), action)[0]);
	const probe = () =>
		void probeCameras((indices, done) =>
			found({type: 'cameras', cameras: [...indices.map(String), ...fixed], done}),
		).catch(() => found({type: 'cameras', cameras: fixed, done: true}));
	let probed = false;
	for (;;) {
		const result = await runSetupApp({
			store,
			colorDepth: color.depth,
			glyphs: glyphs.glyphs,
			input: process.stdin,
			output: process.stdout,
			errorOutput: process.stderr,
			openSource,
			onDispatch: (dispatch) => {
				screen = dispatch;
				if (!probed) probe();
				probed = true;
			},
		});
		screen = undefined;
		if (result.kind === 'quit') return 0;
		// A file that is not there would be waited on for ever, and remembered: back to its field.
		const badCamera = cameraProblem(result.camera);
		if (badCamera) {
			store.set(refused(store.get(), 'camera', badCamera));
			continue;
		}
		// The glyphs are set by hand in the file, never by the form: kept as they were.
		const failed = saveChoices({...choicesOf(store.get()), glyphs: saved.glyphs});
		if (failed)
			process.stderr.write(
				`facetty: could not remember the choices in ${configPath()}: ${cleanError(failed, {maxColumns: 1000})}\n`,
			);
		// The setup screen's choices as the plan the command line would make of the same flags.
		const settings = {
			camera: result.camera,
			protocol: 'auto' as const,
			window: result.window,
			name: result.name || undefined,
			requireEncryption: false,
			configDir: defaultConfigDir(),
		};
		if (result.mode === 'room') {
			// As `facetty invite --room --relay` does: the room's code, then the room screen.
			const {inviteRoom} = await import('../calls/room.js');
			return inviteRoom({...settings, role: 'invite', relay: result.relay, room: true});
		}
		if (result.mode === 'invite') {
			// As `facetty invite --relay` does; when the relay cannot open an invite, back to the
			// setup screen with the reason, at the relay's field.
			const plan = {...settings, role: 'invite' as const, relay: result.relay};
			const {callByInvite, failureText, openInviteFor} = await import('../calls/invite.js');
			const relay = chooseRelay(result.relay);
			let opened;
			try {
				if (!relay.ok) throw new Error(relay.error);
				opened = await openInviteFor(plan, relay.value);
			} catch (error) {
				store.set(refused(store.get(), 'relay', failureText(error)));
				continue;
			}
			return callByInvite(plan, opened);
		}
		if (result.mode === 'join') {
			const {joinEither} = await import('../calls/room.js');
			return joinEither({...settings, role: 'join', code: result.code, relay: result.relay});
		}
		const {runCallPlan} = await import('../calls/run.js');
		const secret = result.secret || undefined;
		return runCallPlan(
			result.mode === 'listen'
				? {...settings, role: 'listen', host: '0.0.0.0', port: result.port, secret}
				: {...settings, role: 'call', target: result.target, secret},
		);
	}
}
