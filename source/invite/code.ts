/**
 * Invite codes: `42-kettle-violet-orbit`, the relay's channel number and three words from
 * words.ts (1024^3 = 2^30 combinations). The channel number is public (the relay chose it); the
 * words are the secret both sides give the call. The relay is told one byte of a hash of the
 * words (the tag) so it can turn a wrong code away at once, without closing the invite (a
 * stranger's wrong try costs the stranger): it learns 8 of the 30 bits, never the words. A wrong
 * code with the right tag (1 in 256) fails the call's CPace and ends the invite, so the words
 * can be guessed once per invite. Pure: no I/O.
 */
import {createHash, randomInt} from 'node:crypto';
import {maxChannelNumber} from '../relay/rendezvous.js';
import {inviteWords, wordIndex} from './words.js';

export const wordsPerCode = 3;

export type InviteCode = {channel: number; words: readonly string[]};

export class CodeError extends Error {
	override name = 'CodeError';
}

/** Three words chosen with the system's cryptographic random source. */
export function randomWords(pick: (bound: number) => number = (bound) => randomInt(bound)): string[] {
	return Array.from({length: wordsPerCode}, () => inviteWords[pick(inviteWords.length)]!);
}

export function formatCode(code: InviteCode): string {
	return [String(code.channel), ...code.words].join('-');
}

const example = 'for example 42-kettle-violet-orbit';

/** A code's parts as people type or say them: any case, hyphens, spaces or dots between them. */
function partsOf(text: string): string[] {
	return text
		.trim()
		.toLowerCase()
		.split(/[\s\-.]+/)
		.filter(Boolean);
}

function numberProblem(first: string): string | undefined {
	if (!/^[1-9][0-9]*$/.test(first) || Number(first) > maxChannelNumber)
		return `an invite code starts with its number, ${example}`;
	return undefined;
}

const wordCountProblem = `an invite code has ${wordsPerCode} words after its number, ${example}`;

function wordProblem(word: string): string | undefined {
	if (wordIndex(word) !== undefined) return undefined;
	const shown = word.replace(/[^a-z0-9]/g, '?').slice(0, 20);
	return `"${shown}" is not one of the invite words: check the spelling`;
}

/**
 * Reads a code as people type or say it: any case, hyphens, spaces or dots between the parts,
 * surrounding blanks. Throws a CodeError with a sentence naming what is wrong.
 */
export function parseCode(text: string): InviteCode {
	const parts = partsOf(text);
	if (parts.length === 0)
		throw new CodeError(`an invite code is a number and ${wordsPerCode} words, ${example}`);
	const [first, ...words] = parts;
	const problem =
		numberProblem(first!) ??
		(words.length !== wordsPerCode ? wordCountProblem : undefined) ??
		words.map(wordProblem).find(Boolean);
	if (problem) throw new CodeError(problem);
	return {channel: Number(first), words};
}

/**
 * While a code is being typed: the sentence for what is wrong already (the number, a word that is
 * finished, one part too many), nothing for parts still missing, nor for the last part while it is
 * still being typed (`typing`).
 */
export function typedCodeProblem(text: string, typing = true): string | undefined {
	const parts = partsOf(text);
	const finished = typing && !/[\s\-.]$/.test(text) ? parts.slice(0, -1) : parts;
	const [first, ...words] = finished;
	if (first === undefined) return undefined;
	return (
		numberProblem(first) ??
		(parts.length > wordsPerCode + 1 ? wordCountProblem : undefined) ??
		words.map(wordProblem).find(Boolean)
	);
}

/** The byte the relay checks: the first byte of SHA-256 over a label and the words. */
export function codeTag(words: readonly string[]): number {
	return createHash('sha256')
		.update(`facetty invite tag v1|${words.join(' ')}`)
		.digest()[0]!;
}

/** The secret both sides give the call: the whole code, so it is bound to its channel too. */
export function codeSecret(code: InviteCode): string {
	return formatCode(code);
}
