package org.animfr.animabot.matrix.bridge;

import java.util.Objects;
import java.util.Set;

/**
 * The {@code m.room.create} state event: who created the room, and in which room version.
 *
 * @param roomId the room, non-null
 * @param creator who sent it, non-null
 * @param roomVersion the room version ({@code "1"} when the event does not say), non-null
 * @param additionalCreators the other creators of room version 12 and later, never null
 */
public record CreateEvent(String roomId, String creator, String roomVersion, Set<String> additionalCreators)
        implements RoomEvent {
    public CreateEvent {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(creator, "creator");
        roomVersion = roomVersion == null ? "1" : roomVersion;
        additionalCreators = additionalCreators == null ? Set.of() : Set.copyOf(additionalCreators);
    }
}
