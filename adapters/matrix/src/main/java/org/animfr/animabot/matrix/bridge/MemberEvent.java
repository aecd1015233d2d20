package org.animfr.animabot.matrix.bridge;

import java.util.Objects;

/**
 * An {@code m.room.member} state event.
 *
 * @param roomId the room, non-null
 * @param userId whose membership it is (the state key), non-null
 * @param sender who changed it (the inviter, for an invitation), non-null
 * @param membership {@code join}, {@code invite}, {@code leave}, {@code ban} or {@code knock}, non-null
 * @param displayName the member's display name in the room, or null
 * @param direct true when the sender marked the invitation as a direct chat ({@code is_direct})
 */
public record MemberEvent(String roomId, String userId, String sender, String membership, String displayName,
        boolean direct) implements RoomEvent {
    public MemberEvent {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(membership, "membership");
    }

    public boolean joined() {
        return membership.equals("join");
    }
}
