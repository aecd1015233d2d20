package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.animfr.animabot.discord.fake.Limits;
import org.animfr.animabot.matrix.EncryptedHuman;
import org.animfr.animabot.matrix.synapse.Synapse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two instances of the application, each in its own JVM, on one PostgreSQL database, as an admin runs them for
 * reliability: one holds the platforms (the lease), the other stands by; the week's prompt reaches each of 60
 * Discord channels and 20 Matrix rooms once in total; killed mid-way through an announcement to 200 channels, the
 * active one is replaced within 30 s and nothing is sent or answered twice. Set {@code ANIMABOT_TEST_POSTGRES_URL}
 * to run it; each run works in a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "ANIMABOT_TEST_POSTGRES_URL", matches = ".+")
class TwoInstancesIT {
    private static final Instant CLOCK_START = OffsetDateTime.parse("2012-11-05T08:59:35+01:00").toInstant();
    private static final Duration START = Duration.ofSeconds(90);

    private final List<BotProcess> processes = new ArrayList<>();
    private final List<EncryptedHuman> humans = new ArrayList<>();
    private RunSchema schema;
    private FanOutWorld world;

    @BeforeEach
    void schemaOfItsOwn() throws SQLException {
        schema = RunSchema.create("two_instances");
    }

    private void createWorld(int channels, int rooms) throws Exception {
        world = FanOutWorld.create(channels, Limits.DISCORD, rooms, 50);
        world.linkAll(schema.database());
    }

    @AfterEach
    void stopEverything() throws InterruptedException, SQLException {
        for (BotProcess process : processes) {
            process.close();
        }
        humans.forEach(EncryptedHuman::close);
        if (world != null) {
            world.close();
        }
        schema.close();
    }

