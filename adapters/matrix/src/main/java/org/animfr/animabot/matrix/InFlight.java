package org.animfr.animabot.matrix;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * At most so many requests under way at once, the others queued in order, without holding a thread. The bot's own
 * posts to hundreds of rooms go through it: all at once, each rate-limited request would be sent again every time
 * the homeserver frees a token, hundreds of refusals a second for one success; a few at a time, each waits its
 * turn and the homeserver answers as many as it allows. Thread-safe.
 */
final class InFlight {
    private final int limit;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    InFlight(int limit) {
        this.limit = limit;
    }

    /** Starts the request now if fewer than the limit are under way, otherwise when one of them ends. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> sent;
            try {
                sent = request.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((value, error) -> {
                ended();
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        };
        synchronized (this) {
            if (running >= limit) {
                waiting.addLast(start);
                return result;
            }
            running++;
        }
        start.run();
        return result;
    }

    private void ended() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
