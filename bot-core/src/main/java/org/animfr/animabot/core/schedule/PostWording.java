package org.animfr.animabot.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.Link;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;

/**
 * Words planned posts in the network's language, as they will be sent: the prompt with its week and theme (and a
 * thread named after the week), a reminder with its event's title, day, time, place and the session's
 * registration link. "Tomorrow" and "in 7 days" are counted from the moment the post goes out. Thread-safe.
 */
final class PostWording {
    /** Discord's longest thread name. */
    private static final int MAX_THREAD_NAME = 100;

    private final Messages messages;

    PostWording(Messages messages) {
        this.messages = messages;
    }

    /** The post as it goes out at {@code now}; empty when its week or gathering is no longer in the data. */
    Optional<Post> word(PlannedPost planned, Catalog catalog, Instant now) {
        Optional<Session> session = catalog.byId(planned.sessionId());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Language l = catalog.network().language();
        LocalDate today = LocalDate.ofInstant(now, catalog.network().timezone());
        Session s = session.get();
        return switch (planned.kind()) {
            case PROMPT -> s.week(planned.week()).map(week -> prompt(planned, l, s, week));
            case GATHERING_REMINDER -> gathering(planned, s, PostPlanner.gatheringTime(planned.event()))
                    .map(g -> gatheringReminder(planned, l, s, g, today));
            case START_REMINDER -> Optional.of(startReminder(planned, l, s, today));
        };
    }

    private Post prompt(PlannedPost planned, Language l, Session s, Week week) {
        RichText text = RichText.builder()
                .paragraph(new Bold(messages.get(l, "post.prompt.heading", s.name(), week.number(), week.theme())))
                .paragraph(messages.get(l, "post.prompt.text", week.prompt().strip()))
                .paragraph(messages.get(l, "post.prompt.answer-here"))
                .build();
        String thread = messages.get(l, "post.prompt.thread", week.number(), week.theme());
        return new Post(planned.key(), Reply.of(text), truncate(thread), planned.usefulUntil());
    }

    private Post gatheringReminder(PlannedPost planned, Language l, Session s, Gathering g, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, g.at().toLocalDate());
        String title = g.title().isBlank() ? messages.get(l, "post.gathering.untitled") : g.title();
        RichText.Builder text = RichText.builder()
                .paragraph(new Bold(messages.get(l, "post.gathering.heading", s.name(), title)))
                .paragraph(messages.get(l, "post.gathering.when", Math.max(0, days), messages.dateTime(l, g.at())))
                .paragraph(messages.get(l, "post.gathering.place", g.place()));
        link(l, s, text);
        return new Post(planned.key(), Reply.of(text.build()), null, planned.usefulUntil());
    }

    private Post startReminder(PlannedPost planned, Language l, Session s, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, s.start());
        RichText.Builder text = RichText.builder()
                .paragraph(new Bold(messages.get(l, "post.start.heading", s.name())))
                .paragraph(messages.get(l, "post.start.when", s.name(), Math.max(0, days),
                        messages.date(l, s.start())));
        link(l, s, text);
        return new Post(planned.key(), Reply.of(text.build()), null, planned.usefulUntil());
    }

    private void link(Language l, Session s, RichText.Builder text) {
        if (s.registration() != null && !s.registration().isBlank()) {
            text.paragraph(new Plain(messages.get(l, "post.link") + " "), new Link(s.registration(), s.registration()));
        }
    }

    private static Optional<Gathering> gathering(PlannedPost planned, Session s, LocalDateTime at) {
        return s.gatherings().stream().filter(g -> g.at().equals(at)).findFirst();
    }

    private static String truncate(String text) {
        if (text.length() <= MAX_THREAD_NAME) {
            return text;
        }
        int end = MAX_THREAD_NAME - 1;
        // never half an emoji: a cut between the two halves of a surrogate pair would leave an invalid name
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
