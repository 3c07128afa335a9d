/**
 * `facetty play FILE`: a video file drawn in the terminal at its own frame rate, or as fast as it
 * decodes (--no-pace) for benchmarks. When stdout is not a terminal the stream is still written,
 * in an 80x24 box unless --size says otherwise, so its bytes can be counted.
 */
import {openSource} from '../sources/index.js';
import {cleanError} from '../text/sanitize.js';
import {SourceError} from '../sources/types.js';
import {loadChoices} from '../config/config.js';
import {showOnTerminal, type TerminalDisplayOptions} from '../terminal/show-source.js';

export type PlayOptions = TerminalDisplayOptions & {
	readonly file: string;
	/** false: draw every frame as soon as it is decoded. Default true (the file's own rate). */
	readonly pace?: boolean;
	/** Start again at the end. Default false. */
	readonly loop?: boolean;
};

export async function runPlay(options: PlayOptions): Promise<number> {
	let source;
	try {
		source = openSource(options.file, {loop: options.loop ?? false, paced: options.pace ?? true});
		if (source.spec.kind !== 'file' && source.spec.kind !== 'url') {
			throw new SourceError(
				'not-a-video',
				source.spec.kind === 'image'
					? `${options.file} is a still image, not a video: facetty preview --camera ${options.file} shows it.`
					: `${options.file} is not a video file.`,
			);
		}
	} catch (error) {
		(options.errorOutput ?? process.stderr).write(`${cleanError(error, {maxColumns: 1000})}\n`);
		return 2;
	}
	return showOnTerminal(
		source,
		{...options, configuredGlyphs: options.configuredGlyphs ?? loadChoices().glyphs},
		false,
		'playing',
	);
}
