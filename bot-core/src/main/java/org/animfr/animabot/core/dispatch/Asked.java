package org.animfr.animabot.core.dispatch;

import java.time.ZonedDateTime;
import java.util.Objects;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.i18n.Language;

/**
 * A message with what the dispatcher knows around it: the language to answer in, whether its author is an
 * organizer, the time it is handled (in the network's time zone) and the commands the bot has.
 */
public record Asked(
        IncomingMessage message, Language language, boolean organizer, ZonedDateTime now, CommandRegistry commands) {
    public Asked {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(commands, "commands");
    }

    public Asked withLanguage(Language other) {
        return new Asked(message, other, organizer, now, commands);
    }
}
