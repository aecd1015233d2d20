package org.animfr.animabot.core.session;

import java.time.ZoneId;
import java.util.Objects;
import org.animfr.animabot.core.i18n.Language;

/**
 * The network running the sessions.
 *
 * @param name its name, non-null
 * @param timezone the time zone in which all session dates and post times are written, non-null
 * @param language the language of what the bot posts on its own (prompts, reminders), non-null
 * @param posts when the bot posts on its own, unless a session says otherwise, non-null
 */
public record Network(String name, ZoneId timezone, Language language, PostTimes posts) {
    public static final Network DEFAULT = new Network("Anim-fr", ZoneId.of("Europe/Paris"));

    public Network {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(posts, "posts");
    }

    /** A French-speaking network with the default post times. */
    public Network(String name, ZoneId timezone) {
        this(name, timezone, Language.FR, PostTimes.DEFAULT);
    }
}
