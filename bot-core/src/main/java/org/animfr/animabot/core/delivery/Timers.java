package org.animfr.animabot.core.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * Durable timers: work to do at an instant, kept across restarts and done by exactly one instance of the bot, even
 * late after a downtime. What happens when they fire is the {@link TimerWork}'s business. Implementations are
 * thread-safe.
 */
public interface Timers {

    /** The post's timer fires at the instant; an earlier timer for the same post is moved there. */
    void postAt(String postKey, Instant at);

    /** The post's timer, if any, is removed. */
    void cancelPost(String postKey);

    /** Every post timer still to fire: post key to its instant. */
    Map<String, Instant> postTimers();

    /** The delivery is tried again at the instant. */
    void retryAt(long deliveryId, Instant at);
}
