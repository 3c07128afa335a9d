/**
 * TLS failures reach people as sentences: a byte altered on the way in an encrypted call ends it
 * with "the connection was altered on the way (bad record MAC): call ended", not OpenSSL's text.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {dial} from '../../source/session/connect.js';
import {connectionErrorSentence, tlsSentence} from '../../source/session/tls-errors.js';
import {
	cleanupsAfterFile,
	ended,
	feed,
	loopbackListener,
	loopbackProxy,
	nextCall,
	nextFrames,
	patternFrame,
} from './helpers.js';

const cleanups = cleanupsAfterFile();

/** A TCP proxy that flips one byte in the middle of a large chunk from the caller, once `armed`. */
async function tamperingProxy(target: number): Promise<{port: number; arm: () => void}> {
	let armed = false;
	const {port} = await loopbackProxy(cleanups, target, (chunk) => {
		if (!armed || chunk.length <= 200) return chunk;
		armed = false;
		const flipped = Buffer.from(chunk);
		flipped[flipped.length >> 1]! ^= 0x01;
		return flipped;
	});
	return {port, arm: () => (armed = true)};
}

test('a byte altered inside an encrypted call: the caller is told in a sentence', async () => {
	const l = await loopbackListener(cleanups);
	const proxy = await tamperingProxy(l.port);
	const accepted = nextCall(l);
	const caller = dial('127.0.0.1', proxy.port, {codec: 'raw'});
	const stop = feed(caller, (i) => patternFrame(64, 48, i));
	cleanups.push(stop);
	const accepter = await accepted;
	await nextFrames(accepter, 2);
	assert.equal(accepter.security.encrypted, true);
	proxy.arm();
	// The accepter finds the bad MAC and tells the caller with a TLS alert (Node reports it only
	// on the side that receives the alert); the caller says what happened.
	const end = await ended(caller);
	assert.equal(end.reason, 'the connection was altered on the way (bad record MAC): call ended');
	assert.doesNotMatch(end.reason, /error:|SSL routines|0A0/);
	await ended(accepter);
});

test('OpenSSL and socket errors map to sentences; unknown ones lose the OpenSSL prefix', () => {
	const error = (code: string, message: string) => Object.assign(new Error(message), {code});
	const rows: Array<[Error, RegExp]> = [
		[
			error(
				'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC',
				'error:0A000119:SSL routines::decryption failed or bad record mac',
			),
			/^the connection was altered on the way \(bad record MAC\)$/,
		],
		[
			error('ERR_SSL_SSLV3_ALERT_BAD_RECORD_MAC', 'error:0A0003FC:SSL routines::sslv3 alert bad record mac'),
			/altered on the way/,
		],
		[
			error('ERR_SSL_WRONG_VERSION_NUMBER', 'error:0A00010B:SSL routines::wrong version number'),
			/not encrypted facetty traffic/,
		],
		[error('ERR_SSL_UNSUPPORTED_PROTOCOL', 'error:0A000102:SSL routines::unsupported protocol'), /TLS 1\.3/],
		[error('ERR_SSL_NO_SHARED_CIPHER', 'error:0A0000C1:SSL routines::no shared cipher'), /could not agree/],
		[error('ECONNRESET', 'read ECONNRESET'), /connection was reset/],
		[
			error('ERR_SSL_SOMETHING_NEW', 'error:0A0000FF:SSL routines::something new'),
			/^the encrypted connection failed \(something new\)$/,
		],
	];
	for (const [input, expected] of rows) assert.match(tlsSentence(input), expected, input.message);
	assert.equal(
		connectionErrorSentence(rows[0]![0]),
		'the connection was altered on the way (bad record MAC): call ended',
	);
});
