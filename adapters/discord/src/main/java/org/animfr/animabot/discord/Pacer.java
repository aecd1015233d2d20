package org.animfr.animabot.discord;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Spaces the bot's own requests so that a burst (an announcement to 200 channels) stays under Discord's global
 * limit instead of running into it and waiting on 429s.
 *
 * <p>A request holds its slot while in flight and for a second and a little more after its answer. Since Discord
 * counts a request somewhere between its sending and its answer, this guarantees that Discord never sees more
 * than {@code perSecond} of ours in any second, however JDA's workers bunch them up. Thread-safe;
 * {@link #acquire()} blocks the caller until a slot is free.
 */
final class Pacer {
    private static final long WINDOW_NANOS = Duration.ofMillis(1050).toNanos();
    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private final int perSecond;
    /** When each recent request was answered, oldest first; {@link #IN_FLIGHT} while it is not. */
    private final Deque<Slot> recent = new ArrayDeque<>();

    Pacer(int perSecond) {
        this.perSecond = perSecond;
    }

    /** A request's place in the window; call {@link #release()} when its answer (or failure) arrives. */
    final class Slot {
        private long answeredAt = IN_FLIGHT;

        void release() {
            synchronized (recent) {
                answeredAt = System.nanoTime();
                recent.notifyAll();
            }
        }
    }

    Slot acquire() throws InterruptedException {
        synchronized (recent) {
            while (true) {
                long now = System.nanoTime();
                recent.removeIf(slot -> slot.answeredAt != IN_FLIGHT && now - slot.answeredAt >= WINDOW_NANOS);
                if (recent.size() < perSecond) {
                    Slot slot = new Slot();
                    recent.addLast(slot);
                    return slot;
                }
                long oldestAnswer = recent.stream().mapToLong(s -> s.answeredAt).min().orElse(IN_FLIGHT);
                long waitMillis = oldestAnswer == IN_FLIGHT ? 50
                        : Math.max(1, (WINDOW_NANOS - (now - oldestAnswer)) / 1_000_000 + 1);
                recent.wait(waitMillis);
            }
        }
    }
}
