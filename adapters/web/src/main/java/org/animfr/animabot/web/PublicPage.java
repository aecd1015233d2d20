package org.animfr.animabot.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.PublicLinks;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.SessionAnswers;
import org.animfr.animabot.core.session.Week;

/**
 * What the public page shows, worded in the visitor's language: the sessions running and coming, this week's theme
 * of each, their next gatherings, how to register, and their calendars. Only what the organizers publish in the
 * session data; nothing about learners. Thread-safe.
 */
final class PublicPage {
    /** How many of a session's next gatherings the page lists. */
    static final int NEXT_GATHERINGS = 3;

    private final Messages messages;
    private final SessionAnswers answers;
    private final Clock clock;

    PublicPage(Messages messages, Clock clock) {
        this.messages = messages;
        this.answers = new SessionAnswers(messages);
        this.clock = clock;
    }

    /** The page for this catalog, now. */
    View view(Catalog catalog, Language l) {
        ZonedDateTime now = clock.instant().atZone(catalog.network().timezone());
        LocalDate today = now.toLocalDate();
        List<SessionView> running = catalog.sessions().stream().filter(s -> s.isRunningOn(today))
                .map(s -> session(l, s, now, true)).toList();
        List<SessionView> coming = catalog.sessions().stream().filter(s -> s.start().isAfter(today))
                .map(s -> session(l, s, now, false)).toList();
        String network = catalog.network().name();
        return new View(l.code(), other(l).code(), t(l, "web.title", network), t(l, "web.intro", network),
                running, coming, PublicLinks.NETWORK_CALENDAR_PATH, new Words(messages, l));
    }

    private SessionView session(Language l, Session s, ZonedDateTime now, boolean running) {
        String title = s.territory().isBlank() ? s.name() : s.name() + t(l, "session.territory", s.territory());
        Optional<String> thisWeek = Optional.empty();
        if (running) {
            thisWeek = s.weekNumberOn(now.toLocalDate()).map(n -> s.week(n).map(Week::theme)
                    .filter(theme -> !theme.isBlank())
                    .map(theme -> t(l, "web.week.theme", n, theme))
                    .orElse(t(l, "web.week.number", n, s.weekCount())));
        }
        LocalDateTime local = now.toLocalDateTime();
        List<String> gatherings = s.gatherings().stream().filter(g -> !g.at().isBefore(local))
                .limit(NEXT_GATHERINGS).map(g -> answers.gatheringLine(l, g)).toList();
        Optional<String> registration = Optional.ofNullable(s.registration()).map(String::strip)
                .filter(r -> !r.isEmpty());
        return new SessionView(s.id(), title, answers.dates(l, s), thisWeek.orElse(null), gatherings,
                registration.filter(PublicPage::isWebAddress).orElse(null),
                registration.filter(r -> !isWebAddress(r)).orElse(null),
                PublicLinks.sessionCalendarPath(s.id()));
    }

    private static boolean isWebAddress(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && !lower.contains(" ");
    }

    private static Language other(Language l) {
        return l == Language.FR ? Language.EN : Language.FR;
    }

    private String t(Language l, String key, Object... args) {
        return messages.get(l, key, args);
    }

    /**
     * The page.
     *
     * @param language the page's language code ("fr", "en")
     * @param otherLanguage the code of the language the page can be switched to
     * @param title the page's title
     * @param intro one sentence on what the page shows
     * @param running the sessions running today, in start order
     * @param coming the sessions still to start, in start order
     * @param networkCalendar the path of the calendar of every session
     * @param words the page's fixed words, in its language
     */
    record View(String language, String otherLanguage, String title, String intro, List<SessionView> running,
            List<SessionView> coming, String networkCalendar, Words words) {}

    /**
     * One session on the page.
     *
     * @param id the session's id
     * @param title its name (and territory)
     * @param dates "Du … au …"
     * @param thisWeek this week's number and theme, null when the session is not running
     * @param nextGatherings its next gatherings (title, date, time and place), possibly empty
     * @param registrationUrl where to register when it is a web address, else null
     * @param registrationText how to register when it is not a web address, else null
     * @param calendar the path of its calendar
     */
    record SessionView(String id, String title, String dates, String thisWeek, List<String> nextGatherings,
            String registrationUrl, String registrationText, String calendar) {}

    /** The page's fixed words, for the template: {@code words.get('web.running')}. */
    record Words(Messages messages, Language language) {
        public String get(String key) {
            return messages.get(language, key);
        }
    }
}
