/**
 * Direct when possible: once a call by code is up through the relay, the inviter also listens on
 * a port of its own and tells the joiner where (a v2 direct-offer, inside the encrypted call); the
 * joiner dials the addresses one after another. A direct call runs the same handshake as the relayed one
 * (TLS 1.3 + CPace with the code as the secret) and must present the very identity keys the
 * relayed call's peer presented (they are pinned), so it reaches the same person or nobody. Once
 * it is in the call on both sides, it replaces the relayed call, which is then hung up; when
 * nothing answers, the call simply stays on the relay.
 */
import net from 'node:net';
import os from 'node:os';
import {ProtocolError} from '../protocol/errors.js';
import {shareableAddresses} from '../net/own-addresses.js';
import {unmapped} from '../net/address.js';
import type {Call, CallOptions, DirectOffer} from '../session/call.js';
import {dial, identityFor, listen, type Listener} from '../session/connect.js';

/** What a direct call is handed to: the screen swaps it in for the relayed call. */
export type OnDirect = (direct: Call) => void;

/** A dial to an offered address gets this long to connect; the handshake, this long in all. */
export const directConnectMs = 1000;
export const directHandshakeMs = 3000;
/** The inviter's direct port closes this long after it was offered, used or not. */
export const directListenMs = 10_000;
/**
 * After the switch, the relayed call is hung up once a direct frame came (the peer sends on the
 * direct call only once it has switched too), or after this long. It must outlast the peer's own
 * window for the direct handshake: a peer that is still finishing it (a loaded machine) would
 * otherwise see the relayed call end under it and lose the call both ways.
 */
export const settleMs = directConnectMs + directHandshakeMs + 1000;
export const movedReason = 'moved to a direct connection';
export const directLabel = 'direct';

/**
 * The direct call's options: the relayed call's secret, its identity, the peer's key pinned; no
 * known_peers (an invite's peer has no lasting name) and no key-change question.
 */
function directOptions(relayed: Call): CallOptions {
	const {configDir: _configDir, confirmPeerKeyChange: _confirm, knownAs: _knownAs, ...rest} = relayed.options;
	return {
		...rest,
		identity: identityFor(relayed.options),
		peerKey: relayed.security.peerFingerprint,
		handshakeTimeoutMs: directHandshakeMs,
		startKbps: () => relayed.targetKbps ?? undefined,
	};
}

function canGoDirect(relayed: Call): boolean {
	const {security} = relayed;
	return (
		relayed.protocol === 'v2' &&
		security.encrypted &&
		security.verifiedBySecret &&
		security.peerFingerprint !== undefined &&
		relayed.options.secret !== undefined
	);
}

/**
 * Makes `direct` (in the call) the call: keeps the check code the two people compared on the
 * relayed call (the direct one is bound to the same keys and secret), hands it over, and hangs up
 * the relayed call once the peer has surely switched too (its first direct frame, or a second).
 */
function takeOver(relayed: Call, direct: Call, onDirect: OnDirect): void {
	if (relayed.ended) {
		direct.hangUp('hung up');
		return;
	}
	direct.remoteAddress = `${directLabel} ${direct.remoteAddress ?? ''}`.trim();
	direct.setSecurity({...direct.security, sas: relayed.security.sas});
	onDirect(direct);
	const hangUpRelayed = () => {
		clearTimeout(timer);
		direct.off('frame', hangUpRelayed);
		relayed.hangUp(movedReason);
	};
	const timer = setTimeout(hangUpRelayed, settleMs);
	direct.once('frame', hangUpRelayed);
	direct.once('ended', hangUpRelayed);
}

function inCallWithin(call: Call, ms: number): Promise<boolean> {
	return new Promise((resolve) => {
		if (call.state === 'in-call') return resolve(true);
		if (call.ended) return resolve(false);
		const timer = setTimeout(() => done(false), ms);
		const onState = (state: string) => {
			if (state === 'in-call') done(true);
			else if (state === 'ended') done(false);
		};
		const done = (ok: boolean) => {
			clearTimeout(timer);
			call.off('state', onState);
			resolve(ok);
		};
		call.on('state', onState);
	});
}

/**
 * The inviter's side: listens on any free port, offers it with this machine's addresses, takes
 * one direct call that passes the handshake (a room's member may offer other addresses). Any refused attempt (a wrong secret, a wrong key,
 * garbage) closes the port at once, as a wrong code closes the relay's channel.
 */
