package org.animfr.animabot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.discord.fake.Limits;
import org.junit.jupiter.api.Test;

/**
 * A Discord far stricter than the real one (10 requests per second globally, 2 messages per channel per 5 s):
 * the bot runs into 429s, JDA waits and retries, and still every message arrives exactly once.
 */
class DiscordRateLimitIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ORGANIZER = "300000000000000002";

    @Test
    void anAnnouncementUnderStrictRateLimitsArrivesOnceInEveryChannel() {
        try (FakeDiscord fake = FakeDiscord.start(new Limits(2, Duration.ofSeconds(5), 10, Duration.ofSeconds(3)))) {
            fake.addMember(ORGANIZER, "Camille", true);
            List<String> channels = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String id = String.valueOf(510000000000000000L + i);
                fake.addTextChannel(id, "salon-" + i);
                channels.add(id);
            }
            BotFixture core = new BotFixture();
            DiscordChatPlatform discord = core.join(DiscordTestSupport.discord(fake, core, 45));
            List<Duration> waits = new CopyOnWriteArrayList<>();
            discord.measure(new BotMetrics() {
                @Override
                public void rateLimitWaited(String platform, Duration waited) {
                    assertThat(platform).isEqualTo(DiscordChatPlatform.NAME);
                    waits.add(waited);
                }
            });
            await().atMost(WAIT).until(() -> discord.status().isConnected());
            String general = fake.channelId("general");
            channels.forEach(id -> core.links.link(new ConversationRef("discord", id), "animacoop-7"));
            core.links.link(new ConversationRef("discord", general), "animacoop-7");

            JsonNode announced = fake.slashCommand(ORGANIZER, general, "admin",
                    Map.of("texte", "Rappel : regroupement jeudi"), "annonce").awaitFollowUp(WAIT);

            assertThat(announced.get("content").asText()).contains("Annonce envoyée dans 51 salons");
            assertThat(fake.tooManyRequestsServed()).isPositive();
            assertThat(waits).as("51 posts at 45 per second: the pace made some wait, as the metrics count it")
                    .isNotEmpty();
            for (String id : channels) {
                assertThat(fake.messagesIn(id)).as(id).hasSize(1);
            }
            discord.stop();
        }
    }
}
