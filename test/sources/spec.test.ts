import assert from 'node:assert/strict';
import {test} from 'node:test';
import {cameraProblem, describeSpec, parseSourceSpec, redactUrl} from '../../source/sources/spec.js';
import {SourceError} from '../../source/sources/types.js';

test('camera specs: index, device, URL, file, image, test', () => {
	assert.deepEqual(parseSourceSpec('0'), {kind: 'camera', index: 0});
	assert.deepEqual(parseSourceSpec(' 1 '), {kind: 'camera', index: 1});
	assert.deepEqual(parseSourceSpec('/dev/video2'), {kind: 'device', path: '/dev/video2'});
	assert.deepEqual(parseSourceSpec('rtsp://cam.local/live'), {kind: 'url', url: 'rtsp://cam.local/live'});
	assert.deepEqual(parseSourceSpec('http://10.0.0.5:8080/video'), {
		kind: 'url',
		url: 'http://10.0.0.5:8080/video',
	});
	assert.deepEqual(parseSourceSpec('clip.mp4'), {kind: 'file', path: 'clip.mp4'});
	assert.deepEqual(parseSourceSpec('2024.mkv'), {kind: 'file', path: '2024.mkv'});
	assert.deepEqual(parseSourceSpec('Photo.JPG'), {kind: 'image', path: 'Photo.JPG'});
	assert.deepEqual(parseSourceSpec('file:///tmp/a%20b.png'), {kind: 'image', path: '/tmp/a b.png'});
	assert.deepEqual(parseSourceSpec('test'), {kind: 'test'});
});

test('an empty spec is a plain error', () => {
	assert.throws(
		() => parseSourceSpec('  '),
		(error: unknown) =>
			error instanceof SourceError && error.code === 'bad-spec' && /No camera was given/.test(error.message),
	);
});

test('descriptions never show a password in a URL', () => {
	assert.equal(redactUrl('rtsp://admin:hunter2@cam/live'), 'rtsp://***@cam/live');
	assert.equal(describeSpec(parseSourceSpec('rtsp://admin:hunter2@cam/live')), 'rtsp://***@cam/live');
	assert.equal(describeSpec(parseSourceSpec('3')), 'camera 3');
	assert.equal(describeSpec(parseSourceSpec('test')), 'test pattern');
});

test('a camera file or image that is not there is a problem before anything opens; a camera is not', () => {
	assert.equal(cameraProblem('/nonexistent/nope.mp4'), '/nonexistent/nope.mp4 does not exist.');
	assert.equal(cameraProblem('file:///nonexistent/a.png'), '/nonexistent/a.png does not exist.');
	assert.match(cameraProblem(' ') ?? '', /No camera was given/);
	// A camera unplugged, a device or a stream may come later; a file that is there is fine.
	for (const fine of ['test', '0', '7', '/dev/video9', 'rtsp://cam.example/live', 'media/clip.mp4'])
		assert.equal(cameraProblem(fine), undefined, fine);
});
