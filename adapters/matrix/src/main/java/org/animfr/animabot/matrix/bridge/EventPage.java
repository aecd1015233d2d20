package org.animfr.animabot.matrix.bridge;

import java.util.List;

/**
 * A page of a room's history, read backwards.
 *
 * @param events the page's events, newest first, never null
 * @param end the token to read the page before this one, or null when there is none
 */
public record EventPage(List<RoomEvent> events, String end) {
    public EventPage {
        events = List.copyOf(events);
    }
}
