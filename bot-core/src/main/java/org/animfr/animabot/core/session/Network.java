package org.animfr.animabot.core.session;

import java.time.ZoneId;
import java.util.Objects;

/** The network running the sessions: its name and the time zone in which all session dates are written. */
public record Network(String name, ZoneId timezone) {
    public static final Network DEFAULT = new Network("Anim-fr", ZoneId.of("Europe/Paris"));

    public Network {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
    }
}
