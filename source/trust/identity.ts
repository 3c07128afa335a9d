/**
 * A peer's long-lived identity: an Ed25519 key made on first run and kept, owner-only, in the
 * config directory (config/config.ts defaultConfigDir: `$XDG_CONFIG_HOME/facetty/identity.pem`,
 * `~/.config/facetty/identity.pem` or `%APPDATA%\facetty\identity.pem`).
 * Its fingerprint, `SHA256:` + unpadded base64 of the SHA-256 of the public key (SubjectPublicKeyInfo
 * DER), is what known_peers records and `--peer-key` pins, in the spirit of ssh's host keys.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {KeyFileError, secureConfigDir} from '../config/config.js';
import {selfSignedCertificate} from './der.js';

export type Identity = {
	readonly privateKey: crypto.KeyObject;
	/** PEM, for tls.createSecureContext. */
	readonly keyPem: string;
	readonly certificate: string;
	readonly fingerprint: string;
	/** Where it is kept, or undefined for a key made for this process only. */
	readonly file?: string;
};

export const identityFileName = 'identity.pem';

export function fingerprintOfPublicKey(key: crypto.KeyObject): string {
	const spki = key.export({format: 'der', type: 'spki'});
	return 'SHA256:' + crypto.createHash('sha256').update(spki).digest('base64').replace(/=+$/, '');
}

function fromPrivateKey(privateKey: crypto.KeyObject, file?: string): Identity {
	if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the identity key is not an Ed25519 key');
	return {
		privateKey,
		keyPem: privateKey.export({format: 'pem', type: 'pkcs8'}).toString(),
		certificate: selfSignedCertificate(privateKey),
		fingerprint: fingerprintOfPublicKey(crypto.createPublicKey(privateKey)),
		...(file ? {file} : {}),
	};
}

/** A key for this process only (library use without a config directory, tests). */
export function ephemeralIdentity(): Identity {
	return fromPrivateKey(crypto.generateKeyPairSync('ed25519').privateKey);
}

/**
 * Loads the identity from `configDir`, making it (and the directory, 0700) on first use. A new key
 * is written whole to a file of its own (0600) and then linked into place, which fails if a key is
 * there: two processes starting at once cannot both make one, and neither reads the other's key
 * half-written (O_EXCL on the key file itself would show it empty for a moment). A key file others
 * can read is refused, as ssh refuses one.
 */
export function loadIdentity(configDir: string): Identity {
	secureConfigDir(configDir);
	const file = path.join(configDir, identityFileName);
	if (!fs.existsSync(file)) {
		const pem = crypto.generateKeyPairSync('ed25519').privateKey.export({format: 'pem', type: 'pkcs8'});
		const temporary = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}`;
		try {
			fs.writeFileSync(temporary, pem, {mode: 0o600, flag: 'wx'});
			try {
				fs.linkSync(temporary, file);
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				if (code === 'EEXIST') throw error;
				// A file system without hard links: create-exclusive, as close as it gets.
				fs.writeFileSync(file, pem, {mode: 0o600, flag: 'wx'});
			}
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		} finally {
			fs.rmSync(temporary, {force: true});
		}
	}
	const stat = fs.statSync(file);
	if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
		throw new KeyFileError(
			`${file} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}); run: chmod 600 ${file}`,
		);
	}
	if (!stat.isFile()) throw new KeyFileError(`${file} is not a file; ${newKeyAdvice(file)}`);
	if (stat.size === 0) throw new KeyFileError(`the identity key ${file} is empty; ${newKeyAdvice(file)}`);
	if (stat.size > 64 * 1024)
		throw new KeyFileError(`${file} is too large to be an identity key; ${newKeyAdvice(file)}`);
	let key: crypto.KeyObject;
	try {
		key = crypto.createPrivateKey(fs.readFileSync(file));
	} catch {
		throw new KeyFileError(
			`the identity key ${file} is damaged (not a private key facetty can read); ${newKeyAdvice(file)}`,
		);
	}
	if (key.asymmetricKeyType !== 'ed25519') {
		throw new KeyFileError(
			`${file} holds a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519; ${newKeyAdvice(file)}`,
		);
	}
	return fromPrivateKey(key, file);
}

/** What to do about a bad key, as ssh-keygen's users know it: move it away and a new one is made. */
function newKeyAdvice(file: string): string {
	return (
		`to make a new one, move it away (mv ${file} ${file}.bad) and start facetty again ` +
		`(peers that know this side will be told its key changed)`
	);
}

/**
 * Accepts a fingerprint as facetty prints it (`SHA256:base64`), without the prefix, or as 64 hex
 * digits; returns the canonical form, or undefined if it is none of these.
 */
export function parseFingerprint(text: string): string | undefined {
	const trimmed = text.trim();
	const hex = /^[0-9a-f]{64}$/i.exec(trimmed.replace(/:/g, ''));
	if (hex && !trimmed.startsWith('SHA256:')) {
		return 'SHA256:' + Buffer.from(hex[0], 'hex').toString('base64').replace(/=+$/, '');
	}
	const body = trimmed.replace(/^SHA256:/i, '');
	if (!/^[A-Za-z0-9+/]{43}=?$/.test(body)) return undefined;
	const bytes = Buffer.from(body, 'base64');
	if (bytes.length !== 32) return undefined;
	return 'SHA256:' + bytes.toString('base64').replace(/=+$/, '');
}
