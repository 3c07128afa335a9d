/**
 * End to end, as three people see a room: one `facetty invite --room`, two `facetty join`, each a
 * process in its own 200x60 tmux pane with the clip as camera, through a relay on loopback. Each
 * receives frames from both others (--stats), all three show the same check code, a join with a
 * wrong code is refused, and when one quits the other two go on seeing each other.
 */
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {startRelay} from '../../source/relay/server.js';
import {formatCode, parseCode} from '../../source/invite/code.js';
import {wrongWords} from '../invite/wrong-words.js';
import {facettyCommand, repo, Tmux, tmuxMissing} from './tmux.js';

const skip = tmuxMissing();
const size = {cols: 200, rows: 60};
/**
 * Frames a second each member must receive from each other here: pictures that move, not a rate
 * target (those are the bench's, `npm run bench -- room`, as the guide says; the 20 fps
 * is checked with ROOM_E2E_FPS=20 on a quiet machine). A shared 2-core machine at load 11 measured 8-10.
 */
const wantedFps = Number(process.env.ROOM_E2E_FPS ?? 4);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-room-e2e-'));
after(() => fs.rmSync(root, {recursive: true, force: true}));

function member(name: string): {command: string; stats: string} {
	const dir = path.join(root, name);
	fs.mkdirSync(dir);
	const stats = path.join(dir, 'stats.jsonl');
	return {command: `env XDG_CONFIG_HOME=${dir} ${facettyCommand()}`, stats};
}

type PeerLine = {name: string | null; fps_in: number; state: string};
type RoomLine = {state: string; members: number; check: string | null; peers: PeerLine[]};

function lines(file: string): RoomLine[] {
	if (!fs.existsSync(file)) return [];
	return fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as RoomLine);
}

