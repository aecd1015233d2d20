package org.animfr.animabot.persistence;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.schedule.RoomPauses;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RoomPauses} in the {@code room_pause} table, one row per paused room; a pause until resumed has no
 * {@code until_date}. Pausing again replaces the row, resuming deletes it. Thread-safe; each write is committed at
 * once.
 */
final class JdbcRoomPauses implements RoomPauses {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcRoomPauses(JdbcClient jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void pause(ConversationRef room, Pause pause) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(pause, "pause");
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Upsert.updateOrInsert(
                () -> jdbc.sql("""
                                UPDATE room_pause SET until_date = :until, paused_at = :now
                                WHERE platform = :platform AND conversation_id = :id""")
                        .param("until", pause.until(), Types.DATE)
                        .param("now", now)
                        .param("platform", room.platform())
                        .param("id", room.id())
                        .update(),
                () -> jdbc.sql("""
                                INSERT INTO room_pause (platform, conversation_id, until_date, paused_at)
                                VALUES (:platform, :id, :until, :now)""")
                        .param("platform", room.platform())
                        .param("id", room.id())
                        .param("until", pause.until(), Types.DATE)
                        .param("now", now)
                        .update());
    }

    @Override
    public boolean resume(ConversationRef room) {
        Objects.requireNonNull(room, "room");
        return jdbc.sql("DELETE FROM room_pause WHERE platform = :platform AND conversation_id = :id")
                .param("platform", room.platform())
                .param("id", room.id())
                .update() > 0;
    }

    @Override
    public Optional<Pause> pauseOf(ConversationRef room) {
        Objects.requireNonNull(room, "room");
        return jdbc.sql("""
                        SELECT until_date FROM room_pause
                        WHERE platform = :platform AND conversation_id = :id""")
                .param("platform", room.platform())
                .param("id", room.id())
                .query((row, number) -> new Pause(row.getObject("until_date", LocalDate.class)))
                .optional();
    }
}
