import fs from 'node:fs';
import path from 'node:path';
import {errorMessage} from '../text/error-message.js';
import {fileMissing, SourceError, type SourceSpec} from './types.js';

const imageExtensions = new Set([
	'.png',
	'.jpg',
	'.jpeg',
	'.bmp',
	'.webp',
	'.tif',
	'.tiff',
	'.ppm',
	'.pgm',
	'.pnm',
]);
const urlPattern = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * Reads a `--camera` value: `0`/`1` (camera index), `/dev/video2` (device), `rtsp://...` or
 * `http://...` (stream), `photo.png` (still image), `test` (synthetic pattern), anything else a
 * video file.
 */
export function parseSourceSpec(text: string): SourceSpec {
	const spec = text.trim();
	if (spec === '')
		throw new SourceError(
			'bad-spec',
			'No camera was given: use an index (0), a device, a URL, a file or "test".',
		);
	if (spec === 'test') return {kind: 'test'};
	if (/^\d{1,3}$/.test(spec)) return {kind: 'camera', index: Number(spec)};
	if (spec.startsWith('/dev/')) return {kind: 'device', path: spec};
	if (urlPattern.test(spec)) {
		if (spec.startsWith('file://')) return classifyPath(decodeURIComponent(spec.slice('file://'.length)));
		return {kind: 'url', url: spec};
	}
	return classifyPath(spec);
}

/**
 * Why a `--camera` value cannot work, said before anything opens: a file or an image that is not
 * there (a camera that is not plugged in yet is retried; a missing file would never come), or a
 * value that names nothing. Undefined when it may work.
 */
export function cameraProblem(text: string): string | undefined {
	let spec: SourceSpec;
	try {
		spec = parseSourceSpec(text);
	} catch (error) {
		return errorMessage(error);
	}
	if ((spec.kind === 'file' || spec.kind === 'image') && !fs.existsSync(spec.path))
		return fileMissing(spec.path).message;
	return undefined;
}

function classifyPath(filePath: string): SourceSpec {
	return imageExtensions.has(path.extname(filePath).toLowerCase())
		? {kind: 'image', path: filePath}
		: {kind: 'file', path: filePath};
}

export function describeSpec(spec: SourceSpec): string {
	switch (spec.kind) {
		case 'camera':
			return `camera ${spec.index}`;
		case 'device':
			return `camera ${spec.path}`;
		case 'url':
			return redactUrl(spec.url);
		case 'file':
		case 'image':
			return spec.path;
		case 'test':
			return 'test pattern';
	}
}

/** Stream URLs often carry a password (rtsp://user:pass@host); never show it. */
export function redactUrl(url: string): string {
	return url.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/@]*@/i, '$1***@');
}
