/**
 * The hostile-input cases run one at a time against the listener in listener.test.ts: each an
 * attack over loopback and the codes the listener may report for it.
 */
import {encodeV2, v2MaxVideoBytes} from '../../source/protocol/v2.js';
import {encodeAuth} from '../../source/protocol/auth.js';
import {encodeJpeg} from '../../source/session/media.js';
import {patternFrame} from '../session/helpers.js';
import {
	closed,
	hangUpAfterWriting,
	flood,
	header,
	hello,
	random,
	rawConnect,
	secureConnect,
	sleep,
	tlsConnect,
} from './attacks.js';

export type Case = {
	name: string;
	port?: 'open' | 'secret';
	/** Codes the listener may report for this connection (null: an ordinary end, e.g. the attacker hung up). */
	codes: Array<string | null>;
	attack: (port: number) => Promise<void>;
};

const jpegBomb = (() => {
	// A JPEG header claiming 30000x30000 pixels (2.7 GB decoded) inside a message claiming 64x48.
	const sof = Buffer.from([
		0xff, 0xc0, 0x00, 0x11, 0x08, 0x75, 0x30, 0x75, 0x30, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
	]);
	return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, random(512)]);
})();

function video(codec: number, width: number, height: number, data: Buffer, seq = 1): Buffer {
	const fields = Buffer.alloc(18);
	fields[0] = codec;
	fields.writeUInt16BE(width, 2);
	fields.writeUInt16BE(height, 4);
	fields.writeUInt32BE(seq, 6);
	fields.writeDoubleBE(Date.now(), 10);
	return Buffer.concat([header(2, 18 + data.length), fields, data]);
}

/** After a correct start, `bytes`, then the attacker waits for the listener to hang up (or hangs up itself). */
function afterHandshake(bytes: () => Buffer, hangUpAfterMs?: number): (port: number) => Promise<void> {
	return async (port) => {
		const {socket} = await secureConnect(port);
		socket.write(bytes());
		if (hangUpAfterMs !== undefined) {
			await sleep(hangUpAfterMs);
			await hangUpAfterWriting(socket);
		} else await closed(socket);
	};
}

