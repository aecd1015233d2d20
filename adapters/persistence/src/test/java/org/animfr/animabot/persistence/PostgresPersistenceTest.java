package org.animfr.animabot.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared behaviour on a real PostgreSQL server, given by {@code ANIMABOT_TEST_POSTGRES_URL}
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). Each run migrates its own
 * schema {@code animabot_test_<random>} and drops it afterwards, so runs neither collide nor leave rows.
 */
@EnabledIfEnvironmentVariable(named = PostgresPersistenceTest.URL_VARIABLE, matches = ".+")
class PostgresPersistenceTest extends RoomLinksAndLanguagesContract {

    static final String URL_VARIABLE = "ANIMABOT_TEST_POSTGRES_URL";

    private static String schema;
    private static HikariDataSource pool;

    @BeforeAll
    static void migrateAFreshSchema() {
        schema = "animabot_test_" + UUID.randomUUID().toString().replace("-", "");
        String url = System.getenv(URL_VARIABLE);
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
        jdbc.sql("DELETE FROM room_link").update();
        jdbc.sql("DELETE FROM language_preference").update();
        jdbc.sql("DELETE FROM platform_state").update();
        return pool;
    }
}
