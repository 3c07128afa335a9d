/**
 * The verdict on a peer's key once the encrypted channel has shown it: --peer-key pins it,
 * otherwise the caller checks known_peers under the name it dialled (asking the user about a
 * change) and the accepter looks up who has that key. The session runs it after TLS and the auth
 * message (session/greeting.ts); it throws a ProtocolError to refuse.
 */
import {ProtocolError} from '../protocol/errors.js';
import type {KnownPeers} from './known-peers.js';

/** What the key turned out to be (CallSecurity.peerKey). */
export type PeerKeyVerdict = 'new' | 'known' | 'pinned' | 'accepted-change' | 'unchecked';

/** A known peer presented another key than known_peers records: what the user is asked about. */
export type PeerKeyChange = {name: string; recorded: string; presented: string; knownPeersFile: string};

export type PeerKeyQuestion = {
	/** The fingerprint the peer proved it holds. */
	presented: string;
	/** --peer-key, parsed; undefined when not given. */
	pin: string | undefined;
	/** known_peers, when there is a config directory. */
	known: KnownPeers | undefined;
	/** The name known_peers knows the peer as (the address a caller dialled); undefined on an accepter. */
	name: string | undefined;
	/** Asks the user whether to accept a changed key; without it, a change is refused. */
	confirmChange?: (change: PeerKeyChange) => boolean | Promise<boolean>;
	/** Called just before the user is asked (the caller tells the accepter to wait). */
	beforeAsking: () => void;
};

export async function judgePeerKey(
	question: PeerKeyQuestion,
): Promise<{peerKey: PeerKeyVerdict; peerKnownAs?: string[]}> {
	const {presented, pin, known, name} = question;
	let peerKey: PeerKeyVerdict = 'unchecked';
	if (pin !== undefined) {
		if (pin !== presented) {
			throw new ProtocolError(
				'peer-key-mismatch',
				`call refused: the peer's key is ${presented}, not ${pin} as --peer-key requires`,
			);
		}
		peerKey = 'pinned';
		if (known && name) known.record(name, presented);
	} else if (known && name) {
		const check = known.check(name, presented);
		if (check.status === 'changed') {
			const change = {name, recorded: check.recorded!, presented, knownPeersFile: known.file};
			let accepted = false;
			if (question.confirmChange) {
				question.beforeAsking();
				accepted = await question.confirmChange(change);
			}
			if (!accepted) {
				throw new ProtocolError(
					'peer-key-changed',
					`WARNING: the key of ${name} has changed (recorded ${check.recorded}, presented ${presented}). ` +
						`Someone may be in the middle, or the peer has a new key. If you trust it, call again with ` +
						`--peer-key ${presented} (or delete its line in ${known.file}).`,
				);
			}
			known.record(name, presented);
			peerKey = 'accepted-change';
		} else {
			if (check.status === 'new') known.record(name, presented);
			peerKey = check.status;
		}
	}
	const names = known?.namesOf(presented) ?? [];
	return names.length > 0 ? {peerKey, peerKnownAs: names} : {peerKey};
}
