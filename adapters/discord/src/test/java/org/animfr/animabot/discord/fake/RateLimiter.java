package org.animfr.animabot.discord.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Discord's two rate limits, enforced: a global sliding second across routes, and fixed-window buckets (one per
 * channel for posting messages) announced through the {@code X-RateLimit-*} headers JDA follows.
 */
final class RateLimiter {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** The verdict on one request: the headers to add, and whether it is refused with a 429. */
    record Decision(boolean allowed, boolean global, double retryAfterSeconds, Map<String, String> headers) {}

    private final Limits limits;
    private final Deque<Long> lastSecond = new ArrayDeque<>();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private int refused;

    RateLimiter(Limits limits) {
        this.limits = limits;
    }

    /**
     * Counts one request.
     *
     * @param bucket the bucket the route belongs to (e.g. the channel for posting messages), or null for none
     * @param global whether the request counts against the global limit
     */
    synchronized Decision admit(String bucket, boolean global) {
        long now = System.nanoTime();
        if (global) {
            while (!lastSecond.isEmpty() && lastSecond.peekFirst() <= now - SECOND) {
                lastSecond.removeFirst();
            }
            if (lastSecond.size() >= limits.globalPerSecond()) {
                refused++;
                double retryAfter = seconds(lastSecond.peekFirst() + SECOND - now);
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("X-RateLimit-Global", "true");
                headers.put("X-RateLimit-Scope", "global");
                headers.put("Retry-After", retryAfterHeader(retryAfter));
                return new Decision(false, true, retryAfter, headers);
            }
            lastSecond.addLast(now);
        }
        if (bucket == null) {
            return new Decision(true, false, 0, Map.of());
        }
        Bucket window = buckets.computeIfAbsent(bucket, Bucket::new);
        if (now >= window.resetAt) {
            // like Discord, a bucket's window starts with its first request
            window.resetAt = now + limits.channelWindow().toNanos();
            window.used = 0;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        double resetAfter = seconds(window.resetAt - now);
        headers.put("X-RateLimit-Limit", Integer.toString(limits.messagesPerChannel()));
        headers.put("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter));
        headers.put("X-RateLimit-Reset",
                String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + resetAfter));
        headers.put("X-RateLimit-Bucket", window.hash);
        if (window.used >= limits.messagesPerChannel()) {
            refused++;
            headers.put("X-RateLimit-Remaining", "0");
            headers.put("X-RateLimit-Scope", "user");
            headers.put("Retry-After", retryAfterHeader(resetAfter));
            return new Decision(false, false, resetAfter, headers);
        }
        window.used++;
        headers.put("X-RateLimit-Remaining", Integer.toString(limits.messagesPerChannel() - window.used));
        return new Decision(true, false, 0, headers);
    }

    /** How many requests were answered with a 429 (bucket and global). */
    synchronized int refused() {
        return refused;
    }

    private static double seconds(long nanos) {
        return Math.max(0.001, nanos / 1e9);
    }

    /** JDA parses {@code Retry-After} as whole seconds (a fraction would break it), so round up, at least 1. */
    private static String retryAfterHeader(double seconds) {
        return Long.toString(Math.max(1, (long) Math.ceil(seconds)));
    }

    private static final class Bucket {
        final String hash;
        long resetAt = Long.MIN_VALUE;
        int used;

        Bucket(String key) {
            this.hash = String.format("%016x", key.hashCode() * 0x9E3779B97F4A7C15L);
        }
    }
}
