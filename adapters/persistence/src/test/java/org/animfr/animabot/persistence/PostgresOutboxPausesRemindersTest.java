package org.animfr.animabot.persistence;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The outbox, pauses and reminders on the PostgreSQL server given by {@code ANIMABOT_TEST_POSTGRES_URL}, in a
 * schema of their own that is dropped afterwards (see {@link PostgresPersistenceTest}).
 */
@EnabledIfEnvironmentVariable(named = PostgresPersistenceTest.URL_VARIABLE, matches = ".+")
class PostgresOutboxPausesRemindersTest extends OutboxPausesRemindersContract {

    private static TestDatabases.PostgresSchema database;

    @BeforeAll
    static void migrateAFreshSchema() {
        database = TestDatabases.freshPostgresSchema();
    }

    @AfterAll
    static void dropTheSchema() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected DataSource migratedEmptyDatabase() {
        return database.emptied("delivery", "outbox_post", "room_pause", "reminder_choice", "scheduled_tasks");
    }
}
