package org.animfr.animabot.core.learner;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;

/**
 * Reading and changing learners' profiles, for any trigger (a chat command, a form, a web page). Whoever needs to
 * know when profiles change (the index of similar projects) listens here. Thread-safe.
 */
public final class Profiles {
    private final LearnerDirectory directory;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Profiles(LearnerDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The learner behind this account, if they ever told the bot anything. */
    public Optional<Learner> of(PersonRef account) {
        return directory.find(account);
    }

    /** The learner's profile, or an empty one for someone the bot does not know. */
    public Profile profileOf(PersonRef account) {
        return of(account).map(Learner::profile).orElse(Profile.empty());
    }

    /**
     * Changes the person's profile (enrolling them when new) and returns them as they are now. The change receives
     * the current profile and the instant of the change.
     */
    public Learner change(Person person, Change change) {
        Learner learner = directory.enrol(person);
        Profile changed = change.apply(learner.profile(), clock.instant());
        directory.saveProfile(learner.id(), changed);
        listeners.forEach(Runnable::run);
        return new Learner(learner.id(), learner.accounts(), changed);
    }

    /** Called after every change made here, on the changing thread. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    void changed() {
        listeners.forEach(Runnable::run);
    }

    /** A change of profile, given when it happens. */
    @FunctionalInterface
    public interface Change {
        Profile apply(Profile current, Instant at);
    }
}
