package org.animfr.animabot.core.chat;

import java.util.Objects;
import java.util.UUID;

/**
 * A message the bot sends on its own (a post to a room, a direct message), with what makes sending it again safe.
 *
 * @param message what to show, non-null
 * @param key the delivery's idempotency key, non-blank: sending again with the same key within the platform's
 *     window makes no second visible message (Discord's {@code nonce} with {@code enforce_nonce}, Matrix's
 *     transaction id), so a retry after a crash between sending and recording is harmless
 * @param threadName where the platform has threads, the name of a thread to start on the post (Discord); null for
 *     none. On Matrix any post can be a thread's root, so nothing is needed there.
 */
public record Outgoing(Reply message, String key, String threadName) {
    public Outgoing {
        Objects.requireNonNull(message, "message");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("An outgoing message needs a key");
        }
    }

    /** A message sent once, that nothing will send again: its key is new. */
    public static Outgoing once(Reply message) {
        return new Outgoing(message, "once/" + UUID.randomUUID(), null);
    }
}
