package org.animfr.animabot.matrix;

import java.util.List;

/**
 * How to reach Matrix, and how the bot behaves there.
 *
 * @param homeserverUrl the client-server API's base URL ({@code https://matrix.example.org}), non-blank
 * @param accessToken the bot account's access token, or null to log in with {@code user} and {@code password};
 *     never logged
 * @param user the bot's user id or localpart, used with {@code password} when there is no token
 * @param password the bot's password, or null; never logged
 * @param commandPrefix what starts a command in a room; {@code !anim} when null or blank
 * @param inviteAllowList user ids ({@code @ana:example.org}) and server names ({@code example.org}) whose
 *     invitations the bot accepts; empty (or null) means the bot's own homeserver
 * @param organizerPowerLevel people with at least this power level in a room are organizers there; at least 1
 */
public record MatrixSettings(
        String homeserverUrl, String accessToken, String user, String password, String commandPrefix,
        List<String> inviteAllowList, long organizerPowerLevel) {
    public static final String DEFAULT_PREFIX = "!anim";
    public static final long DEFAULT_ORGANIZER_POWER_LEVEL = 50;

    public MatrixSettings {
        if (homeserverUrl == null || homeserverUrl.isBlank()) {
            throw new IllegalArgumentException("A Matrix homeserver URL is required");
        }
        homeserverUrl = homeserverUrl.strip();
        accessToken = blankToNull(accessToken);
        user = blankToNull(user);
        password = blankToNull(password);
        if (accessToken == null && (user == null || password == null)) {
            throw new IllegalArgumentException("Matrix needs an access token, or a user and a password");
        }
        commandPrefix = commandPrefix == null || commandPrefix.isBlank() ? DEFAULT_PREFIX : commandPrefix.strip();
        inviteAllowList = inviteAllowList == null ? List.of()
                : inviteAllowList.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        if (organizerPowerLevel < 1) {
            throw new IllegalArgumentException("organizerPowerLevel must be at least 1");
        }
    }

    /** Settings with an access token and the defaults. */
    public static MatrixSettings withAccessToken(String homeserverUrl, String accessToken) {
        return new MatrixSettings(homeserverUrl, accessToken, null, null, null, List.of(),
                DEFAULT_ORGANIZER_POWER_LEVEL);
    }

    /** Settings that log in with a password, and the defaults. */
    public static MatrixSettings withPassword(String homeserverUrl, String user, String password) {
        return new MatrixSettings(homeserverUrl, null, user, password, null, List.of(), DEFAULT_ORGANIZER_POWER_LEVEL);
    }

    /** True when these values are enough to start Matrix: a homeserver, and a token or a user and password. */
    public static boolean isConfigured(String homeserverUrl, String accessToken, String user, String password) {
        return blankToNull(homeserverUrl) != null
                && (blankToNull(accessToken) != null || blankToNull(user) != null && blankToNull(password) != null);
    }

    public MatrixSettings withCommandPrefix(String prefix) {
        return new MatrixSettings(homeserverUrl, accessToken, user, password, prefix, inviteAllowList,
                organizerPowerLevel);
    }

    public MatrixSettings withInviteAllowList(List<String> allowList) {
        return new MatrixSettings(homeserverUrl, accessToken, user, password, commandPrefix, allowList,
                organizerPowerLevel);
    }

    public MatrixSettings withOrganizerPowerLevel(long level) {
        return new MatrixSettings(homeserverUrl, accessToken, user, password, commandPrefix, inviteAllowList, level);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "MatrixSettings[homeserverUrl=" + homeserverUrl + ", accessToken=" + (accessToken == null ? "none"
                : "<hidden>") + ", user=" + user + ", password=" + (password == null ? "none" : "<hidden>")
                + ", commandPrefix=" + commandPrefix + ", inviteAllowList=" + inviteAllowList
                + ", organizerPowerLevel=" + organizerPowerLevel + "]";
    }
}
