package org.animfr.animabot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.discord.fake.Interaction;
import org.animfr.animabot.discord.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Two instances of the bot on one token, as admins run them for reliability: each opens its own gateway session and,
 * as on Discord without sharding, receives every message and every interaction. Each instance has a core of its own
 * (its own in-memory links and outbox), so what keeps the members from seeing things twice is Discord: one message
 * per nonce, one initial response per interaction. The members see one answer to each question and command, and the
 * instance that lost the race says so at DEBUG, not as an error.
 */
class DiscordTwoInstancesIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a "nothing more arrives" check watches. */
    private static final Duration QUIET = Duration.ofMillis(700);
    private static final String LEARNER = "300000000000000021";
    private static final String ORGANIZER = "300000000000000022";
    private static final String BREST = "110000000000000021";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Logger answersLog = (Logger) LoggerFactory.getLogger(InteractionAnswers.class);
    private Level answersLevel;
    private FakeDiscord fake;
    private BotFixture firstCore;
    private BotFixture secondCore;
    private DiscordChatPlatform first;
    private DiscordChatPlatform second;
    private String general;

    @BeforeEach
    void startTwoInstances() {
        fake = FakeDiscord.start();
        fake.addMember(LEARNER, "Léa", false);
        fake.addMember(ORGANIZER, "Camille", true);
        fake.addTextChannel(BREST, "animacoop-brest");
        general = fake.channelId("general");
        firstCore = new BotFixture();
        secondCore = new BotFixture();
        first = firstCore.join(DiscordTestSupport.discord(fake, firstCore, 20));
        second = secondCore.join(DiscordTestSupport.discord(fake, secondCore, 20));
        await().atMost(WAIT).until(() -> first.status().isConnected() && second.status().isConnected());
        assertThat(fake.identifyCount()).as("one gateway session per instance").isEqualTo(2);
        answersLevel = answersLog.getLevel();
        answersLog.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stopBoth() {
        root.detachAppender(logs);
        answersLog.setLevel(answersLevel);
        first.stop();
        second.stop();
        fake.close();
    }

    @Test
    void aQuestionThatMentionsTheBotGetsOneAnswer() {
        String asked = fake.sendMessage(LEARNER, general, "c'est quand le prochain regroupement ?", true);

        JsonNode answer = fake.awaitMessagesIn(general, 1, WAIT).get(0);
        assertThat(answer.get("content").asText()).contains("jeudi 15 novembre 2012 à 9 h 30");
        assertThat(answer.get("message_reference").get("message_id").asText()).isEqualTo(asked);
        // both instances answered, with the same nonce: Discord gave the second the first's message
        await().atMost(WAIT).until(() -> messagePosts(general).size() == 2);
        assertThat(messagePosts(general)).extracting(c -> c.body().get("nonce").asText()).containsOnly(
                messagePosts(general).get(0).body().get("nonce").asText());
        stillOnly(general, 1);
        assertThat(errors()).isEmpty();
    }

    @Test
    void aRequestAnsweredInTwoRepliesGetsEachOnce() {
        link(general);

        fake.sendMessage(ORGANIZER, general, "admin apercu 8", true);

        List<JsonNode> answers = fake.awaitMessagesIn(general, 2, WAIT);
        assertThat(answers.get(0).get("content").asText()).contains("Aperçu de la consigne de la semaine 8");
        assertThat(answers.get(1).get("content").asText()).contains("Animacoop 7, semaine 8");
        await().atMost(WAIT).until(() -> messagePosts(general).size() == 4);
        stillOnly(general, 2);
        assertThat(errors()).isEmpty();
    }

    @Test
    void anAnswerLongerThanOneDiscordMessageReachesTheChannelOncePartByPart() {
        String line = "Une ligne de la réponse, assez longue pour remplir vite un message de Discord.\n";
        Reply longAnswer = Reply.plain(line.repeat(60));
        try (FakeDiscord other = FakeDiscord.start()) {
            List<DiscordChatPlatform> instances = List.of(DiscordTestSupport.discord(other, 20),
                    DiscordTestSupport.discord(other, 20));
            try {
                instances.forEach(i -> i.start(message -> CompletableFuture.completedFuture(List.of(longAnswer))));
                await().atMost(WAIT).until(() -> instances.stream().allMatch(i -> i.status().isConnected()));
                String channel = FakeDiscord.GENERAL_CHANNEL_ID;

                other.sendMessage(FakeDiscord.MEMBER_ID, channel, "raconte", true);

                List<JsonNode> parts = other.awaitMessagesIn(channel, 3, WAIT);
                assertThat(parts.get(0).get("content").asText()).startsWith("Une ligne");
                assertThat(String.join("", parts.stream().map(p -> p.get("content").asText()).toList()))
                        .hasSizeGreaterThan(2 * 2000);
                await().atMost(WAIT).until(() -> other.calls().stream()
                        .filter(c -> c.path().equals("channels/" + channel + "/messages")).count() == 6);
                await().during(QUIET).atMost(QUIET.multipliedBy(4))
                        .until(() -> other.messagesIn(channel).size() == 3);
            } finally {
                instances.forEach(DiscordChatPlatform::stop);
            }
        }
    }

    @Test
    void aDirectQuestionGetsOneAnswer() {
        String dm = fake.dmChannelOf(LEARNER);

        fake.sendDirectMessage(LEARNER, "quel est le thème de la semaine 2 ?");

        assertThat(fake.awaitMessagesIn(dm, 1, WAIT).get(0).get("content").asText())
                .contains("Outils pour travailler ensemble à distance");
        await().atMost(WAIT).until(() -> messagePosts(dm).size() == 2);
        stillOnly(dm, 1);
        assertThat(errors()).isEmpty();
    }

    @Test
    void aSlashCommandGetsOneAnswerAndTheInstanceRefusedLogsNoError() {
        Interaction week = fake.slashCommand(LEARNER, general, "semaine", Map.of("numero", 3));

        JsonNode response = week.awaitResponse(WAIT);

        assertThat(response.get("data").get("content").asText()).contains("semaine 3");
        await().atMost(WAIT).until(() -> callbacks(week).size() == 2);
        assertThat(callbacks(week)).extracting(RecordedCall::status).containsExactlyInAnyOrder(200, 400);
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> week.followUps().isEmpty());
        awaitAnsweredElsewhere(1);
        assertThat(errors()).isEmpty();
    }

    @Test
    void aButtonClickGetsOneAnswer() {
        Interaction clicked = fake.clickButton(LEARNER, general, "1", "anim:gatherings session=animacoop-7");

        assertThat(clicked.awaitResponse(WAIT).get("data").get("content").asText())
                .contains("Tiers-lieu La Coop, Montpellier");
        await().atMost(WAIT).until(() -> callbacks(clicked).size() == 2);
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> clicked.followUps().isEmpty());
        awaitAnsweredElsewhere(1);
        assertThat(errors()).isEmpty();
    }

    @Test
    void autocompleteIsAnsweredOnceAndTheInstanceRefusedLogsNoError() {
        Interaction typing = fake.autocomplete(LEARNER, general, "regroupements", "session", "coop 8", Map.of());

        assertThat(typing.awaitResponse(WAIT).get("data").get("choices")).extracting(c -> c.get("value").asText())
                .containsExactly("animacoop-8");
        await().atMost(WAIT).until(() -> callbacks(typing).size() == 2);
        awaitAnsweredElsewhere(1);
        assertThat(errors()).isEmpty();
    }

    @Test
    void aDeferredAnnouncementIsFollowedUpOnceAndPostedOnceInEachLinkedChannel() {
        link(general);
        link(BREST);

        Interaction announce = fake.slashCommand(ORGANIZER, general, "admin",
                Map.of("texte", "Le regroupement commence à 10 h"), "annonce");

        assertThat(announce.awaitResponse(WAIT).get("type").asInt()).as("deferred").isEqualTo(5);
        assertThat(announce.awaitFollowUp(WAIT).get("content").asText()).contains("Annonce envoyée dans 2 salons");
        for (String channel : List.of(general, BREST)) {
            assertThat(fake.awaitMessagesIn(channel, 1, WAIT).get(0).get("content").asText())
                    .contains("Annonce — Animacoop 7", "Le regroupement commence à 10 h");
            // each instance posted it, with the nonce of the same delivery: one message in the channel
            await().atMost(WAIT).until(() -> messagePosts(channel).size() == 2);
            stillOnly(channel, 1);
        }
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> announce.followUps().size() == 1);
        assertThat(firstCore.outbox.posts()).extracting(Post::key)
                .containsExactlyElementsOf(secondCore.outbox.posts().stream().map(Post::key).toList());
        awaitAnsweredElsewhere(3);
        assertThat(errors()).isEmpty();
    }

    /**
     * The organizer links the channel to Animacoop 7 with {@code /admin relier}: each instance links it in its own
     * core, and the organizer sees one answer.
     */
    private void link(String channel) {
        Interaction link = fake.slashCommand(ORGANIZER, channel, "admin", Map.of("session", "animacoop-7"), "relier");
        assertThat(link.awaitFollowUp(WAIT).get("content").asText()).contains("relié à Animacoop 7");
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> link.followUps().size() == 1);
    }

    // ---- what the fake and the logs saw

    private List<RecordedCall> messagePosts(String channel) {
        return fake.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("channels/" + channel + "/messages"))
                .toList();
    }

    private List<RecordedCall> callbacks(Interaction interaction) {
        return fake.calls().stream()
                .filter(c -> c.path().equals("interactions/" + interaction.id() + "/" + interaction.token()
                        + "/callback"))
                .toList();
    }

    /** A short check that the channel keeps exactly this many messages from the bot. */
    private void stillOnly(String channel, int count) {
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> fake.messagesIn(channel).size() == count);
    }

    /** Waits until the instances that lost an interaction to the other said so, {@code count} times in all. */
    private void awaitAnsweredElsewhere(int count) {
        await().atMost(WAIT).until(() -> snapshot().stream()
                .filter(e -> e.getLevel() == Level.DEBUG
                        && e.getFormattedMessage().contains("answered by another instance"))
                .count() == count);
    }

    private List<String> errors() {
        return snapshot().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    private List<ILoggingEvent> snapshot() {
        synchronized (logs) {
            return List.copyOf(logs.list);
        }
    }
}
