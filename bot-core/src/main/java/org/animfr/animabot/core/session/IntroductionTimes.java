package org.animfr.animabot.core.session;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When a session's introduction rounds run on their own: every few session weeks, on a weekday at a local time,
 * from the session's first week to its last.
 *
 * @param everyWeeks how many weeks between two rounds, at least 1
 * @param day the weekday of a round
 * @param time the local time of a round
 */
public record IntroductionTimes(int everyWeeks, DayOfWeek day, LocalTime time) {
    public static final DayOfWeek DEFAULT_DAY = DayOfWeek.TUESDAY;
    public static final LocalTime DEFAULT_TIME = LocalTime.of(12, 0);

    public IntroductionTimes {
        if (everyWeeks < 1) {
            throw new IllegalArgumentException("Rounds come at most once a week");
        }
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
    }
}
