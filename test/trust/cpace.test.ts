/**
 * CPace against the published test vectors of draft-irtf-cfrg-cpace (appendix "Test vector for
 * CPace using group ristretto255 and hash SHA-512"; the hex values below are copied from it), and
 * the aborts the draft requires (neutral element, encodings that do not decode).
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {
	calculateGenerator,
	confirmationTag,
	CPaceAbort,
	cpaceIdentity,
	deriveIsk,
	generatorString,
	leb128,
	lvCat,
	prependLen,
	sampleScalar,
	scalarFromBytesLE,
	scalarMult,
	scalarMultVfy,
	startCpace,
	transcriptIr,
} from '../../source/trust/cpace.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

const vector = {
	prs: ascii('Password'),
	ci: hex('0b415f696e69746961746f720b425f726573706f6e646572'),
	sid: hex('7e4b4791d6a8ef019b936c79fb7f2c57'),
	generatorString: hex(`
		11435061636552697374726574746f3235350850617373776f726464
		00000000000000000000000000000000000000000000000000000000
		00000000000000000000000000000000000000000000000000000000
		00000000000000000000000000000000000000000000000000000000
		00000000000000000000000000000000180b415f696e69746961746f
		720b425f726573706f6e646572107e4b4791d6a8ef019b936c79fb7f
		2c57`),
	hash: hex(`
		da6d3ddc8802fca9058755ffd3ebde08a9c2c74945901a258482a288
		b6663af06bf645c93cd1c51512307199c80e84908916d983b34af772
		05f90851a657ee27`),
	g: hex('222b6b195fe84b1652badb6f6a3ae3d24341e7306967f0b8115b40d5698c7e56'),
	ada: ascii('ADa'),
	ya: hex('da3d23700a9e5699258aef94dc060dfda5ebb61f02a5ea77fad53f4ff0976d08'),
	Ya: hex('d6bac480f2c386c394efc7c47adb9925dcd2630b64f240c50f8d0eec482b9157'),
	adb: ascii('ADb'),
	yb: hex('d2316b454718c35362d83d69df6320f38578ed5984651435e2949762d900b80d'),
	Yb: hex('3ea7e0b19560d7c0b0f5734f63b955286dfa8232b5ebe63324e2d9e7433f7258'),
	K: hex('80b69a8a76457ab6a4d7f887a4bf6b55a2f80ac19c333f917a05fc9887c8b40f'),
	transcriptIr: hex(`
		20d6bac480f2c386c394efc7c47adb9925dcd2630b64f240c50f8d0e
		ec482b915703414461203ea7e0b19560d7c0b0f5734f63b955286dfa
		8232b5ebe63324e2d9e7433f725803414462`),
	iskInput: hex(`
		15435061636552697374726574746f3235355f49534b107e4b4791d6
		a8ef019b936c79fb7f2c572080b69a8a76457ab6a4d7f887a4bf6b55
		a2f80ac19c333f917a05fc9887c8b40f20d6bac480f2c386c394efc7
		c47adb9925dcd2630b64f240c50f8d0eec482b915703414461203ea7
		e0b19560d7c0b0f5734f63b955286dfa8232b5ebe63324e2d9e7433f
		725803414462`),
	iskIr: hex(`
		b69effbf61b51d56401c0f65601abe428de8206feaaf0e32198896dc
		ae7b35cd2b38950a39dfd5d4a79164614c2984f7daa460b588c1e80c
		3fa2068af7900447`),
};

// "Test case for scalar_mult with valid inputs" and "Invalid inputs for scalar_mult_vfy".
const scalarCase = {
	s: hex('7cd0e075fa7955ba52c02759a6c90dbbfc10e6d40aea8d283e407d88cf538a05'),
	X: hex('2c3c6b8c4f3800e7aef6864025b4ed79bd599117e427c41bd47d93d654b4a51c'),
	sX: hex('7c13645fe790a468f62c39beb7388e541d8405d1ade69d1778c5fe3e7f6b600e'),
	invalid: hex('2b3c6b8c4f3800e7aef6864025b4ed79bd599117e427c41bd47d93d654b4a51c'),
};

test("vector: prepend_len and lv_cat (the draft's appendix)", () => {
	const range = (n: number) => Uint8Array.from({length: n}, (_, i) => i);
	assert.equal(toHex(prependLen(ascii(''))), '00');
	assert.equal(toHex(prependLen(ascii('1234'))), '0431323334');
	assert.equal(toHex(prependLen(range(127))), '7f' + toHex(range(127)));
	assert.equal(toHex(prependLen(range(128))), '8001' + toHex(range(128)));
	assert.equal(toHex(lvCat(ascii('1234'), ascii('5'), ascii(''), ascii('678'))), '043132333401350003363738');
	assert.equal(toHex(leb128(300)), 'ac02');
});

test('vector: generator string, its SHA-512 and the encoded generator g', () => {
	assert.equal(toHex(generatorString(vector.prs, vector.ci, vector.sid)), toHex(vector.generatorString));
	const {generator, hash} = calculateGenerator(vector.prs, vector.ci, vector.sid);
	assert.equal(toHex(hash), toHex(vector.hash));
	assert.equal(toHex(generator.toBytes()), toHex(vector.g));
});

test('vector: Ya and Yb from ya and yb, K both ways, transcript_ir and ISK', () => {
	const {generator} = calculateGenerator(vector.prs, vector.ci, vector.sid);
	const ya = scalarFromBytesLE(vector.ya);
	const yb = scalarFromBytesLE(vector.yb);
	assert.equal(toHex(scalarMult(ya, generator)), toHex(vector.Ya));
	assert.equal(toHex(scalarMult(yb, generator)), toHex(vector.Yb));
	assert.equal(toHex(scalarMultVfy(ya, vector.Yb)), toHex(vector.K));
	assert.equal(toHex(scalarMultVfy(yb, vector.Ya)), toHex(vector.K));
	const transcript = transcriptIr(vector.Ya, vector.ada, vector.Yb, vector.adb);
	assert.equal(toHex(transcript), toHex(vector.transcriptIr));
	assert.equal(
		toHex(lvCat(ascii('CPaceRistretto255_ISK'), vector.sid, vector.K)),
		toHex(vector.iskInput.subarray(0, 72)),
	);
	assert.equal(toHex(deriveIsk(vector.sid, vector.K, transcript)), toHex(vector.iskIr));
});

test('vector: a whole run through startCpace gives the published shares and ISK on both sides', () => {
	const common = {prs: vector.prs, ci: vector.ci, sid: vector.sid};
	const a = startCpace({...common, role: 'initiator', ad: vector.ada, scalar: scalarFromBytesLE(vector.ya)});
	const b = startCpace({...common, role: 'responder', ad: vector.adb, scalar: scalarFromBytesLE(vector.yb)});
	assert.equal(toHex(a.share), toHex(vector.Ya));
	assert.equal(toHex(b.share), toHex(vector.Yb));
	const atA = a.finish(b.share, vector.adb);
	const atB = b.finish(a.share, vector.ada);
	assert.equal(toHex(atA.isk), toHex(vector.iskIr));
	assert.equal(toHex(atB.isk), toHex(vector.iskIr));
	assert.equal(toHex(atA.transcript), toHex(vector.transcriptIr));
});

test('vector: scalar_mult and scalar_mult_vfy with the valid and the invalid inputs', () => {
	const s = scalarFromBytesLE(scalarCase.s);
	assert.equal(toHex(scalarMultVfy(s, scalarCase.X)), toHex(scalarCase.sX));
	assert.deepEqual(scalarMultVfy(s, scalarCase.invalid), cpaceIdentity);
	assert.deepEqual(scalarMultVfy(s, new Uint8Array(32)), cpaceIdentity);
});

/** Little-endian 32 bytes of n. */
function le32(n: bigint): Uint8Array {
	const out = new Uint8Array(32);
	for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
	return out;
}

