package org.animfr.animabot.discord;

import static org.animfr.animabot.discord.DiscordTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.delivery.Deliveries;
import org.animfr.animabot.core.delivery.Delivery;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.InMemoryOutbox;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.discord.fake.Interaction;
import org.animfr.animabot.discord.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot's own posts (weekly prompts, reminders) through the real core, the real JDA and the fake Discord, as the
 * members of a server see them: in which channel, when in Paris time, with which words and thread, once; and the
 * slash commands around them. The core's timers fire by hand: the clock starts on Monday 5 November 2012 at 10:00 in
 * Paris (week 6 of Animacoop 7, after that week's prompt) and moves only when a test runs the bot until a moment.
 */
class DiscordAutomaticPostsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a "nothing more arrives" check watches. */
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String LEARNER = "300000000000000011";
    private static final String ORGANIZER = "300000000000000012";
    private static final String ENGLISH_LEARNER = "300000000000000013";
    private static final String BREST = "110000000000000011";
    private static final String MONTPELLIER = "110000000000000012";
    private static final String DOOMED = "110000000000000013";
    private static final String WEEK_7 = "prompt/animacoop-7/w7";

    private FakeDiscord fake;
    private DiscordChatPlatform discord;
    private BotFixture core;

    @BeforeEach
    void connectAndStartTheTimers() {
        fake = FakeDiscord.start();
        fake.addMember(LEARNER, "Léa", false);
        fake.addMember(ORGANIZER, "Camille", true);
        fake.addMember(ENGLISH_LEARNER, "Sam", false);
        fake.setLocale(ENGLISH_LEARNER, "en-US");
        fake.addTextChannel(BREST, "animacoop-brest");
        fake.addTextChannel(MONTPELLIER, "animacoop-montpellier");
        fake.addTextChannel(DOOMED, "atelier-ephemere");
        core = new BotFixture();
        discord = core.join(DiscordTestSupport.discord(fake, core, 45));
        await().atMost(WAIT).until(() -> discord.status().isConnected());
        core.core.automaticPosts().replan();
        // week 6's prompt was due at 09:00 today: it goes out now, to no channel, since none is linked yet
        assertThat(core.runUntil(core.clock.instant())).containsExactly("prompt/animacoop-7/w6");
    }

    @AfterEach
    void disconnect() {
        discord.stop();
        fake.close();
    }

    @Test
    void aLinkedChannelGetsTheWeeksPromptOnMondayAtNineParisTimeWithAThreadNamedAfterTheWeek() {
        link(BREST);

        core.runUntil(paris(11, 12, 8, 59));
        assertThat(about(BREST, "semaine 7")).isEmpty();

        core.runUntil(paris(11, 12, 9, 0));

        JsonNode prompt = single(about(BREST, "semaine 7"));
        assertThat(prompt.get("content").asText()).contains(
                "**Animacoop 7, semaine 7 : Licences libres et biens communs**",
                "Consigne : Consigne de la semaine 7 : partagez une expérience sur le thème « Licences libres et "
                        + "biens communs ».",
                "dans son fil");
        JsonNode thread = fake.threadOf(prompt.get("id").asText()).orElseThrow();
        assertThat(thread.get("name").asText()).isEqualTo("Semaine 7 — Licences libres et biens communs");
        assertThat(thread.get("parent_id").asText()).isEqualTo(BREST);
        JsonNode request = single(messagePosts(BREST, "semaine 7")).body();
        assertThat(request.get("nonce").asText()).hasSize(25).isEqualTo(prompt.get("nonce").asText());
        assertThat(request.get("enforce_nonce").asBoolean()).isTrue();
        assertThat(core.outbox.deliveriesOf(WEEK_7)).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(Delivery.State.SENT));
    }

    @Test
    void aPromptToMoreChannelsThanThePaceAllowsInASecondReachesEachWithItsThread() {
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String id = String.format("12%016d", i);
            fake.addTextChannel(id, "groupe-" + i);
            core.links.link(new ConversationRef("discord", id), "animacoop-7");
            channels.add(id);
        }
        await().atMost(WAIT).until(() -> channels.stream().allMatch(discord::knowsChannel));

        core.runUntil(paris(11, 12, 9, 0));

        // 120 posts and 120 threads at 45 requests a second: each thread waits for its turn without holding JDA
        await().atMost(Duration.ofSeconds(60)).until(() -> channels.stream()
                .allMatch(id -> about(id, "semaine 7").size() == 1
                        && fake.threadOf(about(id, "semaine 7").get(0).get("id").asText()).isPresent()));
        assertThat(core.outbox.deliveriesOf(WEEK_7)).hasSize(120)
                .allSatisfy(d -> assertThat(d.state()).isEqualTo(Delivery.State.SENT));
    }

    @Test
    void aThemeTooLongForADiscordThreadNameStillGetsItsThreadUnderAShortenedName() {
        String theme = "Licences libres et biens communs : " + "pourquoi partager, comment choisir, ".repeat(4);
        Session seven = TestCatalogs.animacoop7();
        Session edited = new Session(seven.id(), seven.name(), seven.territory(), seven.start(), seven.end(),
                seven.hours(), seven.registration(), seven.facilitators(), seven.description(), seven.gatherings(),
                seven.weeks().stream().map(w -> w.number() == 7 ? new Week(7, theme, w.prompt()) : w).toList());
        core.reloadWith(new Catalog(Network.DEFAULT, List.of(edited, TestCatalogs.animacoop8()), List.of()));
        link(BREST);

        core.runUntil(paris(11, 12, 9, 0));

        JsonNode prompt = single(about(BREST, "semaine 7"));
        assertThat(prompt.get("content").asText()).contains(theme.strip());
        String thread = fake.threadOf(prompt.get("id").asText()).orElseThrow().get("name").asText();
        assertThat(thread).hasSize(100).startsWith("Semaine 7 — Licences libres et biens communs : ").endsWith("…");
    }

    @Test
    void aGatheringReminderReachesTheChannelAtSixInTheEveningTheDayBefore() {
        link(BREST);

        core.runUntil(paris(11, 14, 17, 59));
        JsonNode weekBefore = single(about(BREST, "Regroupement de mi-parcours"));
        assertThat(weekBefore.get("content").asText()).contains("Dans 7 jours, jeudi 15 novembre 2012 à 9 h 30.");

        core.runUntil(paris(11, 14, 18, 0));

        List<JsonNode> reminders = about(BREST, "Regroupement de mi-parcours");
        assertThat(reminders).hasSize(2);
        assertThat(reminders.get(1).get("content").asText()).contains(
                "**Rappel — Animacoop 7 : Regroupement de mi-parcours**",
                "Demain, jeudi 15 novembre 2012 à 9 h 30.",
                "Lieu : Tiers-lieu La Coop, Montpellier",
                "https://animacoop.example.org/inscription-7");
        assertThat(fake.threadOf(reminders.get(1).get("id").asText())).isEmpty();
    }

    @Test
    void aDeliverySentAgainAfterACrashBeforeItWasRecordedMakesNoSecondMessageNorThread() throws Exception {
        link(BREST);
        core.runUntil(paris(11, 12, 9, 0));
        JsonNode prompt = single(about(BREST, "semaine 7"));
        Post post = core.outbox.post(WEEK_7).orElseThrow();

        // the bot restarts with an outbox that never heard Discord took it: the same delivery is still pending
        Deliveries restarted = new Deliveries(new InMemoryOutbox(), core.platforms, core.timers, core.clock);
        Deliveries.Report report = restarted.send(post, List.of(new Target.Room(discordRoom(BREST))))
                .toCompletableFuture().get();

        assertThat(report.sent()).hasSize(1);
        assertThat(report.failed()).isEmpty();
        assertThat(report.pending()).isEmpty();
        assertThat(about(BREST, "semaine 7")).extracting(m -> m.get("id").asText())
                .containsExactly(prompt.get("id").asText());
        assertThat(messagePosts(BREST, "semaine 7")).extracting(RecordedCall::status).containsExactly(200, 200);
        // Discord refuses a second thread on the message (160004), which changes nothing for the members
        assertThat(threadStarts(BREST)).extracting(RecordedCall::status).containsExactly(200, 400);
        assertThat(fake.threadOf(prompt.get("id").asText()).orElseThrow().get("name").asText())
                .isEqualTo("Semaine 7 — Licences libres et biens communs");
    }

    @Test
    void aLongPostGivenTwiceWithTheSameKeyStaysTwoPartsAndOneThread() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            text.append("Ligne ").append(i).append(" de la consigne, assez longue pour dépasser la limite.\n");
        }
        Outgoing outgoing = new Outgoing(Reply.plain(text.toString()), "test/long-post", "Une longue consigne");

        discord.post(discordRoom(BREST), outgoing).toCompletableFuture().get();
        discord.post(discordRoom(BREST), outgoing).toCompletableFuture().get();

        List<JsonNode> posted = fake.messagesIn(BREST);
        assertThat(posted).hasSize(2);
        assertThat(posted.get(0).get("content").asText()).startsWith("Ligne 1 ");
        assertThat(posted.get(1).get("content").asText()).endsWith("Ligne 60 de la consigne, assez longue pour "
                + "dépasser la limite.");
        assertThat(posted).extracting(m -> m.get("nonce").asText()).doesNotHaveDuplicates();
        assertThat(fake.threadOf(posted.get(0).get("id").asText())).isPresent();
        assertThat(fake.threadOf(posted.get(1).get("id").asText())).isEmpty();
    }

    @Test
    void aMemberWhoAskedForRemindersGetsThemByDirectMessageUntilTheyStop() {
        link(BREST);
        String dm = fake.dmChannelOf(LEARNER);

        assertThat(answerTo(fake.slashCommand(LEARNER, BREST, "rappels", Map.of("choix", "on"))))
                .contains("vous recevrez aussi en message privé les rappels de Animacoop 7");
        core.runUntil(paris(11, 8, 18, 0));

        JsonNode inChannel = single(about(BREST, "Regroupement de mi-parcours"));
        JsonNode direct = single(fake.awaitMessagesIn(dm, 1, WAIT));
        assertThat(direct.get("content").asText()).isEqualTo(inChannel.get("content").asText())
                .contains("Dans 7 jours, jeudi 15 novembre 2012 à 9 h 30.");
        JsonNode request = single(messagePosts(dm, "Regroupement de mi-parcours")).body();
        assertThat(request.get("nonce").asText()).hasSize(25);
        assertThat(request.get("enforce_nonce").asBoolean()).isTrue();

        assertThat(answerTo(fake.slashCommand(LEARNER, BREST, "rappels", Map.of("choix", "off"))))
                .contains("plus de rappels en message privé");
        core.runUntil(paris(11, 14, 18, 0));

        assertThat(about(BREST, "Regroupement de mi-parcours")).hasSize(2);
        stillOnly(dm, 1);
    }

    @Test
    void planningListsTheChannelsComingPostsWithParisDatesAndTimes() {
        link(BREST);

        JsonNode answer = fake.slashCommand(LEARNER, BREST, "planning", Map.of()).awaitResponse(WAIT);

        assertThat(answer.get("data").get("flags").asInt() & 64).isEqualTo(64);
        assertThat(answer.get("data").get("content").asText()).contains(
                "Prochains envois automatiques dans ce salon (Animacoop 7)",
                "**jeudi 8 novembre 2012 à 18 h** — rappel du regroupement du jeudi 15 novembre 2012 à 9 h 30",
                "**lundi 12 novembre 2012 à 9 h** — consigne de la semaine 7 (Licences libres et biens communs)",
                "**mercredi 14 novembre 2012 à 18 h** — rappel du regroupement du jeudi 15 novembre 2012 à 9 h 30",
                "**lundi 19 novembre 2012 à 9 h** — consigne de la semaine 8")
                .doesNotContain("semaine 6");
    }

    @Test
    void aPausedChannelMissesThePromptThatAnotherLinkedChannelGetsAndGetsTheNextOneOnceResumed() {
        link(BREST);
        link(MONTPELLIER);

        assertThat(admin(BREST, "pause", Map.of())).contains("Envois automatiques en pause dans ce salon");
        assertThat(answerTo(fake.slashCommand(LEARNER, BREST, "planning", Map.of())))
                .contains("en pause jusqu’à « admin reprise »");
        core.runUntil(paris(11, 12, 9, 0));

        single(about(MONTPELLIER, "semaine 7"));
        stillOnly(BREST, 0);

        assertThat(admin(BREST, "reprise", Map.of())).contains("Les envois automatiques reprennent dans ce salon");
        core.runUntil(paris(11, 19, 9, 0));

        assertThat(about(BREST, "semaine 8")).hasSize(1);
        assertThat(about(BREST, "semaine 7")).isEmpty();
        assertThat(about(MONTPELLIER, "semaine 8")).hasSize(1);
    }

    @Test
    void aPauseUntilADateEndsByItselfAfterThatDay() {
        link(BREST);

        assertThat(admin(BREST, "pause", Map.of("date", "jusqu'au 12/11")))
                .contains("en pause dans ce salon jusqu’au lundi 12 novembre 2012 inclus");
        core.runUntil(paris(11, 19, 9, 0));

        assertThat(about(BREST, "semaine 7")).isEmpty();
        assertThat(about(BREST, "Demain, jeudi 15 novembre")).hasSize(1);
        assertThat(about(BREST, "semaine 8")).hasSize(1);
    }

    @Test
    void thePreviewShowsExactlyTheTextPostedLaterAndPostsNothing() {
        link(BREST);

        List<String> preview = admin(fake.slashCommand(ORGANIZER, BREST, "admin", Map.of("semaine", 8), "apercu"),
                2);

        assertThat(preview.get(0)).contains("Aperçu de la consigne de la semaine 8 de Animacoop 7, publiée le lundi "
                + "19 novembre 2012 à 9 h dans 1 salon");
        assertThat(about(BREST, "semaine 8")).isEmpty();
        core.runUntil(paris(11, 19, 9, 0));
        assertThat(single(about(BREST, "semaine 8")).get("content").asText()).isEqualTo(preview.get(1));
    }

    @Test
    void membersWhoseDiscordSpeaksEnglishAreAnsweredInEnglishWhileThePostsStayInFrench() {
        fake.setLocale(ORGANIZER, "en-GB");
        assertThat(admin(BREST, "relier", Map.of("session", "animacoop-7")))
                .contains("This room is now linked to Animacoop 7");

        List<String> preview = admin(fake.slashCommand(ORGANIZER, BREST, "admin", Map.of("semaine", 7), "apercu"),
                2);
        String planning = answerTo(fake.slashCommand(ENGLISH_LEARNER, BREST, "planning", Map.of()));
        String reminders = answerTo(fake.slashCommand(ENGLISH_LEARNER, BREST, "rappels", Map.of("choix", "on")));

        assertThat(preview.get(0)).contains("Preview of the prompt of week 7 of Animacoop 7, posted on Monday 12 "
                + "November 2012 at 9 AM in 1 room");
        assertThat(preview.get(1)).contains("**Animacoop 7, semaine 7 : Licences libres et biens communs**");
        assertThat(planning).contains("Next automatic posts in this room (Animacoop 7)",
                "**Monday 12 November 2012 at 9 AM** — prompt of week 7 (Licences libres et biens communs)");
        assertThat(reminders).contains("you will also get the reminders of Animacoop 7 by direct message");
        core.runUntil(paris(11, 12, 9, 0));
        assertThat(single(fake.messagesIn(fake.dmChannelOf(ENGLISH_LEARNER))).get("content").asText())
                .contains("Rappel — Animacoop 7 : Regroupement de mi-parcours", "Dans 7 jours");
        JsonNode prompt = single(about(BREST, "semaine 7"));
        assertThat(prompt.get("content").asText()).isEqualTo(preview.get(1)).contains("Consigne :");
        assertThat(fake.threadOf(prompt.get("id").asText()).orElseThrow().get("name").asText())
                .startsWith("Semaine 7 — ");
    }

    @Test
    void aDeletedChannelAndAnUnknownOneHoldNobodyUpAndAreGivenUpAfterAFewAttempts() {
        link(BREST);
        link(MONTPELLIER);
        link(DOOMED);
        fake.deleteChannel(DOOMED);
        await().atMost(WAIT).until(() -> discord.shardManager().getTextChannelById(DOOMED) == null);
        String neverExisted = "110000000000000099";
        core.links.link(discordRoom(neverExisted), "animacoop-7");
        core.runUntil(paris(11, 12, 8, 0));

        core.runUntil(paris(11, 12, 9, 0));

        single(about(BREST, "semaine 7"));
        single(about(MONTPELLIER, "semaine 7"));
        assertThat(deliveryTo(DOOMED)).satisfies(d -> assertThat(d.state()).isEqualTo(Delivery.State.PENDING));
        assertThat(deliveryTo(neverExisted).state()).isEqualTo(Delivery.State.PENDING);
        assertThat(core.timers.retryTimers()).hasSize(2);

        core.runUntil(paris(11, 12, 9, 5));

        for (String gone : List.of(DOOMED, neverExisted)) {
            Delivery delivery = deliveryTo(gone);
            assertThat(delivery.state()).as(gone).isEqualTo(Delivery.State.FAILED);
            assertThat(delivery.attempts()).as(gone).isEqualTo(3);
            assertThat(delivery.lastError()).as(gone).contains("Unknown Discord channel " + gone);
        }
        assertThat(core.timers.retryTimers()).isEmpty();
        assertThat(about(BREST, "semaine 7")).hasSize(1);
        assertThat(about(MONTPELLIER, "semaine 7")).hasSize(1);
    }

    @Test
    void aMemberWhoClosedTheirDirectMessagesIsGivenUpAfterAFewAttemptsWhileTheChannelGetsTheReminder() {
        link(BREST);
        answerTo(fake.slashCommand(LEARNER, BREST, "rappels", Map.of("choix", "on")));
        fake.closeDirectMessages(LEARNER);
        String learner = "person:" + DiscordChatPlatform.NAME + ":" + LEARNER;
        String reminder = "gathering/animacoop-7/2012-11-15T09:30/d7";

        core.runUntil(paris(11, 8, 18, 5));

        single(about(BREST, "Dans 7 jours"));
        Delivery direct = core.outbox.deliveriesOf(reminder).stream()
                .filter(d -> d.target().id().equals(learner)).findFirst().orElseThrow();
        assertThat(direct.state()).isEqualTo(Delivery.State.FAILED);
        assertThat(direct.attempts()).isEqualTo(3);
        assertThat(direct.lastError()).contains("Cannot send messages to this user");
        assertThat(core.timers.retryTimers()).isEmpty();
        assertThat(fake.messagesIn(fake.dmChannelOf(LEARNER))).isEmpty();
    }

    // ---- as members do

    /** An organizer links the channel to Animacoop 7 with {@code /admin relier}. */
    private void link(String channel) {
        assertThat(admin(channel, "relier", Map.of("session", "animacoop-7"))).contains("relié à Animacoop 7");
    }

    /** The organizer runs {@code /admin <subcommand>}; returns the (one) answer. */
    private String admin(String channel, String subcommand, Map<String, ?> options) {
        return admin(fake.slashCommand(ORGANIZER, channel, "admin", options, subcommand), 1).get(0);
    }

    /** {@code /admin} is acknowledged privately at once and answered in follow-ups. */
    private static List<String> admin(Interaction interaction, int answers) {
        return interaction.awaitFollowUps(answers, WAIT).stream().map(DiscordTestSupport::text).toList();
    }

    private List<JsonNode> about(String channel, String fragment) {
        return fake.messagesIn(channel).stream().filter(m -> text(m).contains(fragment)).toList();
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** A short check that the channel keeps exactly this many messages from the bot. */
    private void stillOnly(String channel, int count) {
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> fake.messagesIn(channel).size() == count);
    }

    /** The requests that posted (or tried to post) a message with this fragment in the channel. */
    private List<RecordedCall> messagePosts(String channel, String fragment) {
        return fake.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("channels/" + channel + "/messages")
                        && c.body().path("content").asText("").contains(fragment))
                .toList();
    }

    private List<RecordedCall> threadStarts(String channel) {
        return fake.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().startsWith("channels/" + channel + "/messages/")
                        && c.path().endsWith("/threads"))
                .toList();
    }

    private Delivery deliveryTo(String channel) {
        String target = new Target.Room(discordRoom(channel)).id();
        return core.outbox.deliveriesOf(WEEK_7).stream().filter(d -> d.target().id().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no delivery of week 7's prompt to " + channel));
    }

    private static ConversationRef discordRoom(String channel) {
        return new ConversationRef(DiscordChatPlatform.NAME, channel);
    }

    private static Instant paris(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2012, month, day, hour, minute, 0, 0, PARIS).toInstant();
    }

    private static String answerTo(Interaction interaction) {
        return DiscordTestSupport.answerTo(interaction, WAIT);
    }
}
