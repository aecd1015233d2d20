package org.animfr.animabot.matrix.bridge;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One sync response, reduced to what the bot uses.
 *
 * @param nextBatch the token to resume from after this batch, non-null
 * @param initial true for the first sync without a token: its messages are history, not questions
 * @param messages room messages in the order of their rooms' timelines (gaps filled in), never null
 * @param invites pending invitations of the bot, never null
 * @param stateChangedRoomIds rooms whose members or power levels changed in this batch, never null
 */
public record SyncBatch(
        String nextBatch, boolean initial, List<RoomMessage> messages, List<RoomInvite> invites,
        Set<String> stateChangedRoomIds) {
    public SyncBatch {
        Objects.requireNonNull(nextBatch, "nextBatch");
        messages = List.copyOf(messages);
        invites = List.copyOf(invites);
        stateChangedRoomIds = Set.copyOf(stateChangedRoomIds);
    }
}
