package org.animfr.animabot.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL schema of its own for one run of several application processes on {@code ANIMABOT_TEST_POSTGRES_URL}
 * (and one for the bot's Matrix device), dropped at the end; and the arguments each process of the run gets.
 */
final class RunSchema implements AutoCloseable {
    private static final String URL = System.getenv("ANIMABOT_TEST_POSTGRES_URL");

    private final String name;
    private final PGSimpleDataSource database = new PGSimpleDataSource();

    private RunSchema(String prefix) throws SQLException {
        this.name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        database.setURL(URL);
        execute("CREATE SCHEMA " + name);
        database.setCurrentSchema(name);
    }

    static RunSchema create(String prefix) throws SQLException {
        return new RunSchema(prefix);
    }

    /** The run's schema, as the application sees it. */
    DataSource database() {
        return database;
    }

    /**
     * The arguments of one process of the run: the test data, a clock that started at {@code clockStart} when the
     * run started, this schema, the Matrix organizer, this run's Matrix device schema, and the world's platforms.
     */
    List<String> arguments(FanOutWorld world, Instant clockStart, Instant runStarted) {
        Instant clock = clockStart.plus(Duration.between(runStarted, Instant.now()));
        List<String> arguments = new ArrayList<>(List.of(
                "--animabot.data=classpath:e2e/sessions.yaml",
                "--animabot.clock-start=" + clock.atOffset(ZoneOffset.ofHours(1)),
                "--spring.datasource.url=" + URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name,
                "--animabot.organizers=matrix:" + world.organizer.userId(),
                // the bot's Matrix device of this run, apart from other runs' accounts on the same server
                "--animabot.matrix.encryption-schema=" + name + "_crypto"));
        arguments.addAll(world.platformArguments());
        return arguments;
    }

    @Override
    public void close() throws SQLException {
        database.setCurrentSchema(null);
        execute("DROP SCHEMA " + name + " CASCADE");
        execute("DROP SCHEMA IF EXISTS " + name + "_crypto CASCADE");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
