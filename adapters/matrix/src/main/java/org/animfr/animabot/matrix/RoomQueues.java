package org.animfr.animabot.matrix;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.spi.DaemonThreads;

/**
 * Runs tasks one after the other within a room and in parallel across rooms, on a few daemon threads: a task's
 * successor starts when the stage it returned completes (its replies sent), so a burst in one room is answered in
 * order, and a slow room holds up no other, nor any thread. Thread-safe.
 */
final class RoomQueues {
    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();

    RoomQueues(int threads, String name) {
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.named(name));
    }

    /** Runs the task after the room's earlier tasks; a task that fails does not stop the ones after it. */
    synchronized void submit(String room, Supplier<CompletionStage<Void>> task) {
        CompletableFuture<Void> previous = tails.getOrDefault(room, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> next;
        try {
            next = previous.handle((ok, error) -> null)
                    .thenComposeAsync(ignored -> task.get(), pool)
                    .handle((ok, error) -> null);
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
