package org.animfr.animabot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.learner.Account;
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.learner.LearnerDirectory;
import org.animfr.animabot.core.learner.Profile;

/** Learners kept in memory, for tests of the core; the JDBC directory passes the same contract. Thread-safe. */
public final class InMemoryLearnerDirectory implements LearnerDirectory {
    private final Map<Long, Learner> learners = new TreeMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private long nextId = 1;

    private record Code(long learnerId, Instant expiresAt) {}

    @Override
    public synchronized Optional<Learner> find(PersonRef account) {
        return learners.values().stream().filter(l -> l.has(account)).findFirst();
    }

    @Override
    public synchronized Optional<Learner> byId(long learnerId) {
        return Optional.ofNullable(learners.get(learnerId));
    }

    @Override
    public synchronized Learner enrol(Person person) {
        Optional<Learner> known = find(person.ref());
        Account account = Account.of(person);
        if (known.isPresent()) {
            Learner learner = known.get();
            List<Account> accounts = learner.accounts().stream()
                    .map(a -> a.ref().equals(person.ref()) ? account : a).toList();
            Learner updated = new Learner(learner.id(), accounts, learner.profile());
            learners.put(learner.id(), updated);
            return updated;
        }
        Learner created = new Learner(nextId++, List.of(account), Profile.empty());
        learners.put(created.id(), created);
        return created;
    }

    @Override
    public synchronized boolean saveProfile(long learnerId, Profile profile) {
        Learner learner = learners.get(learnerId);
        if (learner == null) {
            return false;
        }
        learners.put(learnerId, new Learner(learnerId, learner.accounts(), profile));
        return true;
    }

    @Override
    public synchronized List<Learner> consenting() {
        return learners.values().stream().filter(l -> l.profile().introductions()).toList();
    }

    @Override
    public synchronized void saveLinkCode(long learnerId, String code, Instant expiresAt) {
        codes.values().removeIf(c -> c.learnerId() == learnerId);
        codes.put(code, new Code(learnerId, expiresAt));
    }

    @Override
    public synchronized Optional<Long> takeLinkCode(String code, Instant now) {
        Code taken = codes.remove(code);
        return taken == null || !now.isBefore(taken.expiresAt()) ? Optional.empty() : Optional.of(taken.learnerId());
    }

    @Override
    public synchronized void merge(long keptId, long absorbedId, Profile profile) {
        Learner kept = learners.get(keptId);
        Learner absorbed = learners.remove(absorbedId);
        List<Account> accounts = new ArrayList<>(kept.accounts());
        accounts.addAll(absorbed.accounts());
        learners.put(keptId, new Learner(keptId, accounts, profile));
        codes.values().removeIf(c -> c.learnerId() == absorbedId);
    }

    @Override
    public synchronized void erase(long learnerId) {
        learners.remove(learnerId);
        codes.values().removeIf(c -> c.learnerId() == learnerId);
    }

    /** How many learners there are, and codes waiting: what erasure must bring down. */
    public synchronized int size() {
        return learners.size() + codes.size();
    }
}
