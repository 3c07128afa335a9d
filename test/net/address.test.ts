import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import net from 'node:net';
import {connectRelay} from '../../source/relay/client.js';
import {
	connectFailure,
	defaultPort,
	formatHostPort,
	listenFailure,
	parseHostPort,
	parsePort,
	sourceKey,
	unmapped,
} from '../../source/net/address.js';

test('HOST:PORT: hostnames, IPv4 and bracketed IPv6, ports 1 to 65535', () => {
	const good: Array<[string, string, number]> = [
		['192.168.1.20:3223', '192.168.1.20', 3223],
		['localhost:1', 'localhost', 1],
		['my-box.example.org:65535', 'my-box.example.org', 65535],
		['example.org.:80', 'example.org.', 80],
		['[::1]:5000', '::1', 5000],
		['[fe80::1%eth0]:5000', 'fe80::1%eth0', 5000],
		[' 10.0.0.1:22 ', '10.0.0.1', 22],
	];
	for (const [text, host, port] of good)
		assert.deepEqual(parseHostPort(text), {ok: true, value: {host, port}}, text);
	const bad: Array<[string, RegExp]> = [
		['', /Type the address to call as HOST:PORT/],
		['127.0.0.1:99999', /from 1 to 65535, not "99999"/],
		['127.0.0.1:0', /from 1 to 65535, not "0"/],
		['127.0.0.1:-1', /not "-1"/],
		['127.0.0.1:', /not ""/],
		['127.0.0.1:80x', /not "80x"/],
		['example.org', /has no port/],
		[':5000', /no host before the port/],
		['999.1.1.1:80', /not an IPv4 address/],
		['1.2.3:80', /not an IPv4 address/],
		['bad_host:80', /not a host name or an IP address/],
		['-lead.example:80', /not a host name/],
		['::1:5000', /brackets before the port, as in \[::1\]:5000/],
		['[::1]', /has no port/],
		['[nonsense]:80', /"\[nonsense\]" is not an IPv6 address/],
		['a b:80', /not a host name/],
	];
	for (const [text, message] of bad) {
		const parsed = parseHostPort(text);
		assert.ok(!parsed.ok && message.test(parsed.error), `${text}: ${JSON.stringify(parsed)}`);
		// One sentence, ready to show.
		assert.ok(!parsed.ok && /^[A-Z"[].*[.]$/.test(parsed.error), parsed.ok ? '' : parsed.error);
	}
});

test("a call names its port or goes to facetty's default one; an IPv6 address still needs brackets", () => {
	assert.deepEqual(parseHostPort('nohost', defaultPort), {
		ok: true,
		value: {host: 'nohost', port: defaultPort},
	});
	assert.deepEqual(parseHostPort('[::1]', 4000), {ok: true, value: {host: '::1', port: 4000}});
	assert.deepEqual(parseHostPort('10.0.0.1:22', defaultPort), {
		ok: true,
		value: {host: '10.0.0.1', port: 22},
	});
	const bare = parseHostPort('::1:5000', defaultPort);
	assert.ok(!bare.ok && /brackets/.test(bare.error));
	const bad = parseHostPort('nohost:0', defaultPort);
	assert.ok(!bad.ok && /from 1 to 65535/.test(bad.error));
});

test('a port is digits only, 1 to 65535', () => {
	assert.deepEqual(parsePort('3223'), {ok: true, value: 3223});
	assert.deepEqual(parsePort(65535), {ok: true, value: 65535});
	for (const text of ['0', '65536', '1e3', '0x50', '', ' ', '3.5', '+80'])
		assert.equal(parsePort(text).ok, false, text);
	assert.equal(defaultPort, 3223, 'not 5000 (macOS AirPlay Receiver) nor 7000');
});

test('a port to listen on may be 0 (any free port), never below or above', () => {
	assert.deepEqual(parsePort('0', 'listen'), {ok: true, value: 0});
	for (const text of ['-1', '65536', '']) assert.equal(parsePort(text, 'listen').ok, false, text);
});

test('formatHostPort and parseHostPort are inverses for every IPv4 and IPv6 address and port', () => {
	fc.assert(
		fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), fc.integer({min: 1, max: 65535}), (host, port) => {
			const parsed = parseHostPort(formatHostPort({host, port}));
			assert.deepEqual(parsed, {ok: true, value: {host, port}});
		}),
	);
});

test('a port already taken is said in plain words, not as EADDRINUSE', async () => {
	const first = net.createServer();
	await new Promise<void>((resolve) => first.listen(0, '127.0.0.1', resolve));
	const port = (first.address() as net.AddressInfo).port;
	const second = net.createServer();
	const error = await new Promise<Error>((resolve) => {
		second.once('error', resolve);
		second.listen(port, '127.0.0.1');
	});
	first.close();
	assert.equal(
		listenFailure(error, '127.0.0.1', port),
		`cannot listen on 127.0.0.1:${port}: another program (or another facetty) already listens there; choose another port with --port`,
	);
	assert.match(
		listenFailure(Object.assign(new Error('x'), {code: 'EACCES'}), undefined, 80),
		/^cannot listen on port 80: ports below 1024 need administrator rights/,
	);
});

test('a relay nobody listens at is said in plain words, not as ECONNREFUSED', async () => {
	const closed = net.createServer();
	await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
	const port = (closed.address() as net.AddressInfo).port;
	await new Promise<void>((resolve) => closed.close(() => resolve()));
	await assert.rejects(connectRelay({host: '127.0.0.1', port}), (error: Error) => {
		assert.equal(
			error.message,
			`could not reach the relay 127.0.0.1:${port}: nothing listens on that port (connection refused)`,
		);
		return true;
	});
	assert.equal(
		connectFailure(Object.assign(new Error('getaddrinfo ENOTFOUND x.invalid'), {code: 'ENOTFOUND'})),
		'that host name was not found',
	);
});

test('sources are counted per IPv4 address and per IPv6 /64; IPv4-mapped addresses are IPv4', () => {
	assert.equal(sourceKey('203.0.113.7'), '203.0.113.7');
	assert.equal(sourceKey('::ffff:203.0.113.7'), '203.0.113.7');
	assert.equal(sourceKey('::FFFF:203.0.113.7'), '203.0.113.7');
	assert.equal(sourceKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
	assert.equal(sourceKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
	assert.equal(sourceKey('2001:db8::1'), '2001:db8:0:0::/64');
	assert.equal(sourceKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
	assert.equal(sourceKey('::1'), '0:0:0:0::/64');
	assert.equal(sourceKey(undefined), 'unknown');
	assert.equal(unmapped('::ffff:127.0.0.1'), '127.0.0.1');
	assert.equal(unmapped('::ffff:7f00:1'), '::ffff:7f00:1');
});
