/** The one choice of relay for invite, join and the setup screen: given, else remembered; one given is remembered. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {chooseRelay, noRelay, parseRelay, rememberedRelay} from '../../source/invite/relay-choice.js';
import {loadChoices, saveChoices} from '../../source/config/config.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-relay-choice-'));
after(() => fs.rmSync(dir, {recursive: true, force: true}));

test('relay choice: none known is a sentence; one given is used and remembered beside the other choices', () => {
	const file = path.join(dir, 'a', 'config.json');
	assert.deepEqual(chooseRelay(undefined, file), {ok: false, error: noRelay});
	saveChoices({mode: 'call', target: 'h:1'}, file);
	assert.deepEqual(chooseRelay(' relay.example.org:7000 ', file), {
		ok: true,
		value: {host: 'relay.example.org', port: 7000},
	});
	assert.equal(rememberedRelay(file), 'relay.example.org:7000');
	assert.deepEqual(loadChoices(file), {mode: 'call', target: 'h:1', relay: 'relay.example.org:7000'});
	assert.deepEqual(chooseRelay(undefined, file), {ok: true, value: {host: 'relay.example.org', port: 7000}});
	// Given beats remembered; IPv6 in brackets, as everywhere.
	assert.deepEqual(chooseRelay('[::1]:9', file), {ok: true, value: {host: '::1', port: 9}});
	assert.equal(rememberedRelay(file), '[::1]:9');
});

test('relay choice: a remembered relay that cannot be used is named with its file, not thrown', () => {
	const file = path.join(dir, 'b', 'config.json');
	saveChoices({relay: 'no port here'}, file);
	const chosen = chooseRelay(undefined, file);
	assert.equal(chosen.ok, false);
	assert.match(
		!chosen.ok ? chosen.error : '',
		new RegExp(`^the relay remembered in ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `),
	);
	assert.match(!chosen.ok ? chosen.error : '', /give one with --relay HOST:PORT/);
});

test('relay as typed: the HOST:PORT parser, and a sentence for nothing typed', () => {
	const error = (text: string) => {
		const parsed = parseRelay(text);
		return parsed.ok ? '' : parsed.error;
	};
	assert.match(error('  '), /^Type the relay as HOST:PORT/);
	assert.deepEqual(parseRelay('127.0.0.1:3223'), {ok: true, value: {host: '127.0.0.1', port: 3223}});
});

test('a relay without a port is at the port facetty relay listens on by default, 3223', () => {
	assert.deepEqual(parseRelay('relay.example.org'), {
		ok: true,
		value: {host: 'relay.example.org', port: 3223},
	});
	assert.equal(parseRelay('[::1]').ok, true);
	assert.equal(parseRelay('relay.example.org:0').ok, false);
});
