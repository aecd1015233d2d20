package org.animfr.animabot.app;

import java.time.Duration;
import java.util.List;
import org.animfr.animabot.discord.ShardRange;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code animabot.} in the configuration; the README lists each key.
 *
 * @param data the session data files or folders ({@code classpath:} allowed)
 * @param organizers people allowed to use admin commands, as {@code platform:id}
 * @param clock a fixed current time ({@code 2012-11-05T10:00:00+01:00}) for demos and tests; empty for the system clock
 * @param clockStart the time at the process's start ({@code 2012-11-05T08:59:50+01:00}), then running at normal
 *     speed, for demos and tests of the automatic posts; empty for the system clock
 * @param scheduler the durable timers of the automatic posts
 * @param introductions the introductions between learners
 * @param understanding a folder of the organizers' own words for understanding questions: {@code examples*.txt},
 *     {@code texting.txt}, {@code synonyms.txt}; read at start, skipped when absent
 * @param console the console adapter
 * @param discord the Discord adapter
 * @param matrix the Matrix adapter
 * @param lease the lease that lets one instance alone hold the platforms when several share a database
 * @param publicUrl the address people open to reach the public page ({@code https://animabot.example.org}); when
 *     set, the answers about a session and its gatherings give its calendar's link; empty: no links
 */
@ConfigurationProperties("animabot")
public record AnimabotProperties(
        @DefaultValue("classpath:demo/animacoop-demo.yaml") List<String> data,
        @DefaultValue List<String> organizers,
        @DefaultValue("") String clock,
        @DefaultValue("") String clockStart,
        @DefaultValue Scheduler scheduler,
        @DefaultValue Introductions introductions,
        @DefaultValue("data/understanding") String understanding,
        @DefaultValue Console console,
        @DefaultValue Discord discord,
        @DefaultValue Matrix matrix,
        @DefaultValue("") String publicUrl,
        @DefaultValue Lease lease) {

    /**
     * @param enabled {@code auto} (on with PostgreSQL, off with H2), {@code true} or {@code false}
     * @param timeToLive how long the lease lasts without renewal: a standby takes over this long after a crash
     * @param renewEvery how often the active instance renews it and a standby tries to take it
     * @param giveUpAfter after how long without a renewal (database out of reach) the active instance stops
     */
    public record Lease(
            @DefaultValue("auto") String enabled,
            @DefaultValue("12s") Duration timeToLive,
            @DefaultValue("2s") Duration renewEvery,
            @DefaultValue("5s") Duration giveUpAfter) {}

    /**
     * @param pollingInterval how often due posts are looked for: the longest delay from a post's time to its sending
     * @param heartbeatInterval how often a running instance tells the database it is alive
     * @param missedHeartbeats after how many missed heartbeats another instance takes over a dead one's work
     * @param threads how many posts and retries run at once
     * @param replanEvery how often the planned posts are checked against the data (a reload replans at once)
     * @param shutdownWait how long a stop waits for the posts being sent to finish
     */
    public record Scheduler(
            @DefaultValue("500ms") Duration pollingInterval,
            @DefaultValue("5s") Duration heartbeatInterval,
            @DefaultValue("4") int missedHeartbeats,
            @DefaultValue("8") int threads,
            @DefaultValue("10m") Duration replanEvery,
            @DefaultValue("30s") Duration shutdownWait) {}

    /**
     * @param followUpDelay how long after an introduction its members are asked whether they could talk
     */
    public record Introductions(@DefaultValue("7d") Duration followUpDelay) {}

    /**
     * @param enabled {@code true}/{@code false} to force; empty: on when no other platform is configured
     * @param jsonl print one JSON object per input line
     * @param speaker who speaks on lines without {@code Name:}
     * @param language the language of the console's own words ({@code fr} or {@code en})
     */
    public record Console(
            Boolean enabled,
            @DefaultValue("false") boolean jsonl,
            @DefaultValue("invité") String speaker,
            @DefaultValue("fr") String language) {}

    /**
     * @param token the bot token (also read from {@code DISCORD_TOKEN}); empty: Discord is off
     * @param restUrl REST base URL; empty for Discord's own
     * @param gatewayUrl gateway websocket URL; empty for Discord's own
     * @param organizerRole members with this role name are organizers (besides Manage Server)
     * @param requestsPerSecond the bot's pace for posts and direct messages (Discord allows 50 per second)
     * @param shards the gateway shards this instance holds, {@code 1/2} or {@code 0-3/8}; empty: the whole gateway
     */
    public record Discord(
            @DefaultValue("") String token,
            @DefaultValue("") String restUrl,
            @DefaultValue("") String gatewayUrl,
            @DefaultValue("") String organizerRole,
            @DefaultValue("50") int requestsPerSecond,
            @DefaultValue("") String shards) {
        @Override
        public String toString() {
            return "Discord[restUrl=" + restUrl + ", gatewayUrl=" + gatewayUrl + ", organizerRole=" + organizerRole
                    + ", shards=" + shards + ", token=<hidden>]";
        }

        /** The shards to hold, the whole gateway when Discord is off or no range is given. */
        public ShardRange shardRange() {
            return token.isBlank() ? ShardRange.WHOLE : ShardRange.parse(shards);
        }
    }

    /**
     * @param homeserver the homeserver's client API URL ({@code https://matrix.example.org}); empty: Matrix is off
     * @param accessToken the bot account's access token (also read from {@code MATRIX_ACCESS_TOKEN})
     * @param user the bot's user id, to log in with {@code password} when there is no token
     * @param password the bot's password (also read from {@code MATRIX_PASSWORD})
     * @param commandPrefix what starts a command in a room
     * @param inviteAllowList user ids and server names whose invitations are accepted; empty: the bot's server
     * @param organizerPowerLevel people with at least this power level in a room are organizers there
     * @param encryption end-to-end encrypted rooms and direct chats through the full client
     * @param encryptionSchema the database schema of the bot's device and keys (one bot account per schema)
     * @param mediaDirectory where the encrypting client caches media
     */
    public record Matrix(
            @DefaultValue("") String homeserver,
            @DefaultValue("") String accessToken,
            @DefaultValue("") String user,
            @DefaultValue("") String password,
            @DefaultValue("!anim") String commandPrefix,
            @DefaultValue List<String> inviteAllowList,
            @DefaultValue("50") long organizerPowerLevel,
            @DefaultValue("true") boolean encryption,
            @DefaultValue("matrix_crypto") String encryptionSchema,
            @DefaultValue("./data/matrix-media") String mediaDirectory) {
        @Override
        public String toString() {
            return "Matrix[homeserver=" + homeserver + ", user=" + user + ", commandPrefix=" + commandPrefix
                    + ", inviteAllowList=" + inviteAllowList + ", organizerPowerLevel=" + organizerPowerLevel
                    + ", encryption=" + encryption + ", encryptionSchema=" + encryptionSchema
                    + ", mediaDirectory=" + mediaDirectory
                    + ", accessToken=<hidden>, password=<hidden>]";
        }
    }
}
