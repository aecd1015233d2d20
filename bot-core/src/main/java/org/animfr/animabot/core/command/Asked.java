package org.animfr.animabot.core.command;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;

/**
 * A message with what the core knows around it: the language to answer in, whether its author is an
 * organizer, the session linked to its conversation, the catalog and the time when it is handled.
 *
 * @param linkedSession the session the conversation is linked to, when there is one and it is still in the catalog
 */
public record Asked(
        IncomingMessage message,
        Language language,
        boolean organizer,
        Optional<Session> linkedSession,
        Catalog catalog,
        ZonedDateTime now) {
    public Asked {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(linkedSession, "linkedSession");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(now, "now");
    }

    public Asked withLanguage(Language other) {
        return new Asked(message, other, organizer, linkedSession, catalog, now);
    }
}
