package org.animfr.animabot.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.animfr.animabot.core.delivery.TimerWork;
import org.animfr.animabot.core.delivery.Timers;

/**
 * Timers kept in memory that fire only when a test says so ({@link #fireDue}), at the test clock's time: the
 * scheduler without threads. Thread-safe.
 */
public final class ManualTimers implements Timers {
    private final Map<String, Instant> posts = new HashMap<>();
    private final Map<Long, Instant> retries = new HashMap<>();

    @Override
    public synchronized void postAt(String postKey, Instant at) {
        posts.put(postKey, at);
    }

    @Override
    public synchronized void cancelPost(String postKey) {
        posts.remove(postKey);
    }

    @Override
    public synchronized Map<String, Instant> postTimers() {
        return Map.copyOf(posts);
    }

    @Override
    public synchronized void retryAt(long deliveryId, Instant at) {
        retries.put(deliveryId, at);
    }

    public synchronized Map<Long, Instant> retryTimers() {
        return Map.copyOf(retries);
    }

    /** The earliest instant a timer is set for, if one is set for the limit or before. */
    public synchronized java.util.Optional<Instant> nextDue(Instant limit) {
        return java.util.stream.Stream.concat(posts.values().stream(), retries.values().stream())
                .filter(at -> !at.isAfter(limit)).min(Instant::compareTo);
    }

    /** Fires, in time order, every timer due at the clock's time; returns the post keys fired. */
    public List<String> fireDue(Clock clock, TimerWork work) {
        Instant now = clock.instant();
        TreeMap<Instant, List<Object>> due = new TreeMap<>();
        synchronized (this) {
            posts.forEach((key, at) -> {
                if (!at.isAfter(now)) {
                    due.computeIfAbsent(at, a -> new java.util.ArrayList<>()).add(key);
                }
            });
            retries.forEach((id, at) -> {
                if (!at.isAfter(now)) {
                    due.computeIfAbsent(at, a -> new java.util.ArrayList<>()).add(id);
                }
            });
            due.values().forEach(items -> items.forEach(item -> {
                if (item instanceof String key) {
                    posts.remove(key);
                } else {
                    retries.remove((Long) item);
                }
            }));
        }
        List<String> fired = new java.util.ArrayList<>();
        for (List<Object> items : due.values()) {
            for (Object item : items) {
                if (item instanceof String key) {
                    work.postDue(key).ifPresent(later -> postAt(key, later));
                    fired.add(key);
                } else {
                    work.retryDue((Long) item);
                }
            }
        }
        return fired;
    }
}