/** The median of the last `count` seconds' fps_in from each peer, by name. */
function recentFps(file: string, count = 5): Map<string, number> {
	const recent = lines(file).slice(-count);
	const byName = new Map<string, number[]>();
	for (const line of recent)
		for (const peer of line.peers)
			byName.set(peer.name ?? '?', [...(byName.get(peer.name ?? '?') ?? []), peer.fps_in]);
	return new Map(
		[...byName].map(([name, values]) => [
			name,
			[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!,
		]),
	);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const checkCode = (text: string) => /check code (\d{3} \d{3})/.exec(text)?.[1];

test(
	'three members in tmux: pictures from each other, one check code, a wrong code refused, two go on when one quits',
	{skip, timeout: 240_000},
	async () => {
		const relay = await startRelay({host: '127.0.0.1', port: 0});
		const where = `127.0.0.1:${relay.port}`;
		const tmux = new Tmux();
		const people = {Ada: member('Ada'), Bo: member('Bo'), Cy: member('Cy')};
		try {
			tmux.start(
				'Ada',
				`${people.Ada.command} invite --room --relay ${where} --camera media/clip.mp4 --name Ada --stats ${people.Ada.stats}; echo EXIT $?; sleep 60`,
				size.cols,
				size.rows,
			);
			const first = await tmux.waitFor(
				'Ada',
				(t) => /room \d+-[a-z]+-[a-z]+-[a-z]+/.test(t),
				30_000,
				'the room',
			);
			const code = /room (\d+-[a-z]+-[a-z]+-[a-z]+)/.exec(first)![1]!;
			for (const name of ['Bo', 'Cy'] as const) {
				tmux.start(
					name,
					`${people[name].command} join ${code} --relay ${where} --camera media/clip.mp4 --name ${name} --stats ${people[name].stats}; echo EXIT $?; sleep 60`,
					size.cols,
					size.rows,
				);
			}
			const names = ['Ada', 'Bo', 'Cy'] as const;
			// All three show one check code, and three members.
			const codes = await Promise.all(
				names.map((name) =>
					tmux.waitFor(
						name,
						(t) => t.includes('3 members') && checkCode(t) !== undefined,
						60_000,
						`${name}'s check code`,
					),
				),
			);
			// Each shows a code once its round covers everyone; the last round's may take a moment to reach all.
			let shown = codes.map(checkCode);
			for (let tries = 0; new Set(shown).size !== 1 && tries < 50; tries++) {
				await sleep(200);
				shown = names.map((name) => checkCode(tmux.capture(name)));
			}
			assert.equal(new Set(shown).size, 1, `check codes: ${shown.join(', ')}`);
			for (const name of names) {
				const others = names.filter((n) => n !== name);
				const text = tmux.capture(name);
				for (const other of others)
					assert.match(text, new RegExp(`${other} · `), `${name} shows ${other}'s tile`);
			}

			// Frames: let the pictures settle, then the median of 5 seconds from each peer.
			// Pairs move off the relay 3-4 s after the last join, and a moved pair's pictures take a
			// few seconds to come back to full rate (a keyframe, the codec's rate): measure after that.
			await sleep(12_000);
			const rates: string[] = [];
			for (const name of names) {
				const fps = recentFps(people[name].stats);
				for (const other of names.filter((n) => n !== name)) {
					rates.push(`${name}<-${other} ${fps.get(other)}`);
					assert.ok((fps.get(other) ?? 0) > 0, `${name} receives nothing from ${other}`);
				}
			}
			console.log(`# fps received (median of 5 s): ${rates.join(', ')}; load ${os.loadavg()[0]!.toFixed(1)}`);
			for (const rate of rates) {
				const value = Number(rate.split(' ')[1]);
				assert.ok(
					value >= wantedFps,
					`${rate} fps, under ${wantedFps} (load ${os.loadavg()[0]!.toFixed(1)})`,
				);
			}

			// Chat to the whole room: Cy types a line, Ada and Bo read it under Cy's name.
			tmux.keys('Cy', 'Enter');
			tmux.text('Cy', 'hello room');
			tmux.keys('Cy', 'Enter');
			for (const name of ['Ada', 'Bo'] as const)
				await tmux.waitFor(name, (t) => t.includes('Cy: hello room'), 10_000, `${name} to read Cy's chat`);

			// A wrong code (another tag) is refused by the relay with a sentence.
			const parsed = parseCode(code);
			const wrong = formatCode({...parsed, words: wrongWords(parsed.words, false)});
			const [command, ...args] = facettyCommand().split(' ');
			// Not spawnSync: the relay runs in this process and must answer meanwhile.
			const refused = await new Promise<{status: number | null; stderr: string}>((resolve) => {
				const env = {...process.env, XDG_CONFIG_HOME: path.join(root, 'Ada')};
				execFile(
					command!,
					[...args, 'join', wrong, '--relay', where, '--camera', 'test'],
					{cwd: repo, encoding: 'utf8', timeout: 30_000, env},
					(error, _stdout, stderr) =>
						resolve({status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr}),
				);
			});
			assert.equal(refused.status, 1, refused.stderr);
			assert.match(refused.stderr, /wrong code/);

			// Bo quits: gone from both grids within seconds; Ada and Cy go on seeing each other.
			tmux.keys('Bo', 'q');
			await tmux.waitFor('Bo', (t) => t.includes('EXIT 0'), 15_000, 'Bo to leave');
			const left = Date.now();
			for (const name of ['Ada', 'Cy'] as const)
				await tmux.waitFor(
					name,
					(t) => t.includes('2 members') && !t.includes('Bo · '),
					10_000,
					`${name} without Bo`,
				);
			console.log(`# Bo was gone from both grids ${((Date.now() - left) / 1000).toFixed(1)} s after it quit`);
			await sleep(4000);
			assert.ok((recentFps(people.Ada.stats, 3).get('Cy') ?? 0) > 0, 'Ada still receives Cy');
			assert.ok((recentFps(people.Cy.stats, 3).get('Ada') ?? 0) > 0, 'Cy still receives Ada');
			const after = ['Ada', 'Cy'].map((name) => checkCode(tmux.capture(name)));
			assert.equal(after[0], after[1]);
		} finally {
			tmux.kill();
			await relay.close();
		}
	},
);
