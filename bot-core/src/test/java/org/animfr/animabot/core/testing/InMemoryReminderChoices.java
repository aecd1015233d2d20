package org.animfr.animabot.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.schedule.ReminderChoices;

/** Reminder choices kept in memory, for tests of the core. Thread-safe. */
public final class InMemoryReminderChoices implements ReminderChoices {
    private record Choice(PersonRef person, String sessionId) {}

    private final Set<Choice> choices = new LinkedHashSet<>();

    @Override
    public synchronized void subscribe(PersonRef person, String sessionId) {
        choices.add(new Choice(person, sessionId));
    }

    @Override
    public synchronized boolean unsubscribe(PersonRef person, String sessionId) {
        return choices.remove(new Choice(person, sessionId));
    }

    @Override
    public synchronized List<PersonRef> subscribersOf(String sessionId) {
        return new ArrayList<>(choices.stream().filter(c -> c.sessionId().equals(sessionId)).map(Choice::person)
                .toList());
    }

    @Override
    public synchronized List<String> sessionsOf(PersonRef person) {
        return new ArrayList<>(choices.stream().filter(c -> c.person().equals(person)).map(Choice::sessionId)
                .toList());
    }
}
