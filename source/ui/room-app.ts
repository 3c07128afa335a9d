/**
 * The room screen: a grid of the others' pictures (room-layout.ts), each under its name and link
 * state, the self view, a chat line to the whole room and a status line with the room's code,
 * members and check code. The call screen's parts draw it: its compositor (chrome and self view,
 * call-compositor.ts) with one picture layer per grid place, and its camera (call-camera.ts).
 *
 * Keys (help-keys.ts, the help's one list): q (or Ctrl+C) leaves; Enter or Tab starts a chat
 * line, Enter sends it, Esc goes back; p pauses the camera; f makes the next member large when the
 * layout is one large and others small (the last to speak in chat is large until then); ? shows
 * the help over the pictures.
 */
import type {Frame} from '../frame.js';
import {pixelsPerCell, type ColorDepth, type Glyphs} from '../render/layout.js';
import {areaScaler} from '../render/area-scale.js';
import {bindingScaler} from '../sources/scale.js';
import type {Room} from '../room/room.js';
import {openScreen} from '../terminal/screen.js';
import {PictureLayer} from '../terminal/picture-layer.js';
import {TextLayer} from '../terminal/text-layer.js';
import {keysOnly, splitKeys} from '../terminal/terminal-input.js';
import type {AnswerSource} from '../terminal/sink.js';
import type {RoomCheckState} from '../trust/room-check.js';
import {CallCamera, readSize} from './call-camera.js';
import {CallCompositor} from './call-compositor.js';
import type {CameraState} from './call-state.js';
import {roomChrome, roomHelp} from './room-chrome.js';
import {roomLayout, type RoomLayout} from './room-layout.js';

export type RoomAppOptions = {
	readonly room: Room;
	readonly camera: string;
	readonly seconds?: number;
	/** The words the status line shows for the check code (calls/room.ts checkText). */
	readonly checkText: (state: RoomCheckState) => string;
	readonly colorDepth: ColorDepth;
	readonly glyphs?: Glyphs;
	readonly threshold?: number;
	readonly notice?: string;
	readonly input: NodeJS.ReadStream;
	readonly output: NodeJS.WriteStream;
	readonly errorOutput: NodeJS.WritableStream;
	readonly answers?: AnswerSource;
};

/** Places in the grid: everyone else a room can hold. */
const places = 7;

