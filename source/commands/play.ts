/**
 * `facetty play FILE`: a video file drawn in the terminal at its own frame rate, or as fast as it
 * decodes (--no-pace) for benchmarks. When stdout is not a terminal the stream is still written,
 * in an 80x24 box unless --size says otherwise, so its bytes can be counted.
 */
import {detectColorDepth, type ColorDepth, type Glyphs} from '../render/layout.js';
import {openSource} from '../sources/index.js';
import {SourceError} from '../sources/types.js';
import {showSource} from '../terminal/show-source.js';

export type PlayOptions = {
	readonly file: string;
	/** Force the picture box, in cells; default the whole terminal (80x24 when not a terminal). */
	readonly size?: {readonly cols: number; readonly rows: number};
	/** false: draw every frame as soon as it is decoded. Default true (the file's own rate). */
	readonly pace?: boolean;
	/** Start again at the end. Default false. */
	readonly loop?: boolean;
	/** Default: detected from COLORTERM/TERM. */
	readonly color?: ColorDepth;
	readonly glyphs?: Glyphs;
	/** Truecolor change threshold in levels; 0 is lossless. */
	readonly threshold?: number;
	readonly maxFrames?: number;
	readonly input?: NodeJS.ReadStream;
	readonly output?: NodeJS.WriteStream;
	readonly errorOutput?: NodeJS.WritableStream;
	readonly env?: Readonly<Record<string, string | undefined>>;
};

export async function runPlay(options: PlayOptions): Promise<number> {
	const errorOutput = options.errorOutput ?? process.stderr;
	let source;
	try {
		source = openSource(options.file, {loop: options.loop ?? false, paced: options.pace ?? true});
		if (source.spec.kind !== 'file' && source.spec.kind !== 'url') {
			throw new SourceError('not-a-video', `${options.file} is not a video file.`);
		}
	} catch (error) {
		errorOutput.write(`${error instanceof Error ? error.message : String(error)}\n`);
		return 2;
	}
	return showSource(source, {
		colorDepth: options.color ?? detectColorDepth(options.env ?? process.env),
		glyphs: options.glyphs ?? 'half',
		threshold: options.threshold,
		mirror: false,
		size: options.size,
		input: options.input ?? process.stdin,
		output: options.output ?? process.stdout,
		errorOutput,
		maxFrames: options.maxFrames,
	});
}
