package org.animfr.animabot.persistence;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Learners and introductions on the PostgreSQL server given by {@code ANIMABOT_TEST_POSTGRES_URL}, in a schema of
 * their own that is dropped afterwards (see {@link PostgresPersistenceTest}).
 */
@EnabledIfEnvironmentVariable(named = PostgresPersistenceTest.URL_VARIABLE, matches = ".+")
class PostgresLearnersAndIntroductionsTest extends LearnersAndIntroductionsContract {

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
        return database.emptied("introduction", "introduction_round", "link_code", "learner_account",
                "learner_profile", "learner", "delivery", "outbox_post", "language_preference");
    }
}
