/**
 * The trust policy in one place: from the flags and what the peer turned out to be, whether a call
 * may go ahead, in which protocol, and the sentences each screen shows. Pure: the session asks it
 * at each step of the greeting (session/greeting.ts) and does what it says; the table of every
 * case is test/trust/policy.test.ts.
 *
 * The rules: anything that asks for authentication (--secret, --peer-key, a key remembered for the
 * address) means no call in the original script's format, either way, and no fallback to it. Only
 * when nothing asks for authentication (nor --require-encryption) may `auto` end in that format,
 * and then the status line says so for the whole call.
 */
import type {ProtocolErrorCode} from '../protocol/errors.js';

export type ProtocolFlag = 'auto' | 'seed' | 'v2';

export type TrustFlags = {
	readonly protocol: ProtocolFlag;
	readonly secret: boolean;
	readonly peerKey: boolean;
	/** The caller has a key in known_peers for the address it dials (never set for an accepter). */
	readonly knownKey: boolean;
	/** Where that key is written, for the sentence that says which line to delete; else "known_peers". */
	readonly knownPeersFile?: string;
	readonly requireEncryption: boolean;
	/** v2 in the clear (library option, benchmarks). */
	readonly plaintext: boolean;
};

/**
 * What the peer is, as far as the greeting has shown.
 * Caller: `unknown` before anything is sent; `v2` it took FTYS/FTY2 or announced itself in the
 * shape message; `seed` it hung up on FTYS/FTY2, or sent its shape without announcing itself.
 * Accepter: `tls`/`plain-v2`: the caller answered FTYS/FTY2; `done`: it answered as the script
 * does (a facetty caller may still announce itself in its shape); `seed`: its shape came without
 * the announcement; `v2`: it announced itself.
 */
export type CallerPeer = 'unknown' | 'v2' | 'seed';
export type AccepterPeer = 'tls' | 'plain-v2' | 'done' | 'seed' | 'v2';

export type Verdict =
	/** Encrypted v2: TLS 1.3, the auth message, then v2 (after FTYS, or after both announced). */
	| {readonly go: 'tls'}
	| {readonly go: 'plain-v2'; readonly status: string}
	/** Caller's opening: answer `done` and offer the upgrade inside the shape message. */
	| {readonly go: 'announce'}
	/** The original script's format, in the clear; `status` stays on the status line all call. */
	| {readonly go: 'seed'; readonly status: string; readonly announce: boolean}
	| {
			readonly go: 'refuse';
			readonly code: ProtocolErrorCode;
			/** This side's screen. */
			readonly here: string;
	  };

export const seedStatus = "not encrypted — the original script's format";
export const plainV2Status = 'not encrypted: plaintext v2 was asked for';

/** --secret, --peer-key or a remembered key: the call must prove who is on the other end. */
export function asksForAuthentication(flags: TrustFlags): boolean {
	return flags.secret || flags.peerKey || flags.knownKey;
}

/** What asks for authentication, in words, for the sentences below. */
function authReason(flags: TrustFlags): string {
	if (flags.secret) return '--secret';
	if (flags.peerKey) return '--peer-key';
	return 'the key remembered for this address (known_peers)';
}

/** The file holding the remembered key, as the sentences name it. */
const knownPeersFile = (flags: TrustFlags) => flags.knownPeersFile ?? 'known_peers';

const noSeedBecause = (flags: TrustFlags) =>
	flags.secret
		? "the original script's format cannot check a secret"
		: "the original script's format cannot prove a key";

/** Flags that contradict each other, refused before any connection (both roles); undefined if fine. */
export function checkFlags(flags: TrustFlags): string | undefined {
	if (flags.protocol === 'seed') {
		if (flags.requireEncryption)
			return '--protocol seed cannot be encrypted, and --require-encryption is given';
		if (flags.secret || flags.peerKey)
			return `--protocol seed cannot be used with ${authReason(flags)}: ${noSeedBecause(flags)}`;
	}
	if (flags.plaintext && (flags.requireEncryption || flags.secret || flags.peerKey))
		return 'plaintext v2 cannot be used with --secret, --peer-key or --require-encryption';
	return undefined;
}

function refuse(code: ProtocolErrorCode, here: string): Verdict {
	return {go: 'refuse', code, here};
}

