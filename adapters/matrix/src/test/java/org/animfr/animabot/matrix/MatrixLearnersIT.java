package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.matrix.synapse.Synapse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Learner profiles and introductions on Matrix, end to end: the whole core (its timers fired by hand as the clock
 * moves), the Trixnity adapter and a real Synapse, asserted on what people read in the room and in their direct
 * chats with the bot.
 *
 * <p>One group room serves the whole class: Ana created it (power level 100), Camille organizes there (50), and it
 * is linked to Animacoop 7. Every test starts a fresh core (so that its learners are the only ones the bot knows)
 * on the same bot account, links the room again as the database would remember it, and registers its own
 * learners. The clock stands on Monday 5 November 2012, 10:00 in Paris.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatrixLearnersIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SESSION = "animacoop-7";
    private static final String PRIVATE_NOTICE = "Je vous ai répondu en message privé.";
    private static final String GARDEN = "Nous créons un jardin partagé au pied des immeubles avec un composteur "
            + "collectif.";
    private static final String OTHER_GARDEN = "Un jardin partagé et un compost de quartier animés par les habitants "
            + "et l’école.";
    private static final String RADIO = "Une web radio associative où les jeunes du quartier réalisent leurs "
            + "émissions.";
    private static final String ROOFTOP_GARDEN = "Des jardins partagés sur les toits de la ville, avec un compost "
            + "collectif.";


    private final Synapse synapse = Synapse.ensureRunning();
    private Synapse.User ana;
    private Synapse.User camille;
    private Synapse.User bot;
    private String room;
    private BotFixture core;
    private MatrixChatPlatform matrix;

    @BeforeAll
    void createTheRoomOnce() {
        ana = synapse.register(Synapse.unique("ana"), false);
        camille = synapse.register(Synapse.unique("camille"), false);
        bot = synapse.register(Synapse.unique("animabot"), false);
        room = synapse.createRoom(ana, false, bot.userId(), camille.userId());
        synapse.join(camille, room);
        synapse.setPowerLevel(ana, room, camille.userId(), 50);
    }

    @BeforeEach
    void startTheBot() {
        core = new BotFixture();
        matrix = core.join(new MatrixChatPlatform(MatrixSettings.withAccessToken(synapse.baseUrl(), bot.accessToken()),
                new InMemorySyncTokenStore()));
        await().atMost(WAIT).until(() -> matrix.status().isConnected());
        await().atMost(WAIT).until(() -> synapse.isJoined(ana, room, bot.userId()));
        core.links.link(new ConversationRef(MatrixChatPlatform.NAME, room), SESSION);
    }

    @AfterEach
    void stopTheBot() {
        matrix.stop();
    }

    @Test
    void aProjectTypedInTheRoomIsConfirmedInADirectChatTheBotOpensWhereTheLearnerGoesOn() {
        Synapse.User lea = learnerInTheRoom("lea");

        String asked = synapse.send(lea, room, "!anim projet " + GARDEN);

        assertThat(body(answerTo(ana, room, asked))).isEqualTo(PRIVATE_NOTICE);
        String direct = acceptDirect(lea);
        assertThat(botNotices(lea, direct)).singleElement().satisfies(confirmation -> assertThat(body(confirmation))
                .contains("votre projet est enregistré", "presentations oui"));
        assertThat(botNotices(ana, room)).extracting(MatrixLearnersIT::body)
                .noneSatisfy(b -> assertThat(b).contains("jardin"));

        assertThat(ask(lea, direct, "presentations oui")).contains("vous pourrez être présenté·e");
        assertThat(ask(lea, direct, "mon profil")).contains("Votre profil (vous seul·e le voyez)",
                "Projet : « " + GARDEN + " »", "Session : Animacoop 7", "Présentations : oui", lea.userId());
        assertThat(pendingInvitations(lea)).as("a second direct chat").isEmpty();
    }

    @Test
    void anOrganizersRoundIntroducesTwoLearnersByDirectMessageAndAWeekLaterCountsTheirAnswers() {
        Synapse.User lea = learner("lea");
        Synapse.User sam = learnerInTheRoom("sam");
        // Léa opened her direct chat herself, as Element does; Sam's is the one the bot opens to answer him privately
        String leaDirect = optIn(lea, GARDEN);
        answerTo(ana, room, synapse.send(sam, room, "!anim projet " + OTHER_GARDEN));
        String samDirect = acceptDirect(sam);
        assertThat(ask(sam, samDirect, "presentations oui")).contains("vous pourrez être présenté·e");

        String launched = body(answerTo(ana, room, synapse.send(camille, room, "!anim admin presentations reseau")));

        assertThat(launched).contains("Présentations envoyées pour tout le réseau : un groupe, 2 personnes");
        String toLea = body(awaitBotNotice(lea, leaDirect, "Une présentation d’Animabot"));
        assertThat(toLea).contains("Bonjour lea-", sam.userId(), "vous partagez", "jardin", "Pour commencer",
                "presentations non");
        String toSam = body(awaitBotNotice(sam, samDirect, "Une présentation d’Animabot"));
        assertThat(toSam).contains(lea.userId(), "vous partagez", "jardin");
        assertThat(pendingInvitations(lea)).as("a second direct chat for Léa").isEmpty();
        assertThat(pendingInvitations(sam)).as("a second direct chat for Sam").isEmpty();

        assertThat(core.runUntil(core.clock.instant().plus(BotFixture.FOLLOW_UP_DELAY).plusSeconds(1)))
                .filteredOn(key -> key.startsWith("intro-followup/")).hasSize(2);

        JsonNode followUp = awaitBotNotice(lea, leaDirect, "Avez-vous pu échanger ?");
        assertThat(body(followUp)).contains("je vous ai présenté sam-")
                .endsWith("\n→ echange oui\n→ echange pas-encore\n→ echange non");
        assertThat(followUp.path("content").path("formatted_body").asText())
                .contains("<p><strong>Avez-vous pu échanger ?</strong></p>", "<p>→ echange oui</p>");
        assertThat(ask(lea, leaDirect, "echange oui")).contains("Ravi que vous ayez pu échanger");
        assertThat(body(answerTo(ana, room, synapse.send(camille, room, "!anim admin presentations bilan"))))
                .contains("Présentations : 2 au total ; ont échangé : 1 ; pas encore : 0 ; ont décliné : 0 ; "
                        + "sans réponse : 1.");
    }

    @Test
    void similarPeopleAndWhoWorksOnQuestionsListOnlyThoseWhoSaidYesWithWhatTheyShare() {
        Synapse.User lea = learner("lea");
        Synapse.User sam = learner("sam");
        Synapse.User carl = learner("carl");
        Synapse.User tom = learner("tom");
        String leaDirect = optIn(lea, GARDEN);
        optIn(sam, OTHER_GARDEN);
        optIn(carl, RADIO);
        String tomDirect = directChatWithTheBot(tom);
        assertThat(ask(tom, tomDirect, "projet " + ROOFTOP_GARDEN)).contains("votre projet est enregistré");

        String similar = ask(lea, leaDirect, "similaires");
        String whoWorksOn = ask(lea, leaDirect, "qui travaille sur les jardins partagés ?");

        assertThat(similar).contains(sam.userId(), "vous partagez", "jardin").doesNotContain(tom.userId());
        assertThat(whoWorksOn).contains("travaille", sam.userId(), "vous partagez")
                .doesNotContain(tom.userId(), carl.userId());
    }

    @Test
    void myDataShowsEverythingKeptAndForgetMeErasesOnlyOnceConfirmed() {
        Synapse.User zoe = learner("zoe");
        PersonRef zoeRef = new PersonRef(MatrixChatPlatform.NAME, zoe.userId());
        String direct = optIn(zoe, GARDEN);
        ask(zoe, direct, "mots-cles compost, quartier");
        ask(zoe, direct, "territoire Montpellier");

        String asked = synapse.send(zoe, direct, "mes donnees");

        assertThat(body(answerTo(zoe, direct, asked))).contains("Tout ce que je garde sur vous :",
                "Projet : « " + GARDEN + " »", "Mots-clés : compost, quartier", "Territoire : Montpellier",
                "Présentations : oui", zoe.userId(), "Présentations : 0", "Pour tout effacer : oublie-moi");
        JsonNode file = synapse.awaitMessages(zoe, direct, filesFrom(bot.userId()), 1, WAIT).get(0).path("content");
        assertThat(file.path("filename").asText()).isEqualTo("animabot-mes-donnees.json");
        assertThat(file.path("info").path("mimetype").asText()).isEqualTo("application/json");
        assertThat(file.path("m.relates_to").path("m.in_reply_to").path("event_id").asText()).isEqualTo(asked);
        assertThat(download(zoe, file.path("url").asText()).toString()).contains(GARDEN, "Montpellier", "compost");

        String question = ask(zoe, direct, "oublie-moi");
        assertThat(question).contains("C’est définitif. Pour confirmer : oublie-moi confirmer")
                .endsWith("\n→ oublie-moi confirmer");
        assertThat(core.learners.find(zoeRef)).as("nothing erased yet").isPresent();
        assertThat(ask(zoe, direct, "mon profil")).contains("Projet : « " + GARDEN + " »");

        assertThat(ask(zoe, direct, "oublie-moi confirmer")).contains("C’est fait : j’ai tout effacé.");
        assertThat(core.learners.find(zoeRef)).isEmpty();
        assertThat(ask(zoe, direct, "mes donnees")).isEqualTo("Je ne garde rien sur vous.");
    }

    @Test
    void aTooLongProjectAndAWrongLinkingCodeChangeNothing() {
        Synapse.User noe = learner("noe");
        String direct = directChatWithTheBot(noe);
        ask(noe, direct, "projet " + GARDEN);

        String tooLong = ask(noe, direct, "projet " + "j".repeat(5000));
        String badCode = ask(noe, direct, "lier-compte ZZZZZZ");

        assertThat(tooLong).contains("000 caractères", "000 au plus", "Rien n’a été changé.");
        assertThat(ask(noe, direct, "projet")).contains("Votre projet : « " + GARDEN + " »");
        assertThat(badCode).contains("Ce code n’est pas valable");
        assertThat(core.learners.find(new PersonRef(MatrixChatPlatform.NAME, noe.userId())).orElseThrow().accounts())
                .hasSize(1);
    }

    @Test
    void aLearnerWhoLeftHerDirectChatGetsTheNextPrivateAnswerInANewOne() {
        Synapse.User lea = learnerInTheRoom("lea");
        answerTo(ana, room, synapse.send(lea, room, "!anim projet " + GARDEN));
        String first = acceptDirect(lea);
        synapse.leave(lea, first);
        await().atMost(WAIT).until(() -> !joinedRoomsOfTheBot().contains(first));

        assertThat(body(answerTo(ana, room, synapse.send(lea, room, "!anim mon profil")))).isEqualTo(PRIVATE_NOTICE);

        String second = acceptDirect(lea);
        assertThat(second).isNotEqualTo(first);
        assertThat(botNotices(lea, second)).singleElement()
                .satisfies(profile -> assertThat(body(profile)).contains("Projet : « " + GARDEN + " »"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(directChatsOfTheBot().path(lea.userId()).toString())
                .isEqualTo("[\"" + second + "\"]"));
    }

    /** A newly registered person, in no room with the bot yet. */
    private Synapse.User learner(String name) {
        return synapse.register(Synapse.unique(name), false);
    }

    /** A newly registered person whom Ana invited to the linked room, and who joined it. */
    private Synapse.User learnerInTheRoom(String name) {
        Synapse.User learner = learner(name);
        synapse.invite(ana, room, learner.userId());
        synapse.join(learner, room);
        return learner;
    }

    /** A direct chat the person opened with the bot, as Element does, once the bot has joined it. */
    private String directChatWithTheBot(Synapse.User who) {
        String direct = synapse.createRoom(who, true, bot.userId());
        await().atMost(WAIT).until(() -> synapse.isJoined(who, direct, bot.userId()));
        return direct;
    }

    /** In a direct chat of their own: describes the project and agrees to introductions; returns the chat. */
    private String optIn(Synapse.User who, String project) {
        String direct = directChatWithTheBot(who);
        assertThat(ask(who, direct, "projet " + project)).contains("votre projet est enregistré");
        assertThat(ask(who, direct, "presentations oui")).contains("vous pourrez être présenté·e");
        return direct;
    }

    /** Writes in a conversation and returns the text of the bot's answer to it. */
    private String ask(Synapse.User who, String conversation, String text) {
        return body(answerTo(who, conversation, synapse.send(who, conversation, text)));
    }

    /** The bot's notice answering that event, as {@code who} sees it. */
    private JsonNode answerTo(Synapse.User who, String conversation, String eventId) {
        return synapse.awaitMessages(who, conversation, Synapse.noticesFrom(bot.userId()).and(event -> event
                .path("content").path("m.relates_to").path("m.in_reply_to").path("event_id").asText()
                .equals(eventId)), 1, WAIT).get(0);
    }

    /** The first notice of the bot in the conversation containing the text, once it came. */
    private JsonNode awaitBotNotice(Synapse.User who, String conversation, String containing) {
        return synapse.awaitMessages(who, conversation,
                Synapse.noticesFrom(bot.userId()).and(event -> body(event).contains(containing)), 1, WAIT).get(0);
    }

    private List<JsonNode> botNotices(Synapse.User who, String conversation) {
        return synapse.messages(who, conversation).stream().filter(Synapse.noticesFrom(bot.userId())).toList();
    }

    private static Predicate<JsonNode> filesFrom(String userId) {
        return event -> event.path("sender").asText().equals(userId)
                && event.path("content").path("msgtype").asText().equals("m.file");
    }

    /** A JSON file from the media repository, by its {@code mxc://server/id} URI. */
    private JsonNode download(Synapse.User who, String mxc) {
        assertThat(mxc).startsWith("mxc://");
        return synapse.call("GET", "/_matrix/client/v1/media/download/" + mxc.substring("mxc://".length()), who,
                null);
    }

    private List<String> pendingInvitations(Synapse.User who) {
        return MatrixTestSupport.invitations(synapse, who, 0).properties().stream().map(Map.Entry::getKey)
                .toList();
    }

    /** The bot's {@code m.direct} account data: the direct chats clients show, by person. */
    private JsonNode directChatsOfTheBot() {
        return synapse.call("GET", "/_matrix/client/v3/user/" + enc(bot.userId()) + "/account_data/m.direct", bot,
                null);
    }

    private List<String> joinedRoomsOfTheBot() {
        List<String> rooms = new ArrayList<>();
        synapse.call("GET", "/_matrix/client/v3/joined_rooms", bot, null).path("joined_rooms")
                .forEach(id -> rooms.add(id.asText()));
        return rooms;
    }

    private static String body(JsonNode event) {
        return event.path("content").path("body").asText();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String acceptDirect(Synapse.User who) {
        return MatrixTestSupport.acceptDirectInvitation(synapse, who, bot.userId(), WAIT);
    }
}
