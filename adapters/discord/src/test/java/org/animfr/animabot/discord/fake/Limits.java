package org.animfr.animabot.discord.fake;

import java.time.Duration;

/**
 * The limits the fake Discord enforces.
 *
 * @param messagesPerChannel messages the bot may post in one channel per {@code channelWindow}
 * @param channelWindow the per-channel bucket's window; it starts with the first message, like Discord's
 * @param globalPerSecond requests per second across all routes (interaction callbacks and follow-ups excepted, as on
 *     Discord), counted over a sliding second
 * @param interactionDeadline how long after the event an interaction may first be answered; Discord forgets it after
 *     3 seconds ("Unknown interaction"), so a bot must defer slow work
 */
public record Limits(int messagesPerChannel, Duration channelWindow, int globalPerSecond,
        Duration interactionDeadline) {

    /** Discord's published limits: 5 messages per 5 s per channel, 50 requests per second, 3 s to answer. */
    public static final Limits DISCORD = new Limits(5, Duration.ofSeconds(5), 50, Duration.ofSeconds(3));

    /** Nothing enforced; the bucket headers are still sent. */
    public static final Limits NONE =
            new Limits(Integer.MAX_VALUE, Duration.ofSeconds(5), Integer.MAX_VALUE, Duration.ofDays(1));
}
