package org.animfr.animabot.core.chat;

import java.util.Objects;

/**
 * A person as a platform shows them: their reference and the name to address them by.
 * {@code displayName} is non-null (it falls back to the id when the platform gives no name).
 */
public record Person(PersonRef ref, String displayName) {
    public Person {
        Objects.requireNonNull(ref, "ref");
        displayName = displayName == null || displayName.isBlank() ? ref.id() : displayName;
    }
}
