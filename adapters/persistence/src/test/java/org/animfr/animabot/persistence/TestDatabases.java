package org.animfr.animabot.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opens connection pools and migrates them the way Spring Boot does in the application. */
final class TestDatabases {

    private TestDatabases() {
    }

    static HikariDataSource pool(String jdbcUrl) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(jdbcUrl);
        pool.setMaximumPoolSize(8);
        return pool;
    }

    static String h2File(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath();
    }

    /** Applies {@code classpath:db/migration}; with schemas, the first is created if needed and used. */
    static void migrate(DataSource dataSource, String... schemas) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schemas)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /**
     * A schema {@code animabot_test_<random>} of its own on the PostgreSQL server given by
     * {@code ANIMABOT_TEST_POSTGRES_URL}, migrated; closing it drops it, so runs neither collide nor leave rows.
     */
    static PostgresSchema freshPostgresSchema() {
        String schema = "animabot_test_" + UUID.randomUUID().toString().replace("-", "");
        String url = System.getenv(PostgresPersistenceTest.URL_VARIABLE);
        HikariDataSource pool = pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        migrate(pool, schema);
        return new PostgresSchema(schema, pool);
    }

    /** A migrated PostgreSQL schema and a pool on it. */
    record PostgresSchema(String name, HikariDataSource pool) implements AutoCloseable {
        /** Empties the tables, children first. */
        DataSource emptied(String... tables) {
            JdbcClient jdbc = JdbcClient.create(pool);
            for (String table : tables) {
                jdbc.sql("DELETE FROM " + table).update();
            }
            return pool;
        }

        @Override
        public void close() {
            JdbcClient.create(pool).sql("DROP SCHEMA " + name + " CASCADE").update();
            pool.close();
        }
    }
}
