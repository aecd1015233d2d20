package org.animfr.animabot.matrix;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the last events handled, so that an event a sync brings again (a replayed batch, a gap filled twice)
 * is answered once. Bounded; thread-safe.
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
