package org.animfr.animabot.core.session;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a session feature needs around a request: the catalog in force, the session the conversation is linked to
 * (when it is still in the catalog), and now, in the network's time zone.
 */
public record SessionContext(Catalog catalog, Optional<Session> linkedSession, ZonedDateTime now) {
    public SessionContext {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(linkedSession, "linkedSession");
        Objects.requireNonNull(now, "now");
    }

    public LocalDate today() {
        return now.toLocalDate();
    }
}
