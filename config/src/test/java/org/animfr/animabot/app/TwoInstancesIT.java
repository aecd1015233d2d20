package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.animfr.animabot.discord.fake.Limits;
import org.animfr.animabot.matrix.synapse.Synapse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two instances of the application, each in its own JVM, on one PostgreSQL database, as an admin runs them for
 * reliability: the week's prompt reaches each of 60 Discord channels and 20 Matrix rooms once in total, not once per
 * instance. Set {@code ANIMABOT_TEST_POSTGRES_URL} to run it; each run works in a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "ANIMABOT_TEST_POSTGRES_URL", matches = ".+")
class TwoInstancesIT {
    private static final Instant CLOCK_START = OffsetDateTime.parse("2012-11-05T08:59:35+01:00").toInstant();
    private static final Duration START = Duration.ofSeconds(90);

    private final String schema = "two_instances_" + UUID.randomUUID().toString().replace("-", "");
    private final List<BotProcess> processes = new ArrayList<>();
    private PGSimpleDataSource database;
    private FanOutWorld world;

    @BeforeEach
    void linkEveryConversation() throws Exception {
        database = new PGSimpleDataSource();
        database.setURL(System.getenv("ANIMABOT_TEST_POSTGRES_URL"));
        execute("CREATE SCHEMA " + schema);
        database.setCurrentSchema(schema);
        world = FanOutWorld.create(60, Limits.DISCORD, 20, 50);
        world.linkAll(database);
    }

    @AfterEach
    void stopEverything() throws InterruptedException, SQLException {
        for (BotProcess process : processes) {
            process.close();
        }
        world.close();
        database.setCurrentSchema(null);
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void twoInstancesOnOnePostgresqlSendEachPostOnceInTotal() throws Exception {
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
        assertThat(first.log() + second.log()).containsOnlyOnce("Posted prompt/animacoop-7/w6");
    }

    @Test
    void aQuestionAskedWhileTwoInstancesRunIsAnsweredOnce() throws Exception {
        Instant startedAt = Instant.now();
        BotProcess first = start("first.log", startedAt);
        BotProcess second = start("second.log", startedAt);
        first.awaitLog("Matrix connected", START);
        second.awaitLog("Matrix connected", START);
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

    private BotProcess start(String log, Instant startedAt) {
        Instant clock = CLOCK_START.plus(Duration.between(startedAt, Instant.now()));
        List<String> arguments = new ArrayList<>(List.of(
                "--animabot.data=classpath:e2e/sessions.yaml",
                "--animabot.clock-start=" + clock.atOffset(ZoneOffset.ofHours(1)),
                "--spring.datasource.url=" + System.getenv("ANIMABOT_TEST_POSTGRES_URL")
                        + (System.getenv("ANIMABOT_TEST_POSTGRES_URL").contains("?") ? "&" : "?")
                        + "currentSchema=" + schema,
                // one Matrix device cannot be used by two processes at once: until only one instance holds the
                // platforms, two instances run without end-to-end encryption (see the README)
                "--animabot.matrix.encryption=false"));
        arguments.addAll(world.platformArguments());
        BotProcess process = BotProcess.start(BotProcess.logFile("TwoInstancesIT-" + log), arguments);
        processes.add(process);
        return process;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
