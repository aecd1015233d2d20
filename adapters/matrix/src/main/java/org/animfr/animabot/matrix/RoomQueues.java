package org.animfr.animabot.matrix;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one after the other within a room and in parallel across rooms, on a few daemon threads; so a burst
 * in one room is answered in order, and a slow room does not hold up the others. Thread-safe.
 */
final class RoomQueues {
    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();

    RoomQueues(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the task after the room's earlier tasks; a task that throws does not stop the ones after it. */
    synchronized void submit(String room, Runnable task) {
        CompletableFuture<Void> previous = tails.getOrDefault(room, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> next;
        try {
            next = previous.handle((ok, error) -> null).thenRunAsync(task, pool);
        } catch (RejectedExecutionException e) {
            return;
        }
        tails.put(room, next);
        next.whenComplete((ok, error) -> {
            synchronized (this) {
                tails.remove(room, next);
            }
        });
    }

    void shutdown() {
        pool.shutdownNow();
    }
}
