package org.animfr.animabot.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends posts exactly once: records every delivery before sending anything, sends each with its idempotency key,
 * marks it sent when the platform took it, and retries the failures with growing delays on durable timers. A
 * conversation that is gone is given up after a few attempts, and so is everything once the post is no longer
 * useful; both are logged. Nothing here blocks: the stage completes when every pending delivery was attempted.
 * Thread-safe.
 */
public final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    /** Attempts before a conversation that says it is gone is given up. */
    static final int ATTEMPTS_WHEN_GONE = 3;
    /** Attempts before anything is given up, whatever the error. */
    static final int MAX_ATTEMPTS = 12;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    private static final Duration SEND_TIMEOUT = Duration.ofMinutes(2);
    /** How many handed-over deliveries one read takes. */
    static final int HANDED_OVER_PAGE = 200;

    private final Outbox outbox;
    private final ChatPlatforms platforms;
    private final Timers timers;
    private final Clock clock;
    private final BotMetrics metrics;
    /** Handed-over deliveries this instance is sending, not to be taken twice. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    public Deliveries(Outbox outbox, ChatPlatforms platforms, Timers timers, Clock clock) {
        this(outbox, platforms, timers, clock, BotMetrics.NONE);
    }

    /** Deliveries that count each attempt's outcome in {@code metrics}. */
    public Deliveries(Outbox outbox, ChatPlatforms platforms, Timers timers, Clock clock, BotMetrics metrics) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.platforms = platforms;
        this.timers = timers;
        this.clock = clock;
    }

    /**
     * Where a post's deliveries stand.
     *
     * @param sent deliveries the platforms took
     * @param failed deliveries given up
     * @param pending deliveries still to be tried again later
     */
    public record Report(List<Delivery> sent, List<Delivery> failed, List<Delivery> pending) {
        public Report {
            sent = List.copyOf(sent);
            failed = List.copyOf(failed);
            pending = List.copyOf(pending);
        }

        public int targets() {
            return sent.size() + failed.size() + pending.size();
        }

        static Report of(List<Delivery> deliveries) {
            List<Delivery> sent = new ArrayList<>();
            List<Delivery> failed = new ArrayList<>();
            List<Delivery> pending = new ArrayList<>();
            for (Delivery delivery : deliveries) {
                switch (delivery.state()) {
                    case SENT -> sent.add(delivery);
                    case FAILED -> failed.add(delivery);
                    case PENDING -> pending.add(delivery);
                }
            }
            return new Report(sent, failed, pending);
        }
    }

    /** Records the post for the targets (see {@link Outbox#record}) and sends what is pending. */
    public CompletionStage<Report> send(Post post, List<Target> targets) {
        outbox.record(post, targets);
        return sendPending(post.key());
    }

    /** Sends every pending delivery of a recorded post, all at once; completes with where they all stand. */
    public CompletionStage<Report> sendPending(String postKey) {
        Optional<Post> post = outbox.post(postKey);
        if (post.isEmpty()) {
            return CompletableFuture.completedFuture(Report.of(List.of()));
        }
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        for (Delivery delivery : outbox.deliveriesOf(postKey)) {
            if (delivery.state() == Delivery.State.PENDING) {
                attempts.add(attempt(post.get(), delivery));
            }
        }
        return CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new))
                .thenApply(done -> Report.of(outbox.deliveriesOf(postKey)));
    }

    /** Tries one delivery again, if it is still pending; completes when it was attempted. */
    public CompletionStage<Void> retry(long deliveryId) {
        Optional<Delivery> delivery = outbox.delivery(deliveryId).filter(d -> d.state() == Delivery.State.PENDING);
        Optional<Post> post = delivery.flatMap(d -> outbox.post(d.postKey()));
        if (post.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return attempt(post.get(), delivery.get());
    }

    private CompletableFuture<Void> attempt(Post post, Delivery delivery) {
        if (!post.usefulAt(clock.instant())) {
            giveUp(delivery, "no longer useful");
            return CompletableFuture.completedFuture(null);
        }
        Outgoing message = new Outgoing(post.message(), delivery.idempotencyKey(), post.threadName());
        return delivery.target().send(platforms, message).toCompletableFuture()
                .orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, error) -> {
                    if (error == null) {
                        outbox.markSent(delivery.id(), clock.instant());
                        metrics.delivery(delivery.target().platform(), BotMetrics.DeliveryOutcome.SENT);
                    } else {
                        failed(post, delivery, unwrap(error));
                    }
                    return null;
                });
    }

    private void failed(Post post, Delivery delivery, Throwable error) {
        String reason = error.getMessage() == null ? error.toString() : error.getMessage();
        boolean elsewhere = error instanceof DeliveryException refused && refused.elsewhere();
        int attempts = elsewhere ? outbox.markHandedOver(delivery.id(), reason)
                : outbox.markAttemptFailed(delivery.id(), reason);
        boolean gone = error instanceof DeliveryException refused && refused.gone();
        Instant now = clock.instant();
        Instant next = now.plus(backoff(attempts));
        if (gone && attempts >= ATTEMPTS_WHEN_GONE || attempts >= MAX_ATTEMPTS || !post.usefulAt(next)) {
            giveUp(delivery, reason);
        } else {
            LOG.info("Delivery of {} to {} failed ({}), attempt {}; trying again at {}", delivery.postKey(),
                    delivery.target().id(), reason, attempts, next);
            timers.retryAt(delivery.id(), next);
            metrics.delivery(delivery.target().platform(), BotMetrics.DeliveryOutcome.RETRIED);
        }
    }

    /**
     * Sends the deliveries that another instance handed over (it does not reach their targets) and that this one
     * reaches: each instance calls it about once a second. Their retry timers stay as they are, the way back for a
     * target no instance reaches (a deleted channel): it is given up as any failing delivery. Reads them all, page
     * by page, so that those of an instance that is down do not hide this one's.
     *
     * @return how many were attempted
     */
    public int sendHandedOver() {
        int started = 0;
        List<Delivery> page = outbox.handedOver(0, HANDED_OVER_PAGE);
        while (!page.isEmpty()) {
            for (Delivery delivery : page) {
                if (delivery.target().reachableThrough(platforms) && inFlight.add(delivery.id())) {
                    started += takeOver(delivery);
                }
            }
            page = page.size() < HANDED_OVER_PAGE ? List.of()
                    : outbox.handedOver(page.get(page.size() - 1).id(), HANDED_OVER_PAGE);
        }
        return started;
    }

    private int takeOver(Delivery delivery) {
        Optional<Post> post = outbox.post(delivery.postKey());
        if (post.isEmpty()) {
            inFlight.remove(delivery.id());
            return 0;
        }
        LOG.debug("Taking over the delivery of {} to {}", delivery.postKey(), delivery.target().id());
        attempt(post.get(), delivery).whenComplete((ok, error) -> inFlight.remove(delivery.id()));
        return 1;
    }

    private void giveUp(Delivery delivery, String reason) {
        outbox.markFailed(delivery.id(), reason);
        metrics.delivery(delivery.target().platform(), BotMetrics.DeliveryOutcome.FAILED);
        LOG.warn("Gave up the delivery of {} to {}: {}", delivery.postKey(), delivery.target().id(), reason);
    }

    /** 30 s after the first failure, then twice as long each time, at most 30 min. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_RETRY) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
