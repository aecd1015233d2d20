package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as an admin runs it: its own JVM, questions piped on standard input. It answers every line,
 * exits 0 at the end of the input, and what an organizer set survives a restart.
 */
class ConsoleProcessIT {

    @TempDir
    Path data;

    @Test
    void pipedQuestionsAreAllAnsweredThenTheProgramExitsWithZero() throws Exception {
        Result result = run("quand commence la formation ?\nsemaine 2\n\n");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().lines().toList()).hasSize(3);
        assertThat(result.stdout()).contains("Animacoop 7 a commencé le lundi 1er octobre 2012",
                "Outils pour travailler ensemble à distance", "Je n’ai rien reçu");
    }

    @Test
    void aRoomLinkSurvivesARestart() throws Exception {
        Result first = run("Camille: admin relier animacoop-7\n");
        assertThat(first.stdout()).contains("relié à Animacoop 7");

        Result second = run("regroupements\n");

        assertThat(second.exitCode()).isZero();
        assertThat(second.stdout()).contains("Animacoop 7 — les 3 regroupements");
    }

    private Result run(String input) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                AnimabotApplication.class.getName(),
                "--animabot.data=classpath:e2e/sessions.yaml",
                "--animabot.clock=2012-11-05T10:00:00+01:00",
                "--animabot.console.jsonl=true",
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("animabot")));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), stdout);
    }

    private record Result(int exitCode, String stdout) {}
}
