import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers (docs/architecture.md): core (protocol, render, text, net, trust, config) <- session,
 * terminal, relay, invite, sources, window <- control (the call plan and controller) <- ui <- calls
 * <- commands <- cli (source/*.ts). A layer
 * imports only from the ones below it, and a command never imports another command. One rule per
 * layer: `regex` matches the import's path as written; dynamic import() is checked too.
 */
function layer(files, forbidden, why) {
	const regex = `^(\\.\\./)+(${forbidden.join('|')})/`;
	return {
		files,
		rules: {
			'no-restricted-imports': ['error', {patterns: [{regex, message: why}]}],
			'no-restricted-syntax': [
				'error',
				{selector: `ImportExpression[source.value=/${regex.replace(/\//g, '\\/')}/]`, message: why},
			],
		},
	};
}
const upper = ['ui', 'calls', 'commands'];
const middle = ['session', 'terminal', 'relay', 'invite', 'room', 'sources', 'window'];
const layers = [
	layer(
		['source/{protocol,render,text,net,trust,config}/**'],
		[...middle, 'control', ...upper],
		'core (protocol, render, text, net, trust, config) imports nothing above it: move the shared part down',
	),
	layer(
		[`source/{${middle.join(',')}}/**`],
		['control', ...upper],
		'nothing below control/ imports control/, ui/, calls/ or commands/: move the shared part down',
	),
	layer(['source/control/**'], upper, 'control/ imports neither ui/, calls/ nor commands/'),
	layer(['source/ui/**'], ['calls', 'commands'], 'ui/ imports neither calls/ nor commands/'),
	layer(['source/calls/**'], ['commands'], 'calls/ does not import commands/'),
	{
		files: ['source/commands/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^\\./',
							message: 'a command does not import another command: share through calls/ or below',
						},
					],
				},
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: 'ImportExpression[source.value=/^\\.\\//]',
					message: 'a command does not import another command: share through calls/ or below',
				},
			],
		},
	},
];

export default tseslint.config(
	{ignores: ['node_modules/', 'dist/', 'media/', 'vendor/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {
			globals: {
				console: 'readonly',
				process: 'readonly',
				Buffer: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
				setInterval: 'readonly',
				clearInterval: 'readonly',
				setImmediate: 'readonly',
				URL: 'readonly',
			},
		},
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'no-control-regex': 'off',
		},
	},
	...layers,
);
