package org.animfr.animabot.matrix;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.animfr.animabot.core.chat.spi.Backoff;
import org.animfr.animabot.core.chat.spi.DaemonThreads;
import org.animfr.animabot.matrix.bridge.MatrixBridge;
import org.animfr.animabot.matrix.bridge.SyncResponse;

/**
 * The sync loop, on its own thread: asks the homeserver for news from the last token, hands each batch to the
 * listener, then asks again; a failed request is retried with growing delays. The next request leaves only when
 * the listener has returned, and the token advances only then, so a batch the listener refused comes again.
 */
final class SyncLoop {
    static final String FILTER = "{\"room\":{\"timeline\":{\"limit\":100}},\"presence\":{\"types\":[]}}";
    static final Duration LONG_POLL = Duration.ofSeconds(30);
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(60);

    private final MatrixBridge bridge;
    private final Timelines timelines;
    private final SyncListener listener;
    private final Backoff backoff;
    private volatile boolean stopped;
    private volatile CompletableFuture<SyncResponse> pending;
    private Thread thread;

    SyncLoop(MatrixBridge bridge, String self, SyncListener listener, Backoff backoff) {
        this.bridge = bridge;
        this.timelines = new Timelines(bridge, self);
        this.listener = listener;
        this.backoff = backoff;
    }

    /**
     * The first sync wants no history. Synapse answers a repeated identical sync request from a cache for two
     * minutes, which after a quick restart would hand back an old token (and then the history since it); a type no
     * one uses makes each first sync request new.
     */
    static String firstFilter() {
        return "{\"room\":{\"timeline\":{\"limit\":1}},\"presence\":{\"types\":[]},"
                + "\"account_data\":{\"not_types\":[\"org.animfr.animabot.first-sync." + UUID.randomUUID() + "\"]}}";
    }

    /** Starts syncing from the token (null: a first sync). */
    synchronized void start(String since) {
        thread = DaemonThreads.start("matrix-sync", () -> run(since));
    }

    private void run(String since) {
        String token = since;
        while (!stopped) {
            try {
                boolean first = token == null;
                CompletableFuture<SyncResponse> request = bridge.sync(token, first ? firstFilter() : FILTER,
                        first ? Duration.ZERO : LONG_POLL);
                pending = request;
                SyncResponse response = request.get(LONG_POLL.plus(ANSWER_MARGIN).toSeconds(), TimeUnit.SECONDS);
                listener.onBatch(timelines.read(response, token));
                token = response.nextBatch();
                backoff.reset();
            } catch (InterruptedException | CancellationException e) {
                return;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                Duration wait = backoff.next();
                listener.onError(e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e, wait);
                if (!Backoff.pause(wait)) {
                    return;
                }
            }
        }
    }

    synchronized void stop() {
        stopped = true;
        CompletableFuture<SyncResponse> request = pending;
        if (request != null) {
            request.cancel(true);
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
