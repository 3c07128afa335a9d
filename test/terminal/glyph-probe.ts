/**
 * Run in a tmux pane by glyph-support.test.ts: decides the glyph set for its terminal as `auto`
 * does and prints it. tmux is made to say its client is kitty 0.42 (a detached tmux has no client),
 * so only the width probe through this tmux can keep octants out.
 */
import {detectGlyphs} from '../../source/terminal/glyph-support.js';
import {terminalInputFor} from '../../source/terminal/terminal-input.js';

const input = terminalInputFor();
const decision = await detectGlyphs({
	env: process.env,
	input,
	askTmux: async () => 'xterm-kitty\tkitty(0.42.1)',
});
input.close();
process.stdout.write(`DECISION ${JSON.stringify(decision)}\n`);
