package org.animfr.animabot.core.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * What the core does when a durable timer fires. Called by the timers' implementation on its own threads; each call
 * returns when the work is done (or recorded to be done later), so a crash in between makes the timer fire again.
 */
public interface TimerWork {

    /**
     * A post's time has come: record it for its targets if it is not yet, and send what is pending.
     *
     * @return empty when done; the instant the post is due now, when the data moved it later meanwhile (the timer
     *     is then set again for that instant)
     */
    Optional<Instant> postDue(String postKey);

    /** A delivery's retry time has come. */
    void retryDue(long deliveryId);

    /** A regular look at the data: timers follow what organizers changed. */
    void replan();
}
