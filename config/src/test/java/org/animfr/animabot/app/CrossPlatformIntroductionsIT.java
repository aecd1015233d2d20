package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.discord.fake.Interaction;
import org.animfr.animabot.discord.fake.Limits;
import org.animfr.animabot.matrix.synapse.Synapse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Introductions across platforms, in one running application (its own JVM, H2 on disk, its own scheduler) connected
 * at once to the fake Discord (real JDA) and to the real Synapse. Two learners on Discord and two on Matrix describe
 * their projects in their direct chats with the bot and accept introductions: two participatory maps, one on each
 * platform, and two bicycle workshops, one on each platform. An organizer on Discord previews a network round, which
 * pairs the maps and the workshops across platforms, then runs it: each learner gets a direct message on their own
 * platform naming their partner on the other one and how to reach them there. The application is stopped with
 * SIGTERM and started again before the follow-ups are due; they still come, once each, as buttons on Discord and as
 * typed answers on Matrix; the answers given both ways are counted in the organizer's report. Last, a Matrix learner
 * links a Discord account with a one-time code and finds their profile there.
 */
class CrossPlatformIntroductionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tuesday of week 6 of the test session ("Cartographier les acteurs de son projet"), in Paris. */
    private static final Instant CLOCK_START = OffsetDateTime.parse("2012-11-06T10:00:00+01:00").toInstant();
    /** Long enough for a stop and a start in between. */
    private static final Duration FOLLOW_UP_DELAY = Duration.ofSeconds(40);
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration ANSWER = Duration.ofSeconds(30);
    /** How long a conversation must stay unchanged for the bot's answer to be taken as complete. */
    private static final Duration SETTLED = Duration.ofMillis(800);
    private static final Pattern LINK_CODE = Pattern.compile("Votre code : ([2-9A-HJKMNP-Z]{6})");

    private static final String ANA = "400000000000000011";
    private static final String ANA_NAME = "Ana Dupont";
    private static final String BRUNO = "400000000000000012";
    private static final String BRUNO_NAME = "Bruno Marchal";
    private static final String CAMILLE = "400000000000000013";
    private static final String MALIK_ON_DISCORD = "400000000000000014";
    private static final String LUCIE_NAME = "Lucie Moreau";
    private static final String MALIK_NAME = "Malik Haddad";

    private static final String ANA_PROJECT = "Je lance une cartographie participative des jardins partagés de Brest : "
            + "une carte collaborative en ligne que les habitants enrichissent eux-mêmes lors d’ateliers de relevé "
            + "dans chaque quartier.";
    private static final String LUCIE_PROJECT = "Nous construisons avec les habitants de Figuerolles une cartographie "
            + "participative des lieux ressources du quartier : une carte collaborative alimentée lors de balades "
            + "et d’ateliers de relevé.";
    private static final String BRUNO_PROJECT = "Atelier vélo associatif à Nîmes : réparation de vélos, recyclerie "
            + "de pièces détachées, prêt d’outils et cours de mécanique animés par des bénévoles.";
    private static final String MALIK_PROJECT = "Je monte une recyclerie de vélos avec le centre social de Quimper : "
            + "ateliers de réparation, prêt d’outils et initiation à la mécanique vélo pour les jeunes.";

    @TempDir
    Path dir;

    private FanOutWorld world;
    private final List<BotProcess> processes = new ArrayList<>();
    private Instant startedAt;

    @BeforeEach
    void peopleOnBothPlatforms() throws Exception {
        world = FanOutWorld.create(0, Limits.DISCORD, 0, 50);
        world.discord.addMember(ANA, ANA_NAME, false);
        world.discord.addMember(BRUNO, BRUNO_NAME, false);
        world.discord.addMember(CAMILLE, "Camille Roux", false);
        world.discord.addMember(MALIK_ON_DISCORD, MALIK_NAME, false);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (BotProcess process : processes) {
            process.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void learnersOnDiscordAndMatrixAreIntroducedAcrossPlatformsFollowedUpOnceAfterARestartAndLinkTheirAccounts()
            throws Exception {
        Synapse.User lucie = matrixLearner("lucie", LUCIE_NAME);
        Synapse.User malik = matrixLearner("malik", MALIK_NAME);
        BotProcess first = start("first.log");
        String lucieRoom = directChatWithTheBot(lucie);
        String malikRoom = directChatWithTheBot(malik);

        // given: four learners describe their projects in their direct chats and accept introductions
        assertThat(askOnDiscord(ANA, "projet " + ANA_PROJECT)).contains("C’est noté, votre projet est enregistré");
        assertThat(askOnDiscord(ANA, "presentations oui")).contains("vous pourrez être présenté·e");
        assertThat(askOnMatrix(lucie, lucieRoom, "projet " + LUCIE_PROJECT))
                .contains("C’est noté, votre projet est enregistré");
        assertThat(askOnMatrix(lucie, lucieRoom, "presentations oui")).contains("vous pourrez être présenté·e");
        assertThat(askOnMatrix(malik, malikRoom, "projet " + MALIK_PROJECT))
                .contains("C’est noté, votre projet est enregistré");
        assertThat(askOnMatrix(malik, malikRoom, "presentations oui")).contains("vous pourrez être présenté·e");
        // Bruno types his in the general channel: the answer goes to him alone, by direct message
        String general = FakeDiscord.GENERAL_CHANNEL_ID;
        int inGeneral = world.discord.messagesIn(general).size();
        int inBrunosDm = world.discord.messagesIn(world.discord.dmChannelOf(BRUNO)).size();
        world.discord.sendMessage(BRUNO, general, "projet " + BRUNO_PROJECT, true);
        assertThat(settled(() -> discordTexts(general), inGeneral)).contains("Je vous ai répondu en message privé")
                .doesNotContain("recyclerie");
        assertThat(settled(() -> discordTexts(world.discord.dmChannelOf(BRUNO)), inBrunosDm))
                .contains("C’est noté, votre projet est enregistré");
        assertThat(askOnDiscord(BRUNO, "presentations oui")).contains("vous pourrez être présenté·e");

        // when: the organizer previews a round for the whole network
        String preview = askOnDiscord(CAMILLE, "admin presentations apercu reseau");

        // then: the maps are paired across platforms, and so are the workshops; nothing is sent
        assertThat(preview).contains("Aperçu pour tout le réseau : 2 groupes, 4 personnes (rien n’est envoyé)");
        assertThat(lineWith(preview, ANA_NAME)).contains(LUCIE_NAME).doesNotContain(BRUNO_NAME, MALIK_NAME);
        assertThat(lineWith(preview, BRUNO_NAME)).contains(MALIK_NAME).doesNotContain(ANA_NAME, LUCIE_NAME);
        assertThat(dmText(ANA)).doesNotContain("Une présentation d’Animabot");

        // when: the organizer runs it
        assertThat(askOnDiscord(CAMILLE, "admin presentations reseau"))
                .contains("Présentations envoyées pour tout le réseau : 2 groupes, 4 personnes");

        // then: each learner is told on their own platform who their partner is and how to reach them there
        String anasIntroduction = awaitOnDiscord(ANA, "Une présentation d’Animabot");
        assertThat(anasIntroduction).contains("Bonjour " + ANA_NAME, LUCIE_NAME, "Matrix : " + lucie.userId(),
                "vous partagez", "Cartographier les acteurs de son projet").doesNotContain(MALIK_NAME);
        assertThat(sharedTerms(anasIntroduction)).anySatisfy(term -> assertThat(term).containsIgnoringCase("cart"));
        String luciesIntroduction = awaitOnMatrix(lucie, lucieRoom, "Une présentation d’Animabot");
        assertThat(luciesIntroduction).contains("Bonjour " + LUCIE_NAME, ANA_NAME,
                "Discord : " + ANA_NAME + " (@" + ANA_NAME + ")",
                "vous partagez").doesNotContain(BRUNO_NAME);
        assertThat(awaitOnDiscord(BRUNO, "Une présentation d’Animabot"))
                .contains(MALIK_NAME, "Matrix : " + malik.userId());
        assertThat(awaitOnMatrix(malik, malikRoom, "Une présentation d’Animabot"))
                .contains("Discord : " + BRUNO_NAME);

        // when: the application is stopped before the follow-ups are due, and started again
        assertThat(first.terminate(Duration.ofSeconds(60))).as("exit code after SIGTERM:\n" + first.tail())
                .isIn(0, 143);
        assertThat(dmText(ANA) + matrixTexts(lucie, lucieRoom))
                .as("no follow-up before the stop").doesNotContain("Avez-vous pu échanger ?");
        BotProcess second = start("second.log");

        // then: the follow-ups come after the delay, with buttons on Discord and typed answers on Matrix
        awaitOnDiscord(ANA, "Avez-vous pu échanger ?");
        awaitOnDiscord(BRUNO, "Avez-vous pu échanger ?");
        String luciesFollowUp = awaitOnMatrix(lucie, lucieRoom, "Avez-vous pu échanger ?");
        assertThat(luciesFollowUp).contains(ANA_NAME, "echange oui", "echange pas-encore", "echange non");
        awaitOnMatrix(malik, malikRoom, "Avez-vous pu échanger ?");
        JsonNode anasFollowUp = discordMessages(ANA).stream()
                .filter(message -> discordText(message).contains("Avez-vous pu échanger ?")).findFirst().orElseThrow();
        assertThat(discordText(anasFollowUp)).contains(LUCIE_NAME);
        assertThat(buttonLabels(anasFollowUp)).containsExactly("Oui", "Pas encore", "Non merci");

        // when: Ana clicks "Oui" and Lucie types that they have not talked yet
        Interaction click = world.discord.clickButton(ANA, world.discord.dmChannelOf(ANA),
                anasFollowUp.get("id").asText(), buttonId(anasFollowUp, "Oui"));
        assertThat(interactionText(click)).contains("Merci ! Ravi que vous ayez pu échanger.");
        assertThat(askOnMatrix(lucie, lucieRoom, "echange pas-encore"))
                .contains("Merci, c’est noté. Il n’est jamais trop tard pour écrire !");

        // then: the organizer's report counts both answers
        assertThat(askOnDiscord(CAMILLE, "admin presentations bilan")).contains(
                "Présentations : 4 au total ; ont échangé : 1 ; pas encore : 1 ; ont décliné : 0 ; sans réponse : 2.");
        // ... and nobody got their introduction or their follow-up twice, across the restart
        Thread.sleep(3_000);
        for (String learner : List.of(ANA, BRUNO)) {
            List<String> messages = discordTexts(world.discord.dmChannelOf(learner));
            assertThat(count(messages, "Une présentation d’Animabot")).as("introductions on Discord to " + learner)
                    .isOne();
            assertThat(count(messages, "Avez-vous pu échanger ?")).as("follow-ups on Discord to " + learner).isOne();
        }
        for (Synapse.User learner : List.of(lucie, malik)) {
            List<String> notices = matrixNotices(learner, learner == lucie ? lucieRoom : malikRoom);
            assertThat(count(notices, "Une présentation d’Animabot")).as("introductions on Matrix to " + learner)
                    .isOne();
            assertThat(count(notices, "Avez-vous pu échanger ?")).as("follow-ups on Matrix to " + learner).isOne();
        }

        // when: Malik asks for a code on Matrix and types it from his Discord account
        Matcher code = LINK_CODE.matcher(askOnMatrix(malik, malikRoom, "lier-compte"));
        assertThat(code.find()).as("a link code in Malik's direct chat").isTrue();
        assertThat(askOnDiscord(MALIK_ON_DISCORD, "lier-compte " + code.group(1)))
                .contains("C’est fait : vos 2 comptes ne font plus qu’un");

        // then: on Discord, his profile is the one he wrote on Matrix, with both accounts
        assertThat(askOnDiscord(MALIK_ON_DISCORD, "mon profil")).contains("Projet : « " + MALIK_PROJECT + " »",
                "Présentations : oui", "Discord : " + MALIK_NAME + " (" + MALIK_ON_DISCORD + ")",
                "Matrix : " + MALIK_NAME + " (" + malik.userId() + ")");
        assertThat(first.log() + second.log()).doesNotContain(FakeDiscord.BOT_TOKEN, world.bot.accessToken());
        assertThat(world.discord.unroutedCalls()).as("REST calls the fake Discord does not know").isEmpty();
    }

    // ---- the application

    /** Starts the application where its clock would be had it run since the first start. */
    private BotProcess start(String log) throws InterruptedException {
        Instant now = Instant.now();
        if (startedAt == null) {
            startedAt = now;
        }
        Instant clock = CLOCK_START.plus(Duration.between(startedAt, now));
        List<String> arguments = new ArrayList<>(List.of(
                "--animabot.data=classpath:e2e/sessions.yaml",
                "--animabot.clock-start=" + clock.atOffset(ZoneOffset.ofHours(1)),
                "--animabot.organizers=discord:" + CAMILLE,
                "--animabot.introductions.follow-up-delay=" + FOLLOW_UP_DELAY.toSeconds() + "s",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE"));
        arguments.addAll(world.platformArguments());
        BotProcess process = BotProcess.start(BotProcess.logFile("CrossPlatformIntroductionsIT-" + log), arguments);
        processes.add(process);
        process.awaitLog("Discord connected", START).awaitLog("Matrix connected", START);
        return process;
    }

    // ---- Discord, as its members see it

    /** Writes to the bot in the person's DM and returns the bot's answer there. */
    private String askOnDiscord(String userId, String text) {
        String dm = world.discord.dmChannelOf(userId);
        int before = world.discord.messagesIn(dm).size();
        world.discord.sendDirectMessage(userId, text);
        return settled(() -> discordTexts(dm), before);
    }

    /** Waits for a message from the bot in the person's DM holding {@code part}, and returns it. */
    private String awaitOnDiscord(String userId, String part) {
        await().atMost(FOLLOW_UP_DELAY.plus(START)).pollInterval(Duration.ofMillis(200))
                .until(() -> discordMessages(userId).stream().anyMatch(m -> discordText(m).contains(part)));
        return discordMessages(userId).stream().map(CrossPlatformIntroductionsIT::discordText)
                .filter(text -> text.contains(part)).findFirst().orElseThrow();
    }

    private List<JsonNode> discordMessages(String userId) {
        return world.discord.messagesIn(world.discord.dmChannelOf(userId));
    }

    private List<String> discordTexts(String channelId) {
        return world.discord.messagesIn(channelId).stream().map(CrossPlatformIntroductionsIT::discordText).toList();
    }

    /** All the bot wrote in the person's DM, one message a line. */
    private String dmText(String userId) {
        return String.join("\n", discordTexts(world.discord.dmChannelOf(userId)));
    }

    /** What a Discord message shows: its content and embeds, Markdown escapes removed. */
    private static String discordText(JsonNode message) {
        StringBuilder text = new StringBuilder(message.path("content").asText(""));
        for (JsonNode embed : message.path("embeds")) {
            text.append('\n').append(embed.path("title").asText("")).append('\n')
                    .append(embed.path("description").asText(""));
        }
        return text.toString().replace("\\", "");
    }

    private static List<String> buttonLabels(JsonNode message) {
        List<String> labels = new ArrayList<>();
        message.path("components").forEach(row -> row.path("components")
                .forEach(button -> labels.add(button.path("label").asText())));
        return labels;
    }

    private static String buttonId(JsonNode message, String label) {
        for (JsonNode row : message.path("components")) {
            for (JsonNode button : row.path("components")) {
                if (button.path("label").asText().equals(label)) {
                    return button.path("custom_id").asText();
                }
            }
        }
        throw new AssertionError("No button " + label + " on " + message);
    }

    /** The text of the bot's answer to an interaction, given at once or after a deferral. */
    private static String interactionText(Interaction interaction) {
        JsonNode response = interaction.awaitResponse(ANSWER);
        JsonNode message = response.path("type").asInt() == 5 ? interaction.awaitFollowUp(ANSWER)
                : response.path("data");
        return discordText(message);
    }

    // ---- Matrix, as its users see it

    /** A new Matrix user with a display name, as set in Element. */
    private Synapse.User matrixLearner(String name, String displayName) {
        Synapse.User user = world.synapse.register(Synapse.unique(name), false);
        world.synapse.call("PUT", "/_matrix/client/v3/profile/" + URLEncoder.encode(user.userId(),
                StandardCharsets.UTF_8) + "/displayname", user, JSON.createObjectNode().put("displayname",
                displayName));
        return user;
    }

    /** The user opens a direct chat with the bot, as Element does, and waits until the bot joined it. */
    private String directChatWithTheBot(Synapse.User user) {
        String room = world.synapse.createRoom(user, true, world.bot.userId());
        await().atMost(ANSWER).pollInterval(Duration.ofMillis(200))
                .until(() -> world.synapse.isJoined(user, room, world.bot.userId()));
        return room;
    }

    /** Writes to the bot in the room and returns its answer there. */
    private String askOnMatrix(Synapse.User user, String room, String text) {
        int before = matrixNotices(user, room).size();
        world.synapse.send(user, room, text);
        return settled(() -> matrixNotices(user, room), before);
    }

    /** Waits for a notice from the bot in the room holding {@code part}, and returns it. */
    private String awaitOnMatrix(Synapse.User user, String room, String part) {
        await().atMost(FOLLOW_UP_DELAY.plus(START)).pollInterval(Duration.ofMillis(300))
                .until(() -> matrixNotices(user, room).stream().anyMatch(body -> body.contains(part)));
        return matrixNotices(user, room).stream().filter(body -> body.contains(part)).findFirst().orElseThrow();
    }

    private List<String> matrixNotices(Synapse.User user, String room) {
        return world.synapse.messages(user, room).stream().filter(Synapse.noticesFrom(world.bot.userId()))
                .map(event -> event.path("content").path("body").asText()).toList();
    }

    private String matrixTexts(Synapse.User user, String room) {
        return String.join("\n", matrixNotices(user, room));
    }

    // ---- reading answers

    /**
     * Waits until the conversation holds more than {@code before} messages and stays unchanged for a moment (an
     * answer may come in several messages), and returns the new ones, one a line.
     */
    private static String settled(Supplier<List<String>> conversation, int before) {
        long[] unchangedSince = {System.nanoTime()};
        int[] last = {-1};
        await().atMost(ANSWER).pollInterval(Duration.ofMillis(100)).until(() -> {
            int size = conversation.get().size();
            if (size != last[0]) {
                last[0] = size;
                unchangedSince[0] = System.nanoTime();
                return false;
            }
            return size > before && System.nanoTime() - unchangedSince[0] >= SETTLED.toNanos();
        });
        List<String> all = conversation.get();
        return String.join("\n", all.subList(before, all.size()));
    }

    private static String lineWith(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("No line with " + part + " in:\n" + text));
    }

    /** The words after "vous partagez :" in an introduction. */
    private static List<String> sharedTerms(String introduction) {
        String line = lineWith(introduction, "vous partagez : ");
        return List.of(line.substring(line.indexOf("vous partagez : ") + "vous partagez : ".length()).split(",\\s*"));
    }

    /** How many of the messages hold {@code part}. */
    private static long count(List<String> messages, String part) {
        return messages.stream().filter(message -> message.contains(part)).count();
    }
}
