package org.animfr.animabot.core.chat;

import java.util.Objects;

/**
 * Identifies one received message, so that a reply can be attached to it.
 *
 * @param conversation where the message was written, non-null
 * @param id the platform's id of the message (event id, snowflake), non-blank
 * @param thread the thread the message belongs to on platforms with threads, or null
 */
public record MessageRef(ConversationRef conversation, String id, String thread) {
    public MessageRef {
        Objects.requireNonNull(conversation, "conversation");
        PersonRef.requireText(id, "id");
    }

    /**
     * The idempotency key of the bot's {@code index}-th reply to this message: derived from the message alone, so
     * that two instances of the bot answering the same message make one visible reply (the platform keeps one
     * message per key), and an answer sent again after a reconnection makes none.
     */
    public String replyKey(int index) {
        return "reply/" + conversation + "/" + id + "#" + index;
    }
}
