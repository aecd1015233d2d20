package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.matrix.synapse.Synapse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole core on Matrix, through Trixnity and a real Synapse: what the people in a room would see. */
class MatrixChatPlatformIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Synapse synapse = Synapse.ensureRunning();
    private final InMemorySyncTokenStore syncTokens = new InMemorySyncTokenStore();
    private Synapse.User ana;
    private Synapse.User bot;
    private MatrixChatPlatform matrix;
    private BotFixture core;

    @BeforeEach
    void startTheBot() {
        ana = synapse.register(Synapse.unique("ana"), false);
        bot = synapse.register(Synapse.unique("animabot"), false);
        matrix = start(settings());
    }

    @AfterEach
    void stopTheBot() {
        matrix.stop();
    }

    private MatrixSettings settings() {
        return MatrixSettings.withAccessToken(synapse.baseUrl(), bot.accessToken());
    }

    private MatrixChatPlatform start(MatrixSettings settings) {
        core = new BotFixture();
        MatrixChatPlatform platform = core.join(new MatrixChatPlatform(settings, syncTokens));
        await().atMost(WAIT).until(() -> platform.status().isConnected());
        return platform;
    }

    /**
     * A group room Ana created and invited the bot to, once the bot has joined; a third member always joins, since
     * a room of two is a direct chat, where the bot answers everything.
     */
    private String roomWithTheBot(Synapse.User owner, Synapse.User... members) {
        List<Synapse.User> others = new ArrayList<>(List.of(members));
        if (others.isEmpty()) {
            others.add(synapse.register(Synapse.unique("bruno"), false));
        }
        List<String> invited = new ArrayList<>(List.of(bot.userId()));
        for (Synapse.User other : others) {
            invited.add(other.userId());
        }
        String room = synapse.createRoom(owner, false, invited.toArray(String[]::new));
        for (Synapse.User other : others) {
            synapse.join(other, room);
        }
        await().atMost(WAIT).until(() -> synapse.isJoined(owner, room, bot.userId()));
        return room;
    }

    private List<JsonNode> answers(String room, int count) {
        return synapse.awaitMessages(ana, room, Synapse.noticesFrom(bot.userId()), count, WAIT);
    }

    private static String body(JsonNode event) {
        return event.path("content").path("body").asText();
    }

    @Test
    void invitedByAUserOfItsServerTheBotJoinsAndAnswersAQuestionAsAReplyNotice() {
        String room = roomWithTheBot(ana);

        String asked = synapse.send(ana, room, "!anim c'est quand le prochain regroupement ?");

        JsonNode answer = answers(room, 1).get(0);
        assertThat(answer.path("content").path("msgtype").asText()).isEqualTo("m.notice");
        assertThat(body(answer)).contains("jeudi 15 novembre 2012 à 9 h 30", "Montpellier");
        assertThat(answer.path("content").path("formatted_body").asText()).contains("<strong>");
        assertThat(answer.path("content").path("m.relates_to").path("m.in_reply_to").path("event_id").asText())
                .isEqualTo(asked);
    }

    @Test
    void aQuestionInAThreadIsAnsweredInThatThread() {
        String room = roomWithTheBot(ana);
        String root = synapse.send(ana, room, "Fil : questions sur la semaine");

        synapse.sendInThread(ana, room, root, "!anim semaine 3");

        JsonNode relates = answers(room, 1).get(0).path("content").path("m.relates_to");
        assertThat(relates.path("rel_type").asText()).isEqualTo("m.thread");
        assertThat(relates.path("event_id").asText()).isEqualTo(root);
    }

    @Test
    void messagesWithoutThePrefixInARoomAreLeftToPeople() throws InterruptedException {
        String room = roomWithTheBot(ana, synapse.register(Synapse.unique("bruno"), false));

        synapse.send(ana, room, "quelqu'un a le lien du pad ?");
        synapse.send(ana, room, "!anim merci");

        assertThat(answers(room, 1)).singleElement().satisfies(a -> assertThat(body(a)).contains("Avec plaisir"));
        Thread.sleep(500);
        assertThat(synapse.messages(ana, room).stream().filter(Synapse.noticesFrom(bot.userId()))).hasSize(1);
    }

    @Test
    void inADirectChatNoPrefixIsNeeded() {
        String room = synapse.createRoom(ana, true, bot.userId());
        await().atMost(WAIT).until(() -> synapse.isJoined(ana, room, bot.userId()));

        synapse.send(ana, room, "quel est le thème de la semaine 2 ?");

        assertThat(body(answers(room, 1).get(0))).contains("Outils pour travailler ensemble à distance");
    }

    @Test
    void anOrganizerWithPowerLevelFiftyLinksTheRoomAndAnnounces() {
        Synapse.User camille = synapse.register(Synapse.unique("camille"), false);
        String room = roomWithTheBot(ana, camille);
        synapse.setPowerLevel(ana, room, camille.userId(), 50);

        synapse.send(camille, room, "!anim admin relier animacoop-7");
        assertThat(body(answers(room, 1).get(0))).contains("relié à Animacoop 7");
        synapse.send(camille, room, "!anim admin annonce Le regroupement commence à 10 h");

        List<JsonNode> notices = answers(room, 3);
        assertThat(notices).extracting(MatrixChatPlatformIT::body)
                .anySatisfy(b -> assertThat(b).contains("Annonce — Animacoop 7", "Le regroupement commence à 10 h"))
                .anySatisfy(b -> assertThat(b).contains("Annonce envoyée dans 1 salon"));
    }

    @Test
    void aPlainMemberIsRefusedAndNothingChanges() {
        Synapse.User bruno = synapse.register(Synapse.unique("bruno"), false);
        String room = roomWithTheBot(ana, bruno);

        synapse.send(bruno, room, "!anim admin relier animacoop-7");

        assertThat(body(answers(room, 1).get(0))).contains("réservée aux organisateurs");
        assertThat(core.links.sessionOf(new ConversationRef("matrix", room))).isEmpty();
    }

    @Test
    void afterARestartNoOldMessageIsAnsweredTwiceAndNewOnesAreAnswered() {
        String room = roomWithTheBot(ana);
        synapse.send(ana, room, "!anim semaine 1");
        answers(room, 1);
        matrix.stop();

        synapse.send(ana, room, "!anim semaine 2");
        matrix = start(settings());
        synapse.send(ana, room, "!anim semaine 3");

        List<JsonNode> notices = answers(room, 3);
        assertThat(notices).extracting(MatrixChatPlatformIT::body).satisfiesExactly(
                one -> assertThat(one).contains("Se présenter et présenter son projet"),
                two -> assertThat(two).contains("Outils pour travailler ensemble à distance"),
                three -> assertThat(three).contains("Animer une liste de discussion"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                synapse.messages(ana, room).stream().filter(Synapse.noticesFrom(bot.userId())).count() == 3);
    }

    @Test
    void onTheVeryFirstStartTheBacklogIsNotAnswered() {
        matrix.stop();
        Synapse.User freshBot = synapse.register(Synapse.unique("animabot"), false);
        String room = synapse.createRoom(ana, false, freshBot.userId());
        synapse.join(freshBot, room);
        synapse.send(ana, room, "!anim semaine 1");

        MatrixChatPlatform fresh = new MatrixChatPlatform(
                MatrixSettings.withAccessToken(synapse.baseUrl(), freshBot.accessToken()),
                new InMemorySyncTokenStore());
        try {
            fresh.start(core.bot);
            await().atMost(WAIT).until(() -> fresh.status().isConnected());
            synapse.send(ana, room, "!anim semaine 2");

            List<JsonNode> notices = synapse.awaitMessages(ana, room, Synapse.noticesFrom(freshBot.userId()), 1, WAIT);
            assertThat(body(notices.get(0))).contains("Outils pour travailler ensemble à distance");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> synapse.messages(ana, room)
                    .stream().filter(Synapse.noticesFrom(freshBot.userId())).count() == 1);
        } finally {
            fresh.stop();
        }
    }

    @Test
    void anInvitationFromOutsideTheAllowListIsDeclined() {
        matrix.stop();
        matrix = start(settings().withInviteAllowList(List.of("animacoop.example.org")));

        String room = synapse.createRoom(ana, false, bot.userId());

        await().atMost(WAIT).until(() -> {
            JsonNode state = synapse.call("GET", "/_matrix/client/v3/rooms/" + room.replace("!", "%21")
                    + "/state/m.room.member/" + bot.userId().replace("@", "%40").replace(":", "%3A"), ana, null);
            return state.path("membership").asText().equals("leave");
        });
        assertThat(synapse.isJoined(ana, room, bot.userId())).isFalse();
    }

    @Test
    void aMessageCarryingHtmlAndScriptsComesBackEscaped() {
        String room = roomWithTheBot(ana);

        synapse.sendHtml(ana, room, "!anim session <script>alert('x')</script><b>gras</b>",
                "!anim session <script>alert('x')</script><b>gras</b>");

        JsonNode content = answers(room, 1).get(0).path("content");
        assertThat(content.path("body").asText()).contains("Je ne connais pas de session « <script>alert('x')</script>");
        assertThat(content.path("formatted_body").asText())
                .contains("&lt;script&gt;alert(", "&lt;b&gt;gras&lt;/b&gt;")
                .doesNotContain("<script", "<b>");
    }

    @Test
    void aBurstOfOneHundredQuestionsIsAnsweredCompletelyAndInOrder() {
        String room = roomWithTheBot(ana);
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            asked.add(synapse.send(ana, room, "!anim semaine " + (i % 13 + 1)));
        }

        List<JsonNode> notices = synapse.awaitMessages(ana, room, Synapse.noticesFrom(bot.userId()), 100,
                Duration.ofSeconds(120));

        assertThat(notices).extracting(n -> n.path("content").path("m.relates_to").path("m.in_reply_to")
                .path("event_id").asText()).containsExactlyElementsOf(asked);
    }

    @Test
    void theCoreCanPostToALinkedRoomAndWriteToAPersonDirectly() throws Exception {
        String room = roomWithTheBot(ana);

        matrix.post(new ConversationRef("matrix", room), Outgoing.once(Reply.plain("Rappel : regroupement jeudi")))
                .toCompletableFuture().get();
        matrix.sendDirect(new PersonRef("matrix", ana.userId()), Outgoing.once(Reply.plain("Bonjour Ana, une mise en relation.")))
                .toCompletableFuture().get();

        assertThat(body(answers(room, 1).get(0))).contains("Rappel : regroupement jeudi");
        String direct = MatrixTestSupport.awaitInvitedRoomAndJoin(synapse, ana, WAIT);
        assertThat(synapse.awaitMessages(ana, direct, Synapse.noticesFrom(bot.userId()), 1, WAIT).get(0)
                .path("content").path("body").asText()).contains("une mise en relation");
    }
}
