package org.animfr.animabot.core.learner;

import java.util.List;
import java.util.Objects;
import org.animfr.animabot.core.chat.PersonRef;

/**
 * One person, whatever the platforms they use: their accounts (one per platform they linked) and their profile.
 * Immutable.
 *
 * @param id the directory's id, stable until the learner is erased
 * @param accounts at least one, the first linked first; direct messages go to the first
 * @param profile non-null, {@link Profile#empty()} until they tell something
 */
public record Learner(long id, List<Account> accounts, Profile profile) {
    public Learner {
        accounts = List.copyOf(accounts);
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("A learner has at least one account");
        }
        Objects.requireNonNull(profile, "profile");
    }

    /** The account the bot writes to: the first one. */
    public Account main() {
        return accounts.get(0);
    }

    public String displayName() {
        return main().displayName();
    }

    public boolean has(PersonRef ref) {
        return accounts.stream().anyMatch(a -> a.ref().equals(ref));
    }
}
