package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code config/animabot}, as built by {@code ./mvnw package}: it starts the bot from the
 * extracted jar with the class data sharing archive, answers piped questions on a clean standard output, and exits.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("animabot").toAbsolutePath();

    @TempDir
    Path folder;

    @Test
    void theBuildPreparedTheExtractedJarAndItsClassDataSharingArchive() {
        assertThat(Path.of("target", "animabot", "animabot-exec.jar")).isRegularFile();
        assertThat(Path.of("target", "animabot", "animabot.jsa")).isRegularFile();
        assertThat(LAUNCHER).isExecutable();
    }

    @Test
    void theLauncherAnswersPipedQuestionsOnAStandardOutputOfAnswersOnlyThenExitsWithZero() throws Exception {
        Process process = new ProcessBuilder(List.of(LAUNCHER.toString(), "--animabot.console.jsonl=true",
                "--animabot.clock=2026-10-28T10:00:00+01:00", "--server.port=0", "--management.server.port=0"))
                .directory(folder.toFile()).redirectError(BotProcess.logFile("LauncherIT.log").toFile()).start();
        process.getOutputStream().write("semaine 2\nwhen does the training start?\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        List<String> lines = stdout.lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{"));
        assertThat(lines.get(0)).contains("Les outils pour travailler ensemble à distance");
        assertThat(lines.get(1)).contains("started on Monday 14 September 2026");
        assertThat(Files.readString(Path.of("target", "e2e-logs", "LauncherIT.log")))
                .as("the archive was used: no CDS warning").doesNotContain("[cds");
    }
}
