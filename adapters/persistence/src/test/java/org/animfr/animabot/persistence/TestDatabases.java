package org.animfr.animabot.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

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
}
