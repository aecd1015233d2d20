package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.delivery.Deliveries;
import org.animfr.animabot.core.delivery.Delivery;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.animfr.animabot.matrix.synapse.Synapse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The bot's own posts on Matrix, end to end: the whole core (durable timers fired by hand as the clock moves), the
 * Trixnity adapter and a real Synapse, asserted on what the people in the rooms and direct chats would read.
 *
 * <p>The clock starts on Monday 5 November 2012 at 08:00 in Paris (winter time, UTC+1), an hour before the prompt of
 * week 6 of Animacoop 7; the gathering of Thursday 15 November at 09:30 (Montpellier) is reminded on Thursday 8
 * and Wednesday 14 November at 18:00. Moving the clock ({@link BotFixture#runUntil}) fires the timers and returns
 * once their deliveries were answered by Synapse, so what they sent is already in the room. Every test registers its
 * own users and creates its own rooms on the shared server: Ana created the rooms (power level 100), Camille
 * organizes (power level 50), Léa learns.
 */
class MatrixAutomaticPostsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String START = "2012-11-05T08:00:00+01:00";
    private static final String SESSION = "animacoop-7";
    private static final String WEEK_6 = "Animacoop 7, semaine 6 : Cartographier les acteurs de son projet";
    private static final String WEEK_7 = "Animacoop 7, semaine 7 : Licences libres et biens communs";
    private static final String GATHERING = "Rappel — Animacoop 7 : Regroupement de mi-parcours";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Synapse synapse = Synapse.ensureRunning();
    private final InMemorySyncTokenStore syncTokens = new InMemorySyncTokenStore();
    private Synapse.User ana;
    private Synapse.User camille;
    private Synapse.User lea;
    private Synapse.User bot;
    private MatrixChatPlatform matrix;
    private BotFixture core;

    @BeforeEach
    void startTheBotOnMondayMorning() {
        ana = synapse.register(Synapse.unique("ana"), false);
        camille = synapse.register(Synapse.unique("camille"), false);
        lea = synapse.register(Synapse.unique("lea"), false);
        bot = synapse.register(Synapse.unique("animabot"), false);
        start(START);
    }

    /** The core at that time, its timers planned, with the adapter connected as the bot. */
    private void start(String now) {
        core = new BotFixture(TestCatalogs.catalog(), now);
        matrix = core.join(new MatrixChatPlatform(MatrixSettings.withAccessToken(synapse.baseUrl(), bot.accessToken()),
                syncTokens));
        await().atMost(WAIT).until(() -> matrix.status().isConnected());
        core.core.automaticPosts().replan();
    }

    @AfterEach
    void stopTheBot() {
        matrix.stop();
    }

    @Test
    void aLinkedRoomGetsTheWeeksPromptOnMondayAtNineParisTimeAndNotBefore() {
        String room = linkedRoom();

        // 09:00 in Paris in November (UTC+1) is 08:00 UTC
        assertThat(core.timers.postTimers()).containsEntry("prompt/animacoop-7/w6",
                Instant.parse("2012-11-05T08:00:00Z"));

        assertThat(core.runUntil(paris(11, 5, 8, 59))).isEmpty();
        assertThat(posts(room)).isEmpty();

        assertThat(core.runUntil(paris(11, 5, 9, 0))).containsExactly("prompt/animacoop-7/w6");
        JsonNode prompt = single(posts(room));
        assertThat(body(prompt)).contains(WEEK_6,
                "Consigne : Consigne de la semaine 6 : partagez une expérience sur le thème « Cartographier les "
                        + "acteurs de son projet ».",
                "Répondez à la suite de ce message (dans son fil)");
        assertThat(prompt.path("content").path("msgtype").asText()).isEqualTo("m.notice");
        assertThat(prompt.path("content").path("formatted_body").asText()).contains("<strong>" + WEEK_6 + "</strong>");
    }

    @Test
    void aLearnersAnswerInThePromptsThreadBelongsToThatThread() {
        String room = linkedRoom();
        core.runUntil(paris(11, 5, 9, 0));
        JsonNode prompt = single(posts(room));
        assertThat(prompt.path("content").has("m.relates_to")).as("the prompt stands on its own: a thread root")
                .isFalse();
        String root = prompt.path("event_id").asText();

        String answer = synapse.sendInThread(lea, room, root, "Ma carte des acteurs : la mairie, deux associations…");

        JsonNode threads = synapse.call("GET", "/_matrix/client/v1/rooms/" + enc(room) + "/threads", ana, null);
        assertThat(threads.path("chunk")).extracting(t -> t.path("event_id").asText()).containsExactly(root);
        JsonNode replies = synapse.call("GET", "/_matrix/client/v1/rooms/" + enc(room) + "/relations/" + enc(root)
                + "/m.thread", ana, null);
        assertThat(replies.path("chunk")).extracting(e -> e.path("event_id").asText()).containsExactly(answer);
        assertThat(synapse.call("GET", "/_matrix/client/v3/rooms/" + enc(room) + "/event/" + enc(root), ana, null)
                .path("unsigned").path("m.relations").path("m.thread").path("count").asInt()).isEqualTo(1);
    }

    @Test
    void aGatheringReminderReachesTheRoomAtSixPmTheDayBefore() {
        String room = linkedRoom();
        assertThat(core.timers.postTimers()).containsEntry("gathering/animacoop-7/2012-11-15T09:30/d1",
                Instant.parse("2012-11-14T17:00:00Z"));
        core.runUntil(paris(11, 14, 17, 59));
        assertThat(posts(room)).extracting(MatrixAutomaticPostsIT::body)
                .noneSatisfy(b -> assertThat(b).contains("Demain"));

        assertThat(core.runUntil(paris(11, 14, 18, 0))).containsExactly("gathering/animacoop-7/2012-11-15T09:30/d1");

        List<JsonNode> posts = posts(room);
        JsonNode reminder = posts.get(posts.size() - 1);
        assertThat(body(reminder)).contains(GATHERING, "Demain, jeudi 15 novembre 2012 à 9 h 30.",
                "Lieu : Tiers-lieu La Coop, Montpellier", "https://animacoop.example.org/inscription-7");
        assertThat(reminder.path("content").path("formatted_body").asText())
                .contains("<a href=\"https://animacoop.example.org/inscription-7\">");
        assertThat(posts).extracting(MatrixAutomaticPostsIT::body).filteredOn(b -> b.contains(GATHERING))
                .satisfiesExactly(weekBefore -> assertThat(weekBefore).contains("Dans 7 jours"),
                        dayBefore -> assertThat(dayBefore).contains("Demain"));
    }

    @Test
    void theSameOutgoingPostedTwiceLeavesOneEventWhoseTransactionIdComesFromTheKey() throws Exception {
        String room = roomWithTheBot();
        ConversationRef conversation = new ConversationRef(MatrixChatPlatform.NAME, room);
        String key = "prompt/animacoop-7/w6|room:" + conversation;
        Outgoing outgoing = new Outgoing(Reply.plain("Consigne de la semaine 6"), key, "Semaine 6");

        matrix.post(conversation, outgoing).toCompletableFuture().get();
        // the bot crashed before recording "sent": the delivery goes again, with the same key
        matrix.post(conversation, outgoing).toCompletableFuture().get();

        JsonNode only = single(notices(room));
        assertThat(body(only)).isEqualTo("Consigne de la semaine 6");
        // the adapter's PUT used animabot-<sha256 of the key>: the same request by the bot's token is the same event
        JsonNode again = synapse.call("PUT", "/_matrix/client/v3/rooms/" + enc(room) + "/send/m.room.message/"
                        + "animabot-" + sha256(key), bot,
                JSON.createObjectNode().put("msgtype", "m.notice").put("body", "a different text, never shown"));
        assertThat(again.path("event_id").asText()).isEqualTo(only.path("event_id").asText());
        assertThat(notices(room)).hasSize(1);
    }

    @Test
    void aPromptSentJustBeforeACrashIsNotPostedAgainWhenItsTimerFiresAgain() throws Exception {
        String room = linkedRoom();
        ConversationRef conversation = new ConversationRef(MatrixChatPlatform.NAME, room);
        // the first run recorded the prompt and sent it, then stopped before writing down that it was sent
        Post prompt = core.core.automaticPosts().preview(TestCatalogs.animacoop7(), 6).orElseThrow().post();
        Delivery delivery = core.outbox.record(prompt, List.of(new Target.Room(conversation))).get(0);
        matrix.post(conversation, new Outgoing(prompt.message(), delivery.idempotencyKey(), prompt.threadName()))
                .toCompletableFuture().get();
        assertThat(core.outbox.delivery(delivery.id()).orElseThrow().state()).isEqualTo(Delivery.State.PENDING);

        assertThat(core.runUntil(paris(11, 5, 9, 0))).containsExactly("prompt/animacoop-7/w6");

        assertThat(core.outbox.delivery(delivery.id()).orElseThrow().state()).isEqualTo(Delivery.State.SENT);
        assertThat(body(single(posts(room)))).contains(WEEK_6);
    }

    @Test
    void aLearnerWhoAskedForRemindersInTheRoomGetsThemInADirectChatUntilSheSaysNo() {
        String room = linkedRoom();
        assertThat(body(answerTo(room, synapse.send(lea, room, "!anim rappels oui"))))
                .contains("vous recevrez aussi en message privé les rappels de Animacoop 7");

        core.runUntil(paris(11, 8, 18, 0));

        assertThat(posts(room)).extracting(MatrixAutomaticPostsIT::body)
                .anySatisfy(b -> assertThat(b).contains(GATHERING, "Dans 7 jours"));
        String direct = acceptDirect(lea);
        assertThat(synapse.members(lea, direct).path("joined").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder(lea.userId(), bot.userId());
        assertThat(body(single(synapse.awaitMessages(lea, direct, Synapse.noticesFrom(bot.userId()), 1, WAIT))))
                .contains(GATHERING, "Dans 7 jours, jeudi 15 novembre 2012 à 9 h 30.",
                        "Lieu : Tiers-lieu La Coop, Montpellier");
        await().atMost(WAIT).untilAsserted(() -> assertThat(directChatsOfTheBot().path(lea.userId()).toString())
                .isEqualTo("[\"" + direct + "\"]"));

        String no = synapse.send(lea, direct, "rappels non");
        assertThat(body(answerTo(lea, direct, no))).contains("plus de rappels en message privé");
        core.runUntil(paris(11, 14, 18, 0));

        assertThat(posts(room)).extracting(MatrixAutomaticPostsIT::body)
                .anySatisfy(b -> assertThat(b).contains(GATHERING, "Demain"));
        assertThat(synapse.messages(lea, direct)).filteredOn(Synapse.noticesFrom(bot.userId()))
                .extracting(MatrixAutomaticPostsIT::body)
                .noneSatisfy(b -> assertThat(b).contains("Demain"));
        assertThat(pendingInvitations(lea)).isEmpty();
    }

    @Test
    void aLearnerWhoAskedInHerOwnDirectChatGetsTheRemindersThereNextToTheRoomPost() {
        String room = linkedRoom();
        String direct = synapse.createRoom(lea, true, bot.userId());
        await().atMost(WAIT).until(() -> synapse.isJoined(lea, direct, bot.userId()));
        assertThat(body(answerTo(lea, direct, synapse.send(lea, direct, "rappels oui"))))
                .contains("vous recevrez aussi en message privé les rappels de Animacoop 7");

        core.runUntil(paris(11, 8, 18, 0));

        assertThat(posts(room)).extracting(MatrixAutomaticPostsIT::body)
                .anySatisfy(b -> assertThat(b).contains(GATHERING, "Dans 7 jours"));
        assertThat(synapse.messages(lea, direct)).filteredOn(Synapse.noticesFrom(bot.userId()))
                .extracting(MatrixAutomaticPostsIT::body)
                .anySatisfy(b -> assertThat(b).contains(GATHERING, "Dans 7 jours, jeudi 15 novembre 2012 à 9 h 30."));
        assertThat(pendingInvitations(lea)).as("no second direct chat").isEmpty();
    }

    @Test
    void aDirectChatTheLearnerOpenedStaysTheOneForHerRemindersAfterTheBotRestarts() {
        String room = linkedRoom();
        String direct = synapse.createRoom(lea, true, bot.userId());
        await().atMost(WAIT).until(() -> synapse.isJoined(lea, direct, bot.userId()));
        assertThat(body(answerTo(lea, direct, synapse.send(lea, direct, "rappels oui"))))
                .contains("vous recevrez aussi en message privé les rappels de Animacoop 7");

        restartRemembering(room, List.of(lea));
        core.runUntil(paris(11, 8, 18, 0));

        assertThat(synapse.messages(lea, direct)).filteredOn(Synapse.noticesFrom(bot.userId()))
                .extracting(MatrixAutomaticPostsIT::body)
                .anySatisfy(b -> assertThat(b).contains(GATHERING, "Dans 7 jours"));
        assertThat(pendingInvitations(lea)).as("no second direct chat").isEmpty();
    }

    @Test
    void learnersWhoseDirectChatsTheBotOpenedAtOnceKeepThemAfterARestart() {
        String room = linkedRoom();
        Synapse.User sam = synapse.register(Synapse.unique("sam"), false);
        Synapse.User tom = synapse.register(Synapse.unique("tom"), false);
        for (Synapse.User learner : List.of(sam, tom)) {
            synapse.invite(ana, room, learner.userId());
            synapse.join(learner, room);
        }
        List<Synapse.User> learners = List.of(lea, sam, tom);
        for (Synapse.User learner : learners) {
            assertThat(body(answerTo(room, synapse.send(learner, room, "!anim rappels oui"))))
                    .contains("vous recevrez aussi en message privé");
        }
        // one reminder goes to the three of them at once: the bot opens three direct chats at the same time
        core.runUntil(paris(11, 8, 18, 0));
        Map<Synapse.User, String> directs = new LinkedHashMap<>();
        for (Synapse.User learner : learners) {
            directs.put(learner, acceptDirect(learner));
        }
        await().atMost(WAIT).until(() -> directChatsOfTheBot().size() == learners.size());

        restartRemembering(room, learners);
        core.runUntil(paris(11, 14, 18, 0));

        for (Synapse.User learner : learners) {
            assertThat(synapse.messages(learner, directs.get(learner))).filteredOn(Synapse.noticesFrom(bot.userId()))
                    .extracting(MatrixAutomaticPostsIT::body).as("the direct chat of %s", learner)
                    .satisfiesExactly(weekBefore -> assertThat(weekBefore).contains(GATHERING, "Dans 7 jours"),
                            dayBefore -> assertThat(dayBefore).contains(GATHERING, "Demain"));
            assertThat(pendingInvitations(learner)).as("a second direct chat for %s", learner).isEmpty();
        }
    }

    @Test
    void planningListsTheComingPostsOfTheRoomWithLocalDatesAndTimes() {
        String room = linkedRoom();

        JsonNode planning = answerTo(room, synapse.send(lea, room, "!anim planning"));

        assertThat(body(planning)).contains("Prochains envois automatiques dans ce salon (Animacoop 7)",
                "lundi 5 novembre 2012 à 9 h — consigne de la semaine 6 (Cartographier les acteurs de son projet)",
                "jeudi 8 novembre 2012 à 18 h — rappel du regroupement du jeudi 15 novembre 2012 à 9 h 30",
                "lundi 12 novembre 2012 à 9 h — consigne de la semaine 7 (Licences libres et biens communs)",
                "mercredi 14 novembre 2012 à 18 h — rappel du regroupement du jeudi 15 novembre 2012 à 9 h 30");
        assertThat(planning.path("content").path("formatted_body").asText())
                .contains("<li><strong>lundi 5 novembre 2012 à 9 h</strong>");
    }

    @Test
    void scheduleInEnglishIsAnsweredInEnglishWhileThePostItselfStaysFrench() {
        String room = linkedRoom();

        assertThat(body(answerTo(room, synapse.send(lea, room, "!anim schedule"))))
                .contains("Next automatic posts in this room (Animacoop 7)",
                        "Monday 5 November 2012 at 9 AM — prompt of week 6");
        core.runUntil(paris(11, 5, 9, 0));

        assertThat(body(single(posts(room)))).contains(WEEK_6, "Consigne :").doesNotContain("week", "Prompt");
    }

    @Test
    void aPausedRoomMissesThePromptWhileAnotherLinkedRoomGetsItAndResumingBringsTheNextOne() {
        String paused = linkedRoom();
        String other = linkedRoom();
        assertThat(body(answerTo(paused, synapse.send(camille, paused, "!anim admin pause"))))
                .contains("Envois automatiques en pause dans ce salon, jusqu’à « admin reprise »");
        assertThat(body(answerTo(paused, synapse.send(lea, paused, "!anim planning"))))
                .contains("en pause jusqu’à « admin reprise »");

        core.runUntil(paris(11, 5, 9, 0));

        assertThat(posts(other)).extracting(MatrixAutomaticPostsIT::body)
                .singleElement().satisfies(b -> assertThat(b).contains(WEEK_6));
        assertThat(posts(paused)).isEmpty();

        assertThat(body(answerTo(paused, synapse.send(camille, paused, "!anim admin reprise"))))
                .contains("Les envois automatiques reprennent dans ce salon");
        core.runUntil(paris(11, 12, 9, 0));

        assertThat(posts(paused)).extracting(MatrixAutomaticPostsIT::body).satisfiesExactly(
                weekBefore -> assertThat(weekBefore).contains(GATHERING, "Dans 7 jours"),
                prompt -> assertThat(prompt).contains(WEEK_7));
        assertThat(posts(other)).extracting(MatrixAutomaticPostsIT::body)
                .anySatisfy(b -> assertThat(b).contains(WEEK_7));
    }

    @Test
    void thePreviewShowsExactlyTheTextPostedLater() {
        String room = linkedRoom();
        String asked = synapse.send(camille, room, "!anim admin apercu semaine 7");

        List<JsonNode> preview = synapse.awaitMessages(ana, room, inReplyTo(asked), 2, WAIT);
        assertThat(body(preview.get(0))).contains("Aperçu de la consigne de la semaine 7 de Animacoop 7, publiée le "
                + "lundi 12 novembre 2012 à 9 h dans 1 salon");
        core.runUntil(paris(11, 12, 9, 0));

        JsonNode posted = posts(room).stream().filter(p -> body(p).contains(WEEK_7)).findFirst().orElseThrow();
        assertThat(body(preview.get(1))).isEqualTo(body(posted));
        assertThat(preview.get(1).path("content").path("formatted_body").asText())
                .isEqualTo(posted.path("content").path("formatted_body").asText());
    }

    @Test
    void aRoomTheBotWasKickedFromDoesNotHoldBackTheOthersAndIsGivenUpAfterAFewTries() {
        String kicked = linkedRoom();
        String other = linkedRoom();
        synapse.call("POST", "/_matrix/client/v3/rooms/" + enc(kicked) + "/kick", ana,
                JSON.createObjectNode().put("user_id", bot.userId()).put("reason", "Salon archivé"));
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger deliveries = (Logger) LoggerFactory.getLogger(Deliveries.class);
        deliveries.addAppender(logs);
        try {
            core.runUntil(paris(11, 5, 9, 0));

            assertThat(posts(other)).extracting(MatrixAutomaticPostsIT::body)
                    .singleElement().satisfies(b -> assertThat(b).contains(WEEK_6));
            assertThat(deliveryTo(kicked).state()).isEqualTo(Delivery.State.PENDING);
            assertThat(core.timers.retryTimers()).containsKey(deliveryTo(kicked).id());

            core.runUntil(paris(11, 5, 9, 10));

            Delivery given = deliveryTo(kicked);
            assertThat(given.state()).isEqualTo(Delivery.State.FAILED);
            assertThat(given.attempts()).isEqualTo(3);
            assertThat(given.lastError()).contains("Matrix did not take the message for " + kicked, "403");
            assertThat(core.timers.retryTimers()).isEmpty();
            assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage).singleElement().satisfies(line -> assertThat(line)
                            .contains("Gave up the delivery of prompt/animacoop-7/w6 to room:matrix:" + kicked));
            assertThat(synapse.messages(ana, kicked)).filteredOn(Synapse.noticesFrom(bot.userId()))
                    .extracting(MatrixAutomaticPostsIT::body).noneSatisfy(b -> assertThat(b).contains(WEEK_6));

            core.runUntil(paris(11, 12, 9, 0));
            assertThat(posts(other)).extracting(MatrixAutomaticPostsIT::body)
                    .anySatisfy(b -> assertThat(b).contains(WEEK_7));
        } finally {
            deliveries.detachAppender(logs);
        }
    }

    /**
     * The bot stops and starts again, the adapter and the core: what the database keeps (the room's link, who asked
     * for reminders) the new core finds again, at the same time of day; the adapter resumes its sync.
     */
    private void restartRemembering(String linkedRoom, List<Synapse.User> remindedLearners) {
        matrix.stop();
        start(core.clock.instant().toString());
        core.links.link(new ConversationRef(MatrixChatPlatform.NAME, linkedRoom), SESSION);
        remindedLearners.forEach(learner -> core.reminders.subscribe(
                new PersonRef(MatrixChatPlatform.NAME, learner.userId()), SESSION));
    }

    /** The one delivery of week 6's prompt to a room. */
    private Delivery deliveryTo(String room) {
        Target target = new Target.Room(new ConversationRef(MatrixChatPlatform.NAME, room));
        return core.outbox.deliveriesOf("prompt/animacoop-7/w6").stream().filter(d -> d.target().equals(target))
                .findFirst().orElseThrow();
    }

    /**
     * A group room Ana created with the bot, Camille and Léa, in which Camille (power level 50) linked the room to
     * Animacoop 7 and the bot confirmed it.
     */
    private String linkedRoom() {
        String room = roomWithTheBot();
        synapse.setPowerLevel(ana, room, camille.userId(), 50);
        String link = synapse.send(camille, room, "!anim admin relier " + SESSION);
        assertThat(body(answerTo(room, link))).contains("relié à Animacoop 7");
        return room;
    }

    /** A group room Ana created, once the bot, Camille and Léa have joined it. */
    private String roomWithTheBot() {
        String room = synapse.createRoom(ana, false, bot.userId(), camille.userId(), lea.userId());
        synapse.join(camille, room);
        synapse.join(lea, room);
        await().atMost(WAIT).until(() -> synapse.isJoined(ana, room, bot.userId()));
        return room;
    }

    /** The bot's notice answering that event, as Ana sees it. */
    private JsonNode answerTo(String room, String eventId) {
        return answerTo(ana, room, eventId);
    }

    private JsonNode answerTo(Synapse.User who, String room, String eventId) {
        return synapse.awaitMessages(who, room, inReplyTo(eventId), 1, WAIT).get(0);
    }

    private Predicate<JsonNode> inReplyTo(String eventId) {
        return Synapse.noticesFrom(bot.userId()).and(event -> event.path("content").path("m.relates_to")
                .path("m.in_reply_to").path("event_id").asText().equals(eventId));
    }

    /** Every notice of the bot in the room, oldest first. */
    private List<JsonNode> notices(String room) {
        return synapse.messages(ana, room).stream().filter(Synapse.noticesFrom(bot.userId())).toList();
    }

    /** The bot's notices that answer nobody: what it posted on its own. */
    private List<JsonNode> posts(String room) {
        return notices(room).stream().filter(n -> !n.path("content").path("m.relates_to").has("m.in_reply_to"))
                .toList();
    }

    /** The bot's {@code m.direct} account data: the direct chats clients show, by person. */
    private JsonNode directChatsOfTheBot() {
        return synapse.call("GET", "/_matrix/client/v3/user/" + enc(bot.userId()) + "/account_data/m.direct", bot,
                null);
    }

    private List<String> pendingInvitations(Synapse.User who) {
        JsonNode invites = synapse.call("GET", "/_matrix/client/v3/sync?timeout=0", who, null).path("rooms")
                .path("invite");
        return invites.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static JsonNode single(List<JsonNode> events) {
        assertThat(events).as("messages").extracting(Synapse::describe).hasSize(1);
        return events.get(0);
    }

    private static String body(JsonNode event) {
        return event.path("content").path("body").asText();
    }

    private static Instant paris(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2012, month, day, hour, minute, 0, 0, PARIS).toInstant();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private String acceptDirect(Synapse.User who) {
        return MatrixTestSupport.acceptDirectInvitation(synapse, who, bot.userId(), WAIT);
    }
}
