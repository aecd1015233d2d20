package org.animfr.animabot.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Learners and introductions on the PostgreSQL server given by {@code ANIMABOT_TEST_POSTGRES_URL}, in a schema of
 * their own that is dropped afterwards (see {@link PostgresPersistenceTest}).
 */
@EnabledIfEnvironmentVariable(named = PostgresPersistenceTest.URL_VARIABLE, matches = ".+")
class PostgresLearnersAndIntroductionsTest extends LearnersAndIntroductionsContract {

    private static String schema;
    private static HikariDataSource pool;

    @BeforeAll
    static void migrateAFreshSchema() {
        schema = "animabot_test_" + UUID.randomUUID().toString().replace("-", "");
        String url = System.getenv(PostgresPersistenceTest.URL_VARIABLE);
        pool = TestDatabases.pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        TestDatabases.migrate(pool, schema);
    }

    @AfterAll
    static void dropTheSchema() {
        if (pool != null) {
            JdbcClient.create(pool).sql("DROP SCHEMA " + schema + " CASCADE").update();
            pool.close();
        }
    }

    @Override
    protected DataSource migratedEmptyDatabase() {
        JdbcClient jdbc = JdbcClient.create(pool);
        for (String table : new String[] {"introduction", "introduction_round", "link_code", "learner_account",
                "learner_profile", "learner", "delivery", "outbox_post", "language_preference"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        return pool;
    }
}
