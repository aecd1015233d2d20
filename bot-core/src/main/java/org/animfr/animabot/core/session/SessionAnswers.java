package org.animfr.animabot.core.session;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.Link;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.chat.RichText.Span;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/**
 * Words the answers about sessions, for commands and questions alike, so that the same fact always reads the
 * same way. Stateless apart from the message bundles; thread-safe.
 */
public final class SessionAnswers {
    /** The key under which session commands take the session's name. */
    static final String SESSION = "session";

    private final Messages messages;
    private final PublicLinks links;

    /** Answers with no web links. */
    public SessionAnswers(Messages messages) {
        this(messages, PublicLinks.NONE);
    }

    /** Answers that give the calendar to subscribe to when the bot has a public address. */
    public SessionAnswers(Messages messages, PublicLinks links) {
        this.messages = messages;
        this.links = links;
    }

    public Messages messages() {
        return messages;
    }

    /**
     * Everything about a session as a card: its name (and territory) as title, the facts, and the follow-ups a
     * person usually wants next (its gatherings, this week, registering while it is still possible).
     */
    public Reply detailsCard(Language l, Session s, ZonedDateTime now) {
        String title = s.territory().isBlank() ? s.name() : s.name() + msg(l, "session.territory", s.territory());
        Map<String, String> thisSession = CommandSpec.args(SESSION, s.id());
        List<Reply.FollowUp> followUps = new ArrayList<>();
        if (!s.gatherings().isEmpty()) {
            followUps.add(GatheringsCommand.SPEC.followUp(msg(l, "follow-up.gatherings"), l, thisSession));
        }
        if (!s.weeks().isEmpty()) {
            followUps.add(WeekCommand.SPEC.followUp(msg(l, "follow-up.week"), l, thisSession));
        }
        if (!s.hasEndedBy(now.toLocalDate()) && s.registration() != null && !s.registration().isBlank()) {
            followUps.add(RegisterCommand.SPEC.followUp(msg(l, "follow-up.register"), l, thisSession));
        }
        return Reply.card(title, facts(l, s, now), followUps);
    }

    /** Everything about a session as text, its name first. */
    public RichText details(Language l, Session s, ZonedDateTime now) {
        RichText.Builder text = RichText.builder();
        if (s.territory().isBlank()) {
            text.paragraph(new Bold(s.name()));
        } else {
            text.paragraph(new Bold(s.name()), new Plain(msg(l, "session.territory", s.territory())));
        }
        text.then(facts(l, s, now));
        return text.build();
    }

    private RichText facts(Language l, Session s, ZonedDateTime now) {
        RichText.Builder text = RichText.builder();
        text.paragraph(dates(l, s));
        text.paragraph(msg(l, "session.volume", s.hours(), s.weekCount()));
        if (!s.facilitators().isEmpty()) {
            text.paragraph(msg(l, "session.facilitators", String.join(", ", s.facilitators())));
        }
        if (s.description() != null && !s.description().isBlank()) {
            text.paragraph(s.description().strip());
        }
        status(l, s, now).ifPresent(text::paragraph);
        Optional<Gathering> next = s.nextGathering(now);
        if (next.isPresent()) {
            text.paragraph(new Plain(msg(l, "session.next-gathering-label")), new Plain(" "),
                    new Plain(gatheringLine(l, next.get())));
        }
        registrationSpans(l, s).ifPresent(spans -> text.paragraph(spans.toArray(Span[]::new)));
        calendarLink(l, s, text);
        return text.build();
    }

    /** "To follow it in your calendar: <link>", when the bot has a public address. */
    private void calendarLink(Language l, Session s, RichText.Builder text) {
        links.sessionCalendar(s).ifPresent(url -> text.paragraph(
                new Plain(msg(l, "answer.calendar.subscribe", s.name()) + " "), new Link(url, url)));
    }

    /** "Du lundi 1er octobre 2012 au vendredi 28 décembre 2012." */
    public String dates(Language l, Session s) {
        return msg(l, "session.dates", messages.date(l, s.start()), messages.date(l, s.end()));
    }

    public RichText startDate(Language l, Session s, LocalDate today) {
        String key = s.start().isAfter(today) ? "answer.start.future" : "answer.start.past";
        return RichText.plain(msg(l, key, s.name(), messages.date(l, s.start())) + countdown(l, today, s.start()));
    }

    public RichText endDate(Language l, Session s, LocalDate today) {
        String key = s.end().isBefore(today) ? "answer.end.past" : "answer.end.future";
        return RichText.plain(msg(l, key, s.name(), messages.date(l, s.end())) + countdown(l, today, s.end()));
    }

