package org.animfr.animabot.discord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the last events handled, so that an event Discord sends again after a resume is not answered twice.
 * Bounded; thread-safe.
 */
final class RecentIds {
    private final Map<String, Boolean> seen;

    RecentIds(int capacity) {
        this.seen = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is seen, false afterwards. */
    synchronized boolean firstTime(String id) {
        return seen.put(id, Boolean.TRUE) == null;
    }
}
