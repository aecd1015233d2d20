package org.animfr.animabot.matrix.bridge;

import java.util.Objects;

/**
 * An {@code m.notice} to send, with an HTML {@code formatted_body}; it pings nobody ({@code m.mentions} empty).
 *
 * @param body the plain text, non-null
 * @param html the HTML, non-null
 * @param inReplyTo the event answered ({@code m.in_reply_to}), or null
 * @param threadRoot the root of the thread to post in ({@code rel_type: m.thread}), or null
 */
public record Notice(String body, String html, String inReplyTo, String threadRoot) {
    public Notice {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(html, "html");
    }
}
