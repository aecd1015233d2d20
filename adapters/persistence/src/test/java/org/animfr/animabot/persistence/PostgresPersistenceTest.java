package org.animfr.animabot.persistence;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The shared behaviour on a real PostgreSQL server, given by {@code ANIMABOT_TEST_POSTGRES_URL}
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). Each run migrates its own
 * schema {@code animabot_test_<random>} and drops it afterwards, so runs neither collide nor leave rows.
 */
@EnabledIfEnvironmentVariable(named = PostgresPersistenceTest.URL_VARIABLE, matches = ".+")
class PostgresPersistenceTest extends RoomLinksAndLanguagesContract {

    static final String URL_VARIABLE = "ANIMABOT_TEST_POSTGRES_URL";

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
        return database.emptied("room_link", "language_preference", "platform_state", "answered_message");
    }
}
