package org.animfr.animabot.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in a test: it runs like the system's from a chosen instant, and jumps forward when the
 * test says so, for every reader at once (the core, the persistence and db-scheduler, which then fires what became
 * due). Thread-safe.
 */
final class MovableClock extends Clock {
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    MovableClock(Instant start) {
        this(new AtomicReference<>(Duration.between(Instant.now(), start)), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** From now on the clock reads this instant, then runs on from there. */
    void jumpTo(Instant at) {
        offset.set(Duration.between(Instant.now(), at));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen in another zone: a jump moves both. */
    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(offset, other);
    }
}
