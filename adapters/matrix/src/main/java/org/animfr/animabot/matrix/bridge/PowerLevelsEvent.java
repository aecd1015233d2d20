package org.animfr.animabot.matrix.bridge;

import java.util.Map;
import java.util.Objects;

/**
 * An {@code m.room.power_levels} state event, reduced to the users' levels.
 *
 * @param roomId the room, non-null
 * @param users the levels given to users by id, never null
 * @param usersDefault the level of everyone else
 */
public record PowerLevelsEvent(String roomId, Map<String, Long> users, long usersDefault) implements RoomEvent {
    public PowerLevelsEvent {
        Objects.requireNonNull(roomId, "roomId");
        users = Map.copyOf(users);
    }
}
