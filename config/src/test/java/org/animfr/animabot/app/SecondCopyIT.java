package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second copy started on the same H2 folder says in a few lines why it cannot run, and leaves the first alone. */
class SecondCopyIT {
    private static final Duration START = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void aSecondCopyOnTheSameDatabaseExplainsItselfWithoutAStackTrace() throws Exception {
        List<String> arguments = List.of(
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--animabot.console.enabled=false");
        try (BotProcess first = BotProcess.start(BotProcess.logFile("second-copy-first.log"), arguments);
                BotProcess second = startSecondAfter(first, arguments)) {
            second.awaitExit(START);

            String log = second.log();
            assertThat(log).contains("La base de données " + dir.resolve("animabot.mv.db")
                    + " est déjà utilisée par un autre Animabot").contains("PostgreSQL");
            assertThat(log.lines().filter(line -> line.strip().startsWith("at "))).isEmpty();
            assertThat(first.isAlive()).isTrue();
        }
    }

    private static BotProcess startSecondAfter(BotProcess first, List<String> arguments) throws InterruptedException {
        first.awaitLog("Started AnimabotApplication", START);
        return BotProcess.start(BotProcess.logFile("second-copy-second.log"), arguments);
    }
}
