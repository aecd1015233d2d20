package org.animfr.animabot.core.chat.spi;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for an adapter's background work, named after what they do ({@code discord-send-1}) so that a thread
 * dump reads well, and daemon so that they never keep a stopping bot alive. Thread-safe.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** A factory of threads named {@code name-1}, {@code name-2}... */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts one named daemon thread. */
    public static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
