package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.animfr.animabot.matrix.synapse.Synapse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions asked on the real Synapse just before the application, in its own JVM, is stopped (SIGTERM) or killed
 * (SIGKILL), its account slowed to one message a second so that answers are still owed when it goes: after the
 * restart, every question has exactly one answer.
 */
class MatrixRestartIT {
    private static final List<String> QUESTIONS = List.of(
            "!anim quand commence la formation ?",
            "!anim c'est quand le prochain regroupement ?",
            "!anim quel est le thème de cette semaine",
            "!anim when does the training end?",
            "!anim la formation est payante ?",
            "!anim comment s'inscrire ?");
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final List<BotProcess> processes = new ArrayList<>();
    private Synapse synapse;
    private Synapse.User bot;
    private Synapse.User ana;
    private String room;

    @BeforeEach
    void aRoomWithTheBotSlowedDown() {
        synapse = Synapse.ensureRunning();
        bot = synapse.register(Synapse.unique("animabot"), false);
        ana = synapse.register(Synapse.unique("ana"), false);
        Synapse.User admin = synapse.register(Synapse.unique("admin"), true);
        synapse.overrideMessageRateLimit(admin, bot.userId(), 1, 1);
        room = synapse.createRoom(ana, false, bot.userId());
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (BotProcess process : processes) {
            process.close();
        }
    }

    @Test
    void stoppedWithAnswersOwedThenRestartedEveryQuestionIsAnsweredOnce() throws Exception {
        BotProcess first = startAndAwaitJoined("sigterm-first.log");
        List<String> questions = ask();
        awaitAnswers(1);

        int exit = first.terminate(Duration.ofSeconds(30));

        assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
        start("sigterm-second.log");
        assertEachAnsweredOnce(questions);
    }

    @Test
    void killedWithAnswersOwedThenRestartedEveryQuestionIsAnsweredOnce() throws Exception {
        BotProcess first = startAndAwaitJoined("sigkill-first.log");
        List<String> questions = ask();
        awaitAnswers(1);

        first.kill();

        assertThat(answers()).as("answers sent before the kill").hasSizeLessThan(QUESTIONS.size());
        start("sigkill-second.log");
        assertEachAnsweredOnce(questions);
    }

    private BotProcess startAndAwaitJoined(String log) throws InterruptedException {
        BotProcess process = start(log).awaitLog("Started AnimabotApplication", START);
        long deadline = System.nanoTime() + START.toNanos();
        while (!synapse.isJoined(ana, room, bot.userId())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The bot did not join " + room + ":\n" + process.tail());
            }
            Thread.sleep(200);
        }
        return process;
    }

    private List<String> ask() {
        return QUESTIONS.stream().map(question -> synapse.send(ana, room, question)).toList();
    }

    private void awaitAnswers(int count) {
        synapse.awaitMessages(ana, room, Synapse.noticesFrom(bot.userId()), count, START);
    }

    private List<JsonNode> answers() {
        return synapse.messages(ana, room).stream().filter(Synapse.noticesFrom(bot.userId())).toList();
    }

    /** Waits for an answer to every question, then a little more for any second one, and counts them per question. */
    private void assertEachAnsweredOnce(List<String> questions) throws InterruptedException {
        awaitAnswers(questions.size());
        Thread.sleep(4_000);
        Map<String, Long> answersPerQuestion = answers().stream().collect(Collectors.groupingBy(
                answer -> answer.path("content").path("m.relates_to").path("m.in_reply_to").path("event_id").asText(),
                Collectors.counting()));
        assertThat(answersPerQuestion).as("answers per question")
                .isEqualTo(questions.stream().collect(Collectors.toMap(Function.identity(), question -> 1L)));
    }

    private BotProcess start(String log) {
        BotProcess process = BotProcess.start(BotProcess.logFile("MatrixRestartIT-" + log), List.of(
                "--animabot.data=classpath:e2e/sessions.yaml",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--animabot.matrix.homeserver=" + synapse.baseUrl(),
                "--animabot.matrix.access-token=" + bot.accessToken()));
        processes.add(process);
        return process;
    }
}
