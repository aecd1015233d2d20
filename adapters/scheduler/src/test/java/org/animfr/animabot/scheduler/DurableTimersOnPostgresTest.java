package org.animfr.animabot.scheduler;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The durable timers on PostgreSQL, as instances share it in production, each test in a schema of its own; set
 * {@code ANIMABOT_TEST_POSTGRES_URL} to run them.
 */
@EnabledIfEnvironmentVariable(named = "ANIMABOT_TEST_POSTGRES_URL", matches = ".+")
class DurableTimersOnPostgresTest extends DurableTimersContract {
    private final String schema = "timers_" + UUID.randomUUID().toString().replace("-", "");
    private PGSimpleDataSource server;

    @Override
    DataSource newDatabase() {
        server = new PGSimpleDataSource();
        server.setURL(System.getenv("ANIMABOT_TEST_POSTGRES_URL"));
        server.setCurrentSchema(schema);
        Flyway.configure().dataSource(server).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").load().migrate();
        return server;
    }

    @Override
    void dropDatabase() {
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
