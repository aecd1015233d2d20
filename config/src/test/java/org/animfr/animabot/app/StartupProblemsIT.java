package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad data at start-up is told where the organizer looks: on the terminal, in French, with file and line. */
class StartupProblemsIT {
    @TempDir
    Path dir;

    @Test
    void aBadFileAtStartUpIsReportedInFrenchWithItsLineAndHowToSeeItAgain() throws Exception {
        Path data = Files.writeString(dir.resolve("sessions.yaml"), """
                sessions:
                  - id: animacoop-9
                    name: Animacoop 9
                    start: 2027-03-01
                    end: 2027-02-01
                """, StandardCharsets.UTF_8);
        List<String> arguments = List.of("--animabot.data=" + data,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--animabot.console.enabled=false");
        try (BotProcess bot = BotProcess.start(BotProcess.logFile("startup-problems.log"), arguments)) {
            bot.awaitLog("Started AnimabotApplication", Duration.ofMinutes(2));

            assertThat(bot.log()).contains("Données des sessions : aucune session, aucune question fréquente")
                    .contains("Un problème dans les données").contains("admin etat")
                    .containsPattern("sessions\\.yaml, ligne \\d+ : ");
        }
    }
}
