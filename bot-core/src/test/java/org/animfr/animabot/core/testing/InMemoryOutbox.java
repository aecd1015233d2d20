package org.animfr.animabot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.animfr.animabot.core.delivery.Delivery;
import org.animfr.animabot.core.delivery.Outbox;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;

/** The outbox kept in memory, for tests of the core; the JDBC one passes the same contract. Thread-safe. */
public final class InMemoryOutbox implements Outbox {
    private final java.util.Set<Long> handedOver = new java.util.TreeSet<>();
    private final Map<String, Post> posts = new LinkedHashMap<>();
    private final Map<Long, Delivery> deliveries = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized List<Delivery> record(Post post, List<Target> targets) {
        posts.putIfAbsent(post.key(), post);
        for (Target target : targets) {
            boolean known = deliveries.values().stream()
                    .anyMatch(d -> d.postKey().equals(post.key()) && d.target().equals(target));
            if (!known) {
                long id = ids.incrementAndGet();
                deliveries.put(id, new Delivery(id, post.key(), target, Delivery.State.PENDING, 0, null));
            }
        }
        return deliveriesOf(post.key());
    }

    @Override
    public synchronized Optional<Post> post(String key) {
        return Optional.ofNullable(posts.get(key));
    }

    @Override
    public synchronized List<Delivery> deliveriesOf(String postKey) {
        return new ArrayList<>(deliveries.values().stream().filter(d -> d.postKey().equals(postKey)).toList());
    }

    @Override
    public synchronized Optional<Delivery> delivery(long id) {
        return Optional.ofNullable(deliveries.get(id));
    }

    @Override
    public synchronized void markSent(long id, Instant at) {
        Delivery d = deliveries.get(id);
        deliveries.put(id, new Delivery(id, d.postKey(), d.target(), Delivery.State.SENT, d.attempts(), d.lastError()));
    }

    @Override
    public synchronized int markAttemptFailed(long id, String reason) {
        Delivery d = deliveries.get(id);
        deliveries.put(id, new Delivery(id, d.postKey(), d.target(), d.state(), d.attempts() + 1, reason));
        handedOver.remove(id);
        return d.attempts() + 1;
    }

    @Override
    public synchronized int markHandedOver(long id, String reason) {
        int attempts = markAttemptFailed(id, reason);
        handedOver.add(id);
        return attempts;
    }

    @Override
    public synchronized List<Delivery> handedOver(long afterId, int limit) {
        return handedOver.stream().filter(id -> id > afterId).map(deliveries::get)
                .filter(d -> d.state() == Delivery.State.PENDING).limit(limit).toList();
    }

    @Override
    public synchronized void markFailed(long id, String reason) {
        Delivery d = deliveries.get(id);
        deliveries.put(id, new Delivery(id, d.postKey(), d.target(), Delivery.State.FAILED, d.attempts(), reason));
    }

    @Override
    public synchronized long pendingCount() {
        return deliveries.values().stream().filter(d -> d.state() == Delivery.State.PENDING).count();
    }

    @Override
    public synchronized void forgetTarget(String targetId) {
        deliveries.values().removeIf(d -> d.target().id().equals(targetId));
        posts.keySet().removeIf(key -> deliveries.values().stream().noneMatch(d -> d.postKey().equals(key)));
    }

    @Override
    public synchronized void forgetPost(String postKey) {
        deliveries.values().removeIf(d -> d.postKey().equals(postKey));
        posts.remove(postKey);
    }

    /** Every post recorded, in order. */
    public synchronized List<Post> posts() {
        return List.copyOf(posts.values());
    }
}
