package org.animfr.animabot.core.session;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When a gathering ends in calendars and scheduled events. The data says it ({@code end: "12:30"}) or gives only its
 * start (9:30 for a day of training, 14:00 for an afternoon closing); then a gathering lasts until the end of the
 * training day, {@code dayEnd}, and never less than {@code shortest} (an evening gathering, or one starting after
 * {@code dayEnd}). Immutable.
 *
 * @param dayEnd when a training day ends, non-null
 * @param shortest the least a gathering lasts, positive
 */
public record GatheringTimes(LocalTime dayEnd, Duration shortest) {
    /** Until 17:30, and at least 2 hours: 9:30–17:30 for a launch, 14:00–17:30 for a closing afternoon. */
    public static final GatheringTimes DEFAULT = new GatheringTimes(LocalTime.of(17, 30), Duration.ofHours(2));

    public GatheringTimes {
        Objects.requireNonNull(dayEnd, "dayEnd");
        Objects.requireNonNull(shortest, "shortest");
        if (shortest.isNegative() || shortest.isZero()) {
            throw new IllegalArgumentException("A gathering lasts some time: " + shortest);
        }
    }

    /**
     * The local end of the gathering, in the network's zone like its start; always after the start: the end the data
     * gives, else this default.
     */
    public LocalDateTime end(Gathering gathering) {
        if (gathering.endTime().isPresent()) {
            return gathering.at().toLocalDate().atTime(gathering.endTime().get());
        }
        LocalDateTime endOfDay = gathering.at().toLocalDate().atTime(dayEnd);
        LocalDateTime earliest = gathering.at().plus(shortest);
        return endOfDay.isAfter(earliest) ? endOfDay : earliest;
    }
}
