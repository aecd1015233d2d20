package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.matrix.bridge.RoomInvite;
import org.animfr.animabot.matrix.bridge.RoomMessage;
import org.animfr.animabot.matrix.bridge.SyncBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter's logic over a fake homeserver: what it answers, in which order, and what it leaves alone. */
class MatrixChatPlatformTest {
    private static final String ROOM = "!general:anim.fr";
    private static final String ANA = "@ana:anim.fr";

    private final FakeBridge bridge = new FakeBridge();
    private final InMemorySyncTokenStore tokens = new InMemorySyncTokenStore("s1");
    private final List<IncomingMessage> received = new CopyOnWriteArrayList<>();
    private MatrixChatPlatform platform;
    private int batches;

    @BeforeEach
    void start() {
        platform = new MatrixChatPlatform(MatrixSettings.withAccessToken("http://localhost:1", "token"), tokens,
                new Messages(), settings -> bridge);
        platform.start(message -> {
            received.add(message);
            if (message.text().contains("explode")) {
                throw new IllegalStateException("boom");
            }
            return List.of(Reply.plain("echo: " + message.text()));
        });
        await().atMost(Duration.ofSeconds(5)).until(platform::isReady);
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    @Test
    void syncResumesFromTheSavedTokenAndSavesTheNextOne() {
        assertThat(bridge.syncStartedFrom).isEqualTo("s1");

        sync(false, List.of(text(ANA, "!anim ping")), List.of());

        assertThat(tokens.load()).contains("s2");
    }

    @Test
    void aCommandIsAnsweredWithANoticeReplyingToIt() {
        sync(false, List.of(text(ANA, "!anim ping")), List.of());

        await().until(() -> bridge.sent.size() == 1);
        FakeBridge.Sent sent = bridge.sent.get(0);
        assertThat(sent.body()).isEqualTo("echo: ping");
        assertThat(sent.html()).isEqualTo("<p>echo: ping</p>");
        assertThat(sent.inReplyTo()).isEqualTo("$1");
        assertThat(sent.threadRoot()).isNull();
        IncomingMessage message = received.get(0);
        assertThat(message.author().ref()).isEqualTo(new PersonRef("matrix", ANA));
        assertThat(message.author().displayName()).isEqualTo("Ana");
        assertThat(message.conversation()).isEqualTo(new ConversationRef("matrix", ROOM));
        assertThat(message.direct()).isFalse();
        assertThat(message.platformOrganizer()).isFalse();
    }

    @Test
    void aMessageInAThreadIsAnsweredInTheThread() {
        RoomMessage inThread = new RoomMessage(ROOM, "$7", ANA, "m.text", "!anim ping", null, "$root", false, false,
                Set.of(), 0);

        sync(false, List.of(inThread), List.of());

        await().until(() -> bridge.sent.size() == 1);
        assertThat(bridge.sent.get(0).threadRoot()).isEqualTo("$root");
        assertThat(bridge.sent.get(0).inReplyTo()).isEqualTo("$7");
    }

    @Test
    void theFirstSyncsMessagesAreHistoryAndStayUnanswered() {
        sync(true, List.of(text(ANA, "!anim ping")), List.of());
        sync(false, List.of(text(ANA, "!anim pong")), List.of());

        await().until(() -> bridge.sent.size() == 1);
        assertThat(received).extracting(IncomingMessage::text).containsExactly("pong");
    }

    @Test
    void anEventSeenTwiceIsAnsweredOnce() {
        RoomMessage ping = text(ANA, "!anim ping");

        sync(false, List.of(ping), List.of());
        sync(false, List.of(ping), List.of());
        sync(false, List.of(text(ANA, "!anim fin")), List.of());

        await().until(() -> bridge.sent.size() == 2);
        assertThat(received).extracting(IncomingMessage::text).containsExactly("ping", "fin");
    }

    @Test
    void itsOwnMessagesNoticesAndEditsAreIgnored() {
        sync(false, List.of(
                new RoomMessage(ROOM, "$a", FakeBridge.BOT, "m.text", "!anim moi", null, null, true, false, Set.of(),
                        0),
                new RoomMessage(ROOM, "$b", "@otherbot:anim.fr", "m.notice", "!anim notice", null, null, false, false,
                        Set.of(), 0),
                new RoomMessage(ROOM, "$c", ANA, "m.text", "* !anim edit", null, null, false, true, Set.of(), 0),
                text(ANA, "!anim fin")), List.of());

        await().until(() -> bridge.sent.size() == 1);
        assertThat(received).extracting(IncomingMessage::text).containsExactly("fin");
    }

    @Test
    void aBurstOfAHundredQuestionsIsAnsweredCompletelyAndInOrder() {
        List<RoomMessage> burst = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(text(ANA, "!anim question " + i));
        }

        sync(false, burst.subList(0, 40), List.of());
        sync(false, burst.subList(40, 100), List.of());

        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.sent.size() == 100);
        for (int i = 0; i < 100; i++) {
            assertThat(bridge.sent.get(i).body()).isEqualTo("echo: question " + i);
        }
    }

    @Test
    void anyTextInATwoPersonRoomIsForTheBot() {
        bridge.members.put("!dm:anim.fr", Map.of(FakeBridge.BOT, "Animabot", ANA, "Ana"));

        sync(false, List.of(new RoomMessage("!dm:anim.fr", "$1", ANA, "m.text", "bonjour", null, null, false, false,
                Set.of(), 0)), List.of());

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).direct()).isTrue();
        assertThat(received.get(0).text()).isEqualTo("bonjour");
    }

    @Test
    void aPowerLevelAtTheThresholdMakesAnOrganizer() {
        bridge.powerLevels.put(ROOM + "|" + ANA, 50L);

        sync(false, List.of(text(ANA, "!anim ping")), List.of());

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).platformOrganizer()).isTrue();
    }

    @Test
    void membersAreLookedUpAgainOnlyAfterAMembershipChange() {
        sync(false, List.of(text(ANA, "!anim un")), List.of());
        sync(false, List.of(text(ANA, "!anim deux")), List.of());
        await().until(() -> bridge.sent.size() == 2);
        assertThat(bridge.memberLookups).hasValue(1);

        batches++;
        bridge.listener.onBatch(new SyncBatch("s" + (batches + 1), false, List.of(text(ANA, "!anim trois")),
                List.of(), Set.of(ROOM)));

        await().until(() -> bridge.sent.size() == 3);
        assertThat(bridge.memberLookups).hasValue(2);
    }

    @Test
    void aFailingHandlerGetsAFriendlyErrorAndTheNextMessageIsAnswered() {
        sync(false, List.of(text(ANA, "!anim explode"), text(ANA, "!anim encore")), List.of());

        await().until(() -> bridge.sent.size() == 2);
        assertThat(bridge.sent.get(0).body()).contains("Oups");
        assertThat(bridge.sent.get(1).body()).isEqualTo("echo: encore");
    }

    @Test
    void invitationsFromTheOwnServerAreAcceptedAndOthersDeclined() {
        sync(false, List.of(), List.of(new RoomInvite("!ok:anim.fr", ANA, false),
                new RoomInvite("!spam:evil.example", "@eve:evil.example", false)));

        assertThat(bridge.joined).containsExactly("!ok:anim.fr");
        assertThat(bridge.left).containsExactly("!spam:evil.example");
    }

    @Test
    void aDirectMessageOpensTheDirectChatOnceAndReusesIt() throws Exception {
        platform.sendDirect(new PersonRef("matrix", ANA), Reply.plain("un")).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        platform.sendDirect(new PersonRef("matrix", ANA), Reply.plain("deux")).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(bridge.createdDirectRooms).containsExactly("!direct0:anim.fr");
        assertThat(bridge.sent).extracting(FakeBridge.Sent::roomId).containsExactly("!direct0:anim.fr",
                "!direct0:anim.fr");
    }

    @Test
    void aRoomInvitedToAsDirectIsADirectChat() {
        sync(false, List.of(), List.of(new RoomInvite("!dm:anim.fr", ANA, true)));
        sync(false, List.of(new RoomMessage("!dm:anim.fr", "$1", ANA, "m.text", "salut", null, null, false, false,
                Set.of(), 0)), List.of());

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).direct()).isTrue();
    }

    private void sync(boolean initial, List<RoomMessage> messages, List<RoomInvite> invites) {
        batches++;
        bridge.listener.onBatch(new SyncBatch("s" + (batches + 1), initial, messages, invites, Set.of()));
    }

    private int nextId = 1;

    private RoomMessage text(String sender, String body) {
        return new RoomMessage(ROOM, "$" + nextId++, sender, "m.text", body, null, null, false, false, Set.of(), 0);
    }
}
