package org.animfr.animabot.core.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * A post the data calls for, before it is worded: what, for which session, when, and until when it is worth
 * sending. Its key is derived from the data only, so it stays the same across restarts and instances.
 *
 * @param key {@code prompt/<session>/w<N>}, {@code gathering/<session>/<date-time>/d<N>} or
 *     {@code start/<session>/d<N>}
 * @param kind what it is
 * @param sessionId the session it belongs to
 * @param dueAt when it goes out
 * @param usefulUntil after this, it is not worth sending (a missed prompt after its catch-up window, a reminder
 *     once its event has begun)
 * @param week the week of a prompt; 0 for reminders
 * @param daysBefore how many days before its event a reminder goes out; 0 for prompts
 * @param event what a reminder is about ({@code gathering/<date-time>} or {@code start}); empty for prompts
 */
public record PlannedPost(String key, Kind kind, String sessionId, Instant dueAt, Instant usefulUntil, int week,
        int daysBefore, String event) {
    public PlannedPost {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(usefulUntil, "usefulUntil");
        Objects.requireNonNull(event, "event");
    }

    /** What a planned post is. */
    public enum Kind {
        /** The week's theme and prompt, posted in the session's rooms. */
        PROMPT,
        /** A reminder of a gathering, in the rooms and to the learners who asked for reminders. */
        GATHERING_REMINDER,
        /** A reminder that the session starts, in the rooms and to the learners who asked for reminders. */
        START_REMINDER;

        /** Reminders also go to learners by direct message; prompts only to rooms. */
        public boolean isReminder() {
            return this != PROMPT;
        }
    }

    /** Post keys that planning makes, as opposed to announcements'. */
    public static boolean isPlannedKey(String key) {
        return key.startsWith("prompt/") || key.startsWith("gathering/") || key.startsWith("start/");
    }
}
