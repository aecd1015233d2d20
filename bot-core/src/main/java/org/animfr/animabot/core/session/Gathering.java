package org.animfr.animabot.core.session;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-person gathering ("regroupement") of a session.
 *
 * @param at local date-time in the network's time zone, non-null
 * @param place where it happens, non-null
 * @param title what it is (launch, mid-way, closing), non-null, possibly empty
 * @param end when it ends on its day, after {@code at}'s time; null when the data does not say (calendars then use
 *     their default length)
 */
public record Gathering(LocalDateTime at, String place, String title, LocalTime end) {
    public Gathering {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(place, "place");
        title = title == null ? "" : title;
        if (end != null && !end.isAfter(at.toLocalTime())) {
            throw new IllegalArgumentException("A gathering ends after it starts: " + at + " until " + end);
        }
    }

    /** A gathering whose end the data does not give. */
    public Gathering(LocalDateTime at, String place, String title) {
        this(at, place, title, null);
    }

    public Optional<LocalTime> endTime() {
        return Optional.ofNullable(end);
    }
}