export const cases: Case[] = [
	{
		name: 'garbage: 64 KiB of random bytes instead of a greeting',
		codes: ['bad-handshake'],
		attack: async (port) => {
			const socket = await rawConnect(port);
			socket.write(Buffer.concat([Buffer.from('XXXX'), random(65536)]));
			await closed(socket);
		},
	},
	{
		name: 'an HTTP request',
		codes: ['bad-handshake'],
		attack: async (port) => {
			const socket = await rawConnect(port);
			socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
			await closed(socket);
		},
	},
	{
		name: 'silence after connecting',
		codes: ['timeout'],
		attack: async (port) => closed(await rawConnect(port)),
	},
	{
		name: 'a byte a second during the greeting (slow peer)',
		codes: ['timeout'],
		attack: async (port) => {
			const socket = await rawConnect(port);
			for (const byte of 'FTYS') {
				if (socket.destroyed) break;
				socket.write(byte);
				await sleep(1000);
			}
			await closed(socket);
		},
	},
	{
		name: 'a TLS client that never finishes its handshake',
		codes: ['timeout'],
		attack: async (port) => {
			const socket = await rawConnect(port);
			socket.write('FTYS');
			// A record header promising a 512-byte ClientHello, and 10 bytes of it.
			socket.write(Buffer.concat([Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00]), random(10)]));
			await closed(socket);
		},
	},
	{
		name: 'random bytes instead of a TLS ClientHello',
		codes: ['tls'],
		attack: async (port) => {
			const socket = await rawConnect(port);
			// Random bytes whose second byte happens to be 3 read as a TLS record header
			// (version 3.x) with a length up to 64 KiB, so TLS rightly waits for the rest and the
			// listener reports a timeout instead (about 1 run in 100). Two zero bytes first make
			// the header unreadable on every run: no content type, no version.
			const bytes = random(4096);
			bytes[0] = 0;
			bytes[1] = 0;
			socket.write(Buffer.concat([Buffer.from('FTYS'), bytes]));
			await closed(socket);
		},
	},
	{
		name: 'a TLS client that hangs up mid-handshake',
		codes: ['tls'],
		attack: async (port) => {
			const socket = await rawConnect(port);
			socket.write(
				Buffer.concat([Buffer.from('FTYS'), Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00]), random(100)]),
			);
			await sleep(100);
			socket.destroy();
		},
	},
	{
		name: 'an auth message of the wrong shape inside TLS',
		codes: ['bad-handshake'],
		attack: async (port) => {
			const {socket} = await tlsConnect(port);
			const bad = encodeAuth({type: 'offer'});
			bad.writeUInt32BE(1 << 30, 1);
			socket.write(bad);
			await closed(socket);
		},
	},
	{
		name: 'a wrong secret',
		port: 'secret',
		codes: ['secret-mismatch'],
		attack: async (port) => closed((await secureConnect(port, 'not the secret')).socket),
	},
	{
		name: 'no secret where one is required',
		port: 'secret',
		codes: ['secret-mismatch'],
		attack: async (port) => closed((await secureConnect(port)).socket),
	},
	{
		name: 'random bytes after a correct handshake (inside TLS)',
		// Random bytes may announce a hello longer than what follows (a first message of another
		// type is refused at its header), and this attacker keeps the connection open:
		// the listener then ends it at the handshake deadline (1 s here), as it does a stranger who
		// sends nothing (a clean-clone CI run met this once).
		codes: ['bad-handshake', 'bad-message', 'message-too-large', 'unsupported-version', 'timeout'],
		attack: afterHandshake(() => random(65536)),
	},
	{
		name: 'a hello that claims more than it sends, the connection held open (inside TLS)',
		// The one first message the listener waits for the rest of (any other is refused at its
		// header): it waits only until its handshake deadline.
		codes: ['timeout'],
		attack: afterHandshake(() => {
			const header = Buffer.alloc(5);
			header.writeUInt8(0x01, 0);
			header.writeUInt32BE(134, 1);
			return Buffer.concat([header, random(60)]);
		}),
	},
	{
		name: 'random bytes after hello (inside TLS)',
		// Random bytes may announce a message longer than what follows; the attacker then hangs up,
		// so the listener ends it on what it read (a refusal or a close mid-message), never by waiting.
		codes: ['bad-message', 'message-too-large', 'bad-handshake', 'closed-mid-frame'],
		attack: afterHandshake(() => Buffer.concat([hello(), Buffer.from([0x02]), random(65536)]), 300),
	},
	{
		name: 'random bytes on the TCP stream after the TLS handshake (forged records)',
		codes: ['tls', 'ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC', 'EPROTO'],
		attack: async (port) => {
			const {socket, raw} = await secureConnect(port);
			socket.write(hello());
			await sleep(100);
			raw.write(Buffer.concat([Buffer.from([0x17, 0x03, 0x03, 0x10, 0x00]), random(4096)]));
			await closed(socket);
		},
	},
	{
		name: 'a truncated header, then the attacker hangs up',
		codes: ['closed-mid-frame'],
		attack: afterHandshake(() => Buffer.concat([hello(), header(2, 100).subarray(0, 3)]), 200),
	},
	{
		name: 'an oversized header: video claiming 4 GiB',
		codes: ['message-too-large'],
		attack: afterHandshake(() => Buffer.concat([hello(), header(2, 0xffffffff)])),
	},
	{
		name: 'an unknown message type claiming 1 GiB',
		codes: ['message-too-large'],
		attack: afterHandshake(() => Buffer.concat([hello(), header(0x7f, 1 << 30)])),
	},
	{
		name: 'a lie in length: hello with a 5-byte payload',
		codes: ['bad-message', 'message-too-large'],
		attack: afterHandshake(() => Buffer.concat([header(1, 5), random(5)])),
	},
	{
		name: 'a lie in length: show-size of 100 bytes',
		codes: ['bad-message', 'message-too-large'],
		attack: afterHandshake(() => Buffer.concat([hello(), header(3, 100), random(100)])),
	},
	{
		name: 'a lie in shape: raw video whose data is not width*height*3',
		codes: ['bad-message'],
		attack: afterHandshake(() => Buffer.concat([hello(), video(2, 64, 48, random(1000))])),
	},
	{
		name: 'a lie in shape: video 0x0',
		codes: ['bad-message'],
		attack: afterHandshake(() => Buffer.concat([hello(), video(1, 0, 0, random(100))])),
	},
	{
		name: 'chat that is not UTF-8',
		codes: ['bad-message'],
		attack: afterHandshake(() =>
			Buffer.concat([hello(), header(4, 4), Buffer.from([0xff, 0xfe, 0xc0, 0x80])]),
		),
	},
	{
		name: 'video before hello',
		codes: ['bad-handshake'],
		attack: afterHandshake(() => video(2, 2, 2, random(12))),
	},
	{
		// Refused at its header: before, the listener waited for the 6 MB it claimed until the
		// handshake deadline ('timeout'), holding a buffer of that size.
		name: 'the header of the largest video message before hello, and nothing after it',
		codes: ['bad-handshake'],
		attack: afterHandshake(() => header(2, v2MaxVideoBytes)),
	},
	{
		name: 'an old version in hello',
		codes: ['unsupported-version'],
		attack: afterHandshake(() => encodeV2({type: 'hello', version: 1, capabilities: 0, agent: 'old'})),
	},
	{
		name: 'a JPEG bomb: a 30000x30000 JPEG header in a 64x48 message',
		codes: [null],
		attack: afterHandshake(() => Buffer.concat([hello(), video(1, 64, 48, jpegBomb)]), 500),
	},
	{
		name: 'a byte a second inside a message (slow peer after the handshake)',
		codes: ['timeout'],
		attack: async (port) => {
			const {socket} = await secureConnect(port);
			socket.write(Buffer.concat([hello(), header(4, 1000)]));
			const gone = closed(socket, 20_000);
			while (!socket.destroyed) {
				socket.write('x');
				await Promise.race([sleep(1000), gone]);
			}
		},
	},
	{
		name: 'a flood of small messages: 1M pings, never reading the pongs',
		// Pings are answered at most 5 a second (v2-link's peerMessageRates), so the pongs no longer
		// pile up into "too slow": the flood is read and dropped, and the silence after it ends the call.
		codes: ['timeout'],
		attack: async (port) => {
			const {socket} = await secureConnect(port);
			socket.write(hello());
			const ping = encodeV2({type: 'ping', id: 1, sentAt: 0});
			await flood(socket, Buffer.concat(Array.from({length: 1000}, () => ping)), 1000 * 1000 * ping.length);
			await closed(socket);
		},
	},
	{
		name: 'a flood of 200k chat messages',
		codes: [null],
		attack: async (port) => {
			const {socket} = await secureConnect(port);
			socket.write(hello());
			const chat = encodeV2({type: 'chat', text: 'spam '.repeat(20)});
			await flood(socket, Buffer.concat(Array.from({length: 1000}, () => chat)), 200_000 * chat.length);
			await hangUpAfterWriting(socket);
		},
	},
	{
		name: 'frames faster than the receiver can show: 400 640x480 JPEGs back to back',
		codes: [null],
		attack: async (port) => {
			const jpeg = Buffer.from(await encodeJpeg(patternFrame(640, 480, 1), 85));
			const {socket} = await secureConnect(port);
			socket.write(hello());
			for (let seq = 1; seq <= 400 && !socket.destroyed; seq++) {
				if (!socket.write(video(1, 640, 480, jpeg, seq)))
					await new Promise((resolve) => socket.once('drain', resolve));
			}
			await hangUpAfterWriting(socket);
		},
	},
];
