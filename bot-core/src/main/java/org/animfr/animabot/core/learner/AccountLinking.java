package org.animfr.animabot.core.learner;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.animfr.animabot.core.chat.Person;

/**
 * One person, several platforms: a one-time code shown on one account and typed on another joins both accounts into
 * one learner, with one profile, one history and one consent. Codes are random, valid ten minutes and used once.
 * The profile kept is the one of the account that made the code when it has a project, else the other's. Thread-safe.
 */
public final class AccountLinking {
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    /** No 0/O nor 1/I/L: people copy codes by hand from one screen to another. */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int CODE_LENGTH = 6;

    private final LearnerDirectory directory;
    private final Profiles profiles;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();

    public AccountLinking(LearnerDirectory directory, Profiles profiles, Clock clock) {
        this.directory = directory;
        this.profiles = profiles;
        this.clock = clock;
    }

    public void onMerge(LinkListener listener) {
        listeners.add(listener);
    }

    /** A new code for the person's learner, replacing any earlier one, and when it expires. */
    public Code newCode(Person person) {
        Learner learner = directory.enrol(person);
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant expiresAt = clock.instant().plus(CODE_VALIDITY);
        directory.saveLinkCode(learner.id(), code.toString(), expiresAt);
        return new Code(code.toString(), expiresAt);
    }

    /** Joins the person's account to the learner whose code they typed. */
    public Outcome link(Person person, String typedCode) {
        String code = typedCode.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
        Optional<Learner> typing = directory.find(person.ref());
        Optional<Long> owner = directory.takeLinkCode(code, clock.instant());
        if (owner.isEmpty()) {
            return new BadCode();
        }
        Optional<Learner> kept = directory.byId(owner.get());
        if (kept.isEmpty()) {
            return new BadCode();
        }
        if (typing.isPresent() && typing.get().id() == kept.get().id()) {
            return new AlreadyLinked(kept.get());
        }
        Learner absorbed = typing.orElseGet(() -> directory.enrol(person));
        Profile profile = kept.get().profile().hasProject() || !absorbed.profile().hasProject()
                ? kept.get().profile() : absorbed.profile();
        directory.merge(kept.get().id(), absorbed.id(), profile);
        listeners.forEach(l -> l.merged(kept.get().id(), absorbed.id()));
        profiles.changed();
        return new Linked(directory.byId(kept.get().id()).orElseThrow());
    }

    /** A code and the instant it stops working. */
    public record Code(String code, Instant expiresAt) {}

    /** What linking did. */
    public sealed interface Outcome permits Linked, BadCode, AlreadyLinked {}

    /** Both accounts are now one learner. */
    public record Linked(Learner learner) implements Outcome {}

    /** No such code, or it expired or was used. */
    public record BadCode() implements Outcome {}

    /** The code belongs to the same learner: nothing to do. */
    public record AlreadyLinked(Learner learner) implements Outcome {}
}
