package org.animfr.animabot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Dispatcher;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real JDA, through the adapter, against the fake Discord: what a server's members would see. */
class DiscordChatPlatformIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LEARNER = "300000000000000001";
    private static final String ORGANIZER = "300000000000000002";
    private static final String ROLE_ORGANIZER = "300000000000000003";

    private FakeDiscord fake;
    private DiscordChatPlatform discord;
    private BotFixture core;
    private String general;

    @BeforeEach
    void connect() throws Exception {
        fake = FakeDiscord.start();
        fake.addMember(LEARNER, "Léa", false);
        fake.addMember(ORGANIZER, "Camille", true);
        fake.addMember(ROLE_ORGANIZER, "Yann", false, "Animation");
        general = fake.channelId("general");
        core = new BotFixture();
        discord = core.join(new DiscordChatPlatform(
                new DiscordSettings(FakeDiscord.BOT_TOKEN, fake.restBaseUrl(), fake.gatewayUrl(), "Animation", 45),
                core.commands(), core.core.completions(), BotFixture.MESSAGES));
        await().atMost(WAIT).until(() -> discord.status().isConnected());
    }

    @AfterEach
    void disconnect() {
        discord.stop();
        fake.close();
    }

    @Test
    void commandsAreRegisteredInFrenchWithEnglishNames() {
        List<JsonNode> commands = fake.registeredCommands();

        assertThat(commands).extracting(c -> c.get("name").asText())
                .contains("aide", "sessions", "session", "regroupements", "semaine", "inscription", "langue",
                        "question", "admin");
        JsonNode week = commands.stream().filter(c -> c.get("name").asText().equals("semaine")).findFirst().get();
        assertThat(week.get("name_localizations").get("en-US").asText()).isEqualTo("week");
        assertThat(week.get("options").get(0).get("autocomplete").asBoolean()).isTrue();
    }

    @Test
    void everyCommandOfTheBotIsRegisteredWithItsEnglishName() {
        List<JsonNode> commands = fake.registeredCommands();
        JsonNode admin = commands.stream().filter(c -> c.get("name").asText().equals("admin")).findFirst().orElseThrow();

        for (CommandSpec spec : core.commands()) {
            List<JsonNode> candidates = new ArrayList<>();
            if (spec.organizerOnly()) {
                admin.get("options").forEach(candidates::add);
            } else {
                candidates.addAll(commands);
            }
            JsonNode registered = candidates.stream()
                    .filter(c -> c.get("name").asText().equals(spec.name(Language.FR))).findFirst()
                    .orElseThrow(() -> new AssertionError(spec.key() + " has no slash command"));
            assertThat(registered.get("name_localizations").get("en-US").asText()).as(spec.key())
                    .isEqualTo(spec.name(Language.EN));
            assertThat(registered.get("description").asText()).as(spec.key()).isNotBlank();
        }
    }

    @Test
    void aMemberWhoseDiscordSpeaksEnglishIsAnsweredInEnglishAndSoIsTheirClick() {
        fake.setLocale(LEARNER, "en-US");
        JsonNode data = fake.slashCommand(LEARNER, general, "session", Map.of("nom", "animacoop-7"))
                .awaitResponse(WAIT).get("data");
        assertThat(data.get("embeds").get(0).get("description").asText()).contains("100 hours over 13 weeks");
        JsonNode button = data.get("components").get(0).get("components").get(0);
        assertThat(button.get("label").asText()).isEqualTo("See the gatherings");
        assertThat(button.get("custom_id").asText()).isEqualTo("anim:gatherings session=animacoop-7");

        JsonNode clicked = fake.clickButton(LEARNER, general, "1", button.get("custom_id").asText()).awaitResponse(WAIT);

        assertThat(clicked.get("data").get("content").asText()).contains("The 3 gatherings of Animacoop 7");
    }

    @Test
    void aButtonPostedByAnEarlierVersionStillWorks() {
        JsonNode clicked = fake.clickButton(LEARNER, general, "1", "anim:regroupements animacoop-8").awaitResponse(WAIT);

        assertThat(clicked.get("data").get("content").asText()).contains("Café des images, Caen");
    }

    @Test
    void aSlashCommandGetsTheRightAnswer() {
        JsonNode response = fake.slashCommand(LEARNER, general, "semaine", Map.of("numero", 3)).awaitResponse(WAIT);

        assertThat(response.get("type").asInt()).isEqualTo(4);
        assertThat(response.get("data").get("content").asText()).contains("semaine 3", "Animer une liste de discussion");
    }

    @Test
    void sessionDetailsComeAsAnEmbedWithAButtonForTheGatherings() {
        JsonNode data = fake.slashCommand(LEARNER, general, "session", Map.of("nom", "animacoop-7"))
                .awaitResponse(WAIT).get("data");

        assertThat(data.get("embeds").get(0).get("title").asText()).contains("Animacoop 7");
        assertThat(data.get("embeds").get(0).get("description").asText()).contains("100 heures sur 13 semaines");
        JsonNode button = data.get("components").get(0).get("components").get(0);
        assertThat(button.get("label").asText()).isEqualTo("Voir les regroupements");

        JsonNode clicked = fake.clickButton(LEARNER, general, "1", button.get("custom_id").asText()).awaitResponse(WAIT);

        assertThat(clicked.get("data").get("content").asText()).contains("Tiers-lieu La Coop, Montpellier");
        assertThat(clicked.get("data").get("flags").asInt() & 64).isEqualTo(64);
    }

    @Test
    void autocompleteOffersMatchingSessions() {
        JsonNode response = fake.autocomplete(LEARNER, general, "regroupements", "session", "coop 8", Map.of())
                .awaitResponse(WAIT);

        assertThat(response.get("type").asInt()).isEqualTo(8);
        assertThat(response.get("data").get("choices")).extracting(c -> c.get("value").asText())
                .containsExactly("animacoop-8");
    }

    @Test
    void autocompleteOffersTheWeeksWithTheirThemes() {
        JsonNode response = fake.autocomplete(LEARNER, general, "semaine", "numero", "1",
                Map.of("session", "animacoop-7")).awaitResponse(WAIT);

        assertThat(response.get("data").get("choices")).extracting(c -> c.get("name").asText())
                .contains("1 — Se présenter et présenter son projet", "13 — Bilan et suites");
    }

    @Test
    void aMentionWithAFrenchQuestionIsAnsweredInReply() {
        String asked = fake.sendMessage(LEARNER, general, "<@" + FakeDiscord.BOT_ID + "> c'est quand le prochain regroupement ?", true);

        JsonNode answer = fake.awaitMessagesIn(general, 1, WAIT).get(0);
        assertThat(answer.get("content").asText()).contains("jeudi 15 novembre 2012 à 9 h 30", "Montpellier");
        assertThat(answer.get("message_reference").get("message_id").asText()).isEqualTo(asked);
    }

    @Test
    void aMentionOfTheBotsOwnRoleIsAnsweredLikeAMentionOfTheBot() {
        String asked = fake.sendMessage(LEARNER, general, "<@&" + FakeDiscord.BOT_ROLE_ID
                + "> quand commence la formation ?", false);

        JsonNode answer = fake.awaitMessagesIn(general, 1, WAIT).get(0);
        assertThat(answer.get("content").asText()).contains("a commencé le lundi 1er octobre 2012");
        assertThat(answer.get("message_reference").get("message_id").asText()).isEqualTo(asked);
    }

    @Test
    void aMentionOfAnotherRoleIsNotForTheBot() {
        fake.sendMessage(LEARNER, general, "<@&" + FakeDiscord.MANAGERS_ROLE_ID + "> quand commence la formation ?",
                false);
        fake.sendMessage(LEARNER, general, "<@" + FakeDiscord.BOT_ID + "> merci", true);

        List<JsonNode> answers = fake.awaitMessagesIn(general, 1, WAIT);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> fake.messagesIn(general).size() == 1);
        assertThat(answers.get(0).get("content").asText()).contains("Avec plaisir");
    }

    @Test
    void aMessageNotForTheBotIsIgnored() throws InterruptedException {
        fake.sendMessage(LEARNER, general, "quelqu'un a vu le thème de la semaine ?", false);
        fake.sendMessage(LEARNER, general, "<@" + FakeDiscord.BOT_ID + "> merci", true);

        List<JsonNode> answers = fake.awaitMessagesIn(general, 1, WAIT);
        Thread.sleep(500);
        assertThat(fake.messagesIn(general)).hasSize(1);
        assertThat(answers.get(0).get("content").asText()).contains("Avec plaisir");
    }

    @Test
    void theBotAsksForNoPrivilegedIntent() {
        int intents = fake.lastIdentify().path("intents").asInt();

        assertThat(intents & (1 << 15)).as("Message Content").isZero();
        assertThat(intents & (1 << 1)).as("Guild Members").isZero();
        assertThat(intents & (1 << 8)).as("Guild Presences").isZero();
    }

    @Test
    void aDirectMessageIsAnswered() {
        fake.sendDirectMessage(LEARNER, "quel est le thème de la semaine 2 ?");

        JsonNode answer = fake.awaitMessagesIn(fake.dmChannelOf(LEARNER), 1, WAIT).get(0);
        assertThat(answer.get("content").asText()).contains("Outils pour travailler ensemble à distance");
    }

    @Test
    void anOrganizerLinksTheChannelAndAnnounces() {
        JsonNode linked = fake.slashCommand(ORGANIZER, general, "admin", Map.of("session", "animacoop-7"), "relier")
                .awaitFollowUp(WAIT);
        assertThat(linked.get("content").asText()).contains("relié à Animacoop 7");

        JsonNode announced = fake.slashCommand(ORGANIZER, general, "admin",
                Map.of("texte", "Le regroupement commence à 10 h"), "annonce").awaitFollowUp(WAIT);

        assertThat(announced.get("content").asText()).contains("Annonce envoyée dans 1 salon");
        assertThat(fake.awaitMessagesIn(general, 1, WAIT).get(0).get("content").asText())
                .contains("Annonce — Animacoop 7", "Le regroupement commence à 10 h");
    }

    @Test
    void theAdminCommandIsOfferedOnlyInServersToThoseWhoManageThem() {
        JsonNode admin = fake.registeredCommands().stream().filter(c -> c.get("name").asText().equals("admin"))
                .findFirst().orElseThrow();

        assertThat(admin.path("default_member_permissions").asText()).as("Manage Server").isEqualTo("32");
        assertThat(admin.path("contexts")).extracting(JsonNode::asInt).containsExactly(0);
        assertThat(admin.path("dm_permission").asBoolean(false)).isFalse();
        assertThatThrownBy(() -> fake.slashCommand(ORGANIZER, fake.dmChannelOf(ORGANIZER), "admin",
                Map.of("texte", "Bonjour"), "annonce")).as("Discord offers it in no DM")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRoleNamedInConfigurationMakesAnOrganizer() {
        // the organizers' role sees /admin once a server manager allows it in the server's integration settings
        fake.allowCommand("admin", ROLE_ORGANIZER);

        JsonNode linked = fake.slashCommand(ROLE_ORGANIZER, general, "admin", Map.of("session", "animacoop-8"), "relier")
                .awaitFollowUp(WAIT);

        assertThat(linked.get("content").asText()).contains("relié à Animacoop 8");
    }

    @Test
    void aPlainMemberIsRefusedAndNothingChanges() {
        // a server manager let everyone see /admin: who may run it is still the bot's to check
        fake.allowCommand("admin", LEARNER);

        JsonNode refused = fake.slashCommand(LEARNER, general, "admin", Map.of("session", "animacoop-7"), "relier")
                .awaitFollowUp(WAIT);

        assertThat(refused.get("content").asText()).contains("réservée aux organisateurs");
        assertThat(core.links.sessionOf(new ConversationRef("discord", general))).isEmpty();
    }

    @Test
    void anAnnouncementToFiftyRateLimitedChannelsDeliversEachMessageExactlyOnce() {
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = String.valueOf(500000000000000000L + i);
            fake.addTextChannel(id, "salon-" + i);
            channels.add(id);
        }
        await().atMost(WAIT).until(() -> discord.shardManager().getTextChannelById(channels.get(49)) != null);
        channels.forEach(id -> core.links.link(new ConversationRef("discord", id), "animacoop-7"));
        core.links.link(new ConversationRef("discord", general), "animacoop-7");

        JsonNode announced = fake.slashCommand(ORGANIZER, general, "admin",
                Map.of("texte", "Rappel : regroupement jeudi"), "annonce").awaitFollowUp(Duration.ofSeconds(60));

        assertThat(announced.get("content").asText()).contains("Annonce envoyée dans 51 salons");
        for (String id : channels) {
            assertThat(fake.messagesIn(id)).as(id).hasSize(1);
            assertThat(fake.messagesIn(id).get(0).get("content").asText()).contains("Rappel : regroupement jeudi");
        }
    }

    @Test
    void afterTheGatewayClosesTheBotReconnectsAndAnswersEachMessageOnce() {
        fake.replayOnResume(true);
        fake.sendMessage(LEARNER, general, "<@" + FakeDiscord.BOT_ID + "> merci", true);
        fake.awaitMessagesIn(general, 1, WAIT);

        fake.closeGateway(4000);
        await().atMost(WAIT).until(() -> fake.resumeCount() + fake.identifyCount() > 1 && discord.status().isConnected());
        fake.sendMessage(LEARNER, general, "<@" + FakeDiscord.BOT_ID + "> quand commence la formation ?", true);

        List<JsonNode> answers = fake.awaitMessagesIn(general, 2, WAIT);
        assertThat(answers.get(1).get("content").asText()).contains("a commencé le lundi 1er octobre 2012");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> fake.messagesIn(general).size() == 2);
    }

    @Test
    void hostileInputGetsASafeReply() {
        fake.sendMessage(LEARNER, general, "<@" + FakeDiscord.BOT_ID + "> @everyone @here <@" + ORGANIZER
                + "> **gras** `code` \u200B\u202Equand commence la formation ?", true);
        fake.sendMessage(LEARNER, general, "<@" + FakeDiscord.BOT_ID + "> "
                + "x".repeat(Dispatcher.MAX_MESSAGE_LENGTH + 1), true);

        List<JsonNode> answers = fake.awaitMessagesIn(general, 2, WAIT);
        for (JsonNode answer : answers) {
            assertThat(answer.get("allowed_mentions").get("parse")).isEmpty();
            assertThat(answer.get("content").asText().length()).isLessThanOrEqualTo(2000);
        }
        // each message is answered on its own, so the answers may come in either order
        assertThat(answers).anySatisfy(answer -> assertThat(answer.get("content").asText()).contains("trop long"));
    }

    @Test
    void textEchoedInAnInteractionAnswerNeitherPingsNorLooksLikeAMention() {
        String typed = "@everyone @here <@&" + FakeDiscord.MANAGERS_ROLE_ID + "> <@" + ORGANIZER + ">";

        JsonNode data = fake.slashCommand(LEARNER, general, "session", Map.of("nom", typed)).awaitResponse(WAIT)
                .get("data");

        String content = DiscordTestSupport.text(data);
        assertThat(content).contains("@\u200Beveryone", "@\u200Bhere", "<@\u200B&" + FakeDiscord.MANAGERS_ROLE_ID + ">",
                "<@\u200B" + ORGANIZER + ">");
        assertThat(content).doesNotContain("@everyone", "@here", "<@&", "<@" + ORGANIZER);
        assertThat(data.get("allowed_mentions").get("parse")).isEmpty();
    }

    @Test
    void textEchoedInAReplyToAMessageNeitherPingsNorLooksLikeAMention() {
        fake.sendMessage(LEARNER, general, "<@" + FakeDiscord.BOT_ID + "> session @everyone", true);

        JsonNode answer = fake.awaitMessagesIn(general, 1, WAIT).get(0);

        assertThat(answer.get("content").asText()).contains("« @\u200Beveryone »").doesNotContain("@everyone");
        assertThat(answer.get("allowed_mentions").get("parse")).isEmpty();
    }

    @Test
    void announcedTextIsShownAsTypedWithoutMarkdownNorPings() {
        fake.slashCommand(ORGANIZER, general, "admin", Map.of("session", "animacoop-7"), "relier").awaitFollowUp(WAIT);

        fake.slashCommand(ORGANIZER, general, "admin", Map.of("texte", "@everyone **important** <@" + LEARNER + ">"),
                "annonce").awaitFollowUp(WAIT);

        JsonNode posted = fake.awaitMessagesIn(general, 1, WAIT).get(0);
        assertThat(posted.get("content").asText()).contains("\\*\\*important\\*\\*");
        assertThat(posted.get("allowed_mentions").get("parse")).isEmpty();
    }

    @Test
    void aDirectMessageFromTheCoreReachesThePerson() throws Exception {
        discord.sendDirect(new PersonRef("discord", LEARNER),
                org.animfr.animabot.core.chat.Outgoing.once(
                        org.animfr.animabot.core.chat.Reply.plain("Bonjour Léa, voici une mise en relation.")))
                .toCompletableFuture().get();

        assertThat(fake.awaitMessagesIn(fake.dmChannelOf(LEARNER), 1, WAIT).get(0).get("content").asText())
                .contains("mise en relation");
    }
}
