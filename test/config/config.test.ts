import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {
	configPath,
	defaultConfigDir,
	loadChoices,
	parseChoices,
	saveChoices,
} from '../../source/config/config.js';

test('the config lives in XDG_CONFIG_HOME, else ~/.config, else %APPDATA% on Windows', () => {
	assert.equal(
		configPath({XDG_CONFIG_HOME: '/x'}, 'linux', '/home/a'),
		path.join('/x', 'facetty', 'config.json'),
	);
	assert.equal(configPath({}, 'linux', '/home/a'), path.join('/home/a', '.config', 'facetty', 'config.json'));
	assert.equal(
		configPath({APPDATA: 'C:/AppData'}, 'win32', 'C:/a'),
		path.join('C:/AppData', 'facetty', 'config.json'),
	);
});

test('identity.pem and known_peers share the config directory, %APPDATA% on Windows included', () => {
	assert.equal(
		defaultConfigDir({APPDATA: 'C:/AppData'}, 'win32', 'C:/a'),
		path.join('C:/AppData', 'facetty'),
	);
	assert.equal(defaultConfigDir({}, 'linux', '/home/a'), path.join('/home/a', '.config', 'facetty'));
	assert.equal(
		path.dirname(configPath({XDG_CONFIG_HOME: '/x'}, 'linux')),
		defaultConfigDir({XDG_CONFIG_HOME: '/x'}, 'linux'),
	);
});

test('choices round-trip through the file; broken or wrongly typed values are ignored', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facetty-config-'));
	try {
		const file = path.join(dir, 'sub', 'config.json');
		assert.deepEqual(loadChoices(file), {});
		assert.equal(saveChoices({mode: 'call', target: 'h:1', camera: 'test', window: true}, file), undefined);
		assert.deepEqual(loadChoices(file), {mode: 'call', target: 'h:1', camera: 'test', window: true});
		fs.writeFileSync(file, '{not json');
		assert.deepEqual(loadChoices(file), {});
		assert.deepEqual(parseChoices('{"mode":"shout","port":99999,"name":3,"window":"yes","camera":"0"}'), {
			camera: '0',
		});
	} finally {
		fs.rmSync(dir, {recursive: true, force: true});
	}
});

test('the config may set the glyphs; anything but a known set is left out', () => {
	assert.equal(parseChoices('{"glyphs": "octant"}').glyphs, 'octant');
	assert.equal(parseChoices('{"glyphs": "auto"}').glyphs, 'auto');
	assert.equal(parseChoices('{"glyphs": "braille"}').glyphs, undefined);
	assert.equal(parseChoices('{"glyphs": 4}').glyphs, undefined);
});
