package org.animfr.animabot.discord;

import static org.animfr.animabot.discord.DiscordTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.discord.fake.Interaction;
import org.animfr.animabot.discord.fake.UploadedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Learner profiles and introductions through the real core, the real JDA and the fake Discord, as the members of a
 * server live them: describing one's project in a form (a modal) or in one go, the private answers by direct
 * message to what was typed in a channel, consent and similar projects, an introduction round with its follow-up
 * and buttons a week later, one's data as a file, and forgetting. The core's timers fire by hand.
 */
class DiscordLearnersIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a "nothing more arrives" check watches. */
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANA = "300000000000000021";
    private static final String BEA = "300000000000000022";
    private static final String ORGANIZER = "300000000000000023";
    private static final String SALON = "110000000000000021";
    private static final String ANA_PROJECT = "Nous créons un jardin partagé au pied des immeubles avec un composteur "
            + "collectif.";
    private static final String BEA_PROJECT = "Un jardin partagé et un compost de quartier animés par les habitants "
            + "et l’école.";

    private FakeDiscord fake;
    private DiscordChatPlatform discord;
    private BotFixture core;

    @BeforeEach
    void connect() {
        fake = FakeDiscord.start();
        fake.addMember(ANA, "Ana", false);
        fake.addMember(BEA, "Béa", false);
        fake.addMember(ORGANIZER, "Camille", true);
        fake.addTextChannel(SALON, "salon");
        core = new BotFixture();
        discord = core.join(DiscordTestSupport.discord(fake, core, 45));
        await().atMost(WAIT).until(() -> discord.status().isConnected() && discord.knowsChannel(SALON));
    }

    @AfterEach
    void disconnect() {
        discord.stop();
        fake.close();
    }

    @Test
    void projetWithoutTextOpensAFormThatSavesTheProjectAndComesBackPrefilledWithIt() {
        Interaction first = fake.slashCommand(ANA, SALON, "projet", Map.of());
        JsonNode empty = first.awaitModal(WAIT);

        assertThat(empty.get("custom_id").asText()).isEqualTo("anim-form:project:description");
        assertThat(empty.get("title").asText()).isEqualTo("Votre projet");
        JsonNode field = empty.get("components").get(0);
        assertThat(field.get("label").asText()).isEqualTo("Décrivez votre projet en quelques phrases");
        assertThat(field.get("component").get("style").asInt()).isEqualTo(2);
        assertThat(field.get("component").get("max_length").asInt()).isEqualTo(1000);
        assertThat(field.get("component").get("required").asBoolean()).isTrue();
        assertThat(field.get("component").has("value")).isFalse();

        JsonNode saved = fake.submitModal(ANA, first, Map.of("description", ANA_PROJECT)).awaitResponse(WAIT);

        assertThat(saved.get("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(saved)).isTrue();
        assertThat(text(saved.get("data"))).contains("C’est noté, votre projet est enregistré");
        assertThat(projectOf(ANA)).contains(ANA_PROJECT);
        assertThat(answerTo(fake.slashCommand(ANA, SALON, "mon-profil", Map.of()))).contains(ANA_PROJECT);

        JsonNode again = fake.slashCommand(ANA, SALON, "projet", Map.of()).awaitModal(WAIT);

        assertThat(again.get("components").get(0).get("component").get("value").asText()).isEqualTo(ANA_PROJECT);
        assertThat(fake.messagesIn(SALON)).isEmpty();
    }

    @Test
    void projetWithTheDescriptionOptionSavesAtOnceAndAnswersPrivately() {
        JsonNode response = fake.slashCommand(ANA, SALON, "projet", Map.of("description", ANA_PROJECT))
                .awaitResponse(WAIT);

        assertThat(response.get("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(response)).isTrue();
        assertThat(text(response.get("data"))).contains("C’est noté, votre projet est enregistré",
                "presentations oui");
        assertThat(projectOf(ANA)).contains(ANA_PROJECT);
    }

    @Test
    void freeTextOptionsTakeTheLongestTextDiscordAllows() {
        JsonNode projet = fake.registeredCommands().stream().filter(c -> c.get("name").asText().equals("projet"))
                .findFirst().orElseThrow();

        assertThat(projet.get("options").get(0).get("name").asText()).isEqualTo("description");
        assertThat(projet.get("options").get(0).get("max_length").asInt()).isEqualTo(6000);
    }

    @Test
    void aProjectTypedInAChannelIsConfirmedByDirectMessageAndNeverShownInTheChannel() {
        fake.sendMessage(ANA, SALON, "projet " + ANA_PROJECT, true);

        JsonNode direct = single(fake.awaitMessagesIn(fake.dmChannelOf(ANA), 1, WAIT));
        assertThat(text(direct)).contains("C’est noté, votre projet est enregistré");
        JsonNode inChannel = single(fake.awaitMessagesIn(SALON, 1, WAIT));
        assertThat(text(inChannel)).contains("Je vous ai répondu en message privé").doesNotContain("jardin");
        assertThat(projectOf(ANA)).contains(ANA_PROJECT);
        stillOnly(SALON, 1);
    }

    @Test
    void peopleWhoSaidYesSeeEachOtherAmongSimilarProjectsWithTheWordsTheyShare() {
        optIn(ANA, ANA_PROJECT);
        optIn(BEA, BEA_PROJECT);

        JsonNode response = fake.slashCommand(ANA, SALON, "similaires", Map.of()).awaitResponse(WAIT);

        assertThat(ephemeral(response)).isTrue();
        assertThat(text(response.get("data"))).contains("La personne dont le projet est le plus proche du vôtre",
                "**Béa**", "vous partagez :", "jardin").doesNotContain("**Ana**");
        assertThat(fake.messagesIn(SALON)).isEmpty();
    }

    @Test
    void aRoundIntroducesEachByDirectMessageAndAWeekLaterAsksWithButtonsWhoseAnswersAreCounted() {
        optIn(ANA, ANA_PROJECT);
        optIn(BEA, BEA_PROJECT);

        String done = admin("presentations", Map.of("quoi", "reseau"));

        assertThat(done).contains("Présentations envoyées pour tout le réseau", "2 personnes");
        String anaDm = fake.dmChannelOf(ANA);
        String beaDm = fake.dmChannelOf(BEA);
        assertThat(text(single(fake.awaitMessagesIn(anaDm, 1, WAIT))))
                .contains("Une présentation d’Animabot", "**Béa**", "vous partagez :", "jardin");
        assertThat(text(single(fake.awaitMessagesIn(beaDm, 1, WAIT))))
                .contains("Une présentation d’Animabot", "**Ana**", "vous partagez :", "jardin");

        core.runUntil(core.clock.instant().plus(BotFixture.FOLLOW_UP_DELAY).plusSeconds(1));

        JsonNode followUp = fake.awaitMessagesIn(anaDm, 2, WAIT).get(1);
        assertThat(text(followUp)).contains("Avez-vous pu échanger ?", "Béa");
        assertThat(buttons(followUp)).extracting(b -> b.get("label").asText())
                .containsExactly("Oui", "Pas encore", "Non merci");
        assertThat(text(fake.awaitMessagesIn(beaDm, 2, WAIT).get(1))).contains("Avez-vous pu échanger ?", "Ana");
        JsonNode yes = buttons(followUp).get(0);

        JsonNode clicked = fake.clickButton(ANA, anaDm, followUp.get("id").asText(), yes.get("custom_id").asText())
                .awaitResponse(WAIT);

        assertThat(ephemeral(clicked)).isTrue();
        assertThat(text(clicked.get("data"))).contains("Ravi que vous ayez pu échanger");
        assertThat(admin("presentations", Map.of("quoi", "bilan"))).contains("2 au total", "ont échangé : 1",
                "sans réponse : 1");
    }

    @Test
    void mesDonneesAnswersPrivatelyWithTheDataAsAJsonFile() throws Exception {
        optIn(ANA, ANA_PROJECT);

        Interaction interaction = fake.slashCommand(ANA, SALON, "mes-donnees", Map.of());

        JsonNode response = interaction.awaitResponse(WAIT);
        assertThat(ephemeral(response)).isTrue();
        assertThat(text(response.get("data"))).contains("Tout ce que je garde sur vous", ANA_PROJECT);
        UploadedFile file = single(interaction.awaitFiles(1, WAIT));
        assertThat(file.fileName()).isEqualTo("animabot-mes-donnees.json");
        JsonNode data = JSON.readTree(file.text());
        assertThat(data.get("profile").get("project").asText()).isEqualTo(ANA_PROJECT);
        assertThat(data.get("profile").get("introductions").asBoolean()).isTrue();
    }

    @Test
    void mesDonneesTypedInAChannelSendsTheFileByDirectMessageOnly() throws Exception {
        optIn(ANA, ANA_PROJECT);

        fake.sendMessage(ANA, SALON, "mes-donnees", true);

        JsonNode direct = single(fake.awaitMessagesIn(fake.dmChannelOf(ANA), 1, WAIT));
        assertThat(text(direct)).contains("Tout ce que je garde sur vous", ANA_PROJECT);
        JsonNode attachment = single(list(direct.get("attachments")));
        assertThat(attachment.get("filename").asText()).isEqualTo("animabot-mes-donnees.json");
        assertThat(JSON.readTree(fake.file(attachment).orElseThrow().text()).get("profile").get("project").asText())
                .isEqualTo(ANA_PROJECT);
        JsonNode inChannel = single(fake.awaitMessagesIn(SALON, 1, WAIT));
        assertThat(text(inChannel)).contains("Je vous ai répondu en message privé").doesNotContain("jardin");
        assertThat(inChannel.get("attachments")).isEmpty();
    }

    @Test
    void oublieMoiAsksToConfirmWithAButtonThatErasesEverything() {
        optIn(ANA, ANA_PROJECT);
        Interaction asked = fake.slashCommand(ANA, SALON, "oublie-moi", Map.of());
        JsonNode question = asked.awaitResponse(WAIT);
        assertThat(ephemeral(question)).isTrue();
        assertThat(text(question.get("data"))).contains("C’est définitif");
        JsonNode confirm = single(buttons(question.get("data")));
        assertThat(confirm.get("label").asText()).isEqualTo("Oui, tout effacer");

        JsonNode erased = fake.clickButton(ANA, SALON, asked.responseMessageId(), confirm.get("custom_id").asText())
                .awaitResponse(WAIT);

        assertThat(ephemeral(erased)).isTrue();
        assertThat(text(erased.get("data"))).contains("C’est fait : j’ai tout effacé");
        assertThat(projectOf(ANA)).isEmpty();
        assertThat(answerTo(fake.slashCommand(ANA, SALON, "mon-profil", Map.of())))
                .contains("Je ne garde rien sur votre profil");
    }

    @Test
    void aProjectTooLongTypedInAChannelIsRefusedByDirectMessageAndChangesNothing() {
        optIn(ANA, ANA_PROJECT);
        // as long as a Discord message gets (2,000 characters), twice what a project takes
        String tooLong = "Un projet très détaillé. ".repeat(76);

        fake.sendMessage(ANA, SALON, "projet " + tooLong, true);

        JsonNode direct = single(fake.awaitMessagesIn(fake.dmChannelOf(ANA), 1, WAIT));
        assertThat(text(direct)).contains("Votre description fait", "merci de la raccourcir", "Rien n’a été changé");
        assertThat(text(single(fake.awaitMessagesIn(SALON, 1, WAIT)))).contains("Je vous ai répondu en message privé")
                .doesNotContain("détaillé");
        assertThat(projectOf(ANA)).contains(ANA_PROJECT);
    }

    @Test
    void aProjectOfFiveThousandCharactersGivenToTheSlashCommandIsRefusedPrivatelyAndChangesNothing() {
        optIn(ANA, ANA_PROJECT);

        JsonNode response = fake.slashCommand(ANA, SALON, "projet", Map.of("description", "x".repeat(5_000)))
                .awaitResponse(WAIT);

        assertThat(ephemeral(response)).isTrue();
        assertThat(text(response.get("data"))).contains("Votre description fait", "Rien n’a été changé");
        assertThat(projectOf(ANA)).contains(ANA_PROJECT);
    }

    // ---- as members do

    /** The member describes their project and agrees to be introduced, with slash commands. */
    private void optIn(String member, String project) {
        assertThat(answerTo(fake.slashCommand(member, SALON, "projet", Map.of("description", project))))
                .contains("votre projet est enregistré");
        assertThat(answerTo(fake.slashCommand(member, SALON, "presentations", Map.of("choix", "oui"))))
                .contains("C’est noté");
    }

    /** The organizer runs {@code /admin <subcommand>}, acknowledged privately at once and answered in a follow-up. */
    private String admin(String subcommand, Map<String, ?> options) {
        return text(fake.slashCommand(ORGANIZER, SALON, "admin", options, subcommand).awaitFollowUp(WAIT));
    }

    private static boolean ephemeral(JsonNode response) {
        return (response.get("data").path("flags").asInt() & 64) != 0;
    }

    private static List<JsonNode> buttons(JsonNode message) {
        List<JsonNode> buttons = new ArrayList<>();
        for (JsonNode row : message.path("components")) {
            row.path("components").forEach(buttons::add);
        }
        return buttons;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private Optional<String> projectOf(String member) {
        return core.learners.find(new PersonRef(DiscordChatPlatform.NAME, member))
                .map(learner -> learner.profile().project())
                .filter(project -> project != null && !project.isEmpty());
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** A short check that the channel keeps exactly this many messages from the bot. */
    private void stillOnly(String channel, int count) {
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> fake.messagesIn(channel).size() == count);
    }

    private static String answerTo(Interaction interaction) {
        return DiscordTestSupport.answerTo(interaction, WAIT);
    }
}
