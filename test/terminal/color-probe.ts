/** Run in a tmux pane by color.test.ts: decides the colour depth of its terminal and prints it. */
import {terminalColorDepth} from '../../source/terminal/color.js';

const decision = await terminalColorDepth();
process.stdout.write(`DECISION ${JSON.stringify(decision)}\n`);
