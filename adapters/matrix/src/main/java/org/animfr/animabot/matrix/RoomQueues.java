package org.animfr.animabot.matrix;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /**
     * Runs the task after the room's earlier tasks; a task that fails does not stop the ones after it.
     *
     * @return completes when the task's stage does, failed or not; never completes if the queues were shut down
     *     before the task could run
     */
    synchronized CompletableFuture<Void> submit(String room, Supplier<CompletionStage<Void>> task) {
        CompletableFuture<Void> previous = tails.getOrDefault(room, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> next = new CompletableFuture<>();
        try {
            previous.handle((ok, error) -> null)
                    .thenComposeAsync(ignored -> task.get(), pool)
                    .whenComplete((ok, error) -> {
                        if (!(unwrap(error) instanceof RejectedExecutionException)) {
                            next.complete(null);
                        }
                    });
        } catch (RejectedExecutionException e) {
            return next;
        }
        tails.put(room, next);
        next.whenComplete((ok, error) -> {
            synchronized (this) {
                tails.remove(room, next);
            }
        });
        return next;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    void shutdown() {
        pool.shutdownNow();
    }
}
