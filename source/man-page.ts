/**
 * facetty(1), made from the same tables as --help (flags.ts, help.ts). The build writes it to
 * dist/facetty.1 (scripts/write-man-page.mjs) and package.json's "man" installs it with the
 * command, so the page cannot drift from the flags.
 */
import {flagTable, type FlagSpec} from './flags.js';
import {commandTable, description, flagUsage, sections} from './help.js';

/** Text as roff reads it: backslashes and dashes escaped, no line taken for a request. */
function roff(text: string): string {
	const escaped = text
		.replace(/\\/g, '\\e')
		.replace(/-/g, '\\-')
		// groff -Tutf8 without preconv reads bytes: anything beyond ASCII by its code point.
		.replace(
			/[^\x00-\x7f]/gu,
			(char) => `\\[u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
		);
	return /^[.']/.test(escaped) ? `\\&${escaped}` : escaped;
}

/** "--camera SPEC" as bold flag and italic value. */
function flagHeading(name: string, spec: FlagSpec): string {
	const [flag, value] = flagUsage(name, spec).split(' ');
	return value ? `\\fB${roff(flag!)}\\fR \\fI${roff(value)}\\fR` : `\\fB${roff(flag!)}\\fR`;
}

export function manPage(version: string): string {
	const lines = [
		`.TH FACETTY 1 "" "facetty ${roff(version)}" "User Commands"`,
		'.SH NAME',
		`facetty \\- ${roff(description.replace(/\.$/, '').toLowerCase())}`,
		'.SH SYNOPSIS',
		'.nf',
		'\\fBfacetty\\fR',
		...Object.values(commandTable).map(({usage}) => `\\fBfacetty\\fR ${roff(usage)}`),
		'.fi',
		'.SH DESCRIPTION',
		'facetty alone opens a setup screen: listen, call, invite, room or join, the address, the camera,',
		'a name and a secret; its choices are remembered for next time. Each command can also be',
		'run directly:',
	];
	for (const {usage, does} of Object.values(commandTable)) {
		lines.push('.TP', `\\fBfacetty ${roff(usage)}\\fR`, roff(`${does[0]!.toUpperCase()}${does.slice(1)}.`));
	}
	lines.push('.SH OPTIONS');
	for (const [name, spec] of Object.entries(flagTable) as Array<[string, FlagSpec]>) {
		const help = typeof spec.help === 'string' ? [spec.help] : [...spec.help];
		lines.push(
			'.TP',
			flagHeading(name, spec),
			...help.map(roff),
			'.br',
			`For: ${roff(spec.for.join(', '))}.`,
		);
	}
	lines.push('.TP', '\\fB\\-\\-help\\fR, \\fB\\-h\\fR', 'The help of facetty, or of the command it follows.');
	lines.push('.TP', '\\fB\\-\\-version\\fR', "facetty's version.");
	for (const {title, lines: body} of sections) {
		lines.push(`.SH ${roff(title.toUpperCase())}`);
		if (title === 'Security') lines.push(...body.map(roff));
		else lines.push('.nf', ...body.map(roff), '.fi');
	}
	lines.push(
		'.SH FILES',
		'.TP',
		'\\fI~/.config/facetty/\\fR (or \\fI$XDG_CONFIG_HOME/facetty/\\fR)',
		'identity.pem (this side\\(aqs key), known_peers (the keys of the peers called), config.json',
		'(the setup screen\\(aqs choices and the last relay).',
		'.SH EXIT STATUS',
		'0 when the call ended normally (or was hung up), 1 when it failed, 2 for a usage error.',
		'.SH SEE ALSO',
		'The readme and docs/protocol.md, installed with facetty.',
		'',
	);
	return lines.join('\n');
}
