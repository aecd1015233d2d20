package org.animfr.animabot.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand instead of sleeping: frozen, or {@linkplain #running(Instant) running} at normal speed
 * between jumps for code that waits on the clock itself (db-scheduler's polling waits until the clock has moved).
 * Thread-safe.
 */
public final class MutableClock extends Clock {
    private final boolean running;
    private Instant base;
    private long baseNanos;

    public MutableClock(Instant start) {
        this(start, false);
    }

    private MutableClock(Instant start, boolean running) {
        this.running = running;
        this.base = start;
        this.baseNanos = System.nanoTime();
    }

    /** A clock that starts at {@code start} and runs at normal speed; {@link #set} and {@link #advance} jump. */
    public static MutableClock running(Instant start) {
        return new MutableClock(start, true);
    }

    public synchronized void set(Instant instant) {
        base = instant;
        baseNanos = System.nanoTime();
    }

    public synchronized void advance(Duration duration) {
        set(instant().plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock outer = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return outer.withZone(other);
            }

            @Override
            public Instant instant() {
                return outer.instant();
            }
        };
    }

    @Override
    public synchronized Instant instant() {
        return running ? base.plusNanos(System.nanoTime() - baseNanos) : base;
    }
}
