package org.animfr.animabot.matrix;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.animfr.animabot.matrix.bridge.RoomEvent;
import org.animfr.animabot.matrix.bridge.RoomMessage;

/**
 * One sync response as the adapter reads it: gaps filled in, and what came before the bot joined a room left out.
 *
 * @param nextBatch the token to resume from after this batch, non-null
 * @param initial true for the first sync without a token: its messages are history, not questions
 * @param messages room messages in the order of their rooms' timelines, never null
 * @param invites pending invitations of the bot, never null
 * @param stateEvents the state events (members, power levels, creation), oldest first, never null
 * @param fullStateRoomIds rooms whose whole state is in {@code stateEvents} (all of them on a first sync, and any
 *     room the bot just joined), never null
 */
record SyncBatch(String nextBatch, boolean initial, List<RoomMessage> messages, List<RoomInvite> invites,
        List<RoomEvent> stateEvents, Set<String> fullStateRoomIds) {
    SyncBatch {
        Objects.requireNonNull(nextBatch, "nextBatch");
        messages = List.copyOf(messages);
        invites = List.copyOf(invites);
        stateEvents = List.copyOf(stateEvents);
        fullStateRoomIds = Set.copyOf(fullStateRoomIds);
    }
}