    /** " Dans 10 jours." for a day ahead, nothing for a day past. */
    private String countdown(Language l, LocalDate today, LocalDate day) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, day);
        return days < 0 ? "" : " " + msg(l, "answer.countdown", days);
    }

    /** One gathering of a session: what, when, where, and how far ahead. */
    public RichText gathering(Language l, Session s, Gathering g, ZonedDateTime now) {
        boolean past = g.at().isBefore(now.toLocalDateTime());
        String line = gatheringLine(l, g);
        RichText.Builder text = RichText.builder();
        text.paragraph(new Plain(msg(l, "answer.gathering.one", s.name()) + " "), new Bold(line),
                new Plain(past ? " " + msg(l, "answer.gathering.past-mark")
                        : " " + countdown(l, now.toLocalDate(), g.at().toLocalDate()).strip()));
        return text.build();
    }

    /** The gatherings of a session on the given days, or the next one after them when there are none. */
    public RichText gatheringsBetween(Language l, Session s, LocalDate from, LocalDate to, String when,
            ZonedDateTime now) {
        List<Gathering> within = s.gatherings().stream()
                .filter(g -> !g.at().toLocalDate().isBefore(from) && !g.at().toLocalDate().isAfter(to)).toList();
        if (within.isEmpty()) {
            return nothingPlanned(l, s, to, when, now, "answer.agenda.no-gathering");
        }
        RichText.Builder text = RichText.builder().paragraph(msg(l, "answer.agenda.title", s.name(), when));
        text.bullets(within.stream().map(g -> List.<Span>of(new Bold(gatheringLine(l, g)))).toList());
        return text.build();
    }

    /** What happens in a session on the given days: gatherings, weeks beginning, its start and end. */
    public RichText agenda(Language l, Session s, LocalDate from, LocalDate to, String when, ZonedDateTime now) {
        List<List<Span>> items = new ArrayList<>();
        for (Gathering g : s.gatherings()) {
            LocalDate day = g.at().toLocalDate();
            if (!day.isBefore(from) && !day.isAfter(to)) {
                items.add(List.of(new Bold(gatheringLine(l, g))));
            }
        }
        if (!s.start().isBefore(from) && !s.start().isAfter(to)) {
            items.add(List.of(new Plain(msg(l, "answer.agenda.start", messages.date(l, s.start())))));
        }
        for (Week w : s.weeks()) {
            // a week is news on the day it begins; "demain" on a Tuesday is not about the week under way
            LocalDate monday = s.mondayOfWeek(w.number());
            if (!monday.isBefore(from) && !monday.isAfter(to)) {
                items.add(List.of(new Plain(msg(l, "answer.agenda.week", w.number(), messages.date(l, monday)) + " "),
                        new Bold(w.theme())));
            }
        }
        if (!s.end().isBefore(from) && !s.end().isAfter(to)) {
            items.add(List.of(new Plain(msg(l, "answer.agenda.end", messages.date(l, s.end())))));
        }
        if (items.isEmpty()) {
            return nothingPlanned(l, s, to, when, now, "answer.agenda.nothing");
        }
        return RichText.builder().paragraph(msg(l, "answer.agenda.title", s.name(), when)).bullets(items).build();
    }

    private RichText nothingPlanned(Language l, Session s, LocalDate to, String when, ZonedDateTime now,
            String key) {
        RichText.Builder text = RichText.builder().paragraph(msg(l, key, s.name(), when));
        s.gatherings().stream().filter(g -> g.at().toLocalDate().isAfter(to)
                        && !g.at().isBefore(now.toLocalDateTime())).findFirst()
                .ifPresent(g -> text.paragraph(new Plain(msg(l, "answer.agenda.after") + " "),
                        new Bold(gatheringLine(l, g))));
        return text.build();
    }

    /** "Le mardi 6 novembre 2012", "du samedi 10 novembre 2012 au dimanche 11 novembre 2012". */
    public String days(Language l, LocalDate from, LocalDate to) {
        return from.equals(to) ? msg(l, "answer.days.one", messages.date(l, from))
                : msg(l, "answer.days.span", messages.date(l, from), messages.date(l, to));
    }

    /** Where a running session is: its week out of all, what is left; or that it has not started or has ended. */
    public RichText progress(Language l, Session s, LocalDate today) {
        Optional<Integer> number = s.weekNumberOn(today);
        if (number.isEmpty()) {
            return currentWeek(l, s, today, 0);
        }
        int left = s.weekCount() - number.get();
        long percent = Math.round(100.0 * (number.get() - 1) / s.weekCount());
        RichText.Builder text = RichText.builder()
                .paragraph(msg(l, "answer.progress", s.name(), number.get(), s.weekCount(), left, percent,
                        messages.date(l, s.end())));
        s.week(number.get()).ifPresent(w -> text.paragraph(new Plain(msg(l, "answer.progress.theme") + " "),
                new Bold(w.theme())));
        return text.build();
    }

    /** The price when the data has no FAQ entry about it: honest, with where to find it. */
    public RichText price(Language l, Session s) {
        if (s.registration() == null || s.registration().isBlank()) {
            return RichText.plain(msg(l, "answer.price.unknown", s.name()));
        }
        return RichText.builder().paragraph(new Plain(msg(l, "answer.price.see", s.name()) + " "),
                new Link(s.registration(), s.registration())).build();
    }

    public RichText datesAnswer(Language l, Session s) {
        return RichText.builder().paragraph(new Bold(s.name()), new Plain(" : " + dates(l, s))).build();
    }

    public RichText hours(Language l, Session s) {
        int weeks = s.weekCount();
        long perWeek = weeks == 0 ? s.hours() : Math.round((double) s.hours() / weeks);
        return RichText.plain(msg(l, "answer.hours", s.name(), s.hours(), weeks, perWeek));
    }

    public RichText weekCount(Language l, Session s) {
        return RichText.plain(msg(l, "answer.week-count", s.name(), s.weekCount(), dates(l, s)));
    }

    public RichText facilitators(Language l, Session s) {
        if (s.facilitators().isEmpty()) {
            return RichText.plain(msg(l, "answer.facilitators.none", s.name()));
        }
        return RichText.plain(msg(l, "answer.facilitators", s.name(), String.join(", ", s.facilitators()),
                s.facilitators().size()));
    }

    public RichText territory(Language l, Session s) {
        if (s.territory().isBlank()) {
            return RichText.plain(msg(l, "answer.territory.none", s.name()));
        }
        return RichText.plain(msg(l, "answer.territory", s.name(), s.territory()));
    }

    public RichText registration(Language l, Session s, LocalDate today) {
        RichText.Builder text = RichText.builder();
        if (s.hasEndedBy(today)) {
            text.paragraph(msg(l, "answer.register.ended", s.name()));
            return text.build();
        }
        Optional<List<Span>> spans = registrationSpans(l, s);
        if (spans.isPresent()) {
            text.paragraph(spans.get().toArray(Span[]::new));
        } else {
            text.paragraph(msg(l, "answer.register.no-link", s.name()));
        }
        if (s.isRunningOn(today)) {
            text.paragraph(msg(l, "answer.register.running", s.name(), messages.date(l, s.start())));
        }
        return text.build();
    }

    private Optional<List<Span>> registrationSpans(Language l, Session s) {
        if (s.registration() == null || s.registration().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(List.of(new Plain(msg(l, "answer.register.link", s.name()) + " "),
                new Link(s.registration(), s.registration())));
    }

    public RichText nextGathering(Language l, Session s, ZonedDateTime now) {
        Optional<Gathering> next = s.nextGathering(now);
        if (next.isEmpty()) {
            if (s.gatherings().isEmpty()) {
                return RichText.plain(msg(l, "answer.gathering.none-planned", s.name()));
            }
            return RichText.plain(msg(l, "answer.gathering.all-past", s.name()));
        }
        Gathering g = next.get();
        RichText.Builder text = RichText.builder();
        text.paragraph(new Plain(msg(l, "answer.gathering.next", s.name()) + " "), new Bold(gatheringLine(l, g)),
                new Plain(" " + countdown(l, now.toLocalDate(), g.at().toLocalDate()).strip()));
        return text.build();
    }

    public RichText gatherings(Language l, Session s, ZonedDateTime now) {
        if (s.gatherings().isEmpty()) {
            return RichText.plain(msg(l, "answer.gathering.none-planned", s.name()));
        }
        List<List<Span>> items = new ArrayList<>();
        Optional<Gathering> next = s.nextGathering(now);
        for (Gathering g : s.gatherings()) {
            boolean past = g.at().isBefore(now.toLocalDateTime());
            String line = gatheringLine(l, g) + (past ? " " + msg(l, "answer.gathering.past-mark") : "");
            items.add(next.isPresent() && next.get().equals(g) ? List.of(new Bold(line)) : List.of(new Plain(line)));
        }
        RichText.Builder text = RichText.builder()
                .paragraph(msg(l, "answer.gathering.list", s.name(), s.gatherings().size()))
                .bullets(items);
        calendarLink(l, s, text);
        return text.build();
    }

    /** "Lancement : jeudi 15 novembre 2012 à 9 h 30, Maison des associations, Brest". */
    public String gatheringLine(Language l, Gathering g) {
        String when = messages.dateTime(l, g.at());
        if (g.title().isBlank()) {
            return msg(l, "answer.gathering.line", when, g.place());
        }
        return msg(l, "answer.gathering.line.titled", g.title(), when, g.place());
    }

    public RichText week(Language l, Session s, Week w) {
        RichText.Builder text = RichText.builder();
        LocalDate monday = s.mondayOfWeek(w.number());
        text.paragraph(new Plain(msg(l, "answer.week.title", s.name(), w.number()) + " "), new Bold(w.theme()));
        text.paragraph(msg(l, "answer.week.days", messages.date(l, monday), messages.date(l, monday.plusDays(6))));
        if (!w.prompt().isBlank()) {
            text.paragraph(msg(l, "answer.week.prompt", w.prompt()));
        }
        return text.build();
    }

    public RichText weekNotWritten(Language l, Session s, int number) {
        return RichText.plain(msg(l, "answer.week.not-written", s.name(), number));
    }

    public RichText weekOutOfRange(Language l, Session s, int number) {
        return RichText.plain(msg(l, "answer.week.out-of-range", number, s.name(), s.weekCount()));
    }

    /** The week running today, or what to expect when the session is not running. */
    public RichText currentWeek(Language l, Session s, LocalDate today, int offset) {
        Optional<Integer> number = s.weekNumberOn(today);
        if (number.isEmpty()) {
            if (s.start().isAfter(today)) {
                RichText.Builder text = RichText.builder()
                        .paragraph(msg(l, "answer.week.not-started", s.name(), messages.date(l, s.start())));
                s.week(1).ifPresent(w -> text.paragraph(new Plain(msg(l, "answer.week.first") + " "),
                        new Bold(w.theme())));
                return text.build();
            }
            return RichText.plain(msg(l, "answer.week.ended", s.name(), messages.date(l, s.end())));
        }
        int wanted = number.get() + offset;
        if (wanted > s.weekCount()) {
            return RichText.plain(msg(l, "answer.week.last-was", s.name(), number.get()));
        }
        Optional<Week> week = s.week(wanted);
        if (week.isEmpty()) {
            return weekNotWritten(l, s, wanted);
        }
        RichText.Builder text = RichText.builder();
        text.paragraph(msg(l, offset == 0 ? "answer.week.current" : "answer.week.next", s.name(), wanted,
                s.weekCount()));
        text.then(week(l, s, week.get()));
        return text.build();
    }

    /** "En cours (semaine 6 sur 13)", "Commence dans 12 jours", "Terminée". */
    public Optional<String> status(Language l, Session s, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        if (s.isRunningOn(today)) {
            return Optional.of(msg(l, "session.status.running", s.weekNumberOn(today).orElse(1), s.weekCount()));
        }
        if (s.start().isAfter(today)) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(today, s.start());
            return Optional.of(msg(l, "session.status.upcoming", days));
        }
        return Optional.of(msg(l, "session.status.ended"));
    }

    /** One line per session: name, territory, dates, status. */
    public RichText list(Language l, List<Session> sessions, ZonedDateTime now, String titleKey) {
        List<List<Span>> items = new ArrayList<>();
        for (Session s : sessions) {
            List<Span> item = new ArrayList<>();
            item.add(new Bold(s.name()));
            item.add(new Plain(" (" + s.id() + ")"));
            if (!s.territory().isBlank()) {
                item.add(new Plain(msg(l, "session.territory", s.territory())));
            }
            item.add(new Plain(" : " + dates(l, s)));
            status(l, s, now).ifPresent(st -> item.add(new Plain(" " + st)));
            items.add(item);
        }
        return RichText.builder().paragraph(msg(l, titleKey, sessions.size())).bullets(items).build();
    }

    /** "Je ne connais pas « X ». Sessions connues : ..." */
    public RichText unknownSession(Language l, String typed, Catalog catalog) {
        if (catalog.sessions().isEmpty()) {
            return noSession(l);
        }
        List<List<Span>> items = new ArrayList<>();
        for (Session s : catalog.sessions()) {
            items.add(List.of(new Bold(s.id()), new Plain(" — " + s.name())));
        }
        return RichText.builder()
                .paragraph(msg(l, "session.unknown", typed))
                .bullets(items)
                .build();
    }

    public RichText noSession(Language l) {
        return RichText.plain(msg(l, "session.none"));
    }

    public RichText faq(FaqEntry entry) {
        return RichText.plain(entry.answer().strip());
    }

    private String msg(Language l, String key, Object... args) {
        return messages.get(l, key, args);
    }
}
