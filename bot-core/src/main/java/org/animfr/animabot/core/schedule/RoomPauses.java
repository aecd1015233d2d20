package org.animfr.animabot.core.schedule;

import java.time.LocalDate;
import java.util.Optional;
import org.animfr.animabot.core.chat.ConversationRef;

/**
 * Rooms whose automatic posts organizers paused, until a date or until they resume them. Implementations are
 * durable and thread-safe.
 */
public interface RoomPauses {

    /**
     * A pause.
     *
     * @param until the last local date of the pause, or null until resumed
     */
    record Pause(LocalDate until) {
        /** Whether the room is paused on that date. */
        public boolean coversDate(LocalDate date) {
            return until == null || !date.isAfter(until);
        }
    }

    /** Pauses the room's automatic posts, replacing an earlier pause. */
    void pause(ConversationRef room, Pause pause);

    /** Resumes them; false when the room was not paused. */
    boolean resume(ConversationRef room);

    /** The room's pause, if it has one (it may be over). */
    Optional<Pause> pauseOf(ConversationRef room);
}