export async function runRoomApp(options: RoomAppOptions): Promise<number> {
	const {room, output, input} = options;
	const terminalSize = () => ({cols: output.columns || 80, rows: output.rows || 24});
	let size = terminalSize();
	const screen = openScreen({output, input, errorOutput: options.errorOutput, answers: options.answers});
	const view = new CallCompositor(screen.sink, size, {
		colorDepth: options.colorDepth,
		glyphs: options.glyphs,
		threshold: options.threshold,
	});
	view.peer.setRect(undefined);
	const picture = {colorDepth: options.colorDepth, glyphs: options.glyphs, threshold: options.threshold};
	const layers = Array.from({length: places}, () =>
		view.compositor.add(new PictureLayer({...picture, z: 1, scale: bindingScaler(areaScaler())})),
	);
	/** Which member each grid place shows now. */
	let placed: number[] = [];
	let layout: RoomLayout = roomLayout(size, 0);
	let typing: string | undefined;
	let lastChat = options.notice ?? '';
	let camera: CameraState = {kind: 'starting'};
	let paused = false;
	let selfView = true;
	const fps = new Map<number, number>();

	// The help sits over the pictures: a text layer above them, shown only while asked for.
	const helpLayer = view.compositor.add(new TextLayer(3));
	let help = false;
	/** The member drawn large when not everyone fits large: the last to speak, or who f chose. */
	let focusId: number | undefined;

	const chrome = () => {
		const others = room.others();
		const selfState = paused ? 'paused' : camera.kind === 'lost' ? `camera lost: ${camera.message}` : '';
		const lines = roomChrome({
			size,
			layout,
			others: others.map((member) => ({
				id: member.id,
				name: member.name,
				state: member.state,
				fps: member.state === 'in-call' ? (fps.get(member.id) ?? 0) : undefined,
			})),
			selfName: room.options.name,
			selfState,
			code: room.text,
			check: options.checkText(room.checkState),
			lastChat,
			typing,
			help,
		});
		view.setChrome(lines.join('\n'));
		const box = roomHelp(size);
		helpLayer.setRect(help ? box.rect : undefined);
		if (help) helpLayer.setText(box.lines.join('\n'));
	};

	const applyLayout = () => {
		const others = room.others();
		const focus = Math.max(
			0,
			others.findIndex((member) => member.id === focusId),
		);
		layout = roomLayout(size, others.length, focus, selfView);
		view.chrome.setRect({col: 0, row: 0, cols: size.cols, rows: size.rows});
		const next = layout.members.map((index) => others[index]!.id);
		const {across} = pixelsPerCell(options.glyphs ?? 'half');
		layers.forEach((layer, i) => {
			const id = next[i];
			const tile = id === undefined ? undefined : layout.tiles[i];
			if (placed[i] !== id) layer.clear();
			layer.setRect(tile?.picture);
			if (id !== undefined && tile)
				room.requestShownSize(id, tile.picture.cols * across, tile.picture.rows * 2 * across);
		});
		placed = next;
		view.self.setRect(layout.self?.picture);
		chrome();
	};

	let finish: (code: number) => void = () => undefined;
	const finished = new Promise<number>((resolve) => (finish = resolve));
	let exitCode = 0;

	const onFrame = (id: number, frame: Frame) => {
		const place = placed.indexOf(id);
		if (place >= 0) layers[place]!.show(frame);
	};
	const onMembers = () => applyLayout();
	const onCheck = () => chrome();
	const onChat = (id: number, text: string) => {
		const member = room.members.get(id);
		lastChat = `${member?.name ?? `member ${id}`}: ${text.split('\n').join(' ')}`;
		// Who speaks is who one looks at: they become the large picture.
		if (focusId !== id) {
			focusId = id;
			applyLayout();
		} else chrome();
	};
	const onNotice = (text: string) => {
		lastChat = text;
		chrome();
	};
	const onStats = () => {
		for (const member of room.others()) fps.set(member.id, Math.round(member.call?.lastStats?.fps_in ?? 0));
		chrome();
	};
	const onEnded = (reason: string) => {
		lastChat = `left the room: ${reason}`;
		finish(exitCode);
	};
	room.on('frame', onFrame);
	room.on('members', onMembers);
	room.on('check', onCheck);
	room.on('chat', onChat);
	room.on('notice', onNotice);
	room.on('stats', onStats);
	room.once('ended', onEnded);

	const cam = new CallCamera({
		spec: options.camera,
		onFrame: (frame) => {
			room.sendFrame(frame);
			view.showSelf(frame);
		},
		onState: (state) => {
			camera = state;
			chrome();
		},
		// As on the call screen: read at the largest size sent or shown, not the camera's own, so
		// each pair's picture and the self view are scaled from a few pixels, not 640x480.
		sizeFor: (native) => readSize(room.sendSizeFor(native), view.self.layoutFor(native), room.idle),
	});

	const keys = keysOnly(input);
	// One read can hold several keys (typing over ssh, a paste, tmux send-keys): each is taken
	// on its own, an escape sequence (an arrow, a function key) as one key.
	const onKeys = (chunk: Buffer | string) => {
		const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
		for (const key of splitKeys(text)) onKey(key);
	};
	const onKey = (text: string) => {
		if (text === '\x03') return room.leave('left the room');
		if (typing !== undefined) {
			if (text === '\x1b') typing = undefined;
			else if (text === '\r' || text === '\n') {
				const line = typing.trim();
				typing = undefined;
				if (line) {
					room.sendChat(line);
					lastChat = `you: ${line}`;
				}
			} else if (text === '\x7f' || text === '\b') typing = [...typing].slice(0, -1).join('');
			else if (!text.startsWith('\x1b'))
				typing = (typing + text.replace(/[\x00-\x1f\x7f]/g, '')).slice(0, 1000);
			chrome();
			return;
		}
		if (help && (text === '\x1b' || text === '?')) {
			help = false;
			chrome();
		} else if (text === 'q' || text === 'Q') room.leave('left the room');
		else if (text === '?') {
			help = true;
			chrome();
		} else if (text === '\r' || text === '\n' || text === '\t') {
			typing = '';
			help = false;
			chrome();
		} else if (text === 'f' || text === 'F') {
			// The next member after the one large now, in the order they came.
			const others = room.others();
			if (others.length === 0) return;
			const at = others.findIndex((member) => member.id === focusId);
			focusId = others[(Math.max(0, at) + 1) % others.length]!.id;
			applyLayout();
		} else if (text === 'v' || text === 'V') {
			selfView = !selfView;
			applyLayout();
		} else if (text === 'p' || text === 'P') {
			paused = !paused;
			cam.setPaused(paused);
			chrome();
		}
	};
	if (keys.isTTY) (keys as unknown as {setRawMode(mode: boolean): void}).setRawMode(true);
	keys.on('data', onKeys);

	const onResize = () => {
		size = terminalSize();
		view.resize(size);
		applyLayout();
	};
	output.on('resize', onResize);
	const timer = options.seconds
		? setTimeout(() => room.leave('time is up'), options.seconds * 1000)
		: undefined;
	applyLayout();
	void cam.start();
	try {
		exitCode = await finished;
	} finally {
		clearTimeout(timer);
		output.off('resize', onResize);
		keys.off('data', onKeys);
		if (keys.isTTY) (keys as unknown as {setRawMode(mode: boolean): void}).setRawMode(false);
		room.off('frame', onFrame);
		room.off('members', onMembers);
		room.off('check', onCheck);
		room.off('chat', onChat);
		room.off('notice', onNotice);
		room.off('stats', onStats);
		room.leave('left the room');
		view.close();
		await cam.stop();
		screen.close();
		options.errorOutput.write(`facetty: ${lastChat}\n`);
	}
	return exitCode;
}
