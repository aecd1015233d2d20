package org.animfr.animabot.core.delivery;

import java.util.Objects;

/**
 * One post to one target, as recorded.
 *
 * @param id the record's id, for timers
 * @param postKey the post's key, non-null
 * @param target where it goes, non-null
 * @param state where it stands, non-null
 * @param attempts how many sends failed so far
 * @param lastError why the last attempt failed, or null
 */
public record Delivery(long id, String postKey, Target target, State state, int attempts, String lastError) {
    public Delivery {
        Objects.requireNonNull(postKey, "postKey");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
    }

    /** Where a delivery stands. */
    public enum State {
        /** Recorded, not yet taken by the platform (or taken, but the bot stopped before writing it down). */
        PENDING,
        /** Taken by the platform. */
        SENT,
        /** Given up: the conversation is gone, or the post is no longer useful. */
        FAILED
    }

    /** The key the platform deduplicates this delivery by: the same for every attempt, different for every target. */
    public String idempotencyKey() {
        return postKey + "|" + target.id();
    }
}
