package org.animfr.animabot.core.session;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An in-person gathering ("regroupement") of a session.
 *
 * @param at local date-time in the network's time zone, non-null
 * @param place where it happens, non-null
 * @param title what it is (launch, mid-way, closing), non-null, possibly empty
 */
public record Gathering(LocalDateTime at, String place, String title) {
    public Gathering {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(place, "place");
        title = title == null ? "" : title;
    }
}
