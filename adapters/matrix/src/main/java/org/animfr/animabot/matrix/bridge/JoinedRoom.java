package org.animfr.animabot.matrix.bridge;

import java.util.List;
import java.util.Objects;

/**
 * What a sync response says of one room the bot is in.
 *
 * @param roomId the room, non-null
 * @param state state events from before the timeline (all of them on a first sync), oldest first, never null
 * @param timeline the timeline's events, oldest first, never null
 * @param limited true when the homeserver left events out between the previous sync and this timeline
 * @param previousBatch the token to paginate back from the timeline's start, or null
 */
public record JoinedRoom(String roomId, List<RoomEvent> state, List<RoomEvent> timeline, boolean limited,
        String previousBatch) {
    public JoinedRoom {
        Objects.requireNonNull(roomId, "roomId");
        state = List.copyOf(state);
        timeline = List.copyOf(timeline);
    }
}