test('a share that is the neutral element, not canonical, negative, or the wrong length aborts the run', () => {
	const p = 2n ** 255n - 19n;
	const bad: Array<[string, Uint8Array]> = [
		['the neutral element', new Uint8Array(32)],
		["the draft's invalid Y_i1", scalarCase.invalid],
		['p itself (zero, not reduced)', le32(p)],
		['p + 2 (2, not reduced)', le32(p + 2n)],
		['2^255 - 1', le32(2n ** 255n - 1n)],
		['the top bit set on a valid share', Uint8Array.from(vector.Yb, (b, i) => (i === 31 ? b | 0x80 : b))],
		['a negative field element (odd s = 1)', le32(1n)],
		['31 bytes', vector.Yb.subarray(0, 31)],
		['33 bytes', Uint8Array.from([...vector.Yb, 0])],
	];
	for (const [name, share] of bad) {
		const a = startCpace({prs: vector.prs, ci: vector.ci, sid: vector.sid, role: 'initiator'});
		assert.throws(() => a.finish(share), CPaceAbort, name);
	}
});

test('fresh scalars: the same inputs agree; another password, CI or sid gives another key', () => {
	const base = {prs: ascii('correct horse'), ci: ascii('ci'), sid: ascii('sid')};
	const run = (a: typeof base, b: typeof base) => {
		const x = startCpace({...a, role: 'initiator'});
		const y = startCpace({...b, role: 'responder'});
		return [x.finish(y.share).isk, y.finish(x.share).isk] as const;
	};
	const [same1, same2] = run(base, base);
	assert.deepEqual(same1, same2);
	for (const change of [{prs: ascii('correct horsf')}, {ci: ascii('cj')}, {sid: ascii('sie')}]) {
		const [x, y] = run(base, {...base, ...change});
		assert.notDeepEqual(x, y, JSON.stringify(Object.keys(change)));
	}
	assert.throws(() => {
		const x = startCpace({...base, role: 'initiator'});
		x.finish(x.share);
		x.finish(x.share);
	}, /finishes once/);
});

