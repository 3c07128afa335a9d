/**
 * `facetty preview [--camera SPEC]`: your own camera, mirrored like a looking glass, to check
 * framing and light before a call.
 */
import {detectColorDepth, type ColorDepth, type Glyphs} from '../render/layout.js';
import {openSource} from '../sources/index.js';
import {showSource} from '../terminal/show-source.js';

export type PreviewOptions = {
	/** A --camera spec: index, /dev/videoN, URL, file, image or `test`. Default camera 0. */
	readonly camera?: string;
	readonly size?: {readonly cols: number; readonly rows: number};
	readonly color?: ColorDepth;
	readonly glyphs?: Glyphs;
	readonly threshold?: number;
	/** Default true: the picture moves the way you do. */
	readonly mirror?: boolean;
	readonly maxFrames?: number;
	readonly input?: NodeJS.ReadStream;
	readonly output?: NodeJS.WriteStream;
	readonly errorOutput?: NodeJS.WritableStream;
	readonly env?: Readonly<Record<string, string | undefined>>;
};

export async function runPreview(options: PreviewOptions = {}): Promise<number> {
	const errorOutput = options.errorOutput ?? process.stderr;
	let source;
	try {
		source = openSource(options.camera ?? '0');
	} catch (error) {
		errorOutput.write(`${error instanceof Error ? error.message : String(error)}\n`);
		return 2;
	}
	return showSource(source, {
		colorDepth: options.color ?? detectColorDepth(options.env ?? process.env),
		glyphs: options.glyphs ?? 'half',
		threshold: options.threshold,
		mirror: options.mirror ?? true,
		size: options.size,
		input: options.input ?? process.stdin,
		output: options.output ?? process.stdout,
		errorOutput,
		maxFrames: options.maxFrames,
	});
}
