package org.animfr.animabot.matrix.bridge;

import java.util.List;
import java.util.Objects;

/**
 * One sync response, reduced to what the bot reads.
 *
 * @param nextBatch the token to sync from next, non-null
 * @param joined the rooms the bot is in that have news, never null
 * @param invitations the membership events shown with the rooms the bot is invited to (its own invitation
 *     among them), never null
 */
public record SyncResponse(String nextBatch, List<JoinedRoom> joined, List<MemberEvent> invitations) {
    public SyncResponse {
        Objects.requireNonNull(nextBatch, "nextBatch");
        joined = List.copyOf(joined);
        invitations = List.copyOf(invitations);
    }
}
