package org.animfr.animabot.persistence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.animfr.animabot.core.chat.spi.PlatformState;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link PlatformState} in the {@code platform_state} table. Thread-safe; each write is committed at once. */
final class JdbcPlatformState implements PlatformState {
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcPlatformState(JdbcClient jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> get(String platform, String key) {
        return jdbc.sql("SELECT state_value FROM platform_state WHERE platform = :platform AND state_key = :key")
                .param("platform", platform)
                .param("key", key)
                .query(String.class)
                .optional();
    }

    @Override
    public void put(String platform, String key, String value) {
        Objects.requireNonNull(value, "value");
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Upsert.updateOrInsert(
                () -> jdbc.sql("""
                                UPDATE platform_state SET state_value = :value, updated_at = :now
                                WHERE platform = :platform AND state_key = :key""")
                        .param("value", value).param("now", now).param("platform", platform).param("key", key)
                        .update(),
                () -> jdbc.sql("""
                                INSERT INTO platform_state (platform, state_key, state_value, updated_at)
                                VALUES (:platform, :key, :value, :now)""")
                        .param("platform", platform).param("key", key).param("value", value).param("now", now)
                        .update());
    }
}
