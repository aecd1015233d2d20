package org.animfr.animabot.core.learner;

import java.util.Objects;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;

/**
 * One of a learner's accounts: who they are on a platform, and the names others know them by there.
 *
 * @param ref the platform account, non-null
 * @param displayName the name the platform showed last, non-null (the id when the platform gave none)
 * @param handle the unique name that finds them on the platform (a Discord user name), or null where the id serves
 */
public record Account(PersonRef ref, String displayName, String handle) {
    public Account {
        Objects.requireNonNull(ref, "ref");
        displayName = displayName == null || displayName.isBlank() ? ref.id() : displayName.strip();
        handle = handle == null || handle.isBlank() ? null : handle.strip();
    }

    public Account(PersonRef ref, String displayName) {
        this(ref, displayName, null);
    }

    /** The account as its platform last showed it. */
    public static Account of(Person person) {
        return new Account(person.ref(), person.displayName(), person.handle());
    }

    /** What finds them on their platform: the handle where there is one, else the platform's id. */
    public String address() {
        return handle != null ? "@" + handle : ref.id();
    }
}
