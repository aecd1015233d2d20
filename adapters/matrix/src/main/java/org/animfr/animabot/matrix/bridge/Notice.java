package org.animfr.animabot.matrix.bridge;

import java.util.Objects;
import java.util.Set;

/**
 * An {@code m.notice} to send, with an HTML {@code formatted_body}; it pings the users it mentions and nobody else
 * ({@code m.mentions}), whatever names its text holds.
 *
 * @param body the plain text, non-null
 * @param html the HTML, non-null
 * @param inReplyTo the event answered ({@code m.in_reply_to}), or null
 * @param threadRoot the root of the thread to post in ({@code rel_type: m.thread}), or null
 * @param mentioned the user ids in {@code m.mentions}, never null
 */
public record Notice(String body, String html, String inReplyTo, String threadRoot, Set<String> mentioned) {
    public Notice {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(html, "html");
        mentioned = Set.copyOf(mentioned);
    }

    /** A notice that mentions nobody. */
    public Notice(String body, String html, String inReplyTo, String threadRoot) {
        this(body, html, inReplyTo, threadRoot, Set.of());
    }
}