export function callerVerdict(flags: TrustFlags, peer: CallerPeer): Verdict {
	const contradiction = checkFlags(flags);
	if (contradiction) return refuse('not-encrypted', contradiction);
	const auth = asksForAuthentication(flags);
	if (peer === 'unknown') {
		if (flags.protocol === 'seed') {
			if (flags.knownKey) {
				return refuse(
					'peer-key-changed',
					"this address has a remembered key (known_peers), which the original script's format cannot prove: " +
						`delete its line in ${knownPeersFile(flags)} to call it in that format`,
				);
			}
			return {go: 'seed', status: seedStatus, announce: false};
		}
		if (flags.plaintext) return {go: 'plain-v2', status: plainV2Status};
		// Authentication (or encryption) asked: straight to TLS, so nothing in the middle can steer
		// this call into the script's format.
		if (auth || flags.requireEncryption || flags.protocol === 'v2') return {go: 'tls'};
		return {go: 'announce'};
	}
	if (peer === 'v2') return flags.plaintext ? {go: 'plain-v2', status: plainV2Status} : {go: 'tls'};
	// The peer will not do v2 here.
	if (flags.knownKey && !flags.secret && !flags.peerKey) {
		return refuse(
			'peer-key-changed',
			'WARNING: this address was a facetty peer with a remembered key, and now it will not speak encrypted v2 ' +
				'(it hung up on the encrypted greeting). Someone may be in the middle, or another program now answers ' +
				`there. No call is made; if you trust it, delete its line in ${knownPeersFile(flags)}.`,
		);
	}
	if (auth) {
		return refuse(
			'not-encrypted',
			`call refused: the peer will not speak encrypted v2 (it hung up on the encrypted greeting); it may be the ` +
				`original script, or something in the middle. With ${authReason(flags)} no unencrypted call is made: ` +
				`${noSeedBecause(flags)}.`,
		);
	}
	if (flags.requireEncryption) {
		return refuse(
			'not-encrypted',
			"the peer only speaks the original script's format, which cannot be encrypted, and --require-encryption is given",
		);
	}
	if (flags.protocol === 'v2')
		return refuse('bad-handshake', 'the peer does not speak facetty v2 (--protocol v2)');
	return {go: 'seed', status: seedStatus, announce: false};
}

export function accepterVerdict(flags: TrustFlags, peer: AccepterPeer): Verdict {
	const contradiction = checkFlags(flags);
	if (contradiction) return refuse('not-encrypted', contradiction);
	const auth = asksForAuthentication(flags);
	switch (peer) {
		case 'tls':
			if (flags.protocol === 'seed')
				return refuse(
					'bad-handshake',
					"refused a facetty v2 caller: this side takes only the original script's format (--protocol seed)",
				);
			return {go: 'tls'};
		case 'plain-v2':
			if (flags.protocol === 'seed')
				return refuse(
					'bad-handshake',
					"refused a facetty v2 caller: this side takes only the original script's format (--protocol seed)",
				);
			if (auth)
				return refuse(
					'not-encrypted',
					`refused a plaintext v2 caller: ${authReason(flags)} needs encryption`,
				);
			if (flags.requireEncryption)
				return refuse('not-encrypted', 'refused a plaintext v2 caller: encryption is required');
			return {go: 'plain-v2', status: plainV2Status};
		case 'done':
			// Forced to the script's format: speak it plainly, no announcement to upgrade.
			if (flags.protocol === 'seed') return {go: 'seed', status: seedStatus, announce: false};
			// Anyone else announces, so a facetty caller that answered `done` can still upgrade.
			return {go: 'announce'};
		case 'v2':
			return {go: 'tls'};
		case 'seed':
			if (auth) {
				return refuse(
					'not-encrypted',
					`refused a caller in the original script's format: ${authReason(flags)} needs an encrypted call, and ${noSeedBecause(flags)}`,
				);
			}
			if (flags.requireEncryption)
				return refuse(
					'not-encrypted',
					"refused a caller in the original script's format: encryption is required",
				);
			if (flags.protocol === 'v2')
				return refuse(
					'bad-handshake',
					"refused a caller in the original script's format: this side takes only v2 (--protocol v2)",
				);
			return {go: 'seed', status: seedStatus, announce: true};
	}
}
