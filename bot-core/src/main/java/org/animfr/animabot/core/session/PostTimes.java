package org.animfr.animabot.core.session;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * When the bot posts on its own, as organizers set it for the whole network (and each session may override):
 * the weekly prompt on a weekday at a local time, gathering and session-start reminders some days before at a local
 * time, and how late a missed prompt may still be posted after the bot was down.
 *
 * @param promptDay the weekday of each session week on which the prompt is posted
 * @param promptTime the local time of the prompt
 * @param gatheringDaysBefore how many days before each gathering a reminder goes out (0 is the same day); none
 *     negative
 * @param gatheringTime the local time of gathering reminders
 * @param startDaysBefore how many days before a session starts a reminder goes out; none negative
 * @param startTime the local time of session-start reminders
 * @param promptCatchUp how long after its time a prompt missed while the bot was down is still posted
 */
public record PostTimes(DayOfWeek promptDay, LocalTime promptTime, List<Integer> gatheringDaysBefore,
        LocalTime gatheringTime, List<Integer> startDaysBefore, LocalTime startTime, Duration promptCatchUp) {
    public static final PostTimes DEFAULT = new PostTimes(DayOfWeek.MONDAY, LocalTime.of(9, 0), List.of(7, 1),
            LocalTime.of(18, 0), List.of(7, 1), LocalTime.of(18, 0), Duration.ofHours(6));

    public PostTimes {
        Objects.requireNonNull(promptDay, "promptDay");
        Objects.requireNonNull(promptTime, "promptTime");
        gatheringDaysBefore = List.copyOf(gatheringDaysBefore);
        Objects.requireNonNull(gatheringTime, "gatheringTime");
        startDaysBefore = List.copyOf(startDaysBefore);
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(promptCatchUp, "promptCatchUp");
        if (gatheringDaysBefore.stream().anyMatch(d -> d < 0) || startDaysBefore.stream().anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("Reminders cannot come after what they remind of");
        }
    }

    /**
     * What one session changes from the network's times; each null keeps the network's value.
     *
     * @param quietWeeks the weeks without a weekly prompt (holidays), never null
     * @param introductions when the session's introduction rounds run on their own, or null for never (organizers
     *     then run them with {@code admin presentations})
     */
    public record Overrides(DayOfWeek promptDay, LocalTime promptTime, List<Integer> gatheringDaysBefore,
            LocalTime gatheringTime, List<Integer> startDaysBefore, LocalTime startTime, List<Integer> quietWeeks,
            IntroductionTimes introductions) {
        public static final Overrides NONE = new Overrides(null, null, null, null, null, null, List.of(), null);

        public Overrides {
            gatheringDaysBefore = gatheringDaysBefore == null ? null : List.copyOf(gatheringDaysBefore);
            startDaysBefore = startDaysBefore == null ? null : List.copyOf(startDaysBefore);
            quietWeeks = quietWeeks == null ? List.of() : List.copyOf(quietWeeks);
        }

        /** Changes without introduction rounds. */
        public Overrides(DayOfWeek promptDay, LocalTime promptTime, List<Integer> gatheringDaysBefore,
                LocalTime gatheringTime, List<Integer> startDaysBefore, LocalTime startTime,
                List<Integer> quietWeeks) {
            this(promptDay, promptTime, gatheringDaysBefore, gatheringTime, startDaysBefore, startTime, quietWeeks,
                    null);
        }

        /** The network's times with this session's changes. */
        public PostTimes over(PostTimes network) {
            return new PostTimes(
                    promptDay == null ? network.promptDay() : promptDay,
                    promptTime == null ? network.promptTime() : promptTime,
                    gatheringDaysBefore == null ? network.gatheringDaysBefore() : gatheringDaysBefore,
                    gatheringTime == null ? network.gatheringTime() : gatheringTime,
                    startDaysBefore == null ? network.startDaysBefore() : startDaysBefore,
                    startTime == null ? network.startTime() : startTime,
                    network.promptCatchUp());
        }
    }
}
