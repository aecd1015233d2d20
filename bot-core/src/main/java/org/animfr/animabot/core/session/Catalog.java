package org.animfr.animabot.core.session;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.animfr.animabot.core.text.TextFold;

/**
 * Everything organizers published: the network, its sessions (sorted by start date) and the FAQ.
 * Immutable; a reload builds a new catalog.
 */
public record Catalog(Network network, List<Session> sessions, List<FaqEntry> faq) {
    public static final Catalog EMPTY = new Catalog(Network.DEFAULT, List.of(), List.of());

    public Catalog {
        Objects.requireNonNull(network, "network");
        sessions = sessions.stream().sorted(Comparator.comparing(Session::start).thenComparing(Session::id)).toList();
        faq = List.copyOf(faq);
    }

    public Optional<Session> byId(String id) {
        return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * Finds a session by what a person typed: its id, or its name ignoring case, accents, spaces and dashes
     * ("animacoop 7", "Animacoop-7", "ANIMACOOP7"; "coeur de loire" for "Cœur de Loire"), as {@link TextFold#compact}
     * compares them.
     */
    public Optional<Session> find(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String key = TextFold.compact(typed);
        return sessions.stream()
                .filter(s -> TextFold.compact(s.id()).equals(key) || TextFold.compact(s.name()).equals(key))
                .findFirst();
    }

    /** When the session's automatic posts go out: the network's times with the session's changes. */
    public PostTimes postTimes(Session session) {
        return session.posts().over(network.posts());
    }

    /** Sessions running on the date, then those still to come, in start order. */
    public List<Session> currentAndUpcoming(LocalDate today) {
        return sessions.stream().filter(s -> !s.hasEndedBy(today)).toList();
    }

    /** The first session that has not started yet. */
    public Optional<Session> nextToStart(LocalDate today) {
        return sessions.stream().filter(s -> s.start().isAfter(today)).findFirst();
    }

    /** The session running on the date (the earliest started, when several overlap). */
    public Optional<Session> running(LocalDate today) {
        return sessions.stream().filter(s -> s.isRunningOn(today)).findFirst();
    }

}
