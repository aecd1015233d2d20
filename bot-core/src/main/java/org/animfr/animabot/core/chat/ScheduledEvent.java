package org.animfr.animabot.core.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * An event the bot shows in a space's own calendar (a Discord server's scheduled events): a gathering, at its place.
 *
 * @param key what it is, stable while organizers move or rename it ({@code gathering-2.animacoop-7}), non-null
 * @param name its title, non-blank (platforms shorten what is too long)
 * @param start when it starts, non-null
 * @param end when it ends, after {@code start}
 * @param place where it happens, non-blank
 * @param description more about it, non-null, possibly empty
 */
public record ScheduledEvent(String key, String name, Instant start, Instant end, String place, String description) {
    public ScheduledEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(place, "place");
        description = description == null ? "" : description;
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("An event ends after it starts: " + key);
        }
    }
}
