/**
 * Whether facetty is talking to a person at a terminal: both stdin and stdout are terminals, so
 * a screen can be drawn and keys read. Otherwise (a pipe, a script, a file) commands print plain
 * lines and take no keys. The one test for it, whichever layer asks.
 */
export function interactiveTerminal(
	input: {isTTY?: boolean} = process.stdin,
	output: {isTTY?: boolean} = process.stdout,
): boolean {
	return Boolean(input.isTTY && output.isTTY);
}
