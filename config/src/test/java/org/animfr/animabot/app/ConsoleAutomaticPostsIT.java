package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
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
 * The automatic posts as an admin sees them on the console: the application in its own JVM, its clock started ten
 * seconds before Monday 5 November 2012, 09:00 in Paris (week 6 of Animacoop 7); the organizer links the console
 * room, looks at the planning and the preview, and the prompt arrives at nine, as previewed.
 */
class ConsoleAutomaticPostsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    @Test
    void theLinkedConsoleRoomGetsTheWeeksPromptAtNineExactlyAsPreviewed() throws Exception {
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                AnimabotApplication.class.getName(),
                "--animabot.data=classpath:e2e/sessions.yaml",
                "--animabot.clock-start=2012-11-05T08:59:45+01:00",
                "--animabot.console.jsonl=true",
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE"))
                .redirectError(BotProcess.logFile("ConsoleAutomaticPostsIT.log").toFile())
                .start();
        List<JsonNode> lines = new CopyOnWriteArrayList<>();
        Thread reading = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(JSON.readTree(line));
                }
            } catch (Exception e) {
                // the process ended
            }
        });
        reading.start();
        try (OutputStream in = process.getOutputStream()) {
            write(in, "Camille: admin relier animacoop-7");
            write(in, "planning");
            write(in, "Camille: admin apercu semaine 6");
            write(in, "schedule");
            await().atMost(Duration.ofSeconds(60)).until(() -> lines.size() >= 4);

            assertThat(replies(lines.get(1))).contains("Prochains envois automatiques dans ce salon (Animacoop 7)",
                    "lundi 5 novembre 2012 à 9 h — consigne de la semaine 6 (Cartographier les acteurs de son projet)");
            String preview = replies(lines.get(2));
            assertThat(preview).contains("publiée le lundi 5 novembre 2012 à 9 h", "1 salon");
            assertThat(replies(lines.get(3))).contains("Next automatic posts in this room",
                    "Monday 5 November 2012 at 9 AM");
            assertThat(lines).noneMatch(line -> line.has("conversation"));

            await().atMost(Duration.ofSeconds(60)).until(() -> lines.stream().anyMatch(line -> line.has("conversation")));
            JsonNode post = lines.stream().filter(line -> line.has("conversation")).findFirst().orElseThrow();
            assertThat(post.get("conversation").asString()).isEqualTo("console");
            assertThat(replies(post).strip())
                    .contains("Animacoop 7, semaine 6 : Cartographier les acteurs de son projet",
                            "Consigne : Dessinez la carte des acteurs de votre projet.")
                    .isSubstringOf(preview);

            write(in, "planning");
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.size() >= 6);
            assertThat(replies(lines.get(5))).doesNotContain("consigne de la semaine 6")
                    .contains("rappel du regroupement du jeudi 15 novembre 2012 à 9 h 30");
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(lines.stream().filter(line -> line.has("conversation"))).hasSize(1);
    }

    private static void write(OutputStream in, String line) throws Exception {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static String replies(JsonNode line) {
        StringBuilder text = new StringBuilder();
        line.get("replies").forEach(reply -> text.append(reply.asString()).append('\n'));
        return text.toString();
    }
}
