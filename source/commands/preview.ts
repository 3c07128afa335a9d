/**
 * `facetty preview [--camera SPEC]`: your own camera, mirrored like a looking glass, to check
 * framing and light before a call.
 */
import {openSource} from '../sources/index.js';
import {cleanError} from '../text/sanitize.js';
import {loadChoices} from '../config/config.js';
import {showOnTerminal, type TerminalDisplayOptions} from '../terminal/show-source.js';

export type PreviewOptions = TerminalDisplayOptions & {
	/** A --camera spec: index, /dev/videoN, URL, file, image or `test`. Default camera 0. */
	readonly camera?: string;
	/** Default true: the picture moves the way you do. */
	readonly mirror?: boolean;
};

export async function runPreview(options: PreviewOptions = {}): Promise<number> {
	let source;
	try {
		source = openSource(options.camera ?? '0');
	} catch (error) {
		(options.errorOutput ?? process.stderr).write(`${cleanError(error, {maxColumns: 1000})}\n`);
		return 2;
	}
	return showOnTerminal(
		source,
		{...options, configuredGlyphs: options.configuredGlyphs ?? loadChoices().glyphs},
		options.mirror ?? true,
		'preview:',
	);
}
