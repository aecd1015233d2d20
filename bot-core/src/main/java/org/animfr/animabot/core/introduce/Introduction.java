package org.animfr.animabot.core.introduce;

import java.time.Instant;
import java.util.Objects;

/**
 * One learner's place in one round: the group they were introduced in, and what they answered to the follow-up.
 *
 * @param roundKey the round ({@code round/animacoop-7/2026-11-30T10:00}), non-blank
 * @param group the group's number in the round, from 0
 * @param learnerId the learner
 * @param introducedAt when the round recorded it, non-null
 * @param answer their follow-up answer, or null while they gave none
 */
public record Introduction(String roundKey, int group, long learnerId, Instant introducedAt, FollowUpAnswer answer) {
    public Introduction {
        if (roundKey == null || roundKey.isBlank()) {
            throw new IllegalArgumentException("An introduction needs its round");
        }
        Objects.requireNonNull(introducedAt, "introducedAt");
    }
}
