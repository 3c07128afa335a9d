/**
 * Words of a wrong code for tests: the first word kept, the others changed, with the same relay
 * tag as the real words (a guess the relay cannot tell from the right code) or another one (a
 * guess the relay turns away). Two words are varied, not one: with only the last word free, about
 * one code in fifty has no other word of the same tag (1,023 words over 256 tags).
 */
import {codeTag} from '../../source/invite/code.js';
import {inviteWords} from '../../source/invite/words.js';

export function wrongWords(words: readonly string[], sameTag: boolean): string[] {
	const tag = codeTag(words);
	for (const second of inviteWords) {
		for (const third of inviteWords) {
			const candidate = [words[0]!, second, third];
			if (candidate.join(' ') === words.join(' ')) continue;
			if ((codeTag(candidate) === tag) === sameTag) return candidate;
		}
	}
	throw new Error(`no wrong words with ${sameTag ? 'the same' : 'another'} tag`);
}
