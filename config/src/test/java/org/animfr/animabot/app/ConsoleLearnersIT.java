package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner's profile as someone at the console lives it: the application in its own JVM on an H2 file, answering in
 * JSON lines. Léa describes her project (after a few attempts the bot turns down), accepts introductions and reads
 * her profile; the application is stopped with SIGTERM and started again on the same data: her profile and her data
 * are still there; "oublie-moi" asks first, "oublie-moi confirmer" erases, and a third start finds nothing of her.
 */
class ConsoleLearnersIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START = Duration.ofSeconds(90);
    private static final String PROJECT = "Je coordonne un jardin partagé au pied des immeubles du quartier Pissevin, "
            + "à Nîmes, avec le centre social et l’amicale des locataires. Nous voulons ouvrir une grainothèque et "
            + "des ateliers de compostage pour les familles, et décider ensemble des règles du jardin.";

    @TempDir
    Path data;

    @Test
    void aProfileSurvivesARestartAndIsErasedOnlyOnceConfirmed() throws Exception {
        try (Console first = Console.start(data, "first")) {
            assertThat(first.ask("Léa: projet")).contains("Vous n’avez pas encore décrit votre projet");
            assertThat(first.ask("Léa: projet ok")).contains("Cette description est un peu courte");
            assertThat(first.ask("Léa: projet " + "Un jardin partagé avec les voisins. ".repeat(40)))
                    .contains("au plus, merci de la raccourcir", "Rien n’a été changé");
            assertThat(first.ask("Léa: mon profil")).contains("Je ne garde rien sur votre profil");
            assertThat(first.ask("Léa: projet " + PROJECT))
                    .contains("C’est noté, votre projet est enregistré", "presentations oui");
            assertThat(first.ask("Léa: presentations oui")).contains("vous pourrez être présenté·e");
            assertThat(first.ask("Léa: mon profil"))
                    .contains("Votre profil", "Projet : « " + PROJECT + " »", "Présentations : oui");
            assertThat(first.ask("Hugo: mon profil")).as("another person at the same console")
                    .contains("Je ne garde rien sur votre profil");

            assertThat(first.terminate()).as("exit code after SIGTERM").isIn(0, 143);
        }

        try (Console second = Console.start(data, "second")) {
            assertThat(second.ask("Léa: mon profil")).contains("Projet : « " + PROJECT + " »", "Présentations : oui");
            assertThat(second.ask("Léa: mes donnees"))
                    .contains("Tout ce que je garde sur vous", "Projet : « " + PROJECT + " »", "oublie-moi");
            assertThat(second.ask("Léa: oublie-moi"))
                    .contains("C’est définitif", "Pour confirmer : oublie-moi confirmer");
            assertThat(second.ask("Léa: mon profil")).as("asking alone erases nothing").contains(PROJECT);
            assertThat(second.ask("Léa: oublie-moi confirmer")).contains("C’est fait : j’ai tout effacé");
            assertThat(second.ask("Léa: mon profil")).contains("Je ne garde rien sur votre profil")
                    .doesNotContain(PROJECT);

            assertThat(second.endInput()).as("exit code at the end of the input").isZero();
        }

        try (Console third = Console.start(data, "third")) {
            assertThat(third.ask("Léa: mon profil")).contains("Je ne garde rien sur votre profil");
            assertThat(third.ask("Léa: mes donnees")).contains("Je ne garde rien sur vous");
            assertThat(third.endInput()).isZero();
        }
    }

    /** The application in its own JVM with the console on its standard streams, one JSON object per line typed. */
    private static final class Console implements AutoCloseable {
        private final Process process;
        private final OutputStream in;
        private final List<JsonNode> answers = new CopyOnWriteArrayList<>();

        private Console(Process process) {
            this.process = process;
            this.in = process.getOutputStream();
            Thread reading = new Thread(this::read, "console-output");
            reading.setDaemon(true);
            reading.start();
        }

        static Console start(Path data, String run) throws IOException {
            Process process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"),
                    AnimabotApplication.class.getName(),
                    "--animabot.clock=2026-10-28T10:00:00+01:00",
                    "--animabot.console.jsonl=true",
                    "--server.port=0",
                    "--management.server.port=0",
                    "--spring.datasource.url=jdbc:h2:file:" + data.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE"))
                    .redirectError(BotProcess.logFile("ConsoleLearnersIT-" + run + ".log").toFile())
                    .start();
            return new Console(process);
        }

        private void read() {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    try {
                        JsonNode object = JSON.readTree(line);
                        if (object.has("speaker")) {
                            answers.add(object);
                        }
                    } catch (RuntimeException notJson) {
                        // not an answer (the bot's answers are all JSON): the test reads answers only
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        /** Types the line and returns the bot's answer to it, its replies one a line. */
        String ask(String line) throws IOException {
            int before = answers.size();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            await().atMost(START).until(() -> answers.size() > before || !process.isAlive());
            assertThat(answers.size()).as("an answer to '" + line + "' before the process ended").isGreaterThan(before);
            StringBuilder replies = new StringBuilder();
            answers.get(before).get("replies").forEach(reply -> replies.append(reply.asString()).append('\n'));
            return replies.toString();
        }

        /** SIGTERM, as a service manager stops the bot, with the input still open; returns the exit code. */
        int terminate() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute of SIGTERM").isTrue();
            return process.exitValue();
        }

        /** Closes the input, as the end of a piped file does; returns the exit code. */
        int endInput() throws IOException, InterruptedException {
            in.close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited within a minute of the input's end").isTrue();
            return process.exitValue();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
