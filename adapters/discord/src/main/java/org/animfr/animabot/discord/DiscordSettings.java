package org.animfr.animabot.discord;

/**
 * How to reach Discord.
 *
 * @param token the bot token, non-blank; never logged
 * @param restUrl the REST base URL ({@code https://discord.com/api/v10/} in production; a fake in tests)
 * @param gatewayUrl the gateway websocket URL ({@code wss://gateway.discord.gg/})
 * @param organizerRole members with a role of this name are organizers (besides Manage Server); null for none
 * @param requestsPerSecond the bot's own pace for posts and direct messages; Discord allows 50 per second
 * @param shards the shards of the gateway this instance connects ({@link ShardRange#WHOLE} unless sharded)
 */
public record DiscordSettings(String token, String restUrl, String gatewayUrl, String organizerRole,
        int requestsPerSecond, ShardRange shards) {
    public static final String DISCORD_REST = "https://discord.com/api/v10/";
    public static final String DISCORD_GATEWAY = "wss://gateway.discord.gg/";

    public DiscordSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("A Discord bot token is required");
        }
        token = token.strip();
        restUrl = restUrl == null || restUrl.isBlank() ? DISCORD_REST : restUrl;
        gatewayUrl = gatewayUrl == null || gatewayUrl.isBlank() ? DISCORD_GATEWAY : gatewayUrl;
        organizerRole = organizerRole == null || organizerRole.isBlank() ? null : organizerRole.strip();
        if (requestsPerSecond < 1 || requestsPerSecond > 50) {
            throw new IllegalArgumentException("requestsPerSecond must be between 1 and 50");
        }
        shards = shards == null ? ShardRange.WHOLE : shards;
    }

    /** The whole gateway in one instance. */
    public DiscordSettings(String token, String restUrl, String gatewayUrl, String organizerRole,
            int requestsPerSecond) {
        this(token, restUrl, gatewayUrl, organizerRole, requestsPerSecond, ShardRange.WHOLE);
    }

    @Override
    public String toString() {
        return "DiscordSettings[restUrl=" + restUrl + ", gatewayUrl=" + gatewayUrl + ", organizerRole="
                + organizerRole + ", requestsPerSecond=" + requestsPerSecond + ", shards=" + shards
                + ", token=<hidden>]";
    }
}