test('sample_scalar keeps 252 bits and never returns zero', () => {
	fc.assert(
		fc.property(fc.uint8Array({minLength: 32, maxLength: 32}), (bytes) => {
			let calls = 0;
			const y = sampleScalar(() => (calls++ === 0 ? bytes : Uint8Array.of(1, ...new Uint8Array(31))));
			return y > 0n && y < 2n ** 252n;
		}),
	);
	assert.equal(
		sampleScalar(() => new Uint8Array(32).fill(0xff)),
		2n ** 252n - 1n,
	);
	let calls = 0;
	assert.equal(
		sampleScalar(() => (calls++ === 0 ? new Uint8Array(32) : le32(5n))),
		5n,
	);
});

test('key confirmation: tags differ by role and by ISK', () => {
	const isk = new Uint8Array(64).fill(7);
	const sid = ascii('sid');
	const transcript = ascii('t');
	const initiator = confirmationTag(isk, sid, transcript, 'initiator');
	assert.equal(initiator.length, 64);
	assert.notDeepEqual(initiator, confirmationTag(isk, sid, transcript, 'responder'));
	assert.notDeepEqual(initiator, confirmationTag(new Uint8Array(64).fill(8), sid, transcript, 'initiator'));
	assert.deepEqual(initiator, confirmationTag(isk, sid, transcript, 'initiator'));
});

test('any 32 bytes as the peer share: a CPaceAbort or a 64-byte key, never another error', () => {
	const a = () => startCpace({prs: vector.prs, ci: vector.ci, sid: vector.sid, role: 'initiator'});
	fc.assert(
		fc.property(fc.uint8Array({minLength: 32, maxLength: 32}), (bytes) => {
			try {
				return a().finish(bytes).isk.length === 64;
			} catch (error) {
				return error instanceof CPaceAbort;
			}
		}),
		{numRuns: 300},
	);
});
