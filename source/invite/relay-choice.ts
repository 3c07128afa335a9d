/**
 * Which relay an invite or a join meets at, in one place for `facetty invite`, `facetty join` and
 * the setup screen: the one given (--relay, or the setup screen's field), else the one remembered
 * in the config; one given is remembered for next time. Read with the one HOST:PORT parser.
 */
import {configPath, loadChoices, saveChoices} from '../config/config.js';
import {defaultPort, parseHostPort, type Parsed} from '../net/address.js';
import type {RelayAddress} from '../relay/client.js';

export const noRelay =
	'invite and join meet at a facetty relay: give one with --relay HOST:PORT (anyone can run one with facetty relay)';

/** A relay as typed, HOST:PORT (pure: the setup screen checks its field with it). */
export function parseRelay(text: string): Parsed<RelayAddress> {
	if (text.trim() === '')
		return {
			ok: false,
			error:
				'Type the relay as HOST:PORT: a facetty relay you both can reach (anyone can run one with facetty relay).',
		};
	return parseHostPort(text, defaultPort);
}

/** The relay remembered in the config, if any (the setup screen offers it). */
export function rememberedRelay(configFile = configPath()): string | undefined {
	return loadChoices(configFile).relay;
}

/**
 * The relay given, else the one remembered; a good one given is remembered. The refusal is a
 * sentence to show after "facetty: ".
 */
export function chooseRelay(given: string | undefined, configFile = configPath()): Parsed<RelayAddress> {
	const remembered = rememberedRelay(configFile);
	const chosen = given ?? remembered;
	if (chosen === undefined) return {ok: false, error: noRelay};
	const relay = parseRelay(chosen);
	if (!relay.ok) {
		const where = given === undefined ? `the relay remembered in ${configFile}` : '--relay';
		return {ok: false, error: `${where}: ${relay.error} ${noRelay}`};
	}
	if (given !== undefined && given !== remembered)
		saveChoices({...loadChoices(configFile), relay: given.trim()}, configFile);
	return relay;
}
