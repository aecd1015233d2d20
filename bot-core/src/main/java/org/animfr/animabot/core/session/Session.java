package org.animfr.animabot.core.session;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A training session ("Animacoop 7"), as organizers describe it in the data files.
 * Lists are immutable and sorted (gatherings by date, weeks by number). {@code registration} and
 * {@code description} may be null; {@code posts} says how its automatic posts differ from the network's.
 */
public record Session(
        String id,
        String name,
        String territory,
        LocalDate start,
        LocalDate end,
        int hours,
        String registration,
        List<String> facilitators,
        String description,
        List<Gathering> gatherings,
        List<Week> weeks,
        PostTimes.Overrides posts) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        territory = territory == null ? "" : territory;
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        facilitators = facilitators == null ? List.of() : List.copyOf(facilitators);
        gatherings = gatherings == null ? List.of()
                : gatherings.stream().sorted(Comparator.comparing(Gathering::at)).toList();
        weeks = weeks == null ? List.of() : weeks.stream().sorted(Comparator.comparingInt(Week::number)).toList();
        posts = posts == null ? PostTimes.Overrides.NONE : posts;
    }

    /** A session posting at the network's times. */
    public Session(String id, String name, String territory, LocalDate start, LocalDate end, int hours,
            String registration, List<String> facilitators, String description, List<Gathering> gatherings,
            List<Week> weeks) {
        this(id, name, territory, start, end, hours, registration, facilitators, description, gatherings, weeks,
                PostTimes.Overrides.NONE);
    }

    /** The first day (a Monday) of the calendar week numbered {@code number} of this session. */
    public LocalDate mondayOfWeek(int number) {
        return start.minusDays(start.getDayOfWeek().getValue() - 1L).plusWeeks(number - 1L);
    }

    /** Number of calendar weeks the session spans, counting the first and the last, partial or not. */
    public int weekCount() {
        long days = ChronoUnit.DAYS.between(start.minusDays(start.getDayOfWeek().getValue() - 1L), end);
        return (int) (days / 7) + 1;
    }

    /** The week number on a date: 1 in the week of {@code start}; empty outside the session. */
    public Optional<Integer> weekNumberOn(LocalDate date) {
        if (date.isBefore(start) || date.isAfter(end)) {
            return Optional.empty();
        }
        LocalDate mondayOfStart = start.minusDays(start.getDayOfWeek().getValue() - 1L);
        return Optional.of((int) (ChronoUnit.DAYS.between(mondayOfStart, date) / 7) + 1);
    }

    public Optional<Week> week(int number) {
        return weeks.stream().filter(w -> w.number() == number).findFirst();
    }

    /** The first gathering at or after {@code now}, in the network's zone. */
    public Optional<Gathering> nextGathering(ZonedDateTime now) {
        LocalDateTime local = now.toLocalDateTime();
        return gatherings.stream().filter(g -> !g.at().isBefore(local)).findFirst();
    }

    public boolean isRunningOn(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    public boolean hasEndedBy(LocalDate date) {
        return end.isBefore(date);
    }
}
