package org.animfr.animabot.matrix;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The encrypted-room behaviour with the bot's device kept in PostgreSQL, as in production, given by
 * {@code ANIMABOT_TEST_POSTGRES_URL}; each run keeps it in a schema of its own, dropped afterwards.
 */
@EnabledIfEnvironmentVariable(named = "ANIMABOT_TEST_POSTGRES_URL", matches = ".+")
class MatrixEncryptedPostgresIT extends MatrixEncryptedIT {
    private final String schema = "matrix_crypto_" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    protected String cryptoSchema() {
        return schema;
    }

    @Override
    protected HikariConfig database(Path dir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv("ANIMABOT_TEST_POSTGRES_URL"));
        return config;
    }

    @Override
    protected void afterStopped() {
        try (HikariDataSource pool = new HikariDataSource(database(null));
                Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
