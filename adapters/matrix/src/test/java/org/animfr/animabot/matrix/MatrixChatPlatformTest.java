package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.animfr.animabot.core.chat.Attachment;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.spi.AnsweredMessages;
import org.animfr.animabot.core.chat.spi.Backoff;
import org.animfr.animabot.core.chat.spi.InMemoryAnsweredMessages;
import org.animfr.animabot.matrix.bridge.EventPage;
import org.animfr.animabot.matrix.bridge.FileMessage;
import org.animfr.animabot.matrix.bridge.JoinedRoom;
import org.animfr.animabot.matrix.bridge.MemberEvent;
import org.animfr.animabot.matrix.bridge.PowerLevelsEvent;
import org.animfr.animabot.matrix.bridge.RoomEvent;
import org.animfr.animabot.matrix.bridge.RoomMessage;
import org.animfr.animabot.matrix.bridge.SyncResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's rules over a fake homeserver: the sync loop, gaps, history before a join, room state kept from the
 * sync, invitations, direct chats, rate limits; what it answers, in which order, and what it leaves alone.
 */
class MatrixChatPlatformTest {
    private static final String ROOM = "!general:anim.fr";
    private static final String ANA = "@ana:anim.fr";

    private FakeBridge bridge = new FakeBridge();
    private final List<IncomingMessage> received = new CopyOnWriteArrayList<>();
    private MatrixChatPlatform platform;
    private InMemorySyncTokenStore tokens;
    private int batches = 1;
    private int nextId = 1;
    /** Answers to questions starting with "lent" wait for it. */
    private final CountDownLatch slowAnswers = new CountDownLatch(1);

    private void start(String savedToken) {
        start(savedToken, new InMemoryAnsweredMessages());
    }

