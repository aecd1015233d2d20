package org.animfr.animabot.core.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where people find the bot on the web ({@code animabot.public-url}): the public page and the calendars they can
 * subscribe to. Without an address the answers give no link, since the bot cannot know how it is reached.
 *
 * @param base the address of the public page, without a trailing slash; empty when none is configured
 */
public record PublicLinks(Optional<String> base) {
    /** No public address: the answers give no web link. */
    public static final PublicLinks NONE = new PublicLinks(Optional.empty());

    public PublicLinks {
        base = base == null ? Optional.empty() : base;
    }

    /**
     * The links under {@code url} (an absolute http or https address); blank means none.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) address
     */
    public static PublicLinks at(String url) {
        if (url == null || url.isBlank()) {
            return NONE;
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(trimmed, "not an http(s) address of a page");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("animabot.public-url must be the address people open, like "
                    + "https://animabot.example.org, got '" + url + "'", e);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return new PublicLinks(Optional.of(trimmed));
    }

    /** The public page. */
    public Optional<String> page() {
        return base.map(b -> b + "/");
    }

    /** The calendar of one session, to subscribe to. */
    public Optional<String> sessionCalendar(Session session) {
        return base.map(b -> b + sessionCalendarPath(session.id()));
    }

    /** The calendar of every session of the network. */
    public Optional<String> networkCalendar() {
        return base.map(b -> b + NETWORK_CALENDAR_PATH);
    }

    /** The path of the network's calendar under the public address. */
    public static final String NETWORK_CALENDAR_PATH = "/sessions.ics";

    /** The path of a session's calendar under the public address, its id encoded for a URL path. */
    public static String sessionCalendarPath(String sessionId) {
        return "/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8).replace("+", "%20") + ".ics";
    }
}
