package org.animfr.animabot.persistence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.schedule.ReminderChoices;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ReminderChoices} in the {@code reminder_choice} table, one row per person and session. Subscribing again
 * keeps the first row, and so the person's place: subscribers come in the order they subscribed (people who
 * subscribed at the same instant in platform and id order), a person's sessions in the order they chose them.
 * Thread-safe; each write is committed at once.
 */
final class JdbcReminderChoices implements ReminderChoices {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcReminderChoices(JdbcClient jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void subscribe(PersonRef person, String sessionId) {
        Objects.requireNonNull(person, "person");
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId must not be blank");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Upsert.insertIfAbsent(
                () -> jdbc.sql("""
                                SELECT COUNT(*) FROM reminder_choice
                                WHERE platform = :platform AND person_id = :id AND session_id = :session""")
                        .param("platform", person.platform())
                        .param("id", person.id())
                        .param("session", sessionId)
                        .query(Integer.class)
                        .single() > 0,
                () -> jdbc.sql("""
                                INSERT INTO reminder_choice (platform, person_id, session_id, chosen_at)
                                VALUES (:platform, :id, :session, :now)""")
                        .param("platform", person.platform())
                        .param("id", person.id())
                        .param("session", sessionId)
                        .param("now", now)
                        .update());
    }

    @Override
    public boolean unsubscribe(PersonRef person, String sessionId) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(sessionId, "sessionId");
        return jdbc.sql("""
                        DELETE FROM reminder_choice
                        WHERE platform = :platform AND person_id = :id AND session_id = :session""")
                .param("platform", person.platform())
                .param("id", person.id())
                .param("session", sessionId)
                .update() > 0;
    }

    @Override
    public List<PersonRef> subscribersOf(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        return jdbc.sql("""
                        SELECT platform, person_id FROM reminder_choice
                        WHERE session_id = :session
                        ORDER BY chosen_at, platform, person_id""")
                .param("session", sessionId)
                .query((row, number) -> new PersonRef(row.getString("platform"), row.getString("person_id")))
                .list();
    }

    @Override
    public List<String> sessionsOf(PersonRef person) {
        Objects.requireNonNull(person, "person");
        return jdbc.sql("""
                        SELECT session_id FROM reminder_choice
                        WHERE platform = :platform AND person_id = :id
                        ORDER BY chosen_at, session_id""")
                .param("platform", person.platform())
                .param("id", person.id())
                .query(String.class)
                .list();
    }
}
