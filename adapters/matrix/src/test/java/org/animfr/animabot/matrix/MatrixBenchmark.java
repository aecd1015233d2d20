package org.animfr.animabot.matrix;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.discord.DiscordChatPlatform;
import org.animfr.animabot.discord.DiscordSettings;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.matrix.synapse.Synapse;

/**
 * Benchmark main (see the README for the command), against the real Synapse that the tests use:
 * <ol>
 *   <li>reply latency for 200 questions, from the sending user's send to the bot's notice arriving in that
 *       user's long-polling sync, p50 and p95;</li>
 *   <li>the bot's memory with the Discord (against the fake Discord) and Matrix adapters both running: heap used
 *       after a full GC, and the process's resident set.</li>
 * </ol>
 */
public final class MatrixBenchmark {
    private static final int WARM_UP = 20;
    private static final int QUESTIONS = 200;

    public static void main(String[] args) throws Exception {
        Synapse synapse = Synapse.ensureRunning();
        Synapse.User ana = synapse.register(Synapse.unique("ana"), false);
        Synapse.User bot = synapse.register(Synapse.unique("animabot"), false);
        BotFixture core = new BotFixture();
        MatrixChatPlatform matrix = core.join(new MatrixChatPlatform(
                MatrixSettings.withAccessToken(synapse.baseUrl(), bot.accessToken()), new InMemorySyncTokenStore()));
        FakeDiscord fake = FakeDiscord.start();
        DiscordChatPlatform discord = core.join(new DiscordChatPlatform(
                new DiscordSettings(FakeDiscord.BOT_TOKEN, fake.restBaseUrl(), fake.gatewayUrl(), null, 48),
                core.commands(), core.core.completions(), BotFixture.MESSAGES));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> matrix.status().isConnected() && discord.status().isConnected());

        String room = synapse.createRoom(ana, false, bot.userId(), synapse.register(Synapse.unique("bruno"), false).userId());
        await().atMost(Duration.ofSeconds(30)).until(() -> synapse.isJoined(ana, room, bot.userId()));

        List<String> questions = List.of("!anim c'est quand le prochain regroupement ?", "!anim semaine 3",
                "!anim quel est le thème de cette semaine", "!anim comment s'inscrire ?");
        String since = synapse.syncNextBatch(ana);
        long[] millis = new long[QUESTIONS];
        for (int i = 0; i < WARM_UP + QUESTIONS; i++) {
            long start = System.nanoTime();
            synapse.send(ana, room, questions.get(i % questions.size()));
            since = awaitNotice(synapse, ana, since, bot.userId());
            if (i >= WARM_UP) {
                millis[i - WARM_UP] = (System.nanoTime() - start) / 1000;
            }
        }
        Arrays.sort(millis);
        System.out.printf("Matrix reply latency through Synapse (%d questions): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                QUESTIONS, millis[QUESTIONS / 2] / 1000.0, millis[QUESTIONS * 95 / 100] / 1000.0,
                millis[QUESTIONS - 1] / 1000.0);

        System.gc();
        Thread.sleep(500);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("memory with Discord and Matrix running: heap used after GC %.1f MiB, resident set %s%n",
                heap / 1048576.0, residentSet());
        matrix.stop();
        discord.stop();
        fake.close();
        System.exit(0);
    }

    /** Long-polls the user's sync until a notice from the bot arrives; returns the next batch token. */
    private static String awaitNotice(Synapse synapse, Synapse.User user, String since, String botId) {
        String batch = since;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode sync = synapse.syncSince(user, batch, 10_000);
            batch = sync.path("next_batch").asText();
            List<JsonNode> events = new ArrayList<>();
            sync.path("rooms").path("join").forEach(r -> r.path("timeline").path("events").forEach(events::add));
            if (events.stream().anyMatch(Synapse.noticesFrom(botId))) {
                return batch;
            }
        }
        throw new AssertionError("No notice within 30 s");
    }

    private static String residentSet() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replace("VmRSS:", "").strip()).findFirst().orElse("unknown");
    }

    private MatrixBenchmark() {}
}
