package org.animfr.animabot.matrix;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync token saved only once every message of its batch and of the batches before it has been answered: a
 * restart resumes from there, and the homeserver hands back whatever was still unanswered. The sync itself runs
 * ahead, so that a slow answer holds up no other room. Once closed (the bot stopping), nothing more is saved: what
 * the stop cut short stays owed. Thread-safe.
 */
final class SyncWatermark {
    private static final Logger LOG = LoggerFactory.getLogger(SyncWatermark.class);

    private record Batch(String token, CompletableFuture<?> answered) {}

    private final SyncTokenStore tokens;
    private final Deque<Batch> unanswered = new ArrayDeque<>();
    private boolean closed;

    SyncWatermark(SyncTokenStore tokens) {
        this.tokens = tokens;
    }

    /**
     * A batch read: its token is saved when {@code answered} completes (normally or not) and every earlier batch
     * is answered too.
     */
    void read(String token, CompletableFuture<?> answered) {
        synchronized (this) {
            unanswered.addLast(new Batch(token, answered));
        }
        answered.whenComplete((ok, error) -> advance());
    }

    /** Waits until every batch read is answered, or the time is up; true when they all are. */
    boolean awaitAnswered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CompletableFuture<?> last;
            synchronized (this) {
                if (unanswered.isEmpty()) {
                    return true;
                }
                last = unanswered.peekLast().answered();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                last.get(left, TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // answered or not, the loop looks at what is left
            }
        }
    }

    /** How many read batches still wait for answers. */
    synchronized int owed() {
        return unanswered.size();
    }

    /** Saves nothing more: the batches still unanswered are read again after a restart. */
    synchronized void close() {
        closed = true;
    }

    private synchronized void advance() {
        String safe = null;
        while (!unanswered.isEmpty() && unanswered.peekFirst().answered().isDone()) {
            safe = unanswered.pollFirst().token();
        }
        if (safe == null || safe.isBlank() || closed) {
            return;
        }
        try {
            tokens.save(safe);
        } catch (RuntimeException e) {
            LOG.warn("Could not save the Matrix sync token; a restart reads again what was answered since the last "
                    + "one saved, and answers only what was not", e);
        }
    }
}
