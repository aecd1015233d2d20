package org.animfr.animabot.core.session;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Decides which session a person means. Named explicitly: that one (or nothing, when the name is unknown).
 * Not named: the session linked to the conversation, else the one running today, else the next to start,
 * else the last one that ended. Stateless.
 */
public final class SessionResolver {

    /** The outcome: a session, an unknown name, or no session at all in the catalog. */
    public sealed interface Resolution permits Found, UnknownName, NoSession {}

    public record Found(Session session) implements Resolution {}

    public record UnknownName(String typed) implements Resolution {}

    public record NoSession() implements Resolution {}

    public Resolution resolve(Optional<String> typed, SessionContext context) {
        Catalog catalog = context.catalog();
        if (typed.isPresent() && !typed.get().isBlank()) {
            return catalog.find(typed.get()).<Resolution>map(Found::new)
                    .orElseGet(() -> new UnknownName(typed.get()));
        }
        return byDefault(context).<Resolution>map(Found::new).orElseGet(NoSession::new);
    }

    public Optional<Session> byDefault(SessionContext context) {
        if (context.linkedSession().isPresent()) {
            return context.linkedSession();
        }
        Catalog catalog = context.catalog();
        LocalDate today = context.today();
        return catalog.running(today)
                .or(() -> catalog.nextToStart(today))
                .or(() -> catalog.sessions().isEmpty() ? Optional.empty()
                        : Optional.of(catalog.sessions().get(catalog.sessions().size() - 1)));
    }
}
