package org.animfr.animabot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.i18n.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class H2RestartTest {

    private static final ConversationRef ROOM = new ConversationRef("matrix", "!abc:example.org");
    private static final PersonRef ANA = new PersonRef("matrix", "@ana:example.org");

    @TempDir
    Path directory;

    @Test
    void linksAndLanguagesSurviveClosingAndReopeningTheDatabase() {
        String url = TestDatabases.h2File(directory.resolve("animabot"));
        try (HikariDataSource before = TestDatabases.pool(url)) {
            TestDatabases.migrate(before);
            JdbcClient jdbc = JdbcClient.create(before);
            new JdbcRoomLinks(jdbc, Clock.systemUTC()).link(ROOM, "animacoop-2025");
            new JdbcLanguagePreferences(jdbc, Clock.systemUTC()).choose(ANA, Language.EN);
            jdbc.sql("SHUTDOWN").update();
        }

        try (HikariDataSource after = TestDatabases.pool(url)) {
            TestDatabases.migrate(after);
            JdbcClient jdbc = JdbcClient.create(after);

            assertThat(new JdbcRoomLinks(jdbc, Clock.systemUTC()).sessionOf(ROOM)).contains("animacoop-2025");
            assertThat(new JdbcLanguagePreferences(jdbc, Clock.systemUTC()).languageOf(ANA)).contains(Language.EN);
        }
    }
}
