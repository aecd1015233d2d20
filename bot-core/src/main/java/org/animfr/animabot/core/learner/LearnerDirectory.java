package org.animfr.animabot.core.learner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;

/**
 * The learners: their accounts, profiles and one-time linking codes. Implementations are durable (what is written is
 * there after a crash), thread-safe, and safe to share between instances on one database.
 */
public interface LearnerDirectory {

    /** The learner this account belongs to, if the person ever told the bot anything. */
    Optional<Learner> find(PersonRef account);

    Optional<Learner> byId(long learnerId);

    /**
     * The learner this account belongs to, created with an empty profile when new; the account's display name is
     * updated to what the platform shows now.
     */
    Learner enrol(Person person);

    /** Replaces the learner's profile; false when the learner no longer exists (erased meanwhile). */
    boolean saveProfile(long learnerId, Profile profile);

    /** Every learner who said yes to introductions (paused or not), in id order. */
    List<Learner> consenting();

    /** Keeps a one-time code that joins another account to this learner until the instant; a new code replaces an older one. */
    void saveLinkCode(long learnerId, String code, Instant expiresAt);

    /** The learner whose code it is, when it exists and has not expired at that instant; the code is used up either way. */
    Optional<Long> takeLinkCode(String code, Instant now);

    /**
     * Joins the absorbed learner into the kept one: its accounts move over, and the kept learner takes the given
     * profile; the absorbed learner and its codes are gone.
     */
    void merge(long keptId, long absorbedId, Profile profile);

    /** Erases the learner, their accounts, profile and codes. */
    void erase(long learnerId);
}
