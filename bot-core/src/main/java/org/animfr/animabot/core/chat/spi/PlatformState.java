package org.animfr.animabot.core.chat.spi;

import java.util.Optional;

/**
 * Small values an adapter must keep across restarts, such as the Matrix sync token, by platform and key.
 * Implementations are durable (a value written is there after a crash) and thread-safe.
 */
public interface PlatformState {

    /** The value stored for the platform and key, if any. */
    Optional<String> get(String platform, String key);

    /** Stores the value, replacing any previous one. */
    void put(String platform, String key, String value);
}
