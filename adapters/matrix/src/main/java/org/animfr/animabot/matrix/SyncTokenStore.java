package org.animfr.animabot.matrix;

import java.util.Optional;

/**
 * Where the Matrix adapter keeps its sync token ({@code next_batch}), so that after a restart it resumes where it
 * stopped instead of answering old messages again or missing new ones. Implementations are thread-safe.
 */
public interface SyncTokenStore {

    /** The last saved token, or empty before the very first sync. */
    Optional<String> load();

    /** Saves the token to resume from; {@code token} is non-blank. */
    void save(String token);
}
