/**
 * The encrypted channel: TLS 1.3 (node:tls, OpenSSL) over the connection after the `FTYS` magic,
 * the caller as TLS client. Both sides present a self-signed certificate over their identity key
 * (mutual TLS, no CA: the fingerprint is what is trusted), then exchange the auth message inside
 * TLS. The result: the peer's fingerprint, the short authentication string, and whether a shared
 * secret was proven.
 */
import crypto from 'node:crypto';
import type net from 'node:net';
import tls from 'node:tls';
import {authMessageBytes, decodeAuth, encodeAuth} from '../protocol/auth.js';
import {ProtocolError} from '../protocol/errors.js';
import {fingerprintOfPublicKey, type Identity} from '../trust/identity.js';
import {sasOf, secretLabel, secretProofs, type SecretRole} from '../trust/sas.js';
import {readExactly} from './read.js';
import {tlsSentence} from './tls-errors.js';

export type SecureChannel = {
	socket: tls.TLSSocket;
	sas: string;
	peerFingerprint: string;
	verifiedBySecret: boolean;
	/** Bytes that arrived after the peer's auth message (its hello, usually). */
	rest: Buffer;
	cipher: string;
};

function tlsError(error: Error): ProtocolError {
	if (error instanceof ProtocolError) return error;
	return new ProtocolError('tls', tlsSentence(error));
}

/** Runs the TLS handshake on `socket` (which must be paused, with `initial` already read from it). */
export function startTls(
	socket: net.Socket,
	role: SecretRole,
	identity: Identity,
	initial: Buffer,
	timeoutMs: number,
): Promise<tls.TLSSocket> {
	if (initial.length > 0) socket.unshift(initial);
	const common = {
		key: identity.keyPem,
		cert: identity.certificate,
		minVersion: 'TLSv1.3',
		maxVersion: 'TLSv1.3',
		// No CA: the peer's key is checked by fingerprint after the handshake.
		rejectUnauthorized: false,
	} as const;
	return new Promise((resolve, reject) => {
		let secure: tls.TLSSocket;
		if (role === 'caller') {
			secure = tls.connect({...common, socket, checkServerIdentity: () => undefined});
		} else {
			secure = new tls.TLSSocket(socket, {
				isServer: true,
				requestCert: true,
				rejectUnauthorized: false,
				secureContext: tls.createSecureContext(common),
			});
		}
		const timer = setTimeout(() => {
			done(
				new ProtocolError(
					'timeout',
					`the peer did not finish the TLS handshake within ${timeoutMs / 1000} s`,
				),
			);
		}, timeoutMs);
		const onError = (error: Error) => done(tlsError(error));
		const onClose = () => done(new ProtocolError('tls', 'the peer hung up during the TLS handshake'));
		const done = (error?: Error) => {
			clearTimeout(timer);
			secure.off('error', onError);
			secure.off('close', onClose);
			if (error) {
				secure.on('error', () => undefined);
				secure.destroy();
				socket.destroy();
				reject(error);
			} else {
				secure.pause();
				resolve(secure);
			}
		};
		secure.once(role === 'caller' ? 'secureConnect' : 'secure', () => done());
		secure.on('error', onError);
		secure.once('close', onClose);
	});
}

export function peerFingerprint(socket: tls.TLSSocket): string {
	const raw = socket.getPeerCertificate()?.raw;
	if (!raw || raw.length === 0) throw new ProtocolError('tls', 'the peer presented no identity key');
	const key = new crypto.X509Certificate(raw).publicKey;
	if (key.asymmetricKeyType !== 'ed25519') {
		throw new ProtocolError('tls', `the peer's identity key is ${key.asymmetricKeyType}, not Ed25519`);
	}
	return fingerprintOfPublicKey(key);
}

/** After TLS: each side sends its auth message, reads the peer's and checks the secret. */
export async function authenticate(
	socket: tls.TLSSocket,
	role: SecretRole,
	identity: Identity,
	secret: string | undefined,
	timeoutMs: number,
): Promise<SecureChannel> {
	const peer = peerFingerprint(socket);
	const sas = sasOf(socket);
	const [callerFp, accepterFp] =
		role === 'caller' ? [identity.fingerprint, peer] : [peer, identity.fingerprint];
	const proofs = secret
		? await secretProofs(
				secret,
				socket.exportKeyingMaterial(32, secretLabel, Buffer.alloc(0)),
				role,
				callerFp,
				accepterFp,
			)
		: undefined;
	if (socket.destroyed) throw new ProtocolError('tls', 'the peer hung up during the authentication');
	socket.write(encodeAuth({hasSecret: proofs !== undefined, proof: proofs?.ours ?? Buffer.alloc(32)}));
	const {bytes, rest} = await readExactly(socket, authMessageBytes, timeoutMs, 'the authentication');
	const theirs = decodeAuth(bytes);
	if (proofs && !theirs.hasSecret) {
		throw new ProtocolError(
			'secret-mismatch',
			'call refused: this side has a shared secret (--secret) but the peer gave none',
		);
	}
	if (!proofs && theirs.hasSecret) {
		throw new ProtocolError(
			'secret-mismatch',
			'call refused: the peer requires a shared secret; call again with --secret',
		);
	}
	if (proofs && !crypto.timingSafeEqual(proofs.theirs, theirs.proof)) {
		throw new ProtocolError(
			'secret-mismatch',
			'call refused: the peer does not know the same secret (or someone is in the middle)',
		);
	}
	return {
		socket,
		sas,
		peerFingerprint: peer,
		verifiedBySecret: proofs !== undefined,
		rest,
		cipher: socket.getCipher()?.standardName ?? socket.getCipher()?.name ?? 'unknown',
	};
}
