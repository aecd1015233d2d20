package org.animfr.animabot.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.animfr.animabot.core.chat.spi.AnsweredMessages;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AnsweredMessages} in the {@code answered_message} table. Thread-safe; each write is committed at once. */
final class JdbcAnsweredMessages implements AnsweredMessages {
    private final JdbcClient jdbc;

    JdbcAnsweredMessages(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public boolean isAnswered(String platform, String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM answered_message WHERE platform = :platform AND message_id = :id")
                .param("platform", platform).param("id", messageId)
                .query(Long.class).single() > 0;
    }

    @Override
    public void markAnswered(String platform, String messageId, Instant at) {
        Upsert.insertIfAbsent(() -> isAnswered(platform, messageId), () -> jdbc.sql("""
                        INSERT INTO answered_message (platform, message_id, answered_at)
                        VALUES (:platform, :id, :at)""")
                .param("platform", platform).param("id", messageId).param("at", utc(at))
                .update());
    }

    @Override
    public int forgetBefore(Instant instant) {
        return jdbc.sql("DELETE FROM answered_message WHERE answered_at < :instant")
                .param("instant", utc(instant))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
