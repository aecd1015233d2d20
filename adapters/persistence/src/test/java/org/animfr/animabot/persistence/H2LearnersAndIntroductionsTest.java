package org.animfr.animabot.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Learners and introductions on an H2 file database in its default mode, as the application runs it by default. */
class H2LearnersAndIntroductionsTest extends LearnersAndIntroductionsContract {

    @TempDir
    Path directory;

    private HikariDataSource pool;

    @Override
    protected DataSource migratedEmptyDatabase() {
        pool = TestDatabases.pool(TestDatabases.h2File(directory.resolve("animabot")));
        TestDatabases.migrate(pool);
        return pool;
    }

    @AfterEach
    void closeDatabase() {
        pool.close();
    }
}
