package org.animfr.animabot.core.session;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
     * ("animacoop 7", "Animacoop-7", "ANIMACOOP7").
     */
    public Optional<Session> find(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String key = compact(typed);
        return sessions.stream()
                .filter(s -> compact(s.id()).equals(key) || compact(s.name()).equals(key))
                .findFirst();
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

    /** Lower case, no accents, letters and digits only: how session names are compared. */
    public static String compact(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]", "");
    }
}
