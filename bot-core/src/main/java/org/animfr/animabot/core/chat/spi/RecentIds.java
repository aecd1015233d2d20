package org.animfr.animabot.core.chat.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the last events an adapter handled, so that an event the platform delivers again (Discord after a
 * resume, a Matrix sync replaying a batch) is answered once. Bounded: the oldest ids are forgotten first.
 * Thread-safe.
 */
public final class RecentIds {
    private final Map<String, Boolean> seen;

    public RecentIds(int capacity) {
        this.seen = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is seen, false afterwards. */
    public synchronized boolean firstTime(String id) {
        return seen.put(id, Boolean.TRUE) == null;
    }
}
