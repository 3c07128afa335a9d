import assert from 'node:assert/strict';
import {test} from 'node:test';

type Located = {versions: Record<string, string>; cflags: string; libs: string; reader: boolean} | undefined;
type Script = {locateFfmpeg(query: (args: string[]) => string | undefined): Located};

// scripts/ is plain JavaScript run by npm at install; loaded by its URL, as node runs it.
const script = new URL('../../scripts/build-codec-binding.mjs', import.meta.url).href;

/** A pkg-config that knows the libraries in `installed` (name -> version). */
function pkgConfig(installed: Record<string, string>) {
	return (args: string[]): string | undefined => {
		const names = args.filter((word) => !word.startsWith('--'));
		if (names.some((name) => !installed[name])) return undefined;
		if (args[0] === '--modversion') return installed[names[0]!];
		if (args[0] === '--cflags') return names.map((name) => `-I/usr/include/${name}`).join(' ');
		return names.map((name) => `-l${name.slice(3)}`).join(' ');
	};
}

test('the codec binding reads files with libavformat when it is there, and builds without it when not', async () => {
	const {locateFfmpeg} = (await import(script)) as Script;
	const base = {libavcodec: '59.37.100', libswscale: '6.7.100', libavutil: '57.28.100'};
	const withReader = locateFfmpeg(pkgConfig({...base, libavformat: '59.27.100'}))!;
	assert.equal(withReader.reader, true);
	assert.match(withReader.cflags, /-DFACETTY_AVFORMAT/);
	assert.match(withReader.libs, /-lavformat/);
	const without = locateFfmpeg(pkgConfig(base))!;
	assert.equal(without.reader, false);
	assert.doesNotMatch(without.cflags, /FACETTY_AVFORMAT/);
	assert.doesNotMatch(without.libs, /avformat/);
	assert.equal(locateFfmpeg(pkgConfig({libavcodec: '59.37.100', libavutil: '57.28.100'})), undefined);
});
