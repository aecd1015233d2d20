package org.animfr.animabot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.discord.fake.Interaction;
import org.animfr.animabot.discord.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that take longer than Discord's three seconds for an interaction: the bot still acknowledges in time and
 * answers later, and one slow answer holds no other. The slow answers come from a handler that blocks the thread
 * calling it, the worst a handler can do.
 */
class DiscordSlowAnswersIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Discord forgets an interaction not answered within three seconds. */
    private static final Duration DISCORD_DEADLINE = Duration.ofSeconds(3);
    /** Longer than Discord's deadline, so only a deferral can save the interaction. */
    private static final long SLOW_MILLIS = 4500;
    /** What "promptly" means here: well before the slow answer is ready. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);
    private static final String SLOWLY = "réponds lentement";
    private static final String LEARNER = "300000000000000001";

    private FakeDiscord fake;
    private DiscordChatPlatform discord;
    private String general;

    @BeforeEach
    void connect() {
        fake = FakeDiscord.start();
        fake.addMember(LEARNER, "Léa", false);
        general = fake.channelId("general");
        BotFixture core = new BotFixture();
        discord = DiscordTestSupport.discord(fake, core, 45);
        discord.start(slowFor(core.bot));
        await().atMost(WAIT).until(() -> discord.status().isConnected());
    }

    @AfterEach
    void disconnect() {
        discord.stop();
        fake.close();
    }

    @Test
    void aSlowAnswerIsAcknowledgedInTimeAndComesAsAFollowUp() {
        Interaction asked = fake.slashCommand(LEARNER, general, "question", Map.of("texte", SLOWLY));

        JsonNode response = asked.awaitResponse(WAIT);
        assertThat(response.get("type").asInt()).as("deferred").isEqualTo(5);
        assertThat(asked.respondedAfter()).isLessThan(DISCORD_DEADLINE);
        assertThat(asked.awaitFollowUp(WAIT).get("content").asText()).isEqualTo("Voici enfin la réponse.");
    }

    @Test
    void aSlowAnswerInSeveralPartsFillsTheDeferredMessageThenFollowsUpWithEachPartsVisibility() {
        Interaction asked = fake.slashCommand(LEARNER, general, "question", Map.of("texte", SLOWLY + " en deux"));

        assertThat(asked.awaitResponse(WAIT).get("data").get("flags").asInt() & 64).as("deferred privately")
                .isEqualTo(64);
        List<JsonNode> followUps = asked.awaitFollowUps(2, WAIT);
        assertThat(followUps.get(0).get("content").asText()).isEqualTo("Voici enfin la réponse.");
        assertThat(followUps.get(1).get("content").asText()).isEqualTo("Et ceci pour tout le salon.");
        assertThat(followUps.get(1).path("flags").asInt() & 64).as("public").isZero();
        assertThat(fake.calls()).filteredOn(c -> c.method().equals("PATCH")).extracting(RecordedCall::path)
                .as("the first part filled the deferred message").containsExactly("webhooks/"
                        + FakeDiscord.APPLICATION_ID + "/" + asked.token() + "/messages/@original");
    }

    @Test
    void aSlowAnswerToAButtonIsAcknowledgedInTimeAndComesPrivately() {
        Interaction clicked = fake.clickButton(LEARNER, general, "1", "anim:gatherings session=animacoop-8");

        JsonNode response = clicked.awaitResponse(WAIT);
        assertThat(response.get("type").asInt()).as("deferred").isEqualTo(5);
        assertThat(response.get("data").get("flags").asInt() & 64).isEqualTo(64);
        assertThat(clicked.respondedAfter()).isLessThan(DISCORD_DEADLINE);
        assertThat(clicked.awaitFollowUp(WAIT).get("content").asText()).contains("Café des images, Caen");
    }

    @Test
    void whileOneSlashCommandIsSlowAnotherIsAnsweredAtOnce() {
        Interaction slow = fake.slashCommand(LEARNER, general, "question", Map.of("texte", SLOWLY));
        Interaction quick = fake.slashCommand(LEARNER, general, "semaine", Map.of("numero", 3));

        JsonNode response = quick.awaitResponse(PROMPTLY);
        assertThat(response.get("type").asInt()).as("answered, not deferred").isEqualTo(4);
        assertThat(response.get("data").get("content").asText()).contains("semaine 3");
        assertThat(slow.followUps()).as("the slow answer is still pending").isEmpty();
    }

    @Test
    void whileOneMessageIsAnsweredSlowlyAnotherIsAnsweredAtOnce() {
        fake.sendMessage(LEARNER, general, SLOWLY, true);
        fake.sendMessage(LEARNER, general, "merci", true);

        List<JsonNode> first = fake.awaitMessagesIn(general, 1, PROMPTLY);
        assertThat(first.get(0).get("content").asText()).contains("Avec plaisir");
        assertThat(fake.awaitMessagesIn(general, 2, WAIT).get(1).get("content").asText())
                .isEqualTo("Voici enfin la réponse.");
    }

    /**
     * The bot, except for messages asking it to answer slowly and for the gatherings' button: those block the calling
     * thread past Discord's deadline before answering.
     */
    private static MessageHandler slowFor(MessageHandler bot) {
        return message -> {
            if (message.text().contains(SLOWLY)) {
                pause();
                Reply first = Reply.personal(RichText.plain("Voici enfin la réponse."));
                return CompletableFuture.completedFuture(message.text().endsWith("en deux")
                        ? List.of(first, Reply.plain("Et ceci pour tout le salon."))
                        : List.of(first));
            }
            if (isGatherings(message)) {
                pause();
            }
            return bot.handle(message);
        };
    }

    private static boolean isGatherings(IncomingMessage message) {
        return message.command() != null && message.command().arguments().containsValue("animacoop-8");
    }

    private static void pause() {
        try {
            Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
