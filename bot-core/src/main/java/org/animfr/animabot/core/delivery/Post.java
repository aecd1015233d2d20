package org.animfr.animabot.core.delivery;

import java.time.Instant;
import java.util.Objects;
import org.animfr.animabot.core.chat.Reply;

/**
 * Something the bot sends on its own to one or many targets: a weekly prompt, a reminder, an announcement. Once
 * recorded, its content does not change: data edited later never makes it go out again.
 *
 * @param key a stable key derived from what it is ({@code prompt/animacoop-7/w3}, {@code announce/<uuid>}), non-blank
 * @param message what it says, non-null
 * @param threadName a thread to start on it where platforms have threads, or null
 * @param usefulUntil after this instant it is not worth sending any more (the event has passed), or null for never
 */
public record Post(String key, Reply message, String threadName, Instant usefulUntil) {
    public Post {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A post needs a key");
        }
        Objects.requireNonNull(message, "message");
    }

    public boolean usefulAt(Instant instant) {
        return usefulUntil == null || instant.isBefore(usefulUntil);
    }
}
