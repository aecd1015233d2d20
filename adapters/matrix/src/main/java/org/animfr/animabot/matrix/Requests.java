package org.animfr.animabot.matrix;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.spi.Backoff;
import org.animfr.animabot.matrix.bridge.HomeserverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to the homeserver that a rate limit slows down but never loses: a request refused with
 * {@code M_LIMIT_EXCEEDED} is sent again after the delay the homeserver asks for (or a growing one when it does
 * not say), up to twenty times. The caller makes the request idempotent (a send keeps its transaction id).
 * Nothing waits on a thread: the next attempt is scheduled. Thread-safe.
 */
final class Requests {
    private static final Logger LOG = LoggerFactory.getLogger(Requests.class);
    static final int MAX_ATTEMPTS = 20;
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(100);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

    private Requests() {}

    /** The request's answer, asking again while the homeserver says it is rate-limited. */
    static <T> CompletableFuture<T> patiently(Supplier<CompletableFuture<T>> request) {
        return patiently(request, wait -> { });
    }

    /** The same, telling {@code waited} each wait the rate limit imposes. */
    static <T> CompletableFuture<T> patiently(Supplier<CompletableFuture<T>> request, Consumer<Duration> waited) {
        return attempt(request, 1, new Backoff(Duration.ofSeconds(1), LONGEST_WAIT), waited);
    }

    private static <T> CompletableFuture<T> attempt(Supplier<CompletableFuture<T>> request, int attempt,
            Backoff backoff, Consumer<Duration> waited) {
        CompletableFuture<T> sent;
        try {
            sent = request.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((value, error) -> {
            HomeserverException refused = rateLimit(error);
            if (refused == null || attempt >= MAX_ATTEMPTS) {
                return error == null ? CompletableFuture.completedFuture(value) : CompletableFuture.<T>failedFuture(error);
            }
            Duration wait = refused.retryAfter() == null ? backoff.next() : clamp(refused.retryAfter());
            LOG.info("Matrix rate limit reached; sending again in {} ms (attempt {})", wait.toMillis(), attempt + 1);
            waited.accept(wait);
            return CompletableFuture.runAsync(() -> { },
                            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> attempt(request, attempt + 1, backoff, waited));
        }).thenCompose(next -> next);
    }

    private static HomeserverException rateLimit(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof HomeserverException refused && refused.rateLimited() ? refused : null;
    }

    private static Duration clamp(Duration asked) {
        return asked.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT
                : asked.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : asked;
    }

    /** The innermost cause's message, for logs. */
    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
