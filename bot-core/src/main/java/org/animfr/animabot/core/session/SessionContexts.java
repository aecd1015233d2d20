package org.animfr.animabot.core.session;

import java.util.Optional;
import java.util.function.Supplier;
import org.animfr.animabot.core.dispatch.Asked;

/** Builds the {@link SessionContext} of a request from the live catalog and the rooms' links. Thread-safe. */
public final class SessionContexts {
    private final Supplier<Catalog> catalog;
    private final LinkedSessions links;

    public SessionContexts(Supplier<Catalog> catalog, LinkedSessions links) {
        this.catalog = catalog;
        this.links = links;
    }

    /** The context of a chat message: its conversation's session, at the time it is handled. */
    public SessionContext of(Asked asked) {
        Catalog current = catalog.get();
        Optional<Session> linked = links.sessionOf(asked.message().conversation()).flatMap(current::byId);
        return new SessionContext(current, linked, asked.now().withZoneSameInstant(current.network().timezone()));
    }
}
