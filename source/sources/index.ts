import {CaptureGrabber} from './capture.js';
import {FileReaderGrabber} from './file-reader.js';
import {PacedSource, type Grabber} from './paced-source.js';
import {describeSpec, parseSourceSpec} from './spec.js';
import {ImageGrabber, TestPatternGrabber} from './still.js';
import type {FrameSource, SourceOptions, SourceSpec} from './types.js';

export {SourceError, type FrameSource, type SourceOptions, type SourceSpec} from './types.js';

/**
 * Makes the frame source a `--camera` value names (see parseSourceSpec). Nothing is opened until
 * `start()`; a spec that cannot be read throws a SourceError here.
 */
export function openSource(specOrText: string | SourceSpec, options: SourceOptions = {}): FrameSource {
	const spec = typeof specOrText === 'string' ? parseSourceSpec(specOrText) : specOrText;
	const wanted = {width: options.width, height: options.height};
	const fps = options.fps && options.fps > 0 ? options.fps : 30;
	const loop = options.loop ?? true;
	const urlTimeoutSeconds = options.urlTimeoutSeconds ?? 5;
	let grabber: Grabber;
	switch (spec.kind) {
		case 'test':
			grabber = new TestPatternGrabber(wanted);
			break;
		case 'image':
			grabber = new ImageGrabber(spec.path, wanted);
			break;
		case 'file':
		case 'url':
			grabber =
				FileReaderGrabber.create(spec, wanted, loop, urlTimeoutSeconds) ??
				new CaptureGrabber(spec, wanted, loop, urlTimeoutSeconds);
			break;
		default:
			grabber = new CaptureGrabber(spec, wanted, loop, urlTimeoutSeconds);
	}
	return new PacedSource(spec, describeSpec(spec), grabber, {
		fps,
		paced: options.paced ?? true,
		followsNativeRate: spec.kind === 'file',
		live: spec.kind === 'url',
	});
}