export async function offerDirect(
	relayed: Call,
	onDirect: OnDirect,
	addresses: readonly string[] = shareableAddresses(undefined),
): Promise<void> {
	if (!canGoDirect(relayed) || relayed.ended) return;
	let listener: Listener;
	try {
		listener = await listen({...directOptions(relayed), requireEncryption: true, port: 0});
	} catch {
		return; // No port of our own: the call stays on the relay.
	}
	let closed = false;
	const close = () => {
		if (closed) return;
		closed = true;
		clearTimeout(timer);
		relayed.off('ended', close);
		const taken = listener.active;
		// The listener hangs up its active call on close: keep the one that took over.
		listener.active = undefined;
		void listener.close();
		if (taken && taken.state !== 'in-call') taken.hangUp('hung up');
	};
	const timer = setTimeout(close, directListenMs);
	timer.unref();
	relayed.once('ended', close);
	listener.on('rejected', (error) => {
		if (!(error instanceof ProtocolError && error.code === 'busy')) close();
	});
	listener.on('call', (direct) => {
		void inCallWithin(direct, directHandshakeMs).then((ok) => {
			if (!ok) {
				direct.hangUp('hung up');
				close();
				return;
			}
			listener.active = undefined;
			close();
			takeOver(relayed, direct, onDirect);
		});
	});
	relayed.sendDirectOffer({port: listener.port, addresses});
}

/** The joiner dials at most this many of the addresses offered, in the order given. */
export const maxDirectAddresses = 4;

/** This host itself whatever the port: loopback, "this network" (0.0.0.0/8, ::). */
function isLocalHost(address: string): boolean {
	const v4 = unmapped(address);
	if (net.isIPv4(v4)) return v4.startsWith('127.') || v4.startsWith('0.');
	const blocks = new net.BlockList();
	blocks.addAddress('::1', 'ipv6');
	blocks.addAddress('::', 'ipv6');
	return blocks.check(address, 'ipv6');
}

/** Addresses no one is reached at: multicast and broadcast. */
function isUndialable(address: string): boolean {
	const v4 = unmapped(address);
	if (net.isIPv4(v4)) return Number(v4.split('.')[0]) >= 224;
	return address.toLowerCase().startsWith('ff');
}

/** Every address of this host's interfaces. */
function ownAddresses(): string[] {
	return Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((info) => info.address));
}

/**
 * What the joiner dials of an inviter's offer (which the inviter chooses, honest or not): IP
 * literals only (a name is never resolved), no multicast or broadcast, this host's own loopback
 * only when every other address offered is this host's too (the inviter is on this machine),
 * each once, at most maxDirectAddresses. An inviter cannot aim the joiner's dials at more than a
 * few addresses, nor at services that listen on the joiner's loopback only.
 */
export function directTargets(offer: DirectOffer, own: readonly string[] = ownAddresses()): string[] {
	const literals = [...new Set(offer.addresses)].filter(
		(address) => net.isIP(address) !== 0 && !address.includes('%') && !isUndialable(address),
	);
	const others = literals.filter((address) => !isLocalHost(address));
	const onThisHost = others.length > 0 && others.every((address) => own.includes(address));
	return literals.filter((address) => onThisHost || !isLocalHost(address)).slice(0, maxDirectAddresses);
}

/**
 * The joiner's side: dials the offered addresses one after another (the first that answers is the
 * only connection the inviter sees); none within the time: the call stays on the relay, quietly.
 * Dialling them all at once let two reach the inviter's port, which kept one while this side kept
 * the other, and the call ended on both (a machine with a LAN address and loopback).
 */
export function tryDirect(relayed: Call, offer: DirectOffer, onDirect: OnDirect): void {
	if (!canGoDirect(relayed) || relayed.ended || offer.port === 0) return;
	const options = {...directOptions(relayed), requireEncryption: true, connectTimeoutMs: directConnectMs};
	void (async () => {
		for (const address of directTargets(offer)) {
			if (relayed.ended) return;
			const attempt = dial(address, offer.port, options);
			attempt.on('error', () => undefined);
			const ok = await inCallWithin(attempt, directConnectMs + directHandshakeMs);
			if (ok && !relayed.ended) {
				takeOver(relayed, attempt, onDirect);
				return;
			}
			attempt.hangUp('hung up');
		}
	})();
}

/** Runs a step of the move now, or later (a room runs them once its relayed handshakes are done). */
export type MoveWhen = (step: () => void) => void;
const now: MoveWhen = (step) => step();

/** The side that offers: a direct path once the relayed call is up (an inviter, a room's older member). */
export function offerOnceInCall(
	relayed: Call,
	onDirect: OnDirect,
	addresses?: readonly string[],
	when: MoveWhen = now,
): void {
	const onState = (state: string) => {
		if (state === 'ended') relayed.off('state', onState);
		if (state !== 'in-call') return;
		relayed.off('state', onState);
		when(() => void offerDirect(relayed, onDirect, addresses));
	};
	relayed.on('state', onState);
}

/** The side that dials: the first direct path offered; later offers are ignored. */
export function tryFirstOffer(relayed: Call, onDirect: OnDirect, when: MoveWhen = now): void {
	relayed.once('direct-offer', (offer) => when(() => tryDirect(relayed, offer, onDirect)));
}
