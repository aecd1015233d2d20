package org.animfr.animabot.core.chat;

/**
 * Identifies a conversation on one platform: a Discord channel, a Matrix room, the console.
 * The id is the platform's own (channel snowflake, {@code !room:server}). Both parts are non-blank.
 */
public record ConversationRef(String platform, String id) {
    public ConversationRef {
        PersonRef.requireText(platform, "platform");
        PersonRef.requireText(id, "id");
    }

    @Override
    public String toString() {
        return platform + ":" + id;
    }
}
