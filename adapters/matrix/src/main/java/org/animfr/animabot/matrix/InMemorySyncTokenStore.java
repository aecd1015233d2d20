package org.animfr.animabot.matrix;

import java.util.Objects;
import java.util.Optional;

/** A {@link SyncTokenStore} that forgets on restart: for tests, and for a bot without a database. Thread-safe. */
public final class InMemorySyncTokenStore implements SyncTokenStore {
    private volatile String token;

    public InMemorySyncTokenStore() {}

    /** Starts with a token, as if it had been saved before. */
    public InMemorySyncTokenStore(String token) {
        this.token = token;
    }

    @Override
    public Optional<String> load() {
        return Optional.ofNullable(token);
    }

    @Override
    public void save(String token) {
        this.token = Objects.requireNonNull(token, "token");
    }
}
