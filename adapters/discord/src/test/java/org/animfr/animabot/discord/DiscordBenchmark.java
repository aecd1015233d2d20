package org.animfr.animabot.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.discord.fake.Limits;
import org.animfr.animabot.discord.fake.RecordedCall;
import org.awaitility.Awaitility;

/**
 * Benchmark main (see the README for the command), through the real JDA and the fake Discord with Discord's
 * published limits (50 requests per second globally, 5 messages per 5 s per channel):
 * <ol>
 *   <li>an announcement to 200 channels: elapsed time from the first to the last message Discord stored, against
 *       the minimum those limits allow, and the number of 429s;</li>
 *   <li>the latency the adapter adds to a reply: from the fake dispatching a mention to the reply reaching its
 *       REST endpoint, with a handler that answers at once, over 200 messages.</li>
 * </ol>
 */
public final class DiscordBenchmark {
    private static final int CHANNELS = 200;
    private static final int GLOBAL_PER_SECOND = 50;
    /** The pace the application uses by default: a little room for the interactions JDA answers meanwhile. */
    private static final int PACE = 48;
    private static final String ORGANIZER = "300000000000000002";

    public static void main(String[] args) throws Exception {
        for (int round = 1; round <= 3; round++) {
            announcement(round);
        }
        replyLatency();
        System.exit(0);
    }

    private static void announcement(int round) {
        try (FakeDiscord fake = FakeDiscord.start(Limits.DISCORD)) {
            fake.addMember(ORGANIZER, "Camille", true);
            List<String> channels = new ArrayList<>();
            for (int i = 0; i < CHANNELS; i++) {
                String id = String.valueOf(600000000000000000L + i);
                fake.addTextChannel(id, "salon-" + i);
                channels.add(id);
            }
            BotFixture core = new BotFixture();
            DiscordChatPlatform discord = core.join(DiscordTestSupport.discord(fake, core, PACE));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> discord.status().isConnected());
            channels.forEach(id -> core.links.link(new ConversationRef("discord", id), "animacoop-7"));
            int before = fake.tooManyRequestsServed();
            String general = fake.channelId("general");
            core.links.link(new ConversationRef("discord", general), "animacoop-7");

            fake.slashCommand(ORGANIZER, general, "admin", Map.of("texte", "Rappel : regroupement jeudi"), "annonce")
                    .awaitFollowUp(Duration.ofSeconds(120));

            List<Instant> stored = fake.calls().stream()
                    .filter(c -> c.status() == 200 && c.method().equals("POST") && c.path().matches("channels/\\d+/messages"))
                    .map(RecordedCall::time).sorted().toList();
            double elapsed = Duration.between(stored.get(0), stored.get(stored.size() - 1)).toMillis() / 1000.0;
            double minimum = Math.ceil((double) stored.size() / GLOBAL_PER_SECOND) - 1;
            long delivered = channels.stream().filter(id -> fake.messagesIn(id).size() == 1).count();
            System.out.printf("announcement round %d: %d messages (%d/%d channels exactly once), elapsed %.2f s, "
                            + "minimum allowed %.2f s, ratio %.2f, 429 responses %d%n",
                    round, stored.size(), delivered, CHANNELS, elapsed, minimum, elapsed / minimum,
                    fake.tooManyRequestsServed() - before);
            discord.stop();
        }
    }

    private static void replyLatency() {
        try (FakeDiscord fake = FakeDiscord.start(Limits.NONE)) {
            String learner = "300000000000000001";
            fake.addMember(learner, "Léa", false);
            DiscordChatPlatform discord = DiscordTestSupport.discord(fake, PACE);
            java.util.concurrent.atomic.AtomicReference<Instant> handled = new java.util.concurrent.atomic.AtomicReference<>();
            discord.start(message -> {
                handled.set(Instant.now());
                return CompletableFuture.completedFuture(List.of(Reply.plain("ok")));
            });
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> discord.status().isConnected());
            String general = fake.channelId("general");
            int warmUp = 50;
            int measured = 200;
            long[] micros = new long[measured];
            long[] inbound = new long[measured];
            for (int i = 0; i < warmUp + measured; i++) {
                Instant dispatched = Instant.now();
                fake.sendMessage(learner, general, "<@" + FakeDiscord.BOT_ID + "> question " + i, true);
                fake.awaitMessagesIn(general, i + 1, Duration.ofSeconds(10));
                Instant answered = fake.calls().stream()
                        .filter(c -> c.method().equals("POST") && c.path().equals("channels/" + general + "/messages"))
                        .map(RecordedCall::time).max(Instant::compareTo).orElseThrow();
                if (i >= warmUp) {
                    micros[i - warmUp] = Duration.between(dispatched, answered).toNanos() / 1000;
                    inbound[i - warmUp] = Duration.between(dispatched, handled.get()).toNanos() / 1000;
                }
            }
            Arrays.sort(micros);
            Arrays.sort(inbound);
            System.out.printf("of which dispatch to handler: p50 %.2f ms, p95 %.2f ms%n", inbound[measured / 2] / 1000.0,
                    inbound[measured * 95 / 100] / 1000.0);
            long[] rest = new long[50];
            for (int i = 0; i < rest.length; i++) {
                long start = System.nanoTime();
                discord.post(new ConversationRef("discord", general), Outgoing.once(Reply.plain("post " + i))).toCompletableFuture()
                        .join();
                rest[i] = (System.nanoTime() - start) / 1000;
            }
            Arrays.sort(rest);
            System.out.printf("one post through JDA's REST to the fake and back: p50 %.2f ms%n",
                    rest[rest.length / 2] / 1000.0);
            System.out.printf("reply latency through JDA and the fake (%d replies): p50 %.2f ms, p95 %.2f ms, "
                            + "p99 %.2f ms%n", measured, micros[measured / 2] / 1000.0,
                    micros[measured * 95 / 100] / 1000.0, micros[measured * 99 / 100] / 1000.0);
            discord.stop();
        }
    }

    private DiscordBenchmark() {}
}