    @Test
    void twoInstancesOnOnePostgresqlSendEachPostOnceInTotal() throws Exception {
        createWorld(60, 20);
        Instant startedAt = Instant.now();
        BotProcess first = start("first.log", startedAt);
        BotProcess second = start("second.log", startedAt);
        first.awaitLog("Started AnimabotApplication", START);
        second.awaitLog("Started AnimabotApplication", START);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> world.discordChannelsWithThePrompt() == world.channels.size());
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> world.promptsPerConversation().values().stream().allMatch(count -> count >= 1));
        // both instances keep running: a late second sending would show now
        Thread.sleep(5_000);

        Map<String, Integer> counts = world.promptsPerConversation();
        assertThat(counts).hasSize(80)
                .allSatisfy((conversation, count) -> assertThat(count).as(conversation).isEqualTo(1));
        assertThat(first.isAlive() && second.isAlive()).as("both instances ran throughout").isTrue();
        assertThat(first.log() + second.log()).containsOnlyOnce("Posted prompt/animacoop-7/w6")
                .containsOnlyOnce(HOLDS).containsOnlyOnce("Discord connected").containsOnlyOnce("Matrix connected")
                .contains(STANDS_BY);
    }

    @Test
    void aQuestionAskedWhileTwoInstancesRunIsAnsweredOnce() throws Exception {
        createWorld(2, 2);
        Instant startedAt = Instant.now();
        BotProcess first = start("first.log", startedAt);
        BotProcess second = start("second.log", startedAt);
        active(first, second).awaitLog("Matrix connected", START);
        String room = world.rooms.get(0);
        Thread.sleep(3_000);

        String asked = world.synapse.send(world.organizer, room, "!anim semaine 6");

        // the week's prompt may come into the room meanwhile (its time is near): only replies to the question count
        Predicate<JsonNode> answer = event -> event.path("content")
                .path("m.relates_to").path("m.in_reply_to").path("event_id").asText().equals(asked);
        world.synapse.awaitMessages(world.organizer, room, Synapse.noticesFrom(world.bot.userId()).and(answer), 1,
                Duration.ofSeconds(30));
        Thread.sleep(5_000);
        assertThat(world.synapse.messages(world.organizer, room).stream()
                .filter(Synapse.noticesFrom(world.bot.userId()).and(answer)))
                .singleElement()
                .satisfies(event -> assertThat(event.path("content").path("body").asText()).contains("Cartographier"));
    }

    @Test
    void theActiveInstanceKilledMidAnnouncementIsReplacedWithin30sAndNothingIsSentOrAnsweredTwice() throws Exception {
        createWorld(CHANNELS, ROOMS);
        Instant startedAt = Instant.now();
        // a slow pace, so that the announcement is under way when the active instance dies
        BotProcess first = start("takeover-first.log", startedAt, "--animabot.discord.requests-per-second=10");
        BotProcess second = start("takeover-second.log", startedAt, "--animabot.discord.requests-per-second=10");
        BotProcess active = active(first, second);
        BotProcess standby = active == first ? second : first;
        active.awaitLog("Matrix connected", START).awaitLog("Discord connected", START);
        standby.awaitLog(STANDS_BY, START);
        String room = world.rooms.get(0);
        List<String> asked = new ArrayList<>();
        asked.add(world.synapse.send(world.organizer, room, "!anim semaine 2"));
        awaitAnswers(room, asked);
        // a person in an end-to-end encrypted room, with a full client of their own
        EncryptedHuman ana = EncryptedHuman.open(world.synapse.baseUrl(), world.organizer.accessToken());
        humans.add(ana);
        String secret = ana.createEncryptedRoom(false, world.bot.userId());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> world.synapse.isJoined(world.organizer, secret, world.bot.userId()));
        String secretBefore = ana.send(secret, "!anim semaine 2");
        assertThat(ana.awaitFrom(secret, world.bot.userId(), 1, Duration.ofSeconds(60)).get(0))
                .satisfies(answer -> assertThat(answer.getEncrypted()).isTrue())
                .satisfies(answer -> assertThat(answer.getInReplyTo()).isEqualTo(secretBefore));

        world.synapse.send(world.organizer, room, "!anim admin annonce " + ANNOUNCEMENT);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> world.discordChannelsWith(ANNOUNCEMENT) >= 30);
        asked.add(world.synapse.send(world.organizer, room, "!anim semaine 3"));
        active.kill();
        Instant killed = Instant.now();
        asked.add(world.synapse.send(world.organizer, room, "!anim semaine 4"));
        asked.add(world.synapse.send(world.organizer, room, "!anim c'est quand le prochain regroupement ?"));
        String secretDuring = ana.send(secret, "!anim semaine 4");

        standby.awaitLog(HOLDS, Duration.ofSeconds(30)).awaitLog("Discord connected", Duration.ofSeconds(30))
                .awaitLog("Matrix connected", Duration.ofSeconds(30));
        Duration takeover = Duration.between(killed, Instant.now());
        assertThat(takeover).as("the standby holds and connects the platforms").isLessThan(Duration.ofSeconds(30));
        System.out.println("Takeover after SIGKILL: " + takeover.toMillis() + " ms");
        asked.add(world.synapse.send(world.organizer, room, "!anim semaine 5"));

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> world.perConversation(ANNOUNCEMENT).values().stream().allMatch(count -> count >= 1));
        awaitAnswers(room, asked);
        Thread.sleep(5_000);
        assertThat(world.perConversation(ANNOUNCEMENT)).hasSize(CHANNELS + ROOMS)
                .allSatisfy((conversation, count) -> assertThat(count).as(conversation).isEqualTo(1));
        for (String question : asked) {
            assertThat(replies(room, question)).as("answers to " + question).hasSize(1);
        }
        // the standby took the bot's device over from the database: it reads and answers the encrypted room
        ana.awaitFrom(secret, world.bot.userId(), 2, Duration.ofSeconds(60));
        Thread.sleep(3_000);
        List<EncryptedHuman.Seen> secretAnswers = ana.seenFrom(secret, world.bot.userId());
        assertThat(secretAnswers).as("each encrypted question answered once").hasSize(2);
        assertThat(secretAnswers.get(1).getEncrypted()).isTrue();
        assertThat(secretAnswers.get(1).getInReplyTo()).isEqualTo(secretDuring);
        assertThat(secretAnswers.get(1).getBody()).contains("semaine 4");
    }

    private static final int CHANNELS = 200;
    private static final int ROOMS = 5;
    private static final String HOLDS = "This instance holds the platforms now";
    private static final String STANDS_BY = "this one stands by to take over";
    private static final String ANNOUNCEMENT = "Le regroupement du 15 novembre a lieu au Tiers-lieu La Coop.";

    /** The instance that took the lease, once one has. */
    private static BotProcess active(BotProcess first, BotProcess second) {
        return await().atMost(START).pollInterval(Duration.ofMillis(200))
                .until(() -> first.log().contains(HOLDS) ? first : second.log().contains(HOLDS) ? second : null,
                        process -> process != null);
    }

    private void awaitAnswers(String room, List<String> asked) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(asked).as("questions without an answer")
                        .allSatisfy(question -> assertThat(replies(room, question)).as(question).isNotEmpty()));
    }

    /** The bot's notices in the room that reply to this message. */
    private List<JsonNode> replies(String room, String question) {
        return world.synapse.messages(world.organizer, room).stream()
                .filter(Synapse.noticesFrom(world.bot.userId()))
                .filter(event -> event.path("content").path("m.relates_to").path("m.in_reply_to")
                        .path("event_id").asText().equals(question))
                .toList();
    }

    private BotProcess start(String log, Instant startedAt, String... more) {
        List<String> arguments = new ArrayList<>(schema.arguments(world, CLOCK_START, startedAt));
        arguments.addAll(List.of(more));
        BotProcess process = BotProcess.start(BotProcess.logFile("TwoInstancesIT-" + log), arguments);
        processes.add(process);
        return process;
    }
}
