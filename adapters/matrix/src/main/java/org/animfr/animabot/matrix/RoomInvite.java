package org.animfr.animabot.matrix;

import java.util.Objects;

/**
 * An invitation of the bot to a room.
 *
 * @param roomId the room, non-null
 * @param inviter who invited the bot, non-null
 * @param direct true when the inviter marked the room as a direct chat ({@code is_direct})
 */
record RoomInvite(String roomId, String inviter, boolean direct) {
    RoomInvite {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(inviter, "inviter");
    }
}
