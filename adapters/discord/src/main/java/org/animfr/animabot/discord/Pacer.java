package org.animfr.animabot.discord;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Spaces the bot's own requests so that a burst (a prompt with its threads to 200 channels) stays under Discord's
 * global limit instead of running into it and waiting on 429s.
 *
 * <p>A request holds its slot while in flight and for a second and a little more after its answer. Since Discord
 * counts a request somewhere between its sending and its answer, this guarantees that Discord never sees more
 * than {@code perSecond} of ours in any second, however JDA's workers bunch them up and delay them after we hand
 * them over. (Counting from the hand-over instead was measured: under load JDA sends some late, and Discord refuses
 * them.) Thread-safe; {@link #acquire()} blocks the caller until a slot is free.
 */
final class Pacer {
    static final long WINDOW_NANOS = Duration.ofMillis(1050).toNanos();

    private final int perSecond;
    private final LongSupplier nanoTime;
    /** The recent requests, oldest first. */
    private final Deque<Slot> recent = new ArrayDeque<>();

    Pacer(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    Pacer(int perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    /** A request's place in the window; call {@link #release()} when its answer (or failure) arrives. */
    final class Slot {
        private boolean answered;
        private long answeredAt;

        void release() {
            synchronized (recent) {
                answered = true;
                answeredAt = nanoTime.getAsLong();
                recent.notifyAll();
            }
        }

        private boolean freeAt(long now) {
            return answered && now - answeredAt >= WINDOW_NANOS;
        }
    }

    /** Takes a slot, waiting as long as needed. */
    Slot acquire() throws InterruptedException {
        synchronized (recent) {
            while (true) {
                Optional<Slot> slot = tryAcquire();
                if (slot.isPresent()) {
                    return slot.get();
                }
                recent.wait(Math.max(1, waitNanos() / 1_000_000 + 1));
            }
        }
    }

    /** Takes a slot if one is free now. */
    Optional<Slot> tryAcquire() {
        synchronized (recent) {
            long now = nanoTime.getAsLong();
            recent.removeIf(slot -> slot.freeAt(now));
            if (recent.size() >= perSecond) {
                return Optional.empty();
            }
            Slot slot = new Slot();
            recent.addLast(slot);
            return Optional.of(slot);
        }
    }

    /** How long until the oldest answered request leaves the window; a short wait while all are in flight. */
    private long waitNanos() {
        long now = nanoTime.getAsLong();
        return recent.stream().filter(slot -> slot.answered)
                .mapToLong(slot -> WINDOW_NANOS - (now - slot.answeredAt))
                .min().orElse(Duration.ofMillis(50).toNanos());
    }
}
