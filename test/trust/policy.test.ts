/**
 * The trust policy, every row: each combination of flags (protocol x secret x peer key x known key
 * x require-encryption, and plaintext) against each thing the peer can turn out to be, in both
 * roles. The expected outcome is computed here from the rules as the issue states them, written
 * independently of the module; a handful of rows also pin the exact sentences.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	accepterVerdict,
	callerVerdict,
	checkFlags,
	seedStatus,
	type AccepterPeer,
	type CallerPeer,
	type TrustFlags,
	type Verdict,
} from '../../source/trust/policy.js';

const protocols = ['auto', 'seed', 'v2'] as const;
const bools = [false, true] as const;

function allFlags(role: 'caller' | 'accepter'): TrustFlags[] {
	const rows: TrustFlags[] = [];
	for (const protocol of protocols)
		for (const secret of bools)
			for (const peerKey of bools)
				for (const knownKey of role === 'caller' ? bools : [false])
					for (const requireEncryption of bools)
						for (const plaintext of bools)
							rows.push({protocol, secret, peerKey, knownKey, requireEncryption, plaintext});
	return rows;
}

const name = (f: TrustFlags) =>
	[
		`--protocol ${f.protocol}`,
		f.secret && '--secret',
		f.peerKey && '--peer-key',
		f.knownKey && 'known key',
		f.requireEncryption && '--require-encryption',
		f.plaintext && 'plaintext',
	]
		.filter(Boolean)
		.join(' ');

type Expected = Verdict['go'];

/** The rules, restated. */
function expectCaller(f: TrustFlags, peer: CallerPeer): Expected {
	const auth = f.secret || f.peerKey || f.knownKey;
	const contradiction =
		(f.protocol === 'seed' && (f.requireEncryption || f.secret || f.peerKey)) ||
		(f.plaintext && (f.requireEncryption || f.secret || f.peerKey));
	if (contradiction) return 'refuse';
	if (peer === 'unknown') {
		if (f.protocol === 'seed') return f.knownKey ? 'refuse' : 'seed';
		if (f.plaintext) return 'plain-v2';
		return auth || f.requireEncryption || f.protocol === 'v2' ? 'tls' : 'announce';
	}
	if (peer === 'v2') return f.plaintext ? 'plain-v2' : 'tls';
	// A peer that will not do v2: the seed format only if nothing asks for authentication or encryption.
	if (auth || f.requireEncryption || f.protocol === 'v2') return 'refuse';
	return 'seed';
}

function expectAccepter(f: TrustFlags, peer: AccepterPeer): Expected {
	const auth = f.secret || f.peerKey;
	const contradiction =
		(f.protocol === 'seed' && (f.requireEncryption || f.secret || f.peerKey)) ||
		(f.plaintext && (f.requireEncryption || f.secret || f.peerKey));
	if (contradiction) return 'refuse';
	switch (peer) {
		case 'tls':
			return f.protocol === 'seed' ? 'refuse' : 'tls';
		case 'plain-v2':
			return f.protocol === 'seed' || auth || f.requireEncryption ? 'refuse' : 'plain-v2';
		case 'done':
			return f.protocol === 'seed' ? 'seed' : 'announce';
		case 'v2':
			return 'tls';
		case 'seed':
			return auth || f.requireEncryption || f.protocol === 'v2' ? 'refuse' : 'seed';
	}
}

test('policy table, caller: every flag combination against every peer', () => {
	let rows = 0;
	for (const flags of allFlags('caller')) {
		for (const peer of ['unknown', 'v2', 'seed'] as const) {
			const verdict = callerVerdict(flags, peer);
			assert.equal(verdict.go, expectCaller(flags, peer), `caller, ${name(flags)}, peer ${peer}`);
			if (verdict.go === 'seed') assert.equal(verdict.status, seedStatus);
			if (verdict.go === 'refuse')
				assert.ok(verdict.here.length > 20, `a sentence for ${name(flags)}, ${peer}`);
			rows++;
		}
	}
	assert.equal(rows, 3 * 2 * 2 * 2 * 2 * 2 * 3);
});

test('policy table, accepter: every flag combination against every peer', () => {
	let rows = 0;
	for (const flags of allFlags('accepter')) {
		for (const peer of ['tls', 'plain-v2', 'done', 'seed', 'v2'] as const) {
			const verdict = accepterVerdict(flags, peer);
			assert.equal(verdict.go, expectAccepter(flags, peer), `accepter, ${name(flags)}, peer ${peer}`);
			if (verdict.go === 'seed') assert.equal(verdict.status, seedStatus);
			if (verdict.go === 'refuse')
				assert.ok(verdict.here.length > 20, `a sentence for ${name(flags)}, ${peer}`);
			rows++;
		}
	}
	assert.equal(rows, 3 * 2 * 2 * 2 * 2 * 5);
});

test('anything that asks for authentication never reaches the seed format, in either role', () => {
	for (const flags of allFlags('caller')) {
		if (!(flags.secret || flags.peerKey || flags.knownKey)) continue;
		for (const peer of ['unknown', 'v2', 'seed'] as const)
			assert.notEqual(callerVerdict(flags, peer).go, 'seed', name(flags));
	}
	for (const flags of allFlags('accepter')) {
		if (!(flags.secret || flags.peerKey)) continue;
		for (const peer of ['tls', 'plain-v2', 'done', 'seed', 'v2'] as const)
			assert.notEqual(accepterVerdict(flags, peer).go, 'seed', name(flags));
	}
});

const base: TrustFlags = {
	protocol: 'auto',
	secret: false,
	peerKey: false,
	knownKey: false,
	requireEncryption: false,
	plaintext: false,
};

test('the sentences: a downgrade refused with --secret, a known key warned as a changed key, the status line', () => {
	const downgraded = callerVerdict({...base, secret: true}, 'seed');
	assert.equal(downgraded.go, 'refuse');
	assert.match(downgraded.go === 'refuse' ? downgraded.here : '', /no unencrypted call is made/);
	assert.match(downgraded.go === 'refuse' ? downgraded.here : '', /cannot check a secret/);
	const known = callerVerdict({...base, knownKey: true}, 'seed');
	assert.equal(known.go === 'refuse' && known.code, 'peer-key-changed');
	assert.match(
		known.go === 'refuse' ? known.here : '',
		/^WARNING: .*remembered key.*Someone may be in the middle/,
	);
	// The sentence names the file to edit when the session knows it, and known_peers otherwise.
	const named = callerVerdict(
		{...base, knownKey: true, knownPeersFile: '/home/a/.config/facetty/known_peers'},
		'seed',
	);
	assert.match(
		named.go === 'refuse' ? named.here : '',
		/delete its line in \/home\/a\/\.config\/facetty\/known_peers\.$/,
	);
	assert.match(known.go === 'refuse' ? known.here : '', /delete its line in known_peers\.$/);
	const refusedSeed = accepterVerdict({...base, secret: true}, 'seed');
	assert.match(
		refusedSeed.go === 'refuse' ? refusedSeed.here : '',
		/refused a caller in the original script's format: --secret/,
	);
	assert.equal(seedStatus, "not encrypted — the original script's format");
	assert.deepEqual(callerVerdict(base, 'unknown'), {go: 'announce'});
	assert.equal(checkFlags({...base, protocol: 'seed', secret: true})?.includes('--secret'), true);
	assert.equal(checkFlags(base), undefined);
});
