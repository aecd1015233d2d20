package org.animfr.animabot.matrix;

import java.util.List;
import java.util.Locale;

/**
 * Whose invitations the bot accepts: the user ids and server names of the allow-list, or, when it is empty, anyone
 * on the bot's own homeserver. Immutable; thread-safe.
 */
final class InvitePolicy {
    private final List<String> allowed;

    /**
     * @param allowList user ids ({@code @ana:example.org}) and server names ({@code example.org}); empty for the
     *     bot's own server
     * @param botUserId the bot's user id, whose server is the default
     */
    InvitePolicy(List<String> allowList, String botUserId) {
        List<String> entries = allowList.isEmpty() ? List.of(serverName(botUserId)) : allowList;
        this.allowed = entries.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
    }

    boolean accepts(String inviter) {
        String user = inviter.toLowerCase(Locale.ROOT);
        String server = serverName(user);
        return allowed.contains(user) || allowed.contains(server);
    }

    /** The server part of a user id: {@code example.org:8448} for {@code @ana:example.org:8448}. */
    static String serverName(String userId) {
        int colon = userId.indexOf(':');
        return colon < 0 ? "" : userId.substring(colon + 1);
    }
}
