package org.animfr.animabot.core.chat.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Growing delays between attempts: the first delay, then twice the previous one, never more than the longest,
 * until {@link #reset()} after a success. One instance per retry loop; not thread-safe.
 */
public final class Backoff {
    private final Duration first;
    private final Duration longest;
    private Duration next;

    public Backoff(Duration first, Duration longest) {
        this.first = Objects.requireNonNull(first, "first");
        this.longest = Objects.requireNonNull(longest, "longest");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("Need 0 < first <= longest, got " + first + " and " + longest);
        }
        this.next = first;
    }

    /** The delay to wait before the next attempt; each call doubles the following one, up to the longest. */
    public Duration next() {
        Duration current = next;
        Duration doubled = current.multipliedBy(2);
        next = doubled.compareTo(longest) > 0 ? longest : doubled;
        return current;
    }

    /** Back to the first delay, after an attempt that worked. */
    public void reset() {
        next = first;
    }

    /** Waits for a delay on this thread; false when the thread was interrupted (its flag is set again). */
    public static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