    private void start(String savedToken, AnsweredMessages answered) {
        tokens = savedToken == null ? new InMemorySyncTokenStore() : new InMemorySyncTokenStore(savedToken);
        platform = new MatrixChatPlatform(MatrixSettings.withAccessToken("http://localhost:1", "token"), tokens,
                answered, Clock.systemUTC(), settings -> bridge,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)));
        platform.start(message -> {
            received.add(message);
            if (message.text().startsWith("lent")) {
                return CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(slowAnswers);
                    return List.of(Reply.plain("enfin: " + message.text()));
                });
            }
            if (message.text().contains("explode")) {
                throw new IllegalStateException("boom");
            }
            if (message.text().equals("mes donnees")) {
                return CompletableFuture.completedFuture(List.of(Reply.plain("Tout ce que je garde sur vous")
                        .withAttachment(new Attachment("mes-donnees.json", "application/json", "{\"projet\":1}"))));
            }
            if (message.text().equals("oublie-moi")) {
                return CompletableFuture.completedFuture(List.of(new Reply(RichText.plain("Pour confirmer :"),
                        Reply.Visibility.PERSONAL, null, List.of(new Reply.FollowUp("Oui, tout effacer",
                                new CommandCall("forget-me", Map.of("confirm", "confirmer")),
                                "oublie-moi confirmer")))));
            }
            return CompletableFuture.completedFuture(List.of(Reply.plain("echo: " + message.text())));
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> platform.status().isConnected());
        await().until(() -> bridge.syncedFrom.size() == 1);
    }

    private void startResuming() {
        start("s1");
    }

    @AfterEach
    void stop() {
        slowAnswers.countDown();
        platform.stop();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void syncResumesFromTheSavedTokenAndSavesTheNextOne() {
        startResuming();
        assertThat(bridge.syncedFrom).containsExactly("s1");

        sync(room(ROOM, text(ANA, "!anim ping")));

        await().until(() -> tokens.load().orElseThrow().equals("s2"));
        assertThat(bridge.syncedFrom).containsExactly("s1", "s2");
    }

    @Test
    void theSyncTokenMovesPastAMessageOnlyOnceItIsAnswered() {
        startResuming();

        sync(room(ROOM, text(ANA, "!anim lent")));
        sync(room("!other:anim.fr", text("!other:anim.fr", ANA, "!anim vite")));

        await().until(() -> bridge.sent.size() == 1);
        assertThat(bridge.sent.get(0).body()).as("another room is not held up").isEqualTo("echo: vite");
        assertThat(tokens.load()).as("the slow question's batch is not answered yet").contains("s1");

        slowAnswers.countDown();

        await().until(() -> tokens.load().orElseThrow().equals("s3"));
        assertThat(bridge.sent).extracting(FakeBridge.Sent::body).containsExactly("echo: vite", "enfin: lent");
    }

    @Test
    void aStopLetsTheAnswerUnderWayFinishAndSavesItsToken() throws Exception {
        startResuming();
        sync(room(ROOM, text(ANA, "!anim lent")));
        await().until(() -> received.size() == 1);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(platform::stop);
        Thread.sleep(200);
        slowAnswers.countDown();
        stopping.get(5, TimeUnit.SECONDS);

        assertThat(bridge.sent).extracting(FakeBridge.Sent::body).containsExactly("enfin: lent");
        assertThat(tokens.load()).contains("s2");
    }

    @Test
    void aStopThatCannotWaitForAnAnswerLeavesTheTokenBeforeItsMessage() throws Exception {
        startResuming();
        platform.stopGrace(Duration.ofMillis(300));
        sync(room(ROOM, text(ANA, "!anim lent")));
        await().until(() -> received.size() == 1);

        platform.stop();
        slowAnswers.countDown();
        Thread.sleep(200);

        assertThat(bridge.sent).isEmpty();
        assertThat(tokens.load()).as("a restart reads the question again").contains("s1");
    }

    @Test
    void aMessageAnsweredBeforeARestartIsNotAnsweredAgainWhenTheSyncReadsItAgain() {
        AnsweredMessages answered = new InMemoryAnsweredMessages();
        start("s1", answered);
        RoomMessage first = text(ANA, "!anim un");
        sync(room(ROOM, first));
        await().until(() -> bridge.sent.size() == 1);
        platform.stop();

        // as after a crash between the reply and the token: the next run syncs from s1 again
        bridge = new FakeBridge();
        start("s1", answered);
        sync(room(ROOM, first, text(ANA, "!anim deux")));

        await().until(() -> bridge.sent.size() == 1);
        assertThat(bridge.sent).extracting(FakeBridge.Sent::body).containsExactly("echo: deux");
        assertThat(received).extracting(IncomingMessage::text).containsExactly("un", "deux");
    }

    @Test
    void aReplyMentionsTheAskerAndNobodyElseAndAPostMentionsNobody() throws Exception {
        startResuming();

        sync(room(ROOM, text(ANA, "!anim ping @bob:anim.fr")));
        await().until(() -> bridge.sent.size() == 1);
        platform.post(new ConversationRef("matrix", ROOM), Outgoing.once(Reply.plain("Annonce pour @room")))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(bridge.sent.get(0).mentioned()).containsExactly(ANA);
        assertThat(bridge.sent.get(1).mentioned()).isEmpty();
    }

    @Test
    void aCommandIsAnsweredWithANoticeReplyingToIt() {
        startResuming();

        sync(room(ROOM, text(ANA, "!anim ping")));

        await().until(() -> bridge.sent.size() == 1);
        FakeBridge.Sent sent = bridge.sent.get(0);
        assertThat(sent.body()).isEqualTo("echo: ping");
        assertThat(sent.html()).isEqualTo("<p>echo: ping</p>");
        assertThat(sent.inReplyTo()).isEqualTo("$1");
        assertThat(sent.threadRoot()).isNull();
        IncomingMessage message = received.get(0);
        assertThat(message.author().ref()).isEqualTo(new PersonRef("matrix", ANA));
        assertThat(message.conversation()).isEqualTo(new ConversationRef("matrix", ROOM));
        assertThat(message.direct()).isFalse();
        assertThat(message.platformOrganizer()).isFalse();
    }

    @Test
    void aMessageInAThreadIsAnsweredInTheThread() {
        startResuming();

        sync(room(ROOM, new RoomMessage(ROOM, "$7", ANA, "m.text", "!anim ping", null, "$root", false, Set.of(), 0)));

        await().until(() -> bridge.sent.size() == 1);
        assertThat(bridge.sent.get(0).threadRoot()).isEqualTo("$root");
        assertThat(bridge.sent.get(0).inReplyTo()).isEqualTo("$7");
    }

    @Test
    void theFirstSyncsMessagesAreHistoryAndStayUnanswered() {
        start(null);
        assertThat(bridge.syncedFrom).containsExactly("null");

        sync(room(ROOM, text(ANA, "!anim ping")));
        sync(room(ROOM, text(ANA, "!anim pong")));

        await().until(() -> bridge.sent.size() == 1);
        assertThat(received).extracting(IncomingMessage::text).containsExactly("pong");
    }

    @Test
    void anEventSeenTwiceIsAnsweredOnce() {
        startResuming();
        RoomMessage ping = text(ANA, "!anim ping");

        sync(room(ROOM, ping));
        sync(room(ROOM, ping));
        sync(room(ROOM, text(ANA, "!anim fin")));

        await().until(() -> bridge.sent.size() == 2);
        assertThat(received).extracting(IncomingMessage::text).containsExactly("ping", "fin");
    }

    @Test
    void itsOwnMessagesNoticesAndEditsAreIgnored() {
        startResuming();

        sync(room(ROOM,
                new RoomMessage(ROOM, "$a", FakeBridge.BOT, "m.text", "!anim moi", null, null, false, Set.of(), 0),
                new RoomMessage(ROOM, "$b", "@otherbot:anim.fr", "m.notice", "!anim notice", null, null, false,
                        Set.of(), 0),
                new RoomMessage(ROOM, "$c", ANA, "m.text", "* !anim edit", null, null, true, Set.of(), 0),
                text(ANA, "!anim fin")));

        await().until(() -> bridge.sent.size() == 1);
        assertThat(received).extracting(IncomingMessage::text).containsExactly("fin");
    }

    @Test
    void aBurstOfAHundredQuestionsIsAnsweredCompletelyAndInOrder() {
        startResuming();
        List<RoomEvent> burst = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(text(ANA, "!anim question " + i));
        }

        sync(room(ROOM, burst.subList(0, 40).toArray(RoomEvent[]::new)));
        sync(room(ROOM, burst.subList(40, 100).toArray(RoomEvent[]::new)));

        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.sent.size() == 100);
        for (int i = 0; i < 100; i++) {
            assertThat(bridge.sent.get(i).body()).isEqualTo("echo: question " + i);
        }
    }

    @Test
    void aGroupRoomWhereOnlyOnePersonSitsWithTheBotIsNoDirectChat() {
        startResuming();
        bridge.roomStates.put("!pair:anim.fr", List.of(member("!pair:anim.fr", FakeBridge.BOT),
                member("!pair:anim.fr", ANA)));

        sync(room("!pair:anim.fr", text("!pair:anim.fr", ANA, "on se retrouve où demain ?"),
                text("!pair:anim.fr", ANA, "!anim ping")));

        await().until(() -> bridge.sent.size() == 1);
        assertThat(received).extracting(IncomingMessage::text).containsExactly("ping");
        assertThat(received.get(0).direct()).isFalse();
    }

    @Test
    void anyTextInADirectChatIsForTheBot() {
        bridge.direct = Map.of(ANA, Set.of("!dm:anim.fr"));
        startResuming();
        bridge.roomStates.put("!dm:anim.fr", List.of(member("!dm:anim.fr", FakeBridge.BOT), member("!dm:anim.fr", ANA)));

        sync(room("!dm:anim.fr", new RoomMessage("!dm:anim.fr", "$1", ANA, "m.text", "bonjour", null, null, false,
                Set.of(), 0)));

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).direct()).isTrue();
        assertThat(received.get(0).text()).isEqualTo("bonjour");
        assertThat(received.get(0).author().displayName()).isEqualTo("Ana");
    }

    @Test
    void theFullPowerEveryoneHoldsInTheirOwnDirectChatMakesNoOrganizer() {
        bridge.direct = Map.of(ANA, Set.of("!dm:anim.fr"));
        startResuming();
        bridge.roomStates.put("!dm:anim.fr", List.of(member("!dm:anim.fr", FakeBridge.BOT), member("!dm:anim.fr", ANA),
                new PowerLevelsEvent("!dm:anim.fr", Map.of(ANA, 100L, FakeBridge.BOT, 100L), 0)));

        sync(room("!dm:anim.fr", new RoomMessage("!dm:anim.fr", "$1", ANA, "m.text", "admin presentations reseau",
                null, null, false, Set.of(), 0)));

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).direct()).isTrue();
        assertThat(received.get(0).platformOrganizer()).isFalse();
    }

    @Test
    void aPowerLevelAtTheThresholdMakesAnOrganizer() {
        startResuming();
        bridge.roomStates.put(ROOM, List.of(new PowerLevelsEvent(ROOM, Map.of(ANA, 50L), 0)));

        sync(room(ROOM, text(ANA, "!anim ping")));

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).platformOrganizer()).isTrue();
    }

    @Test
    void aRoomsStateIsReadOnceThenFollowedFromTheSync() {
        startResuming();
        bridge.roomStates.put(ROOM, List.of(member(ROOM, FakeBridge.BOT), member(ROOM, ANA),
                member(ROOM, "@bob:anim.fr"), new PowerLevelsEvent(ROOM, Map.of(), 0)));
        sync(room(ROOM, text(ANA, "!anim un")));
        sync(room(ROOM, text(ANA, "!anim deux")));
        await().until(() -> received.size() == 2);
        assertThat(received).allSatisfy(m -> assertThat(m.platformOrganizer()).isFalse());

        sync(new JoinedRoom(ROOM, List.of(new PowerLevelsEvent(ROOM, Map.of(ANA, 100L), 0)),
                List.of(text(ANA, "!anim trois")), false, null));

        await().until(() -> received.size() == 3);
        assertThat(received.get(2).platformOrganizer()).isTrue();
        assertThat(bridge.stateRequests).hasValue(1);
    }

    @Test
    void aFailingHandlerIsLoggedAndTheNextMessageIsAnswered() {
        startResuming();

        sync(room(ROOM, text(ANA, "!anim explode"), text(ANA, "!anim encore")));

        await().until(() -> bridge.sent.size() == 1);
        assertThat(bridge.sent.get(0).body()).isEqualTo("echo: encore");
    }

    @Test
    void invitationsFromTheOwnServerAreAcceptedAndOthersDeclined() {
        startResuming();

        sync(new SyncResponse("s" + (batches + 1), List.of(), List.of(
                new MemberEvent("!ok:anim.fr", FakeBridge.BOT, ANA, "invite", null, false),
                new MemberEvent("!ok:anim.fr", ANA, ANA, "join", "Ana", false),
                new MemberEvent("!spam:evil.example", FakeBridge.BOT, "@eve:evil.example", "invite", null, false))));

        await().until(() -> bridge.joined.size() + bridge.left.size() == 2);
        assertThat(bridge.joined).containsExactly("!ok:anim.fr");
        assertThat(bridge.left).containsExactly("!spam:evil.example");
    }

    @Test
    void aDirectMessageOpensTheDirectChatOnceRecordsItAndReusesIt() throws Exception {
        startResuming();
        bridge.direct = Map.of("@bob:anim.fr", Set.of("!withbob:anim.fr"));

        platform.sendDirect(new PersonRef("matrix", ANA), Outgoing.once(Reply.plain("un"))).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        platform.sendDirect(new PersonRef("matrix", ANA), Outgoing.once(Reply.plain("deux"))).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(bridge.createdDirectRooms).containsExactly("!direct0:anim.fr");
        assertThat(bridge.sent).extracting(FakeBridge.Sent::roomId).containsExactly("!direct0:anim.fr",
                "!direct0:anim.fr");
        await().until(() -> bridge.directWrites.size() == 1);
        assertThat(bridge.direct).containsEntry("@bob:anim.fr", Set.of("!withbob:anim.fr"))
                .containsEntry(ANA, Set.of("!direct0:anim.fr"));
    }

    @Test
    void aRoomInvitedToAsDirectIsADirectChat() {
        startResuming();
        sync(new SyncResponse("s" + (batches + 1), List.of(),
                List.of(new MemberEvent("!dm:anim.fr", FakeBridge.BOT, ANA, "invite", null, true))));

        sync(room("!dm:anim.fr", new RoomMessage("!dm:anim.fr", "$1", ANA, "m.text", "salut", null, null, false,
                Set.of(), 0)));

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).direct()).isTrue();
    }

    @Test
    void aDirectChatTheBotJoinedIsRecordedInMDirectSoThatARestartFindsItAgain() throws Exception {
        startResuming();
        bridge.direct = Map.of("@bob:anim.fr", Set.of("!withbob:anim.fr"));

        sync(new SyncResponse("s" + (batches + 1), List.of(),
                List.of(new MemberEvent("!dm:anim.fr", FakeBridge.BOT, ANA, "invite", null, true))));

        await().until(() -> bridge.directWrites.size() == 1);
        assertThat(bridge.direct).containsEntry("@bob:anim.fr", Set.of("!withbob:anim.fr"))
                .containsEntry(ANA, Set.of("!dm:anim.fr"));
        platform.sendDirect(new PersonRef("matrix", ANA), Outgoing.once(Reply.plain("rappel")))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(bridge.createdDirectRooms).isEmpty();
        assertThat(bridge.sent).extracting(FakeBridge.Sent::roomId).containsExactly("!dm:anim.fr");
    }

    @Test
    void theMessagesALimitedSyncLeftOutAreReadBackAndAnsweredInOrder() {
        startResuming();
        RoomMessage first = text(ANA, "!anim un");
        RoomMessage second = text(ANA, "!anim deux");
        RoomMessage third = text(ANA, "!anim trois");
        bridge.page(ROOM, "p1", new EventPage(List.of(second), "p2"));
        bridge.page(ROOM, "p2", new EventPage(List.of(first), "p3"));

        sync(new JoinedRoom(ROOM, List.of(), List.of(third), true, "p1"));

        await().until(() -> bridge.sent.size() == 3);
        assertThat(bridge.sent).extracting(FakeBridge.Sent::body)
                .containsExactly("echo: un", "echo: deux", "echo: trois");
        assertThat(bridge.pageRequests).extracting(FakeBridge.PageRequest::from).containsExactly("p1", "p2", "p3");
        assertThat(bridge.pageRequests).extracting(FakeBridge.PageRequest::to).containsOnly("s1");
    }

    @Test
    void whatARoomSaidBeforeTheBotJoinedIsNotAnswered() {
        startResuming();

        sync(room("!new:anim.fr", text("!new:anim.fr", ANA, "!anim avant"),
                new MemberEvent("!new:anim.fr", FakeBridge.BOT, FakeBridge.BOT, "join", "Animabot", false),
                text("!new:anim.fr", ANA, "!anim après")));

        await().until(() -> bridge.sent.size() == 1);
        assertThat(received).extracting(IncomingMessage::text).containsExactly("après");
    }

    @Test
    void aFailingSyncIsRetriedFromTheSameTokenAndTheStatusSaysSo() {
        startResuming();

        bridge.failSync(new IllegalStateException("homeserver down"));
        await().until(() -> bridge.syncedFrom.size() == 2);
        assertThat(platform.status().state()).isEqualTo(PlatformStatus.State.RECONNECTING);
        assertThat(platform.status().reason()).contains("homeserver down");
        bridge.failSync(new IllegalStateException("still down"));
        await().until(() -> bridge.syncedFrom.size() == 3);

        sync(room(ROOM, text(ANA, "!anim revenu")));

        assertThat(bridge.syncedFrom).containsExactly("s1", "s1", "s1", "s2");
        assertThat(platform.status().isConnected()).isTrue();
        await().until(() -> bridge.sent.size() == 1);
    }

    @Test
    void aNoticeRefusedForRateLimitsIsSentAgainInTheSameTransaction() throws Exception {
        startResuming();
        bridge.rateLimitedSends.set(3);

        platform.post(new ConversationRef("matrix", ROOM), Outgoing.once(Reply.plain("Rappel"))).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(bridge.sendAttempts).hasSize(4);
        assertThat(bridge.sendAttempts.stream().distinct()).hasSize(1);
        assertThat(bridge.sent).singleElement().satisfies(s -> assertThat(s.body()).isEqualTo("Rappel"));
    }

    @Test
    void aReplysFileIsUploadedAndSentAsAnMFileAfterItsNoticeInTheSameThread() {
        startResuming();

        sync(room(ROOM, new RoomMessage(ROOM, "$7", ANA, "m.text", "!anim mes donnees", null, "$root", false,
                Set.of(), 0)));

        await().until(() -> bridge.files.size() == 1);
        assertThat(bridge.sent).singleElement().satisfies(s -> assertThat(s.body()).isEqualTo("Tout ce que je garde sur vous"));
        FakeBridge.SentFile file = bridge.files.get(0);
        assertThat(file.roomId()).isEqualTo(ROOM);
        assertThat(file.content()).isEqualTo("{\"projet\":1}");
        assertThat(file.file()).isEqualTo(new FileMessage("mes-donnees.json", "application/json", 12,
                "mxc://anim.fr/upload0", "$7", "$root"));
        assertThat(file.transactionId()).isEqualTo(bridge.sent.get(0).transactionId() + "-file");
    }

    @Test
    void aFileTheHomeserverRefusesLeavesItsNoticeSent() throws Exception {
        startResuming();
        bridge.uploadsRefused = true;

        platform.sendDirect(new PersonRef("matrix", ANA), Outgoing.once(Reply.plain("Vos données")
                        .withAttachment(new Attachment("mes-donnees.json", "application/json", "{}"))))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(bridge.sent).extracting(FakeBridge.Sent::body).containsExactly("Vos données");
        assertThat(bridge.files).isEmpty();
    }

    @Test
    void followUpsCarryTheCommandPrefixInARoomAndNoneInADirectChat() {
        startResuming();
        sync(new SyncResponse("s" + (batches + 1), List.of(),
                List.of(new MemberEvent("!dm:anim.fr", FakeBridge.BOT, ANA, "invite", null, true))));

        sync(room(ROOM, text(ANA, "!anim oublie-moi")));
        await().until(() -> bridge.sent.size() == 1);
        sync(room("!dm:anim.fr", text("!dm:anim.fr", ANA, "oublie-moi")));
        await().until(() -> bridge.sent.size() == 2);

        assertThat(bridge.sent).extracting(FakeBridge.Sent::body).containsExactly(
                "Pour confirmer :\n→ !anim oublie-moi confirmer", "Pour confirmer :\n→ oublie-moi confirmer");
        assertThat(bridge.sent.get(1).html()).endsWith("<p>→ oublie-moi confirmer</p>");
    }

    @Test
    void aPersonWhoLeftTheirDirectChatGetsANewOneAndTheBotLeavesTheEmptyOne() throws Exception {
        startResuming();
        platform.sendDirect(new PersonRef("matrix", ANA), Outgoing.once(Reply.plain("un"))).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        String first = bridge.createdDirectRooms.get(0);
        sync(room(first, member(first, FakeBridge.BOT), member(first, ANA)));
        await().until(() -> bridge.direct.getOrDefault(ANA, Set.of()).contains(first));

        sync(room(first, new MemberEvent(first, ANA, ANA, "leave", null, false)));
        await().until(() -> !bridge.direct.containsKey(ANA));
        platform.sendDirect(new PersonRef("matrix", ANA), Outgoing.once(Reply.plain("deux"))).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(bridge.createdDirectRooms).hasSize(2);
        String second = bridge.createdDirectRooms.get(1);
        assertThat(bridge.sent).extracting(FakeBridge.Sent::roomId).containsExactly(first, second);
        assertThat(bridge.left).containsExactly(first);
        await().until(() -> bridge.direct.getOrDefault(ANA, Set.of()).equals(Set.of(second)));
    }

    @Test
    void someoneLeavingAGroupRoomChangesNoDirectChat() throws Exception {
        startResuming();
        platform.sendDirect(new PersonRef("matrix", ANA), Outgoing.once(Reply.plain("un"))).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        sync(room(ROOM, new MemberEvent(ROOM, ANA, ANA, "leave", null, false)));
        platform.sendDirect(new PersonRef("matrix", ANA), Outgoing.once(Reply.plain("deux"))).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(bridge.createdDirectRooms).hasSize(1);
        assertThat(bridge.left).isEmpty();
    }

    /** Hands a sync response to the bot and waits until it asks for the next one, its batch handled. */
    private void sync(JoinedRoom... rooms) {
        sync(new SyncResponse("s" + (batches + 1), List.of(rooms), List.of()));
    }

    private void sync(SyncResponse response) {
        int asked = bridge.syncedFrom.size();
        batches++;
        bridge.answerSync(response);
        await().until(() -> bridge.syncedFrom.size() > asked);
    }

    private static JoinedRoom room(String roomId, RoomEvent... timeline) {
        return new JoinedRoom(roomId, List.of(), List.of(timeline), false, null);
    }

    private RoomMessage text(String sender, String body) {
        return text(ROOM, sender, body);
    }

    private RoomMessage text(String roomId, String sender, String body) {
        return new RoomMessage(roomId, "$" + nextId++, sender, "m.text", body, null, null, false, Set.of(), 0);
    }

    private static MemberEvent member(String roomId, String userId) {
        String name = userId.equals(ANA) ? "Ana" : userId.substring(1, userId.indexOf(':'));
        return new MemberEvent(roomId, userId, userId, "join", name, false);
    }
}
