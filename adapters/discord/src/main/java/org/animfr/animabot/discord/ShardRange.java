package org.animfr.animabot.discord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shards of the bot's Discord gateway this instance holds: {@code from} to {@code to} out of {@code total}.
 * Discord gives each server's events to shard {@code (server id >> 22) % total} and direct messages to shard 0; it
 * requires sharding from 2,500 servers per shard. Written {@code 1/2} (shard 1 of 2) or {@code 0-3/8}; the whole
 * gateway, one shard, by default.
 */
public record ShardRange(int from, int to, int total) {
    public static final ShardRange WHOLE = new ShardRange(0, 0, 1);
    private static final Pattern TEXT = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?/(\\d{1,5})");

    public ShardRange {
        if (total < 1 || from < 0 || to < from || to >= total) {
            throw new IllegalArgumentException("Discord shards must be within 0.." + (total - 1) + " and in order, got "
                    + from + "-" + to + "/" + total);
        }
    }

    /**
     * Reads {@code n/total} or {@code from-to/total}; blank is the whole gateway.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static ShardRange parse(String text) {
        if (text == null || text.isBlank()) {
            return WHOLE;
        }
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Discord shards are written \"1/2\" (shard 1 of 2) or \"0-3/8\" "
                    + "(shards 0 to 3 of 8), got \"" + text.strip() + "\"");
        }
        int from = Integer.parseInt(matcher.group(1));
        int to = matcher.group(2) == null ? from : Integer.parseInt(matcher.group(2));
        return new ShardRange(from, to, Integer.parseInt(matcher.group(3)));
    }

    /** Discord's shard for a server: {@code (id >> 22) % total}. */
    public static int shardOf(String guildId, int total) {
        return (int) ((Long.parseLong(guildId) >> 22) % total);
    }

    /** Whether this range holds every shard: one instance answers everything. */
    public boolean isWhole() {
        return from == 0 && to == total - 1;
    }

    /** Whether the events of this server come to this range. */
    public boolean holds(String guildId) {
        int shard = shardOf(guildId, total);
        return shard >= from && shard <= to;
    }

    /** Direct messages come to shard 0 only. */
    public boolean holdsDirectMessages() {
        return from == 0;
    }

    /** How it is written: {@code 1/2}, {@code 0-3/8}. */
    @Override
    public String toString() {
        return (from == to ? Integer.toString(from) : from + "-" + to) + "/" + total;
    }
}
