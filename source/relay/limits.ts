/**
 * What the relay limits (docs in RelayLimits) and its defaults. Sources are counted by
 * net/address.ts sourceKey: one IPv4 address, or the /64 of an IPv6 one (one host's usual share).
 */

export type RelayLimits = {
	/** A channel nobody joined is closed after this. */
	channelTtlMs: number;
	/** A connection must send its request line within this. */
	requestTimeoutMs: number;
	/** A paired call in which no byte moved either way for this long is closed. */
	idleCallMs: number;
	/** Channels waiting for a join, per source address. */
	channelsPerAddress: number;
	/** New connections a minute, per source address. */
	connectionsPerMinute: number;
	/** Connections still sending their request, per source address. */
	pendingPerAddress: number;
	/** Channels waiting, in all. */
	maxChannels: number;
	/**
	 * Connections at once, in all (paired ones count two). When full, a newcomer takes the place of
	 * an unpaired connection of the heaviest source (net/admission.ts); paired ones are never
	 * dropped, and a newcomer nobody can give way to is refused with `err full`.
	 */
	maxConnections: number;
	/** Wrong codes one invite takes (each refused, its opener told) before it is closed. */
	wrongCodesPerChannel: number;
	/** Rooms open, in all; each holds a channel number until its last member leaves. */
	maxRooms: number;
	/** Rooms one source address has made and that are still open. */
	roomsPerAddress: number;
	/** Members in one room at once; a join past it is refused with `err room-full`. */
	membersPerRoom: number;
	/**
	 * Joins one room takes in its life. A join with a tag that happens to match (1 in 256) runs
	 * one CPace with each member, each an online guess at the code: this bounds the guesses a room
	 * can cost, as an invite's single use does.
	 */
	joinsPerRoom: number;
	/**
	 * How long one end of a room's pair link waits for the other. Members start their pairs' calls
	 * one at a time (room/room.ts), so a newcomer's last link may come a few handshakes late.
	 */
	linkWaitMs: number;
	/**
	 * Times one pair's link may open again after it was paired (its call dropped while both
	 * members stayed): bounds the calls one member can make the relay pair and forward.
	 */
	relinksPerPair: number;
	/**
	 * How often the relay pings each member on its room connection (the member answers `pong`).
	 * Clients take a room connection the relay sent nothing on for defaultTimeouts.roomRelayQuietMs
	 * as lost, so this stays well below it.
	 */
	memberPingMs: number;
	/**
	 * A member that answered nothing for this long is dropped from its room (`err silent`), the
	 * others told `left`, its seat freed: a frozen process, a sleeping laptop or a cut cable sends
	 * no FIN, and TCP keepalive, answered by the member's kernel, cannot see a frozen process.
	 * Generous: a loaded machine stalls a process for seconds (1.5-7.6 s seen at load 15), and a
	 * slow link delays a pong behind a second of video. The others keep a silent member's pairs
	 * trying for defaultTimeouts.lostMemberMs, longer than this, so one that wakes before the relay
	 * drops it finds its pairs again, and one that wakes after is told and joins again.
	 */
	memberSilenceMs: number;
};

export const defaultRelayLimits: RelayLimits = {
	channelTtlMs: 10 * 60_000,
	requestTimeoutMs: 10_000,
	idleCallMs: 2 * 60_000,
	channelsPerAddress: 8,
	connectionsPerMinute: 60,
	pendingPerAddress: 16,
	maxChannels: 20_000,
	maxConnections: 10_000,
	wrongCodesPerChannel: 8,
	maxRooms: 5_000,
	roomsPerAddress: 4,
	membersPerRoom: 8,
	joinsPerRoom: 32,
	linkWaitMs: 60_000,
	relinksPerPair: 20,
	memberPingMs: 5000,
	memberSilenceMs: 30_000,
};

/** A duration as the sentences say it: whole minutes as minutes, anything else in seconds. */
export function durationInWords(ms: number): string {
	const minutes = ms / 60_000;
	if (Number.isInteger(minutes) && minutes > 0) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
	const seconds = Math.round(ms / 1000);
	return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/**
 * How long an invite lasts at a relay with the default limits, for the sentences that promise it
 * ("It works once, for 10 minutes"): derived from channelTtlMs, so the two cannot drift apart.
 */
export const inviteLifetime = durationInWords(defaultRelayLimits.channelTtlMs);
