package org.animfr.animabot.matrix;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.matrix.bridge.RoomMessage;

/**
 * Decides whether a message is addressed to the bot, and what it says once the address is taken off: a command
 * prefix ({@code !anim ...}), a mention of the bot (its display name, its user id, or a {@code matrix.to} pill), or
 * anything at all in a direct chat. Immutable; thread-safe.
 */
final class Addressing {
    private static final Pattern REPLY_FALLBACK = Pattern.compile("\\A(?:> [^\\n]*\\n)+\\n");
    private static final Pattern PILL = Pattern.compile("<a\\s[^>]*href=[\"']([^\"']*)[\"'][^>]*>(.*?)</a>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("\\A[\\s:,]+|[\\s,]+\\z");

    private final String userId;
    private final Pattern prefixPattern;
    private final Pattern userIdPattern;
    private final Pattern namePattern;
    private final String encodedUserId;

    /**
     * @param prefix the command prefix, non-blank
     * @param userId the bot's user id, non-blank
     * @param displayName the bot's display name, or null
     */
    Addressing(String prefix, String userId, String displayName) {
        this.userId = userId;
        this.prefixPattern = Pattern.compile("\\A" + Pattern.quote(prefix) + "(?:\\s+|\\z)",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.userIdPattern = Pattern.compile(Pattern.quote(userId) + "[:,]?", Pattern.CASE_INSENSITIVE);
        this.namePattern = displayName == null || displayName.strip().length() < 2 ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}_@])" + Pattern.quote(displayName.strip())
                        + "(?![\\p{L}\\p{N}_])\\s*[:,]?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.encodedUserId = URLEncoder.encode(userId, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }

    /** The text for the core, or empty when the message is not addressed to the bot. */
    Optional<String> textFor(RoomMessage message, boolean direct) {
        String body = REPLY_FALLBACK.matcher(message.body()).replaceFirst("").strip();
        Matcher command = prefixPattern.matcher(body);
        if (command.lookingAt()) {
            return Optional.of(body.substring(command.end()).strip());
        }
        if (mentions(message, body)) {
            String text = userIdPattern.matcher(body).replaceAll(" ");
            if (namePattern != null) {
                text = namePattern.matcher(text).replaceAll(" ");
            }
            for (String label : pillLabels(message.formattedBody())) {
                text = text.replace(label, " ");
            }
            text = EDGE_PUNCTUATION.matcher(text.replaceAll("[ \\t]{2,}", " ")).replaceAll("").strip();
            Matcher prefixed = prefixPattern.matcher(text);
            return Optional.of(prefixed.lookingAt() ? text.substring(prefixed.end()).strip() : text);
        }
        return direct ? Optional.of(body) : Optional.empty();
    }

    /** The visible names of the links to the bot in an HTML body ({@code <a href="https://matrix.to/#/@bot">Bot</a>}). */
    private List<String> pillLabels(String html) {
        List<String> labels = new ArrayList<>();
        if (html == null) {
            return labels;
        }
        Matcher link = PILL.matcher(html);
        while (link.find()) {
            String target = link.group(1).toLowerCase(Locale.ROOT);
            String label = unescape(link.group(2).replaceAll("<[^>]*>", "")).strip();
            if (pointsToBot(target) && !label.isEmpty()) {
                labels.add(label);
            }
        }
        return labels;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private boolean pointsToBot(String lowerCaseHtml) {
        return lowerCaseHtml.contains("matrix.to/#/" + userId.toLowerCase(Locale.ROOT))
                || lowerCaseHtml.contains("matrix.to/#/" + encodedUserId)
                || lowerCaseHtml.contains("matrix:u/" + userId.substring(1).toLowerCase(Locale.ROOT));
    }

    private boolean mentions(RoomMessage message, String body) {
        if (message.mentionedUserIds().contains(userId)) {
            return true;
        }
        String html = message.formattedBody();
        if (html != null && pointsToBot(html.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return userIdPattern.matcher(body).find() || namePattern != null && namePattern.matcher(body).find();
    }
}
