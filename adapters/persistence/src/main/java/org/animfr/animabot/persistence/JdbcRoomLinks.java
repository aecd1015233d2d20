package org.animfr.animabot.persistence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.room.RoomLinks;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RoomLinks} in the {@code room_link} table. Relinking a conversation to another session replaces
 * its link and moves it to the end of that session's order; relinking it to the same session changes nothing.
 * Thread-safe: it holds no state besides the thread-safe {@link JdbcClient} and {@link Clock}.
 */
final class JdbcRoomLinks implements RoomLinks {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcRoomLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> sessionOf(ConversationRef conversation) {
        Objects.requireNonNull(conversation, "conversation");
        return jdbc.sql("""
                        SELECT session_id FROM room_link
                        WHERE platform = :platform AND conversation_id = :id""")
                .param("platform", conversation.platform())
                .param("id", conversation.id())
                .query(String.class)
                .optional();
    }

    @Override
    public void link(ConversationRef conversation, String sessionId) {
        Objects.requireNonNull(conversation, "conversation");
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId must not be blank");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Upsert.updateOrInsert(
                () -> jdbc.sql("""
                                UPDATE room_link
                                SET linked_at = CASE WHEN session_id = :session THEN linked_at ELSE :now END,
                                    session_id = :session
                                WHERE platform = :platform AND conversation_id = :id""")
                        .param("session", sessionId)
                        .param("now", now)
                        .param("platform", conversation.platform())
                        .param("id", conversation.id())
                        .update(),
                () -> jdbc.sql("""
                                INSERT INTO room_link (platform, conversation_id, session_id, linked_at)
                                VALUES (:platform, :id, :session, :now)""")
                        .param("platform", conversation.platform())
                        .param("id", conversation.id())
                        .param("session", sessionId)
                        .param("now", now)
                        .update());
    }

    @Override
    public boolean unlink(ConversationRef conversation) {
        Objects.requireNonNull(conversation, "conversation");
        return jdbc.sql("DELETE FROM room_link WHERE platform = :platform AND conversation_id = :id")
                .param("platform", conversation.platform())
                .param("id", conversation.id())
                .update() > 0;
    }

    @Override
    public List<ConversationRef> conversationsOf(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        return jdbc.sql("""
                        SELECT platform, conversation_id FROM room_link
                        WHERE session_id = :session
                        ORDER BY linked_at, platform, conversation_id""")
                .param("session", sessionId)
                .query((row, number) -> new ConversationRef(row.getString("platform"), row.getString("conversation_id")))
                .list();
    }
}
