package org.animfr.animabot.core.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.PostTimes;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;

/**
 * Every post the data calls for, past and future, in the network's time zone:
 * <ul>
 * <li>the prompt of each week that has one (and is not a quiet week), on the week's posting day at the prompt time
 * (in the first week, not before the session starts), worth sending until the catch-up window closes;</li>
 * <li>a reminder some days before each gathering at the reminder time, worth sending until the gathering begins
 * (a reminder that would come after its gathering is not planned);</li>
 * <li>a reminder some days before the session starts, worth sending until the start day begins.</li>
 * </ul>
 * Local times are placed in the zone as the zone's rules say on that day, so a Monday 09:00 post stays at 09:00
 * across daylight-saving changes. Pure and stateless.
 */
public final class PostPlanner {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** Every planned post of every session, by due time. */
    public List<PlannedPost> plan(Catalog catalog) {
        List<PlannedPost> posts = new ArrayList<>();
        for (Session session : catalog.sessions()) {
            posts.addAll(plan(catalog, session));
        }
        posts.sort(Comparator.comparing(PlannedPost::dueAt).thenComparing(PlannedPost::key));
        return posts;
    }

    /** Every planned post of one session, by due time. */
    public List<PlannedPost> plan(Catalog catalog, Session session) {
        ZoneId zone = catalog.network().timezone();
        PostTimes times = catalog.postTimes(session);
        List<PlannedPost> posts = new ArrayList<>();
        for (Week week : session.weeks()) {
            if (week.prompt().isBlank() || session.posts().quietWeeks().contains(week.number())
                    || week.number() > session.weekCount()) {
                continue;
            }
            LocalDate day = session.mondayOfWeek(week.number())
                    .plusDays(times.promptDay().getValue() - 1L);
            if (day.isBefore(session.start())) {
                day = session.start();
            }
            if (day.isAfter(session.end())) {
                continue;
            }
            ZonedDateTime due = ZonedDateTime.of(day, times.promptTime(), zone);
            posts.add(new PlannedPost("prompt/" + session.id() + "/w" + week.number(), PlannedPost.Kind.PROMPT,
                    session.id(), due.toInstant(), due.plus(times.promptCatchUp()).toInstant(), week.number(), 0,
                    ""));
        }
        for (Gathering gathering : session.gatherings()) {
            ZonedDateTime begins = gathering.at().atZone(zone);
            String event = "gathering/" + MINUTE.format(gathering.at());
            for (int days : times.gatheringDaysBefore()) {
                ZonedDateTime due = ZonedDateTime.of(gathering.at().toLocalDate().minusDays(days),
                        times.gatheringTime(), zone);
                if (due.isBefore(begins)) {
                    posts.add(new PlannedPost("gathering/" + session.id() + "/" + MINUTE.format(gathering.at())
                            + "/d" + days, PlannedPost.Kind.GATHERING_REMINDER, session.id(), due.toInstant(),
                            begins.toInstant(), 0, days, event));
                }
            }
        }
        ZonedDateTime starts = session.start().atStartOfDay(zone);
        for (int days : times.startDaysBefore()) {
            ZonedDateTime due = ZonedDateTime.of(session.start().minusDays(days), times.startTime(), zone);
            if (due.isBefore(starts)) {
                posts.add(new PlannedPost("start/" + session.id() + "/d" + days, PlannedPost.Kind.START_REMINDER,
                        session.id(), due.toInstant(), starts.toInstant(), 0, days, "start"));
            }
        }
        posts.sort(Comparator.comparing(PlannedPost::dueAt).thenComparing(PlannedPost::key));
        return posts;
    }

    /** The post with this key in the data as it is now, if the data still calls for it. */
    public Optional<PlannedPost> find(Catalog catalog, String key) {
        String[] parts = key.split("/");
        if (parts.length < 2 || !PlannedPost.isPlannedKey(key)) {
            return Optional.empty();
        }
        return catalog.byId(parts[1])
                .flatMap(session -> plan(catalog, session).stream().filter(p -> p.key().equals(key)).findFirst());
    }

    /** The local date-time a gathering reminder's event names, for wording. */
    static LocalDateTime gatheringTime(String event) {
        return LocalDateTime.parse(event.substring("gathering/".length()), MINUTE);
    }
}
