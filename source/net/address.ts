/**
 * The one reader of HOST:PORT and of a port, for the command line, the setup screen and the call
 * itself: a hostname, an IPv4 address or a bracketed IPv6 address, then a port from 1 to 65535.
 * Each refusal is one sentence saying what is wrong, ready to show as is.
 */
import net from 'node:net';
import {quoteText} from '../text/sanitize.js';
import {errorMessage} from '../text/error-message.js';

/**
 * facetty's default port. 3223 spells FACE on a phone keypad; no common desktop service holds it
 * (5000, its old default, is macOS's AirPlay Receiver, as is 7000). The original
 * script always names its port, so callers of it are unaffected.
 */
export const defaultPort = 3223;

export type HostPort = {host: string; port: number};
export type Parsed<T> = {ok: true; value: T} | {ok: false; error: string};

const example = `for example 192.168.1.20:${defaultPort}`;

/**
 * A port as typed: digits only, 1 to 65535. A port to listen on may also be 0, "any free port"
 * (the listener then says which one it got).
 */
export function parsePort(text: string | number, use: 'connect' | 'listen' = 'connect'): Parsed<number> {
	const typed = String(text).trim();
	const port = Number(typed);
	const lowest = use === 'listen' ? 0 : 1;
	if (!/^\d{1,5}$/.test(typed) || port < lowest || port > 65535) {
		return {
			ok: false,
			error: `The port must be a whole number from ${lowest} to 65535, not "${quoteText(typed)}".`,
		};
	}
	return {ok: true, value: port};
}

/** A hostname by RFC 1123 (letters, digits and hyphens, dot-separated labels of 1 to 63), or an IP. */
export function checkHost(host: string): string | undefined {
	if (host === '') return 'The address has no host before the port.';
	if (net.isIPv4(host) || net.isIPv6(host)) return undefined;
	if (/^[\d.]+$/.test(host))
		return `"${quoteText(host)}" is not an IPv4 address (four numbers from 0 to 255).`;
	const name = host.endsWith('.') ? host.slice(0, -1) : host;
	const labels = name.split('.');
	const goodLabel = (label: string) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label);
	if (name.length > 253 || !labels.every(goodLabel)) {
		return `"${quoteText(host)}" is not a host name or an IP address.`;
	}
	return undefined;
}

/**
 * HOST:PORT, [IPv6]:PORT; with a `fallbackPort` (a call: facetty listens on defaultPort unless
 * told otherwise) also HOST and [IPv6] (never a bare IPv6 address: in ::1:5000 the port cannot be
 * told from the address).
 */
export function parseHostPort(text: string, fallbackPort?: number): Parsed<HostPort> {
	const typed = text.trim();
	if (typed === '') return {ok: false, error: `Type the address to call as HOST:PORT, ${example}.`};
	let host: string;
	let portText: string | undefined;
	const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(typed);
	if (bracketed) {
		host = bracketed[1]!;
		portText = bracketed[2];
		if (!net.isIPv6(host)) return {ok: false, error: `"[${quoteText(host)}]" is not an IPv6 address.`};
	} else {
		const colons = typed.split(':').length - 1;
		if (colons > 1) {
			const last = typed.lastIndexOf(':');
			const [v6, port] = [typed.slice(0, last), typed.slice(last + 1)];
			const example = net.isIPv6(v6) && /^\d+$/.test(port) ? `[${v6}]:${port}` : `[::1]:${defaultPort}`;
			return {ok: false, error: `Put an IPv6 address in brackets before the port, as in ${example}.`};
		}
		const at = typed.lastIndexOf(':');
		host = at < 0 ? typed : typed.slice(0, at);
		portText = at < 0 ? undefined : typed.slice(at + 1);
		const bad = checkHost(host);
		if (bad) return {ok: false, error: bad};
	}
	if (portText === undefined && fallbackPort !== undefined)
		return {ok: true, value: {host, port: fallbackPort}};
	if (portText === undefined) {
		return {ok: false, error: `"${quoteText(typed)}" has no port: give it as HOST:PORT, ${example}.`};
	}
	const port = parsePort(portText);
	if (!port.ok) return port;
	return {ok: true, value: {host, port: port.value}};
}

/**
 * The address to call, already checked (or the whole command fails), on defaultPort when it names
 * none.
 */
export function parseTarget(target: string): HostPort {
	const parsed = parseHostPort(target, defaultPort);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.value;
}

/** The inverse of parseHostPort: brackets around an IPv6 host. */
export function formatHostPort({host, port}: HostPort): string {
	return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Why listening on host:port failed, in plain words, from Node's error (EADDRINUSE...). */
export function listenFailure(error: unknown, host: string | undefined, port: number): string {
	const code = (error as {code?: string} | undefined)?.code;
	const where = host && host !== '0.0.0.0' && host !== '::' ? formatHostPort({host, port}) : `port ${port}`;
	switch (code) {
		case 'EADDRINUSE':
			return `cannot listen on ${where}: another program (or another facetty) already listens there; choose another port with --port`;
		case 'EACCES':
			return port < 1024
				? `cannot listen on ${where}: ports below 1024 need administrator rights; choose a higher one with --port`
				: `cannot listen on ${where}: this system does not allow it`;
		case 'EADDRNOTAVAIL':
			return `cannot listen on ${where}: ${host} is not an address of this machine; leave --host out to listen on all of them`;
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return `cannot listen on ${where}: the host name ${host} was not found`;
		default:
			return `cannot listen on ${where}: ${errorMessage(error)}`;
	}
}

/** Why connecting to a listener (or a relay) failed, in plain words, from Node's error (ECONNREFUSED...). */
export function connectFailure(error: unknown): string {
	const code = (error as {code?: string} | undefined)?.code;
	switch (code) {
		case 'ECONNREFUSED':
			return 'nothing listens on that port (connection refused)';
		case 'ENOTFOUND':
			return 'that host name was not found';
		case 'EAI_AGAIN':
			return 'the host name could not be looked up (is the network up?)';
		case 'ETIMEDOUT':
			return 'no answer (timed out): a firewall may be dropping the connection';
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
			return 'no route to that address (is the network up?)';
		case 'ECONNRESET':
			return 'the connection was reset';
		default:
			return errorMessage(error);
	}
}

/**
 * A socket's peer address as people write it: an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, what
 * a dual-stack listener reports for an IPv4 caller) as the IPv4 address it stands for.
 */
export function unmapped(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	return mapped ? mapped[1]! : address;
}

/**
 * The key a source is counted under by every limit (the listener's admission, the relay's): an
 * IPv4 address, or the /64 of an IPv6 one, since one host (one customer) is usually given a whole
 * /64 and can speak from any address in it.
 */
export function sourceKey(address: string | undefined): string {
	if (!address) return 'unknown';
	const plain = unmapped(address);
	if (!plain.includes(':')) return plain;
	const bare = plain.toLowerCase().replace(/%.*$/, '');
	const [head = '', tail = ''] = bare.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = bare.includes('::')
		? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
		: left;
	return `${groups
		.slice(0, 4)
		.map((g) => g.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}
