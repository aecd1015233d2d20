package org.animfr.animabot.core.schedule;

import java.util.List;
import org.animfr.animabot.core.chat.PersonRef;

/**
 * The learners who asked ({@code rappels oui}) for the reminders of a session by direct message. Implementations
 * are durable and thread-safe.
 */
public interface ReminderChoices {

    /** The person gets the session's reminders; already subscribed is fine. */
    void subscribe(PersonRef person, String sessionId);

    /** The person stops getting the session's reminders; false when they did not get them. */
    boolean unsubscribe(PersonRef person, String sessionId);

    /** Every person getting the session's reminders. */
    List<PersonRef> subscribersOf(String sessionId);

    /** The sessions whose reminders the person gets. */
    List<String> sessionsOf(PersonRef person);
}
