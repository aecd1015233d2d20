package org.animfr.animabot.core.chat;

import java.util.Objects;

/**
 * A person as a platform shows them: their reference, the name to address them by, and the name that finds them on
 * the platform when it is not their id.
 *
 * @param ref who they are, non-null
 * @param displayName non-null (it falls back to the id when the platform gives no name)
 * @param handle the unique name people search them by (a Discord user name), or null where the id serves (Matrix)
 */
public record Person(PersonRef ref, String displayName, String handle) {
    public Person {
        Objects.requireNonNull(ref, "ref");
        displayName = displayName == null || displayName.isBlank() ? ref.id() : displayName;
        handle = handle == null || handle.isBlank() ? null : handle.strip();
    }

    public Person(PersonRef ref, String displayName) {
        this(ref, displayName, null);
    }
}
