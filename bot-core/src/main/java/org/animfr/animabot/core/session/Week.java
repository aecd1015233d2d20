package org.animfr.animabot.core.session;

import java.util.Objects;

/**
 * One week of a session: its number (1 is the week the session starts), theme and prompt.
 * {@code prompt} may be empty when organizers have not written it yet.
 */
public record Week(int number, String theme, String prompt) {
    public Week {
        if (number < 1) {
            throw new IllegalArgumentException("Week numbers start at 1");
        }
        Objects.requireNonNull(theme, "theme");
        prompt = prompt == null ? "" : prompt;
    }
}
