package org.animfr.animabot.matrix.bridge;

import java.util.Objects;
import java.util.Set;

/**
 * An {@code m.room.message} event.
 *
 * @param roomId the room, non-null
 * @param eventId the event, non-null
 * @param sender who sent it, non-null
 * @param msgtype {@code m.text}, {@code m.notice}, {@code m.emote}, {@code m.image}..., non-null
 * @param body the plain text, non-null
 * @param formattedBody the {@code org.matrix.custom.html} body, or null
 * @param threadRootId the thread's root event when the message is in a thread, or null
 * @param edit true when it replaces an earlier message ({@code m.replace})
 * @param mentionedUserIds the {@code m.mentions} user ids, never null
 * @param originServerTs when the homeserver received it, in milliseconds since the epoch
 */
public record RoomMessage(
        String roomId, String eventId, String sender, String msgtype, String body, String formattedBody,
        String threadRootId, boolean edit, Set<String> mentionedUserIds, long originServerTs) implements RoomEvent {
    /**
     * The msgtype of an encrypted message the bot could not decrypt (its key withheld or lost), with an empty body:
     * the name Matrix clients give such messages.
     */
    public static final String UNDECRYPTABLE = "m.bad.encrypted";

    public RoomMessage {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(msgtype, "msgtype");
        body = body == null ? "" : body;
        mentionedUserIds = mentionedUserIds == null ? Set.of() : Set.copyOf(mentionedUserIds);
    }
}
