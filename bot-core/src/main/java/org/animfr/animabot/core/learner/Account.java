package org.animfr.animabot.core.learner;

import java.util.Objects;
import org.animfr.animabot.core.chat.PersonRef;

/**
 * One of a learner's accounts: who they are on a platform, and the name others know them by there.
 *
 * @param ref the platform account, non-null
 * @param displayName the name the platform showed last, non-null (the id when the platform gave none)
 */
public record Account(PersonRef ref, String displayName) {
    public Account {
        Objects.requireNonNull(ref, "ref");
        displayName = displayName == null || displayName.isBlank() ? ref.id() : displayName.strip();
    }
}
